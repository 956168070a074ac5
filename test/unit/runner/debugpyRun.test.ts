import assert from 'node:assert/strict';
import { checkDebugpy, debugpyLaunchArguments, DebugpyMissingError } from '../../../src/core/runner/debugpyLaunch';
import { RunHandle } from '../../../src/core/runner/runTypes';
import { shimDirectory } from '../../../src/core/runner/shimLocation';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { resolveTarget } from '../../../src/core/targets/runTarget';
import { DebugSessionUnderTest, debugpyLaunchHook } from '../support/debugpyLauncher';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { useTempDirectory } from '../support/tempDirectory';
import { waitUntil } from '../support/processTable';

// Real breakpoints: debugpy (Debian's python3-debugpy for /usr/bin/python3, which .ci/run
// installs) launched with the arguments the extension gives it, driven over DAP as VS Code
// drives it. The editor side (our debugger type, CodeLens, the UI) is tested in code-server.

const PYTHON = '/usr/bin/python3';

const HANDLER = [
  'import helper_module', // 1
  '', // 2
  'def main(session, n: int):', // 3
  '    doubled = n * 2', // 4  ← breakpoint
  '    rows = session.sql("select 1 as one").collect()', // 5
  '    return helper_module.add(doubled, rows[0][0])', // 6
  '', // 7
  'def waits(session):', // 8
  '    job = session.sql("select system$wait(60)").collect_nowait()', // 9
  '    marker = job.query_id', // 10 ← breakpoint
  '    return job.result()', // 11
].join('\n');

const HELPER = ['def add(a, b):', '    total = a + b', '    return total', ''].join('\n'); // line 2 ← breakpoint

const PROCEDURE = [
  'CREATE OR REPLACE PROCEDURE tripled(n INT)', // 1
  'RETURNS INT', // 2
  'LANGUAGE PYTHON', // 3
  "RUNTIME_VERSION = '3.11'", // 4
  "PACKAGES = ('snowflake-snowpark-python')", // 5
  "HANDLER = 'run'", // 6
  'AS', // 7
  '$$', // 8
  'def run(session, n):', // 9
  '    tripled = n * 3', // 10 ← breakpoint
  '    return tripled', // 11
  '$$;', // 12
].join('\n');

interface Frame {
  id: number;
  name: string;
  line: number;
  source?: { path?: string };
}

async function topFrame(session: DebugSessionUnderTest, threadId: number): Promise<Frame> {
  const trace = await session.client.request('stackTrace', { threadId, startFrame: 0, levels: 20 });
  return (trace.stackFrames as Frame[])[0];
}

async function localNames(session: DebugSessionUnderTest, frameId: number): Promise<Record<string, string>> {
  const scopes = (await session.client.request('scopes', { frameId })).scopes as Array<{ name: string; variablesReference: number }>;
  const locals = scopes.find((scope) => scope.name === 'Locals')!;
  const variables = (await session.client.request('variables', { variablesReference: locals.variablesReference })).variables as Array<{ name: string; value: string }>;
  return Object.fromEntries(variables.map((variable) => [variable.name, variable.value]));
}

async function stoppedAt(session: DebugSessionUnderTest, reason: string): Promise<{ threadId: number; frame: Frame }> {
  const stopped = await session.client.waitForEvent('stopped', (body) => body.reason === reason);
  const threadId = stopped.threadId as number;
  return { threadId, frame: await topFrame(session, threadId) };
}

describe('debugging a run with debugpy (real breakpoints)', function () {
  this.timeout(120_000);
  const folder = useTempDirectory('snowpark-local-debug-');
  let runtime: SnowparkRuntime;
  let handlerFile: string;
  let helperFile: string;
  let sqlFile: string;

  before(async () => {
    handlerFile = folder.write('handler.py', HANDLER);
    helperFile = folder.write('helper_module.py', HELPER);
    sqlFile = folder.write('procs.sql', PROCEDURE);
    runtime = await openMemoryRuntime({ python: PYTHON });
  });
  after(async () => runtime?.dispose());

  function startDebugRun(selection: { file: string; handler?: string; procedure?: string; args: unknown[] }, breakpoints: Record<string, number[]>) {
    let session: DebugSessionUnderTest | undefined;
    const target = resolveTarget(selection, runtime.catalog);
    const handle: RunHandle = runtime.runner.start({ ...target.request, python: PYTHON, launch: debugpyLaunchHook(breakpoints, (started) => (session = started)) });
    const sessionStarted = async (): Promise<DebugSessionUnderTest> => {
      assert.ok(await waitUntil(() => session !== undefined, 30_000), 'the debug session starts');
      return session!;
    };
    return { handle, session: sessionStarted };
  }

  it('debugpy is installed for the test interpreter (.ci/run installs python3-debugpy)', async () => {
    assert.match(await checkDebugpy(PYTHON), /^\d+\.\d+/);
  });

  it('a missing debugpy is an error naming the interpreter and the install command', async () => {
    const without = `${process.env.HOME}/.pyenv/versions/3.9.18/bin/python3`;
    await assert.rejects(checkDebugpy(without), (error: unknown) => {
      assert.ok(error instanceof DebugpyMissingError);
      assert.ok(error.message.includes(without));
      assert.match(error.message, /-m pip install debugpy/);
      assert.match(error.message, /No module named 'debugpy'/);
      return true;
    });
  });

  it('stops in a .py handler with session in Locals, steps, stops in code it imports, and the run finishes', async () => {
    const { handle, session: started } = startDebugRun({ file: handlerFile, handler: 'main', args: [20] }, { [handlerFile]: [4], [helperFile]: [2] });
    const session = await started();
    const first = await stoppedAt(session, 'breakpoint');
    assert.equal(first.frame.source?.path, handlerFile);
    const stack = (await session.client.request('stackTrace', { threadId: first.threadId, startFrame: 0, levels: 20 })).stackFrames as Frame[];
    assert.deepEqual(stack.map((frame) => frame.source?.path), [handlerFile], 'only the handler: the shim\'s frames are hidden');
    assert.equal(first.frame.line, 4);
    assert.equal(first.frame.name, 'main');
    const locals = await localNames(session, first.frame.id);
    assert.ok('session' in locals, `Locals: ${Object.keys(locals).join(', ')}`);
    assert.equal(locals.n, '20');
    assert.equal(runtime.jobs.get(handle.runId)?.status, 'RUNNING', 'the Jobs view shows the run as running while it is paused');

    await session.client.request('next', { threadId: first.threadId });
    const stepped = await stoppedAt(session, 'step');
    assert.equal(stepped.frame.line, 5);
    assert.equal((await localNames(session, stepped.frame.id)).doubled, '40');

    await session.client.request('continue', { threadId: first.threadId });
    const imported = await stoppedAt(session, 'breakpoint');
    assert.equal(imported.frame.source?.path, helperFile);
    assert.equal(imported.frame.line, 2);

    await session.client.request('continue', { threadId: imported.threadId });
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.deepEqual(outcome.value, 41);
    assert.equal(runtime.jobs.get(handle.runId)?.status, 'SUCCESS');
  });

  it('stops on a breakpoint set on a .sql line inside a $$ body', async () => {
    const { handle, session: started } = startDebugRun({ file: sqlFile, procedure: 'tripled', args: [5] }, { [sqlFile]: [10] });
    const session = await started();
    const stop = await stoppedAt(session, 'breakpoint');
    assert.equal(stop.frame.source?.path, sqlFile);
    assert.equal(stop.frame.line, 10);
    assert.equal((await localNames(session, stop.frame.id)).n, '5');
    await session.client.request('continue', { threadId: stop.threadId });
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, true, JSON.stringify(outcome.error));
    assert.deepEqual(outcome.value, 15);
  });

  it('stopping the debug session while a child job runs cancels the run and the job (ABORTED)', async () => {
    const { handle, session: started } = startDebugRun({ file: handlerFile, handler: 'waits', args: [] }, { [handlerFile]: [10] });
    const session = await started();
    await stoppedAt(session, 'breakpoint');
    const child = runtime.jobs.list({ runId: handle.runId, kind: 'query' })[0];
    assert.ok(child, 'the child job was submitted');
    assert.equal(child.status, 'RUNNING');
    await session.stop();
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.kind, 'cancelled');
    assert.match(outcome.error!.message, /debug session was stopped/);
    assert.equal(runtime.jobs.get(handle.runId)?.status, 'ABORTED');
    assert.equal(runtime.jobs.get(child.id)?.status, 'ABORTED');
    assert.ok(outcome.cancelledChildren.includes(child.id));
  });

  it('the launch arguments: our bootstrap module, the channel env, Debug Console output, the run token to find the session', () => {
    const launch = debugpyLaunchArguments(
      { python: PYTHON, args: ['-m', 'snowpark_local.bootstrap'], env: { SNOWPARK_LOCAL_RUN_TOKEN: 'token-1', PYTHONPATH: '/shim' }, cwd: '/work' },
      { name: 'Debug main' },
    );
    assert.equal(launch.module, 'snowpark_local.bootstrap');
    assert.equal(launch.python, PYTHON);
    assert.match(String(launch.snowparkLocalRunId), /^[0-9a-f]{24}$/);
    assert.ok(!JSON.stringify({ ...launch, env: undefined }).includes('token-1'), 'the id is not the token');
    assert.deepEqual(launch.env, { SNOWPARK_LOCAL_RUN_TOKEN: 'token-1', PYTHONPATH: '/shim' });
    assert.equal(launch.justMyCode, true);
    assert.deepEqual(launch.rules, [{ path: shimDirectory(), include: false }]);
    assert.throws(() => debugpyLaunchArguments({ python: PYTHON, args: ['script.py'], env: {} }, { name: 'x' }), /starts a module/);
  });
});
