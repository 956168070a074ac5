import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { SqlError } from '../../../src/core/engine/sqlError';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';

const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };

describe('DuckDB engine through the QueryExecutor', function () {
  this.timeout(30_000);
  let engine: DuckDbEngine;
  let jobs: JobManager;
  let executor: QueryExecutor;
  let session: SessionState;
  const run = (sql: string) => executor.run({ runId: 'r', parentId: 'r', sql, session });
  const submit = (sql: string) => executor.submit({ runId: 'r', parentId: 'r', sql, session, async: true });

  beforeEach(async () => {
    engine = await DuckDbEngine.open({ path: ':memory:' });
    jobs = new JobManager();
    executor = new QueryExecutor(engine, jobs);
    session = new SessionState(context);
  });
  afterEach(() => engine.close());

  it('returns Snowflake column names and types', async () => {
    const result = await run(
      `select 1 as a, 'x' as "lower", 2.50::decimal(10,2) as d, 1.5::double as f, true as b, date '2024-01-31' as dt, count(*) from range(3)`,
    );
    assert.deepEqual(
      result.columns.map((column) => `${column.name}:${column.type}`),
      ['A:NUMBER(38,0)', 'lower:VARCHAR', 'D:NUMBER(10,2)', 'F:FLOAT', 'B:BOOLEAN', 'DT:DATE', 'COUNT(*):NUMBER(38,0)'],
    );
    assert.deepEqual(result.data.map((column) => column[0]), [1, 'x', '2.50', 1.5, true, '2024-01-31', 3]);
  });

  it('a filtered read repeated while another session inserts sees the new rows every time', async () => {
    // DuckDB folds a filter its table statistics exclude into "no rows" when it plans a
    // statement, so a kept (prepared) plan answered 0 forever once rows arrived: a session
    // polling for another's row waited for good. Every run must see the table as it is now.
    const other = new SessionState(context);
    const runOther = (sql: string) => executor.run({ runId: 'r2', parentId: 'r2', sql, session: other });
    await run('create table poll_t (step varchar)');
    const poll = "select count(*) from poll_t where step = 'ready'";
    for (let i = 0; i < 3; i++) assert.deepEqual((await run(poll)).data, [[0]]);
    await runOther("insert into poll_t values ('ready')");
    for (let i = 0; i < 3; i++) assert.deepEqual((await run(poll)).data, [[1]]);
    await runOther("insert into poll_t values ('other'), ('ready')");
    assert.deepEqual((await run(poll)).data, [[2]]);
    await run('create schema poll_s');
    await run('create table poll_s.poll_t (step varchar)');
    await run("insert into poll_s.poll_t values ('ready'), ('ready'), ('ready')");
    assert.deepEqual((await run(poll)).data, [[3]], 'CREATE SCHEMA makes the new schema current, as in Snowflake');
    await run('use schema public');
    assert.deepEqual((await run(poll)).data, [[2]]);
  });

  it('answers DDL and DML as Snowflake does', async () => {
    assert.deepEqual((await run('create or replace table test_tb (c1 varchar)')).data, [['Table TEST_TB successfully created.']]);
    const inserted = await run(`insert into test_tb values ('a'), ('b')`);
    assert.equal(inserted.columns[0].name, 'number of rows inserted');
    assert.deepEqual(inserted.data, [[2]]);
    const updated = await run(`update test_tb set c1 = 'z' where c1 = 'a'`);
    assert.deepEqual(updated.data, [[1], [0]]);
  });

  it('SYSTEM$WAIT waits, returns "waited n seconds" under Snowflake\'s column name', async () => {
    const started = Date.now();
    const result = await run('select system$wait(1)');
    assert.ok(Date.now() - started >= 950);
    assert.equal(result.columns[0].name, 'SYSTEM$WAIT(1)');
    assert.deepEqual(result.data, [['waited 1 seconds']]);
    const millis = await run(`select system$wait(20, 'MILLISECONDS')`);
    assert.deepEqual(millis.data, [['waited 20 milliseconds']]);
  });

  it('a cancelled insert waiting in SYSTEM$WAIT leaves the table empty and ends ABORTED', async () => {
    await run('create or replace table test_tb (c1 varchar)');
    const id = submit('insert into test_tb (select system$wait(10))');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(executor.status(id), 'RUNNING');
    const started = Date.now();
    await executor.cancel(id);
    assert.ok(Date.now() - started < 1000, 'cancel returns promptly');
    assert.equal(executor.status(id), 'ABORTED');
    await assert.rejects(executor.wait(id), (error: SqlError) => error.errorCode === '000604' && error.cancelled);
    assert.deepEqual((await run('select count(*) as n from test_tb')).data, [[0]]);
  });

  it('a statement cancelled while DuckDB executes it is interrupted and rolled back', async () => {
    await run('create or replace table big (i bigint)');
    const id = submit('insert into big select a.range * b.range from range(100000) a, range(100000) b');
    await new Promise((resolve) => setTimeout(resolve, 400));
    await executor.cancel(id);
    assert.equal(executor.status(id), 'ABORTED');
    assert.deepEqual((await run('select count(*) as n from big')).data, [[0]]);
  });

  it('RESULT_SCAN reads a finished result, and an unfinished one has "expired" (000710)', async () => {
    const finished = await run(`select 42 as answer, 'x' as label`);
    const scanned = await run(`select * from table(result_scan('${finished.queryId}'))`);
    assert.deepEqual(scanned.data, [[42], ['x']]);
    assert.deepEqual(scanned.columns.map((column) => column.name), ['ANSWER', 'LABEL']);
    const pending = submit('select system$wait(5)');
    await assert.rejects(run(`select * from table(result_scan('${pending}'))`), (error: SqlError) => {
      assert.equal(error.errorCode, '000710');
      assert.equal(error.sqlState, '02000');
      assert.match(error.message, new RegExp(`Result for query ${pending} has expired`));
      return true;
    });
    await executor.cancel(pending);
  });

  it('LAST_QUERY_ID names the previous query of the session', async () => {
    const first = await run('select 1');
    const result = await run('select last_query_id() as id');
    assert.deepEqual(result.data, [[first.queryId]]);
  });

  it('SYSTEM$CANCEL_QUERY cancels another running query', async () => {
    const waiting = submit('select system$wait(30)');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const answer = await run(`select system$cancel_query('${waiting}') as r`);
    assert.deepEqual(answer.data, [[`query [${waiting}] terminated.`]]);
    assert.equal(executor.status(waiting), 'ABORTED');
  });

  it('runs async waits side by side, not one after another', async () => {
    const started = Date.now();
    const ids = Array.from({ length: 40 }, () => submit('select system$wait(1)'));
    await Promise.all(ids.map((id) => executor.wait(id)));
    // Serially this would take 40 s; side by side it takes about one.
    assert.ok(Date.now() - started < 10_000, `took ${Date.now() - started} ms`);
    assert.ok(ids.every((id) => executor.status(id) === 'SUCCESS'));
  });

  it('reports errors with Snowflake codes and the query id, and marks the job FAILED_WITH_ERROR', async () => {
    const id = submit('select * from no_such_table');
    await assert.rejects(executor.wait(id), (error: SqlError) => {
      assert.equal(error.errorCode, '002003');
      assert.equal(error.queryId, id);
      return true;
    });
    assert.equal(jobs.get(id)?.status, 'FAILED_WITH_ERROR');
    assert.match(jobs.get(id)?.error?.message ?? '', /NO_SUCH_TABLE/);
  });
});

describe('DuckDB engine with a workspace file', function () {
  this.timeout(30_000);
  it('keeps tables between sessions, and says what to do when the file is locked', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-db-'));
    const path = join(directory, 'local.duckdb');
    try {
      const first = await DuckDbEngine.open({ path });
      const executor = new QueryExecutor(first, new JobManager());
      const session = new SessionState(context);
      await executor.run({ runId: 'r', parentId: 'r', sql: 'create table kept (a int)', session });
      await executor.run({ runId: 'r', parentId: 'r', sql: 'insert into kept values (7)', session });
      await first.close();
      const second = await DuckDbEngine.open({ path });
      const again = new QueryExecutor(second, new JobManager());
      const result = await again.run({ runId: 'r', parentId: 'r', sql: 'select a from LOCAL_DB.PUBLIC.kept', session });
      assert.deepEqual(result.data, [[7]]);
      await second.close();
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('result columns as raw bytes', function () {
  this.timeout(30_000);
  it('numeric columns of 256+ rows travel as binary and decode exactly, nulls included', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:' });
    try {
      const executor = new QueryExecutor(engine, new JobManager());
      const session = new SessionState(context);
      const result = await executor.run({
        runId: 'r',
        parentId: 'r',
        session,
        sql: `select range::tinyint % 100 as t, range::smallint as s, range::int as i,
                     case when range = 7 then null else range * 4294967296 end as big,
                     case when range = 1 then 9223372036854775807 else 0 end as huge,
                     range::double / 4 as d, range::float as f,
                     case when range = 2 then 'nan'::double else 1.0 end as special
              from range(300)`,
      });
      const { columnarReplyFrame } = await import('../../../src/core/engine/columnarResult');
      const frame = columnarReplyFrame(1, result)!;
      const headerLength = frame.readUInt32BE(5);
      const header = JSON.parse(frame.subarray(9, 9 + headerLength).toString('utf8')) as { result: { data: { $a?: string }[] } };
      assert.equal(frame[4], 0, 'a binary frame');
      assert.ok(header.result.data.every((column) => 'bhiqBHIQfd'.includes(column.$a ?? '-')), 'all numeric columns are binary arrays');
      const [t, s, i, big, huge, d, f, special] = result.data;
      assert.equal(t[99], 99);
      assert.equal(s[299], 299);
      assert.equal(i[150], 150);
      assert.equal(big[7], null);
      assert.equal(big[3], 3 * 4294967296);
      assert.equal(huge[1], '9223372036854775807', 'exact beyond 2^53 for JS readers');
      assert.equal(d[3], 0.75);
      assert.equal(f[5], 5);
      assert.equal(special[2], 'NaN');
      assert.equal(result.rowCount, 300);
    } finally {
      await engine.close();
    }
  });
});
