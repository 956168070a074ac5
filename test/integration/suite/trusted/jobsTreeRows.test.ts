// The Snowpark Jobs tree's rows are reused while their job stays the same (a refresh of a
// parent with 1,000 children re-renders all of them), and built again when it changes.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { extensionApi, fixtureUri } from '../helpers';

describe('Jobs tree rows (trusted workspace)', function () {
  this.timeout(120_000);

  it('gives an unchanged finished row the same TreeItem, and a fresh one once its state differs', async () => {
    const api = await extensionApi();
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: fixtureUri('jobs.py').fsPath, handler: 'await_child' });
    assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify(api.commandFailures));
    const run = api.jobsTree.getChildren().find((node) => node.id === outcome.runId)!;
    const [child] = api.jobsTree.getChildren(run);
    const first = api.jobsTree.getTreeItem(child);
    assert.strictEqual(api.jobsTree.getTreeItem(child), first, 'reused while nothing changed');
    assert.match(String(first.contextValue), /\bhasResult\b/);

    // Hovering builds the tooltip into the row; the next render leaves it to be built again.
    api.jobsTree.resolveTreeItem(first, child);
    assert.ok(first.tooltip);
    assert.strictEqual(api.jobsTree.getTreeItem(child).tooltip, undefined);

    api.jobsTree.results.forget(child.id);
    const without = api.jobsTree.getTreeItem(child);
    assert.notStrictEqual(without, first, 'rebuilt when its result is gone');
    assert.doesNotMatch(String(without.contextValue), /\bhasResult\b/);
    assert.strictEqual(without.description, first.description);
  });
});
