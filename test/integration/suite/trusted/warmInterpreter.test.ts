// The extension's warm interpreter (src/vscode/runtime/warmInterpreters.ts): a run adopts
// the process started ahead of it, the next run gets another one, and a settings change
// takes the waiting one down with everything it started.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { BootstrapProcess } from '../../../../src/core/runner/bootstrapProcess';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { extensionApi, fixtureUri, waitFor } from '../helpers';
import { isAlive, processesWithEnv } from '../../../unit/support/processTable';

const MARKER_ENV = 'SNOWPARK_LOCAL_RUN_MARKER';

describe('warm interpreter', function () {
  this.timeout(120_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('snowparkLocal');

  /** Opens the fixture (which starts a warm process for its folder) and waits until one is ready. */
  async function readyWarmProcess(): Promise<BootstrapProcess> {
    const api = await extensionApi();
    // A warm process is started when a Python editor becomes active: from none, so that the
    // file left open by an earlier test (its process dropped by a settings change) counts.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('warm_start.py')));
    return waitFor('a warm process waiting in run.start', async () => {
      const process = await api.runs.warm.waitingProcess();
      if (!process?.alive) return undefined;
      const ready = await Promise.race([process.ready.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 200))]);
      return ready && process;
    }, 60_000);
  }

  async function identity(): Promise<{ outcome: RunOutcome; pid: number; runs: string; leaked: string }> {
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: fixtureUri('warm_start.py').fsPath, handler: 'process_identity' });
    assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify((await extensionApi()).commandFailures.slice(-1)));
    const [pid, runs, leaked] = String(outcome.value).split(' ');
    return { outcome, pid: Number(pid), runs, leaked };
  }

  it('a run adopts the waiting process; the next run gets another with no state left over', async () => {
    const api = await extensionApi();
    const firstWarm = await readyWarmProcess();
    const first = await identity();
    assert.strictEqual(first.pid, (await firstWarm.ready).pid, 'the run ran in the warm process');
    const secondWarm = await readyWarmProcess();
    assert.notStrictEqual(secondWarm, firstWarm);
    const second = await identity();
    assert.strictEqual(second.pid, (await secondWarm.ready).pid);
    assert.notStrictEqual(second.pid, first.pid);
    assert.deepStrictEqual([second.runs, second.leaked], ['1', 'False'], 'module globals and sys.modules start fresh');
    assert.ok(!isAlive(first.pid), 'the first run\'s process ended with its run');
    const row = api.jobsTree.getChildren().find((node) => node.id === second.outcome.runId);
    assert.ok(row, 'the warm run is in the Jobs tree');
    assert.strictEqual(api.runtimes.find(second.outcome.runId)?.runtime.jobs.get(second.outcome.runId)?.status, 'SUCCESS');
  });

  it('a failing handler reports the same traceback location through a warm process', async () => {
    await readyWarmProcess();
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: fixtureUri('jobs.py').fsPath, handler: 'fail_here' });
    assert.strictEqual(outcome?.error?.kind, 'handler');
    assert.match(outcome.error.message, /ZeroDivisionError/);
    assert.deepStrictEqual(outcome.error.location, { file: fixtureUri('jobs.py').fsPath, line: 19 });
  });

  it('a settings change takes the waiting process and its guard down (no orphan)', async () => {
    const waiting = await readyWarmProcess();
    const waitingPid = (await waiting.ready).pid;
    assert.ok(processesWithEnv(MARKER_ENV, waiting.marker).length >= 2, 'the bootstrap and its lifeline guard are running');
    try {
      await config().update('workers', 3, vscode.ConfigurationTarget.Workspace);
      await waitFor('the old warm process to be gone', () => processesWithEnv(MARKER_ENV, waiting.marker).length === 0, 10_000);
      // Reaped, not only killed (a zombie still answers kill(pid, 0)).
      await waitFor('the old warm process to be reaped', () => !isAlive(waitingPid), 5_000);
      // Its exit is reported by the spawner thread that reaped it, a message later.
      await waitFor('the old warm process to be reported ended', () => !waiting.alive, 5_000);
    } finally {
      await config().update('workers', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('with snowparkLocal.warmInterpreter.enabled false nothing waits, and runs start fresh', async () => {
    const api = await extensionApi();
    await config().update('warmInterpreter.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      await api.runs.warm.clear();
      const run = await identity();
      assert.strictEqual(run.runs, '1');
      assert.strictEqual(await api.runs.warm.waitingProcess(), undefined);
    } finally {
      await config().update('warmInterpreter.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
