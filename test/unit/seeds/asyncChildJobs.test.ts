import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { descendantsOf } from '../support/processTable';
import { onlyCell, openMemoryRuntime, runSql } from '../support/runtimeFixture';

// The five async child-job examples of Snowflake's "Python handler examples for stored
// procedures", run from the bundled worksheet exactly as pasted from the docs.
const worksheetPath = join(__dirname, '..', '..', '..', '..', 'examples', 'async_child_jobs.sql');
const worksheet = readFileSync(worksheetPath, 'utf8');

function statementsUpTo(marker: string): string {
  const statements = splitStatements(worksheet);
  const end = statements.findIndex((statement) => statement.text.includes(marker));
  return statements.slice(0, end + 1).map((statement) => statement.text + ';').join('\n');
}

describe('Snowflake docs: async child jobs (seed behaviours)', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;

  before(async () => {
    runtime = await openMemoryRuntime();
    // Register every procedure (and create test_tb) from the worksheet itself.
    const creates = splitStatements(worksheet)
      .filter((statement) => /^create/i.test(statement.text))
      .map((statement) => ({ ...statement }));
    for (const statement of creates) {
      const [outcome] = await runSql(runtime, statement.text, worksheetPath);
      assert.equal(outcome.error, undefined, outcome.error?.message);
    }
  });
  after(() => runtime.dispose());

  const call = async (sql: string) => {
    const started = Date.now();
    const [outcome] = await runSql(runtime, sql, worksheetPath);
    return { outcome, elapsedMs: Date.now() - started };
  };
  const count = async () => onlyCell((await runSql(runtime, 'select count(*) from test_tb'))[0]);
  const childrenOf = (callQueryId: string) => {
    const nestedRun = runtime.jobs.list({ kind: 'run' }).find((job) => job.parentId === callQueryId)!;
    return runtime.jobs.list({ runId: nestedRun.id, kind: 'query' });
  };

  it('1. the status checked before the end is False', async () => {
    const { outcome, elapsedMs } = await call('CALL checkStatus()');
    assert.equal(onlyCell(outcome), 'False');
    assert.equal(outcome.result!.columns[0].name, 'CHECKSTATUS');
    assert.ok(elapsedMs < 10_000, `returned after ${elapsedMs} ms, not after the 60 s wait`);
    const [child] = childrenOf(outcome.queryId!);
    assert.equal(child.label, 'select system$wait(60)');
    assert.equal(child.status, 'ABORTED', 'the unfinished child is cancelled when the handler returns');
  });

  it('2. a cancelled insert … system$wait(10) leaves test_tb empty', async () => {
    const { outcome } = await call('CALL cancelJob()');
    assert.equal(outcome.error, undefined, outcome.error?.message);
    const [child] = childrenOf(outcome.queryId!);
    assert.equal(child.status, 'ABORTED');
    assert.equal(await count(), 0);
  });

  it("3. result() blocks about 5 s and returns [Row(SYSTEM$WAIT(5)='waited 5 seconds')]", async () => {
    const { outcome, elapsedMs } = await call('CALL blockUntilResult()');
    assert.equal(onlyCell(outcome), "[Row(SYSTEM$WAIT(5)='waited 5 seconds')]");
    assert.ok(elapsedMs >= 4_900 && elapsedMs < 9_000, `took ${elapsedMs} ms`);
    assert.equal(childrenOf(outcome.queryId!)[0].status, 'SUCCESS');
  });

  it('4. to_df().collect() on an unfinished job raises 000710 / 02000 "Result for query <id> has expired"', async () => {
    const { outcome } = await call('CALL getResultsBeforeFinished()');
    assert.ok(outcome.error, 'the call fails');
    const waitJob = childrenOf(outcome.queryId!).find((job) => job.label === 'select system$wait(5)')!;
    assert.match(outcome.error!.message, new RegExp(`000710 \\(02000\\): Result for query ${waitJob.id} has expired`));
    assert.match(outcome.error!.message, /SnowparkSQLException/);
    assert.match(outcome.error!.message, /async_child_jobs\.sql", line \d+, in async_handler/);
  });

  it('5. returning while the insert runs cancels it: the call returns at once and test_tb stays empty', async () => {
    const { outcome, elapsedMs } = await call('CALL leaveJobs()');
    assert.equal(onlyCell(outcome), 'done');
    assert.ok(elapsedMs < 3_000, `returned after ${elapsedMs} ms, not after 10 s`);
    const [child] = childrenOf(outcome.queryId!);
    assert.equal(child.label, 'insert into test_tb (select system$wait(10))');
    assert.equal(child.status, 'ABORTED');
    assert.equal(await count(), 0);
  });

  it('leaves no handler process behind', () => {
    assert.deepEqual(descendantsOf(process.pid).filter((child) => child.args.includes('snowpark_local')), []);
  });

  it('the worksheet, run whole, stops at nothing but the last example', async () => {
    const fresh = await openMemoryRuntime();
    try {
      const outcomes = await runSql(fresh, statementsUpTo('CALL getResultsBeforeFinished()'), worksheetPath);
      const failed = outcomes.filter((outcome) => outcome.error);
      assert.equal(failed.length, 1);
      assert.match(failed[0].statement, /getResultsBeforeFinished/);
    } finally {
      await fresh.dispose();
    }
  });
});
