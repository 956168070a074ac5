// joblib batches and tasks in the Snowpark Jobs tree: run → batch → tasks. Needs an
// interpreter with joblib (Debian's /usr/bin/python3 with python3-joblib); skipped without.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { extensionApi, fixtureUri } from '../helpers';

const PYTHON_WITH_JOBLIB = '/usr/bin/python3';

describe('joblib batches and tasks in the tree', function () {
  this.timeout(90_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('snowparkLocal');

  before(function () {
    if (spawnSync(PYTHON_WITH_JOBLIB, ['-c', 'import joblib']).status !== 0) this.skip();
  });

  after(async () => {
    await config().update('pythonPath', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('warehouseType', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('shows the batch under the run and its tasks under the batch (Snowpark-optimized: loky → pool)', async () => {
    const api = await extensionApi();
    await config().update('pythonPath', PYTHON_WITH_JOBLIB, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('snowparkLocal.selectWarehouseType', 'snowpark-optimized');
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandlerWithArguments', {
      file: fixtureUri('joblib_parallel.sql').fsPath,
      procedure: 'joblib_multiprocessing_proc',
      args: [1],
    });
    assert.ok(outcome, JSON.stringify(api.commandFailures.slice(-1)));
    assert.strictEqual(outcome.ok, true, outcome.error?.message);
    const tree = api.jobsTree;
    const run = tree.getChildren().find((node) => node.id === outcome.runId)!;
    const batch = tree.getChildren(run).find((node) => tree.jobOf(node)?.kind === 'batch');
    assert.ok(batch, 'a batch row under the run');
    const batchItem = tree.getTreeItem(batch);
    assert.strictEqual(batchItem.label, 'joblib sqrt()');
    assert.match(String(batchItem.contextValue), /\bjob batch finished\b/);
    const tasks = tree.getChildren(batch).map((node) => tree.getTreeItem(node));
    assert.strictEqual(tasks.length, 10);
    assert.deepStrictEqual(tasks.map((item) => item.label), Array.from({ length: 10 }, (_, i) => `task ${i}`));
    assert.ok(tasks.every((item) => (item.iconPath as vscode.ThemeIcon).id === 'pass'));
    assert.match(String(tasks[0].description), /worker \d+/);
  });
});
