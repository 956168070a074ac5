// Debugging in a real VS Code: our debugger type (adapter: debugpy's, from /usr/bin/python3 with
// Debian's python3-debugpy), breakpoints in a .py handler, in code it imports and in a .sql $$
// body, launch.json configurations (checked, with variables), the Debug command, and Stop /
// Restart ending the run like Cancel Run. What the UI shows is checked in test/e2e/debugging.e2e.ts.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { JobRecord } from '../../../../src/core/jobs/jobManager';
import type { JobNode } from '../../../../src/vscode/jobs/jobsTreeProvider';
import { extensionApi, fixtureUri, waitFor, workspaceFolder } from '../helpers';

const PYTHON = '/usr/bin/python3';

type Api = Awaited<ReturnType<typeof extensionApi>>;

/** The Jobs view's rows under `parent` (top level: runs), with their job records. */
function rows(api: Api, parent?: JobNode): Array<{ node: JobNode; job: JobRecord }> {
  return api.jobsTree.getChildren(parent).map((node) => ({ node, job: api.jobsTree.jobOf(node)! }));
}

function runRow(api: Api, test: (job: JobRecord) => boolean): { node: JobNode; job: JobRecord } | undefined {
  return rows(api).find((row) => test(row.job));
}

interface StoppedEvent {
  session: vscode.DebugSession;
  threadId: number;
  reason: string;
}

/** Sees the adapter's 'stopped' events, as the editor does. */
function watchStops(): { next(reason?: string): Promise<StoppedEvent>; dispose(): void } {
  const seen: StoppedEvent[] = [];
  const registration = vscode.debug.registerDebugAdapterTrackerFactory('snowpark-local', {
    createDebugAdapterTracker: (session) => ({
      onDidSendMessage: (message: { type?: string; event?: string; body?: { threadId: number; reason: string } }) => {
        if (message.type === 'event' && message.event === 'stopped' && message.body) seen.push({ session, threadId: message.body.threadId, reason: message.body.reason });
      },
    }),
  });
  return {
    next: async (reason?: string) => {
      const stop = await waitFor(`a '${reason ?? 'any'}' stop`, () => seen.find((event) => !reason || event.reason === reason), 60_000);
      seen.splice(seen.indexOf(stop), 1);
      return stop;
    },
    dispose: () => registration.dispose(),
  };
}

async function topFrame(stop: StoppedEvent): Promise<{ id: number; name: string; line: number; source?: { path?: string } }> {
  const trace = await stop.session.customRequest('stackTrace', { threadId: stop.threadId, startFrame: 0, levels: 10 });
  return trace.stackFrames[0];
}

async function locals(stop: StoppedEvent, frameId: number): Promise<Record<string, string>> {
  const { scopes } = await stop.session.customRequest('scopes', { frameId });
  const scope = scopes.find((candidate: { name: string }) => candidate.name === 'Locals');
  const { variables } = await stop.session.customRequest('variables', { variablesReference: scope.variablesReference });
  return Object.fromEntries(variables.map((variable: { name: string; value: string }) => [variable.name, variable.value]));
}

/** The frame's file as a local path (the remote workbench reports vscode-remote:// URIs). */
function sourcePath(frame: { source?: { path?: string } }): string | undefined {
  const reported = frame.source?.path;
  return reported && /^[a-z-]+:\/\//.test(reported) ? vscode.Uri.parse(reported).path : reported;
}

function breakpointAt(relative: string, line1: number): vscode.SourceBreakpoint {
  return new vscode.SourceBreakpoint(new vscode.Location(fixtureUri(relative), new vscode.Position(line1 - 1, 0)));
}

describe('debugging handlers (trusted workspace, real debugpy)', function () {
  this.timeout(120_000);
  let stops: ReturnType<typeof watchStops>;
  const added: vscode.Breakpoint[] = [];
  const addBreakpoints = (...breakpoints: vscode.SourceBreakpoint[]): void => {
    vscode.debug.addBreakpoints(breakpoints);
    added.push(...breakpoints);
  };

  beforeEach(() => (stops = watchStops()));
  afterEach(async () => {
    stops.dispose();
    vscode.debug.removeBreakpoints(added.splice(0));
    if (vscode.debug.activeDebugSession) await vscode.debug.stopDebugging();
    await waitFor('no debug session left', () => vscode.debug.activeDebugSession === undefined, 30_000);
  });

  it('a launch.json configuration stops in the handler (session in Locals), steps, stops in imported code, and the run succeeds', async () => {
    const api = await extensionApi();
    addBreakpoints(breakpointAt('debugging/debug_me.py', 6), breakpointAt('debugging/helper_module.py', 2));
    const started = await vscode.debug.startDebugging(workspaceFolder(), {
      type: 'snowpark-local',
      request: 'launch',
      name: 'Debug main',
      handler: '${workspaceFolder}/debugging/debug_me.py:main',
      args: [20],
      python: PYTHON,
    });
    assert.strictEqual(started, true);
    const first = await stops.next('breakpoint');
    const frame = await topFrame(first);
    assert.strictEqual(sourcePath(frame), fixtureUri('debugging/debug_me.py').fsPath);
    assert.strictEqual(frame.line, 6);
    const names = await locals(first, frame.id);
    assert.ok('session' in names, `Locals: ${Object.keys(names).join(', ')}`);
    assert.strictEqual(names.n, '20');
    const run = (await waitFor('the run in the Jobs view', () => runRow(api, (job) => /main/i.test(job.label) && job.status === 'RUNNING'))).job;

    await first.session.customRequest('next', { threadId: first.threadId });
    const stepped = await stops.next('step');
    assert.strictEqual((await topFrame(stepped)).line, 7);
    await first.session.customRequest('continue', { threadId: first.threadId });
    const imported = await stops.next('breakpoint');
    const importedFrame = await topFrame(imported);
    assert.strictEqual(sourcePath(importedFrame), fixtureUri('debugging/helper_module.py').fsPath);
    assert.strictEqual(importedFrame.line, 2);
    await imported.session.customRequest('continue', { threadId: imported.threadId });
    await waitFor('the run to finish SUCCESS', () => runRow(api, (job) => job.id === run.id && job.status === 'SUCCESS'), 30_000);
    assert.strictEqual(api.runs.outcomes.get(run.id)?.value, 41);
  });

  it('stops on a breakpoint set on a .sql line of a $$ body', async () => {
    const api = await extensionApi();
    addBreakpoints(breakpointAt('debugging/debug_procs.sql', 12));
    assert.ok(await vscode.debug.startDebugging(workspaceFolder(), { type: 'snowpark-local', request: 'launch', name: 'Debug tripled', procedure: '${workspaceFolder}/debugging/debug_procs.sql:tripled', args: [5], python: PYTHON }));
    const stop = await stops.next('breakpoint');
    const frame = await topFrame(stop);
    assert.strictEqual(sourcePath(frame), fixtureUri('debugging/debug_procs.sql').fsPath);
    assert.strictEqual(frame.line, 12);
    assert.strictEqual((await locals(stop, frame.id)).label, "'tripled'");
    await stop.session.customRequest('continue', { threadId: stop.threadId });
    const run = (await waitFor('TRIPLED to finish', () => runRow(api, (job) => /TRIPLED/i.test(job.label) && job.status === 'SUCCESS'), 30_000)).job;
    assert.strictEqual(api.runs.outcomes.get(run.id)?.value, 15);
  });

  it('Stop while a child job runs: the run and the job end ABORTED', async () => {
    const api = await extensionApi();
    addBreakpoints(breakpointAt('debugging/debug_me.py', 13));
    assert.ok(await vscode.debug.startDebugging(workspaceFolder(), { type: 'snowpark-local', request: 'launch', name: 'Debug waits', handler: 'debugging/debug_me.py:waits', python: PYTHON }));
    await stops.next('breakpoint');
    const run = await waitFor('the run RUNNING while paused', () => runRow(api, (job) => /waits/i.test(job.label) && job.status === 'RUNNING'));
    const child = await waitFor('its child job RUNNING', () => rows(api, run.node).find((row) => row.job.status === 'RUNNING'));
    await vscode.debug.stopDebugging();
    await waitFor('the run ABORTED', () => api.jobsTree.jobOf(run.node)?.status === 'ABORTED', 30_000);
    await waitFor('the child job ABORTED', () => api.jobsTree.jobOf(child.node)?.status === 'ABORTED', 30_000);
    await waitFor('the outcome', () => api.runs.outcomes.get(run.job.id));
    assert.match(api.runs.outcomes.get(run.job.id)?.error?.message ?? '', /debug session was stopped/);
  });

  it('Restart ends the paused run (ABORTED) and debugs the same handler again in a fresh run', async () => {
    const api = await extensionApi();
    addBreakpoints(breakpointAt('debugging/debug_me.py', 6));
    assert.ok(await vscode.debug.startDebugging(workspaceFolder(), { type: 'snowpark-local', request: 'launch', name: 'Debug main again', handler: 'debugging/debug_me.py:main', args: [1], python: PYTHON }));
    await stops.next('breakpoint');
    const first = await waitFor('the first run RUNNING', () => runRow(api, (job) => /main/i.test(job.label) && job.status === 'RUNNING'));
    await vscode.commands.executeCommand('workbench.action.debug.restart');
    await waitFor('the first run ABORTED', () => api.jobsTree.jobOf(first.node)?.status === 'ABORTED', 30_000);
    const again = await stops.next('breakpoint');
    assert.strictEqual((await topFrame(again)).line, 6);
    const second = await waitFor('a second run RUNNING', () => runRow(api, (job) => /main/i.test(job.label) && job.status === 'RUNNING' && job.id !== first.job.id));
    await again.session.customRequest('continue', { threadId: again.threadId });
    await waitFor('the second run SUCCESS', () => api.jobsTree.jobOf(second.node)?.status === 'SUCCESS', 30_000);
  });

  it('the Debug command (what the CodeLens runs) debugs with the configured interpreter', async () => {
    const api = await extensionApi();
    const settings = vscode.workspace.getConfiguration('snowparkLocal', workspaceFolder().uri);
    await settings.update('pythonPath', PYTHON, vscode.ConfigurationTarget.Workspace);
    try {
      addBreakpoints(breakpointAt('debugging/helper_module.py', 2));
      const outcome = vscode.commands.executeCommand<{ ok: boolean; value: unknown }>('snowparkLocal.debugHandler', { file: fixtureUri('debugging/debug_me.py').fsPath, handler: 'main', args: [3] });
      const stop = await stops.next('breakpoint');
      assert.strictEqual((await locals(stop, (await topFrame(stop)).id)).a, '6');
      await stop.session.customRequest('continue', { threadId: stop.threadId });
      assert.strictEqual((await outcome)?.value, 7);
      assert.ok(rows(api).some((row) => row.job.status === 'SUCCESS'));
    } finally {
      await settings.update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it("the Test Explorer's Debug profile stops in a saved run's handler and records its result", async () => {
    const api = await extensionApi();
    const tests = await waitFor('the saved-run test controller', () => api.savedRunTests);
    const items: vscode.TestItem[] = [];
    tests.controller.items.forEach((file) => file.children.forEach((handler) => handler.children.forEach((run) => void items.push(run))));
    const smallMonth = items.find((item) => item.label === 'small month');
    assert.ok(smallMonth, `saved runs: ${items.map((item) => item.label).join(', ')}`);
    const settings = vscode.workspace.getConfiguration('snowparkLocal', workspaceFolder().uri);
    await settings.update('pythonPath', PYTHON, vscode.ConfigurationTarget.Workspace);
    const source = new vscode.CancellationTokenSource();
    try {
      addBreakpoints(breakpointAt('saved_runs.py', 7));
      const finished = tests.run(new vscode.TestRunRequest([smallMonth]), source.token, true);
      const stop = await stops.next('breakpoint');
      const frame = await topFrame(stop);
      assert.strictEqual(sourcePath(frame), fixtureUri('saved_runs.py').fsPath);
      assert.strictEqual((await locals(stop, frame.id)).month, "'2024-02'");
      await stop.session.customRequest('continue', { threadId: stop.threadId });
      await finished;
      assert.strictEqual(tests.lastResults.get(smallMonth.id)?.state, 'passed', JSON.stringify(tests.lastResults.get(smallMonth.id)));
    } finally {
      source.dispose();
      await settings.update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it("a configuration's database and warehouse apply: ':memory:' gets a runtime of its own", async () => {
    const api = await extensionApi();
    assert.ok(await vscode.debug.startDebugging(workspaceFolder(), {
      type: 'snowpark-local',
      request: 'launch',
      name: 'Debug main in memory',
      handler: 'debugging/debug_me.py:main',
      args: [4],
      database: ':memory:',
      warehouse: 'snowpark-optimized',
      python: PYTHON,
    }));
    const run = await waitFor('the in-memory run to succeed', () =>
      api.runtimes.all.flatMap((entry) => entry.runtime.jobs.list({ kind: 'run' }).map((job) => ({ entry, job }))).find(({ entry, job }) => entry.dbPath === ':memory:' && job.status === 'SUCCESS'), 60_000);
    assert.strictEqual(run.job.detail.warehouseType, 'snowpark-optimized');
    assert.notStrictEqual(run.entry.key, workspaceFolder().uri.toString(), 'not the folder\'s own runtime');
    assert.strictEqual(api.runs.outcomes.get(run.job.id)?.value, 9);
    // Later suites look at the folder's runtime only.
    await api.runtimes.close(run.entry.key);
  });

  it('a wrong configuration does not start, and the configurations offered name the open handler', async () => {
    const api = await extensionApi();
    const before = api.runs.outcomes.size;
    const started = await vscode.debug.startDebugging(workspaceFolder(), { type: 'snowpark-local', request: 'launch', name: 'Broken', handler: 'debugging/debug_me.txt', args: 'x' });
    assert.strictEqual(started, false);
    assert.strictEqual(api.runs.outcomes.size, before, 'no run was started');

    const document = await vscode.workspace.openTextDocument(fixtureUri('debugging/debug_me.py'));
    await vscode.window.showTextDocument(document);
    const offered = api.debugConfigurations.provide(workspaceFolder());
    assert.deepStrictEqual(
      offered.map((configuration) => [configuration.name, configuration.handler]),
      [
        ['Debug main() (debug_me.py)', '${workspaceFolder}/debugging/debug_me.py:main'],
        ['Debug waits() (debug_me.py)', '${workspaceFolder}/debugging/debug_me.py:waits'],
      ],
    );
    assert.ok(offered.every((configuration) => configuration.type === 'snowpark-local' && configuration.request === 'launch'));
  });
});
