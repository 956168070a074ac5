// The runner mode Debug uses: the runner opens the channel and hands the command to a
// launcher instead of spawning Python itself. Here the launcher is a plain spawn (no
// debugger extension exists under code-server), which proves the contract: the bootstrap
// gets exactly what it needs from LaunchCommand and the run completes through the channel.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as vscode from 'vscode';
import type { LaunchCommand, LaunchedProcess } from '../../../../src/core/runner/runTypes';
import { DEFAULT_DB_RELATIVE_PATH as CORE_DEFAULT } from '../../../../src/core/snowparkRuntime';
import { resolveTarget } from '../../../../src/core/targets/runTarget';
import { DEFAULT_DB_RELATIVE_PATH as EXTENSION_DEFAULT } from '../../../../src/vscode/runtime/databasePath';
import { extensionApi, fixtureUri } from '../helpers';

describe('runner launch mode (what Debug uses)', function () {
  this.timeout(60_000);

  it('runs a handler through an external launcher', async () => {
    const api = await extensionApi();
    const entry = await api.runtimes.forUri(fixtureUri('jobs.py'));
    const { request } = resolveTarget({ file: fixtureUri('jobs.py').fsPath, handler: 'await_child', args: [] }, entry.runtime.catalog);
    let seen: LaunchCommand | undefined;
    const launch = async (command: LaunchCommand): Promise<LaunchedProcess> => {
      seen = command;
      const child = spawn(command.python, command.args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: 'ignore' });
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
      return { exited, stop: () => child.kill() };
    };
    const outcome = await entry.runtime.runner.start({ ...request, launch }).outcome;
    assert.strictEqual(outcome.ok, true, outcome.error?.message);
    assert.strictEqual(outcome.value, '42');
    assert.deepStrictEqual(seen?.args, ['-m', 'snowpark_local.bootstrap']);
    assert.ok(seen?.env.SNOWPARK_LOCAL_CHANNEL && seen.env.SNOWPARK_LOCAL_RUN_TOKEN, 'channel address and run token');
    assert.match(seen?.env.PYTHONPATH ?? '', /python/);
    assert.strictEqual(entry.runtime.jobs.get(outcome.runId)?.status, 'SUCCESS');
  });

  it('cancels a launched run: stop() is called and the run ends ABORTED', async () => {
    const api = await extensionApi();
    const entry = await api.runtimes.forUri(fixtureUri('jobs.py'));
    const { request } = resolveTarget({ file: fixtureUri('jobs.py').fsPath, handler: 'slow_insert', args: [] }, entry.runtime.catalog);
    let stopped = false;
    const handle = entry.runtime.runner.start({
      ...request,
      launch: async (command) => {
        const child = spawn(command.python, command.args, { cwd: command.cwd, env: { ...process.env, ...command.env }, stdio: 'ignore' });
        const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
        return { exited, stop: () => ((stopped = true), child.kill()) };
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await handle.cancel();
    const outcome = await handle.outcome;
    assert.strictEqual(outcome.error?.kind, 'cancelled');
    assert.ok(stopped);
    assert.strictEqual(entry.runtime.jobs.get(handle.runId)?.status, 'ABORTED');
    void vscode.commands.executeCommand('snowparkLocal.clearFinished');
  });

  it('uses the same default database path as the core', () => {
    assert.strictEqual(EXTENSION_DEFAULT, CORE_DEFAULT);
  });
});
