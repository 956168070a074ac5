import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { descendantsOf } from './processTable';
import { onlyCell, runSql } from './runtimeFixture';

// The five async child-job examples of Snowflake's "Python handler examples for stored
// procedures", run from the bundled worksheet exactly as pasted from the docs. One suite,
// run against every engine, so "the same observable results" is checked, not claimed.

export const docsWorksheetPath = join(__dirname, '..', '..', '..', '..', 'examples', 'async_child_jobs.sql');
const worksheet = readFileSync(docsWorksheetPath, 'utf8');

export interface SeedTarget {
  runtime: SnowparkRuntime;
  /** The engine's own record of a query's status, where the engine is a service. */
  serviceStatus?: (queryId: string) => string | undefined;
}

export function defineAsyncSeedTests(title: string, open: () => Promise<SeedTarget>, close: (target: SeedTarget) => Promise<void>, extra?: (target: () => SeedTarget) => void): void {
  describe(title, function () {
    this.timeout(60_000);
    let target: SeedTarget;

    before(async () => {
      target = await open();
      for (const statement of splitStatements(worksheet).filter((s) => /^create/i.test(s.text))) {
        const [outcome] = await runSql(target.runtime, statement.text, docsWorksheetPath);
        assert.equal(outcome.error, undefined, outcome.error?.message);
      }
    });
    after(async () => {
      if (target) await close(target);
    });

    const call = async (sql: string) => {
      const started = Date.now();
      const [outcome] = await runSql(target.runtime, sql, docsWorksheetPath);
      return { outcome, elapsedMs: Date.now() - started };
    };
    const count = async () => onlyCell((await runSql(target.runtime, 'select count(*) from test_tb'))[0]);
    const childrenOf = (callQueryId: string) => {
      const nestedRun = target.runtime.jobs.list({ kind: 'run' }).find((job) => job.parentId === callQueryId)!;
      return target.runtime.jobs.list({ runId: nestedRun.id, kind: 'query' });
    };
    const expectServiceStatus = (queryId: string, status: string) => {
      if (target.serviceStatus) assert.equal(target.serviceStatus(queryId), status, `the service's own record of ${queryId}`);
    };

    it('1. the status checked before the end is False', async () => {
      const { outcome, elapsedMs } = await call('CALL checkStatus()');
      assert.equal(onlyCell(outcome), 'False');
      assert.equal(outcome.result!.columns[0].name, 'CHECKSTATUS');
      assert.ok(elapsedMs < 10_000, `returned after ${elapsedMs} ms, not after the 60 s wait`);
      const [child] = childrenOf(outcome.queryId!);
      assert.equal(child.label, 'select system$wait(60)');
      assert.equal(child.status, 'ABORTED', 'the unfinished child is cancelled when the handler returns');
      expectServiceStatus(child.id, 'ABORTED');
    });

    it('2. a cancelled insert … system$wait(10) leaves test_tb empty', async () => {
      const { outcome } = await call('CALL cancelJob()');
      assert.equal(outcome.error, undefined, outcome.error?.message);
      const [child] = childrenOf(outcome.queryId!);
      assert.equal(child.status, 'ABORTED');
      expectServiceStatus(child.id, 'ABORTED');
      assert.equal(await count(), 0);
    });

    it("3. result() blocks about 5 s and returns [Row(SYSTEM$WAIT(5)='waited 5 seconds')]", async () => {
      const { outcome, elapsedMs } = await call('CALL blockUntilResult()');
      assert.equal(onlyCell(outcome), "[Row(SYSTEM$WAIT(5)='waited 5 seconds')]");
      assert.ok(elapsedMs >= 4_900 && elapsedMs < 9_000, `took ${elapsedMs} ms`);
      const [child] = childrenOf(outcome.queryId!);
      assert.equal(child.status, 'SUCCESS');
      expectServiceStatus(child.id, 'SUCCESS');
    });

    it('4. to_df().collect() on an unfinished job raises 000710 / 02000 "Result for query <id> has expired"', async () => {
      const { outcome } = await call('CALL getResultsBeforeFinished()');
      assert.ok(outcome.error, 'the call fails');
      const waitJob = childrenOf(outcome.queryId!).find((job) => job.label === 'select system$wait(5)')!;
      if (target.serviceStatus) assert.ok(target.serviceStatus(waitJob.id), 'the child carries the id the service assigned');
      assert.match(outcome.error!.message, new RegExp(`000710 \\(02000\\): Result for query ${waitJob.id} has expired`));
      assert.doesNotMatch(outcome.error!.message, /000710 \(02000\): 000710/, 'the code is shown once');
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

    extra?.(() => target);

    it('leaves no handler process behind', () => {
      assert.deepEqual(descendantsOf(process.pid).filter((child) => child.args.includes('snowpark_local')), []);
    });
  });
}
