import assert from 'node:assert/strict';
import { ConnectionSlots } from '../../../src/core/engine/duckdb/connectionSlots';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { SqlError } from '../../../src/core/engine/sqlError';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { MAX_LABEL_CHARS } from '../../../src/core/jobs/jobLabel';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';

// Issue 10 item 11: 20k collect_nowait() inserts held every settled promise, controller and
// result until the run ended, the full SQL of each as its label, and a DuckDB connection per
// job running side by side. These count what is retained instead of timing or sampling RSS.

const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };

describe('faults: memory of many finished async jobs is bounded', function () {
  this.timeout(60_000);
  let engine: DuckDbEngine;
  let jobs: JobManager;
  let executor: QueryExecutor;
  const session = new SessionState(context);
  const submit = (sql: string): string => executor.submit({ runId: 'r', parentId: 'r', sql, session, async: true });

  beforeEach(async () => {
    engine = await DuckDbEngine.open({ path: ':memory:' });
    jobs = new JobManager();
    executor = new QueryExecutor(engine, jobs, { maxResults: 100, maxCells: 1_000 });
    await executor.run({ runId: 'r', parentId: 'r', sql: 'create table t (a int)', session });
  });
  afterEach(() => engine.close());

  it('2,000 finished inserts keep no running entry and at most the bound of results, oldest dropped first', async () => {
    const ids: string[] = [];
    const settled: Array<Promise<unknown>> = [];
    for (let i = 0; i < 2_000; i++) {
      ids.push(submit(`insert into t values (${i})`));
      settled.push(executor.wait(ids[i]));
    }
    await Promise.all(settled);
    assert.deepEqual(executor.retained, { running: 0, results: 100 });
    // The oldest result is gone, and says so as Snowflake says it; its status stays true.
    assert.equal(executor.status(ids[0]), 'SUCCESS');
    await assert.rejects(executor.wait(ids[0]), (error: SqlError) => error.errorCode === '000710' && error.message.includes(`Result for query ${ids[0]} has expired`));
    assert.deepEqual((await executor.wait(ids[1_999])).data, [[1]]);
    assert.equal((await executor.run({ runId: 'r', parentId: 'r', sql: 'select count(*) from t', session })).data[0][0], 2_000);
  });

  it('a failed or cancelled job still reports its own error once it has finished', async () => {
    const failed = submit('select * from no_such_table');
    await executor.wait(failed).catch(() => undefined);
    await assert.rejects(executor.wait(failed), (error: SqlError) => error.errorCode !== '000710' && /NO_SUCH_TABLE/i.test(error.message));
    const cancelled = submit('select system$wait(30)');
    await executor.cancel(cancelled);
    await assert.rejects(executor.wait(cancelled), (error: SqlError) => error.errorCode === '000604' && error.cancelled);
    await executor.cancel(cancelled); // a second cancel of a finished job is harmless
  });

  it('a megabyte of SQL is not kept whole as the job label', async () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `(${i})`).join(',');
    const id = submit(`insert into t values ${values}`);
    await executor.wait(id);
    const label = jobs.get(id)!.label;
    assert.ok(label.length < MAX_LABEL_CHARS + 50, `label of ${label.length} characters`);
    assert.match(label, /^insert into t values \(0\),\(1\)/);
    assert.match(label, /… \(\d+ more characters\)$/);
  });

  it('statements past the connection limit queue, and a cancel ends a queued wait', async () => {
    const slots = new ConnectionSlots(2);
    await slots.take(undefined, 'a');
    await slots.take(undefined, 'b');
    let third = false;
    const queued = slots.take(undefined, 'c').then(() => (third = true));
    const abort = new AbortController();
    const cancelled = slots.take(abort.signal, 'd');
    abort.abort();
    await assert.rejects(cancelled, (error: SqlError) => error.errorCode === '000604');
    assert.equal(third, false);
    slots.give();
    await queued;
    assert.equal(third, true);
  });

  it('1,000 concurrent SYSTEM$WAITs still wait side by side, not 32 at a time', async () => {
    const started = Date.now();
    const ids = Array.from({ length: 1_000 }, () => submit("select system$wait(300, 'MILLISECONDS')"));
    await Promise.all(ids.map((id) => executor.wait(id)));
    // 1,000 / 32 slots × 300 ms would be over 9 s.
    assert.ok(Date.now() - started < 6_000, `took ${Date.now() - started} ms`);
  });
});
