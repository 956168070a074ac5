// The Snowpark Jobs tree's rows are reused while their job stays the same (a refresh of a
// parent with 1,000 children re-renders all of them), and built again when it changes.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { isJobGroup, JobNode, JobsTreeNode } from '../../../../src/vscode/jobs/jobsTreeProvider';
import { extensionApi, fixtureUri, waitFor } from '../helpers';

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

  it('shows a run with more than 100 jobs in groups of 100, in start order, and refreshes only the last group as jobs are added', async () => {
    const api = await extensionApi();
    const tree = api.jobsTree;
    // Open, so that VS Code renders the rows and the refreshes have rows to address.
    await vscode.commands.executeCommand('snowparkLocal.jobs.focus');
    const fired: JobsTreeNode[][] = [];
    const listening = tree.onDidChangeTreeData((changed) => changed && fired.push(Array.isArray(changed) ? changed : [changed]));
    const gate = path.join(os.tmpdir(), `snowpark-local-groups-${process.pid}-${Date.now()}`);
    let outcome: RunOutcome | undefined;
    try {
      const running = vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandlerWithArguments', { file: fixtureUri('job_waves.py').fsPath, handler: 'jobs_in_two_waves', args: [gate] });
      // The first 150 jobs are in the tree and the run's rows have been read as grouped (as
      // VS Code reads them); only then may the next 100 come, so that they join a grouped run.
      await waitFor('the first 150 jobs in the tree', () =>
        tree.getChildren().some((node) => /jobs_in_two_waves/.test(tree.jobOf(node)?.label ?? '') && tree.jobOf(node)?.status === 'RUNNING' && tree.jobChildren(node as JobNode).length === 150),
      );
      fired.length = 0;
      fs.writeFileSync(gate, '');
      outcome = await running;
      assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify(api.commandFailures));
      // Refreshes are coalesced: the last ones may come after the run has returned.
      await waitFor('a refresh of the last group', () => fired.some((changed) => changed.some(isJobGroup)), 5_000).catch(() => undefined);
    } finally {
      listening.dispose();
      fs.rmSync(gate, { force: true });
    }
    const run = tree.getChildren().find((node) => node.id === outcome!.runId)!;
    const groups = tree.getChildren(run);
    assert.ok(groups.every(isJobGroup), 'the run\'s rows are groups');
    const items = groups.map((group) => tree.getTreeItem(group));
    assert.deepStrictEqual(items.map((item) => item.label), ['jobs 1–100', 'jobs 101–200', 'jobs 201–250']);
    assert.ok(items.every((item) => item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed));
    // No Cancel, Await or result action fits a group row.
    assert.ok(items.every((item) => !/\b(run|query|batch|task|hasResult|hasQueryId)\b/.test(String(item.contextValue))));
    assert.deepStrictEqual(groups.map((group) => tree.getChildren(group).length), [100, 100, 50]);

    const jobs = tree.jobChildren(run).map((node) => tree.jobOf(node)!);
    assert.strictEqual(new Set(jobs.map((job) => job.id)).size, 250);
    assert.ok(jobs.every((job, i) => i === 0 || jobs[i - 1].startedMs <= job.startedMs), 'in start order across groups');
    // The handler submitted `select …, i as i` in order: the SQL says where each job belongs.
    assert.match(jobs[0].label, /\b0 as i\b/);
    assert.match(jobs[249].label, /\b249 as i\b/);

    const [, second] = groups;
    const inSecond = tree.getChildren(second)[7];
    assert.strictEqual(tree.getParent(inSecond), second, 'a job\'s parent row is its group');
    assert.strictEqual(tree.getParent(second), run);
    assert.ok(fired.some((changed) => changed.some(isJobGroup)), `jobs added to a grouped run refresh its last group, not the whole run (fired: ${JSON.stringify(fired.map((changed) => changed.map((node) => node.id)))})`);
  });
});
