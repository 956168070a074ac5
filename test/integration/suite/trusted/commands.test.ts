// Every command against the fixture workspace's seed examples, in a trusted workspace:
// runs, results, the Snowpark Jobs tree's rows and states, Cancel and Await.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { JobRecord } from '../../../../src/core/jobs/jobManager';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import type { JobNode } from '../../../../src/vscode/jobs/jobsTreeProvider';
import type { WorksheetSummary } from '../../../../src/vscode/runs/runController';
import type { SnowparkLocalApi } from '../../../../src/vscode/testApi';
import { extensionApi, fixtureUri, waitFor } from '../helpers';

const jobsPy = (): string => fixtureUri('jobs.py').fsPath;

function rowsOf(api: SnowparkLocalApi, parent?: JobNode): Array<{ node: JobNode; job: JobRecord; item: vscode.TreeItem }> {
  return api.jobsTree.getChildren(parent).map((node) => ({ node, job: api.jobsTree.jobOf(node)!, item: api.jobsTree.getTreeItem(node) }));
}

describe('commands (trusted workspace)', function () {
  this.timeout(120_000);
  let api: SnowparkLocalApi;

  before(async () => {
    api = await extensionApi();
    // A fresh database for this launch: the fixture folder keeps its file between launches.
    await vscode.commands.executeCommand('snowparkLocal.resetLocalDatabase', { confirmed: true });
  });

  it('runs a .py handler and shows its return value', async () => {
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'await_child' });
    assert.ok(outcome, `no outcome; failures: ${JSON.stringify(api.commandFailures)}`);
    assert.strictEqual(outcome.ok, true, outcome.error?.message);
    assert.deepStrictEqual(outcome.value, '42');
    assert.match(api.output.text, /AWAIT_CHILD/);
    // The tree: the run at the top, its child query under it, both finished.
    const run = rowsOf(api).find((row) => row.job.id === outcome.runId)!;
    assert.ok(run, 'the run is a root row');
    assert.strictEqual(run.job.status, 'SUCCESS');
    assert.match(String(run.item.contextValue), /\bjob run finished hasResult\b/);
    const children = rowsOf(api, run.node);
    assert.strictEqual(children.length, 1);
    assert.strictEqual(children[0].job.kind, 'query');
    assert.match(String(children[0].item.description), /select 42 as answer/);
    assert.strictEqual((children[0].item.iconPath as vscode.ThemeIcon).id, 'pass');
  });

  it('opens a returned DataFrame in the result view', async () => {
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'rows_table' });
    assert.strictEqual(outcome.ok, true, outcome.error?.message);
    const page = api.results.lastPage!;
    assert.deepStrictEqual(page.result.columns.map((column) => column.name), ['ID', 'NAME']);
    assert.strictEqual(page.result.rowCount, 3);
    assert.match(api.results.lastHtml!, /<th[^>]*>ID<span/);
    assert.match(api.results.lastHtml!, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('reports a failing handler with a traceback link and a Diagnostic on the line', async () => {
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'fail_here' });
    assert.strictEqual(outcome.ok, false);
    assert.strictEqual(outcome.error?.location?.line, 19);
    assert.ok(api.output.text.includes(`at ${jobsPy()}:19`), 'absolute file:line in the output');
    const diagnostics = vscode.languages.getDiagnostics(fixtureUri('jobs.py'));
    assert.strictEqual(diagnostics.length, 1);
    assert.strictEqual(diagnostics[0].range.start.line, 18);
    assert.match(diagnostics[0].message, /ZeroDivisionError/);
    // The next run clears it.
    await vscode.commands.executeCommand('snowparkLocal.runHandler', { file: jobsPy(), handler: 'await_child' });
    assert.strictEqual(vscode.languages.getDiagnostics(fixtureUri('jobs.py')).length, 0);
  });

  it('runs the docs\' async worksheet statement by statement', async () => {
    const summary = await vscode.commands.executeCommand<WorksheetSummary>('snowparkLocal.runWorksheet', fixtureUri('async_child_jobs.sql'));
    assert.ok(summary, `no summary; failures: ${JSON.stringify(api.commandFailures)}`);
    const calls = summary.statements.filter((statement) => /^CALL/i.test(statement.statement));
    const value = (name: string): unknown => {
      const statement = calls.find((call) => call.statement.includes(name))!;
      return statement.result ? statement.result.data[0][0] : statement.error?.message;
    };
    assert.strictEqual(value('checkStatus'), 'False');
    assert.strictEqual(value('cancelJob'), null, 'AsyncJob.cancel() returns None: CALL shows NULL');
    assert.match(String(value('blockUntilResult')), /waited 5 seconds/);
    assert.strictEqual(value('leaveJobs'), 'done');
    assert.match(String(value('getResultsBeforeFinished')), /000710 \(02000\): Result for query .* has expired/);
    // SELECT * FROM test_tb stays empty after cancelJob and leaveJobs.
    for (const select of summary.statements.filter((statement) => /^SELECT \* FROM test_tb/i.test(statement.statement))) {
      assert.strictEqual(select.result?.rowCount, 0);
    }
    // The failing last statement gets a Diagnostic on its line.
    const diagnostics = vscode.languages.getDiagnostics(fixtureUri('async_child_jobs.sql'));
    assert.strictEqual(diagnostics.length, 1);
    // The worksheet is a run; each CALL nests its procedure's run under the CALL's row.
    const worksheet = rowsOf(api).find((row) => row.job.id === summary.runId)!;
    assert.match(String(worksheet.item.label), /^Worksheet /);
    const callRow = rowsOf(api, worksheet.node).find((row) => /CALL checkStatus/i.test(row.job.label))!;
    const nested = rowsOf(api, callRow.node);
    assert.strictEqual(nested.length, 1);
    assert.strictEqual(nested[0].job.kind, 'run');
  });

  it('runs one CALL from its CodeLens command', async () => {
    const summary = await vscode.commands.executeCommand<WorksheetSummary>('snowparkLocal.runCallStatement', {
      file: fixtureUri('async_child_jobs.sql').fsPath,
      statement: 'CALL leaveJobs()',
      line: 72,
    });
    assert.strictEqual(summary.statements[0].result?.data[0][0], 'done');
  });

  it('cancels a running run from its row: ABORTED, and the insert left nothing behind', async () => {
    const pending = vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'slow_insert' });
    const insert = await waitFor('the insert child job to be RUNNING', () =>
      api.runtimes.all[0]?.runtime.jobs.list({ kind: 'query' }).find((job) => /insert into e2e_target/.test(job.label) && job.status === 'RUNNING'),
    );
    const runRow = await waitFor('the run row', () => rowsOf(api).find((row) => row.job.id === insert.runId));
    assert.match(String(runRow.item.contextValue), /\bjob run running cancellable awaitable\b/);
    const insertRow = rowsOf(api, runRow.node).find((row) => row.job.id === insert.id)!;
    assert.match(String(insertRow.item.contextValue), /\bjob query running cancellable awaitable\b/);
    assert.strictEqual((insertRow.item.iconPath as vscode.ThemeIcon).id, 'loading~spin');
    const status = await vscode.commands.executeCommand<string>('snowparkLocal.cancelRun', runRow.node);
    assert.strictEqual(status, 'ABORTED');
    const outcome = await pending;
    assert.strictEqual(outcome.error?.kind, 'cancelled');
    assert.strictEqual(api.runtimes.all[0].runtime.jobs.get(insert.id)?.status, 'ABORTED');
    const after = rowsOf(api).find((row) => row.job.id === insert.runId)!;
    assert.strictEqual((after.item.iconPath as vscode.ThemeIcon).id, 'circle-slash');
    const check = await vscode.commands.executeCommand<WorksheetSummary>('snowparkLocal.openLocalDatabase', 'select count(*) as n from e2e_target');
    assert.strictEqual(Number(check.statements[0].result?.data[0][0]), 0);
  });

  it('cancels a single child job with Cancel Job', async () => {
    const pending = vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'slow_insert' });
    const insert = await waitFor('a RUNNING insert', () =>
      api.runtimes.all[0]?.runtime.jobs.list({ kind: 'query' }).find((job) => /insert into e2e_target/.test(job.label) && job.status === 'RUNNING'),
    );
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.cancelJob', insert.id), 'ABORTED');
    const outcome = await pending;
    assert.strictEqual(outcome.ok, false, 'the blocking collect() raised in the handler');
  });

  it('awaits a running child job and shows its result', async () => {
    const pending = vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'await_child' });
    const child = await waitFor('the child job', () =>
      api.runtimes.all[0]?.runtime.jobs.list({ kind: 'query' }).find((job) => /select 42 as answer/.test(job.label) && job.status === 'RUNNING'),
    );
    const result = await vscode.commands.executeCommand<{ columns: Array<{ name: string }>; data: unknown[][] }>('snowparkLocal.awaitJob', child.id);
    assert.ok(result, `no result; failures: ${JSON.stringify(api.commandFailures)}`);
    assert.deepStrictEqual(result.columns.map((column) => column.name), ['ANSWER', 'WAITED']);
    assert.strictEqual(Number(result.data[0][0]), 42);
    assert.strictEqual(api.results.lastPage?.result.queryId, child.id);
    await pending;
    // Finished: Show Job Result shows it again; Copy Query ID copies the id.
    const again = await vscode.commands.executeCommand<{ rowCount: number }>('snowparkLocal.showJobResult', child.id);
    assert.strictEqual(again.rowCount, 1);
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.copyQueryId', child.id), child.id);
    assert.strictEqual(await vscode.env.clipboard.readText(), child.id);
  });

  it('reruns the last run, switches warehouse type, clears finished rows', async () => {
    const rerun = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.rerunLastRun');
    assert.strictEqual(rerun.ok, true);
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.selectWarehouseType', 'snowpark-optimized'), 'snowpark-optimized');
    await waitFor('the status bar to show the warehouse', () => api.statusBar.text.includes('snowpark-optimized'));
    await vscode.commands.executeCommand('snowparkLocal.selectWarehouseType', 'standard');
    assert.match(api.statusBar.text, /Local \(DuckDB\) · standard/);
    const removed = await vscode.commands.executeCommand<number>('snowparkLocal.clearFinished');
    assert.ok(removed > 0);
    await waitFor('the tree to empty', () => api.jobsTree.getChildren().length === 0);
  });

  it('says what is missing when a command has nothing to act on', async () => {
    const before = api.commandFailures.length;
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.showJobResult', 'no-such-id'), undefined);
    assert.match(api.commandFailures[before].message, /No job no-such-id in Snowpark Jobs/);
    await vscode.commands.executeCommand('snowparkLocal.debugHandler', { file: jobsPy(), handler: 'await_child' });
    // The workspace's interpreter (python3 on PATH here) has no debugpy: the error names it and the install command.
    assert.match(api.commandFailures[before + 1].message, /Debugging needs debugpy in the interpreter that runs the handler, .*python.*-m pip install debugpy/);
  });
});

describe('Select Target (trusted workspace)', function () {
  this.timeout(60_000);

  it('switches to a connection name and explains when connections.toml does not have it', async () => {
    const api = await extensionApi();
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.selectTarget', 'no_such_connection'), 'no_such_connection');
    try {
      await waitFor('the status bar to show the target', () => api.statusBar.text.includes('no_such_connection'));
      const before = api.commandFailures.length;
      assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.runHandler', { file: jobsPy(), handler: 'await_child' }), undefined);
      assert.match(api.commandFailures[before]?.message ?? '', /No connection named 'no_such_connection'/);
      assert.strictEqual(api.runtimes.all.length, 0, 'no runtime opened on a target that does not exist');
    } finally {
      assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.selectTarget', 'local'), 'local');
    }
    await waitFor('the status bar to show Local', () => api.statusBar.text.includes('Local (DuckDB)'));
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: jobsPy(), handler: 'await_child' });
    assert.strictEqual(outcome.ok, true);
  });
});
