import assert from 'node:assert/strict';
import { SnowflakeEngine } from '../../../src/core/engine/snowflake/snowflakeEngine';
import { SqlError } from '../../../src/core/engine/sqlError';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';
import { SnowflakeStandin } from '../../standin/snowflakeStandin';

const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'PUBLIC', warehouse: 'STANDIN_WH', queryTag: null };

describe('Snowflake engine via snowflake-sdk against the local stand-in (not a real account)', function () {
  this.timeout(60_000);
  let standin: SnowflakeStandin;
  let engine: SnowflakeEngine;
  let jobs: JobManager;
  let executor: QueryExecutor;
  const session = new SessionState(context);
  const run = (sql: string) => executor.run({ runId: 'r', parentId: 'r', sql, session });

  before(async () => {
    standin = await SnowflakeStandin.start({ users: { dev: { password: 'pw' } } });
    engine = await SnowflakeEngine.open(standin.connection('standin', { user: 'dev', password: 'pw', warehouse: 'DEV_WH', role: 'DEV_ROLE' }));
    jobs = new JobManager();
    executor = new QueryExecutor(engine, jobs);
  });
  after(async () => {
    await engine?.close();
    await standin?.close();
  });

  it('logs in once and reads the session context the connection set', () => {
    assert.equal(standin.count('/session/v1/login-request'), 1);
    assert.equal(engine.sessionContext.warehouse, 'DEV_WH');
    assert.equal(engine.sessionContext.role, 'DEV_ROLE');
    assert.equal(engine.sessionContext.database, 'LOCAL_DB');
  });

  it('runs a query asynchronously and returns typed columns, under the real query id', async () => {
    const result = await run("select 1 as a, 'x' as b, 2.50::number(10,2) as c, 1.5::float as d, true as e");
    assert.deepEqual(result.columns.map((c) => c.name), ['A', 'B', 'C', 'D', 'E']);
    assert.deepEqual(result.data.map((column) => column[0]), [1, 'x', '2.50', 1.5, true]);
    const [job] = jobs.list({ kind: 'query' }).slice(-1);
    assert.equal(job.id, result.queryId);
    assert.ok(standin.jobs.get(result.queryId), 'the id is the one the service assigned');
    assert.ok(standin.count('/monitoring/queries/') >= 1);
  });

  it('round-trips dates, times, timestamps, big numbers, floats, binary and variants like the local engine', async () => {
    const sql =
      "select '2024-01-31'::date as d, '13:45:00.123456'::time as t, '2024-01-31 13:45:00.123456'::timestamp as ts, " +
      "123456789012345678901::number(38,0) as big, 'NaN'::float as nan, 'AB'::binary as b, " +
      "parse_json('{\"a\": [1, 2]}') as v, null::varchar as n, '2024-01-31 13:45:00.5+01:00'::timestamp_tz as tz";
    const remote = await run(sql);
    const local = await standin.executor.run({ runId: 'x', parentId: 'x', sql, session: new SessionState(context) });
    assert.deepEqual(remote.columns, local.columns);
    assert.deepEqual(remote.data, local.data);
  });

  it('keeps SQL NULL apart from the text NULL in number, decimal, float, variant and string columns', async () => {
    // snowflake-sdk writes NULL as the text 'NULL' for columns fetched as strings unless told not to.
    const sql =
      "select null::number(38,0) as i, null::number(10,2) as d, null::float as f, null::variant as v, 'NULL' as s, " +
      'lead(x, 1) over (order by x) as next from (select 1 as x union all select 2)';
    const remote = await run(sql);
    assert.deepEqual(remote.data, [[null, null], [null, null], [null, null], [null, null], ['NULL', 'NULL'], [2, null]]);
  });

  it('fails with Snowflake error code, SQLSTATE and query id', async () => {
    await assert.rejects(run('select * from no_such_table'), (error: SqlError) => {
      assert.ok(error instanceof SqlError);
      assert.match(error.errorCode, /^\d{6}$/);
      assert.ok(error.sqlState.length === 5, error.sqlState);
      assert.ok(error.queryId && standin.jobs.get(error.queryId));
      return true;
    });
  });

  it('cancel runs SYSTEM$CANCEL_QUERY and the write leaves no trace', async () => {
    await run('create table t (x int)');
    const id = executor.submit({ runId: 'r', parentId: 'r', sql: 'insert into t (select system$wait(10))', session, async: true });
    await new Promise((resolve) => setTimeout(resolve, 700));
    const started = Date.now();
    await executor.cancel(id);
    assert.ok(Date.now() - started < 5_000);
    assert.equal(executor.status(id), 'ABORTED');
    const count = await run('select count(*) from t');
    assert.equal(count.data[0][0], 0);
    assert.ok(standin.jobs.list({ kind: 'query' }).some((job) => /system\$cancel_query/i.test(job.label)));
  });
});
