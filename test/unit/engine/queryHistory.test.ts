import assert from 'node:assert/strict';
import { userInfo } from 'node:os';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { QueryHistory } from '../../../src/core/engine/queryHistory';
import { SqlError } from '../../../src/core/engine/sqlError';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';

// INFORMATION_SCHEMA.QUERY_HISTORY and QUERY_HISTORY_BY_SESSION / _BY_USER / _BY_WAREHOUSE on the
// local engine. Expected behaviour comes from Snowflake's page
// https://docs.snowflake.com/en/sql-reference/functions/query_history (its Syntax, Arguments,
// Output and Examples), the columns the 2024_02 and 2024_08 bundles added at the end
// (https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_02/bcr-1431-1524-1540,
// https://docs.snowflake.com/en/release-notes/bcr-bundles/2024_08/bcr-1771), and the statement
// statuses of the seed (SUCCESS, FAILED_WITH_ERROR, RUNNING).

const DOC = 'https://docs.snowflake.com/en/sql-reference/functions/query_history';
const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };

describe(`QUERY_HISTORY table functions (${DOC})`, function () {
  this.timeout(30_000);
  let engine: DuckDbEngine;
  let executor: QueryExecutor;
  let session: SessionState;
  const run = (sql: string, on: SessionState = session) => executor.run({ runId: 'r', parentId: 'r', sql, session: on });
  const rows = async (sql: string, on: SessionState = session) => {
    const result = await run(sql, on);
    return Array.from({ length: result.rowCount }, (_, r) => result.data.map((column) => column[r]));
  };
  const failure = async (sql: string): Promise<SqlError> => {
    const error = await run(sql).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(error instanceof SqlError, `expected ${sql} to fail`);
    return error;
  };

  beforeEach(async () => {
    engine = await DuckDbEngine.open({ path: ':memory:' });
    executor = new QueryExecutor(engine, new JobManager());
    session = new SessionState({ ...context });
    await run('create or replace table t (a int)');
    await run('insert into t values (1), (2), (3)');
    await run('select * from t');
  });
  afterEach(() => engine.close());

  describe("the page's examples, on this session's statements", () => {
    it('"up to the last 100 queries run by the current user": query_history() order by start_time', async () => {
      const got = await rows('select query_text, execution_status from table(information_schema.query_history()) order by start_time');
      assert.deepEqual(got, [
        ['create or replace table t (a int)', 'SUCCESS'],
        ['insert into t values (1), (2), (3)', 'SUCCESS'],
        ['select * from t', 'SUCCESS'],
        // The statement reading the history has not finished: RUNNING, as in Snowflake.
        ['select query_text, execution_status from table(information_schema.query_history()) order by start_time', 'RUNNING'],
      ]);
    });

    it('"queries run in the current session": query_history_by_session() order by start_time', async () => {
      const got = await rows('select query_type from table(information_schema.query_history_by_session()) order by start_time');
      assert.deepEqual(got, [['CREATE_TABLE'], ['INSERT'], ['SELECT'], ['SELECT']]);
    });

    it('"up to the last 1000 queries run by the current user": query_history_by_user(result_limit => 1000)', async () => {
      const got = await rows('select user_name, count(*) from table(information_schema.query_history_by_user(result_limit => 1000)) group by user_name');
      assert.deepEqual(got, [[userInfo().username.toUpperCase(), 4]]);
    });

    it('"queries run in the past hour", positional arguments: query_history(dateadd(\'hours\', -1, current_timestamp()), current_timestamp())', async () => {
      const got = await rows("select query_text from table(information_schema.query_history(dateadd('hours',-1,current_timestamp()),current_timestamp())) order by start_time");
      // END_TIME_RANGE_END given: finished queries only, so not the one reading the history.
      assert.deepEqual(got, [['create or replace table t (a int)'], ['insert into t values (1), (2), (3)'], ['select * from t']]);
    });

    it('"queries in a specified block of time within the past 7 days": named END_TIME_RANGE_START / END_TIME_RANGE_END', async () => {
      const inside = await rows(
        "select count(*) from table(information_schema.query_history(end_time_range_start => dateadd('minutes', -30, current_timestamp()), end_time_range_end => current_timestamp()))",
      );
      assert.deepEqual(inside, [[3]]);
      // A block that ended before these statements did holds none of them.
      const before = await rows(
        "select count(*) from table(information_schema.query_history(end_time_range_start => dateadd('hours', -2, current_timestamp()), end_time_range_end => dateadd('hours', -1, current_timestamp())))",
      );
      assert.deepEqual(before, [[0]]);
    });

    it('db.information_schema.query_history_by_warehouse(warehouse_name => …) names the database and the warehouse', async () => {
      assert.deepEqual(await rows("select count(*) from table(local_db.information_schema.query_history_by_warehouse(warehouse_name => 'local_wh'))"), [[4]]);
      assert.deepEqual(await rows("select count(*) from table(information_schema.query_history_by_warehouse(warehouse_name => 'OTHER_WH'))"), [[0]]);
      // Without the argument: CURRENT_WAREHOUSE.
      assert.deepEqual(await rows('select count(*) from table(information_schema.query_history_by_warehouse())'), [[6]]);
    });
  });

  it('lists the most recent first, and at most RESULT_LIMIT rows (default 100)', async () => {
    assert.deepEqual(await rows('select query_text from table(information_schema.query_history(result_limit => 2))'), [
      ['select query_text from table(information_schema.query_history(result_limit => 2))'],
      ['select * from t'],
    ]);
    for (let i = 0; i < 100; i++) await run(`select ${i}`);
    assert.deepEqual(await rows('select count(*) from table(information_schema.query_history())'), [[100]]);
    assert.deepEqual(await rows('select count(*) from table(information_schema.query_history(result_limit => 10000))'), [[106]]);
  });

  it('fills what the engine knows: ids, context, times, elapsed ms, rows produced; NULL where it knows nothing', async () => {
    const lastId = (await run('select last_query_id()')).data[0][0];
    const [row] = await rows(`select query_id, database_name, schema_name, role_name, warehouse_name, query_type, rows_produced,
        end_time >= start_time, abs(total_elapsed_time - datediff('microsecond', start_time, end_time) / 1000) <= 1, bytes_scanned, warehouse_size, credits_used_cloud_services,
        is_client_generated_statement, session_id = current_session()::number
      from table(information_schema.query_history()) where query_text = 'select * from t'`);
    assert.deepEqual(row, [lastId, 'LOCAL_DB', 'PUBLIC', 'LOCAL_ROLE', 'LOCAL_WH', 'SELECT', 3, true, true, null, null, null, false, true]);
    assert.deepEqual(await rows("select rows_produced from table(information_schema.query_history()) where query_type = 'INSERT'"), [[3]]);
  });

  it('a failed statement: FAILED_WITH_ERROR with its error code (a number) and message', async () => {
    const error = await failure('select * from no_such_table');
    const got = await rows("select execution_status, error_code, error_message, end_time is not null from table(information_schema.query_history()) where query_text like '%no_such_table'");
    assert.deepEqual(got, [['FAILED_WITH_ERROR', Number(error.errorCode), error.detail, true]]);
    assert.equal(error.errorCode, '002003');
    // A successful statement has no error.
    assert.deepEqual(await rows("select error_code, error_message from table(information_schema.query_history()) where query_text = 'select * from t'"), [[null, null]]);
  });

  it('QUERY_HISTORY_BY_SESSION shows only its own session; SESSION_ID => names another one', async () => {
    const other = new SessionState({ ...context });
    await run('select 42', other);
    const own = await rows('select query_text from table(information_schema.query_history_by_session()) order by start_time', other);
    assert.deepEqual(own, [['select 42'], ['select query_text from table(information_schema.query_history_by_session()) order by start_time']]);
    const [[otherId]] = await rows('select current_session()', other);
    const named = await rows(`select query_text from table(information_schema.query_history_by_session(session_id => ${otherId})) order by start_time`);
    assert.deepEqual(named.slice(0, 1), [['select 42']]);
    // QUERY_HISTORY itself is not limited to a session.
    const all = await rows("select count(distinct session_id) from table(information_schema.query_history())");
    assert.deepEqual(all, [[2]]);
  });

  it('has the documented columns, names and types, in order', async () => {
    const { columns } = await executor.describe('select * from table(information_schema.query_history())', undefined, session);
    const names = columns.map((column) => column.name);
    assert.deepEqual(names.slice(0, 21), [
      'QUERY_ID', 'QUERY_TEXT', 'DATABASE_NAME', 'SCHEMA_NAME', 'QUERY_TYPE', 'SESSION_ID', 'USER_NAME', 'ROLE_NAME', 'WAREHOUSE_NAME', 'WAREHOUSE_SIZE',
      'WAREHOUSE_TYPE', 'CLUSTER_NUMBER', 'QUERY_TAG', 'EXECUTION_STATUS', 'ERROR_CODE', 'ERROR_MESSAGE', 'START_TIME', 'END_TIME', 'TOTAL_ELAPSED_TIME',
      'BYTES_SCANNED', 'ROWS_PRODUCED',
    ]);
    // The 2024_02 bundle's columns come last but for the 2024_08 USER_* ones.
    assert.deepEqual(names.slice(-8), ['QUERY_RETRY_TIME', 'QUERY_RETRY_CAUSE', 'FAULT_HANDLING_TIME', 'USER_TYPE', 'USER_DATABASE_NAME', 'USER_DATABASE_ID', 'USER_SCHEMA_NAME', 'USER_SCHEMA_ID']);
    const type = Object.fromEntries(columns.map((column) => [column.name, column.type]));
    assert.equal(type.QUERY_ID, 'VARCHAR');
    assert.equal(type.SESSION_ID, 'NUMBER(38,0)');
    assert.equal(type.ERROR_CODE, 'NUMBER(38,0)');
    // TIMESTAMP_LTZ is a timestamp with time zone locally.
    assert.equal(type.START_TIME, 'TIMESTAMP_TZ');
    assert.equal(type.IS_CLIENT_GENERATED_STATEMENT, 'BOOLEAN');
    assert.equal(type.CREDITS_USED_CLOUD_SERVICES, 'FLOAT');
    // The BY_* functions answer the same columns.
    const bySession = await executor.describe('select * from table(information_schema.query_history_by_session())', undefined, session);
    assert.deepEqual(bySession.columns, columns);
  });

  it('gives Snowflake-style errors for bad arguments', async () => {
    const cases: Array<[string, RegExp]> = [
      ['select * from table(information_schema.query_history(result_limit => 0))', /invalid value \[0\] for parameter 'RESULT_LIMIT'/],
      ['select * from table(information_schema.query_history(result_limit => 10001))', /invalid value \[10001\] for parameter 'RESULT_LIMIT'/],
      ['select * from table(information_schema.query_history(session_id => 1))', /invalid argument 'SESSION_ID' for function 'QUERY_HISTORY'/],
      ['select * from table(information_schema.query_history(result_limit => 1, result_limit => 2))', /argument 'RESULT_LIMIT' is given more than once/],
      ['select * from table(information_schema.query_history(null, null, 10, true, 5))', /QUERY_HISTORY does not take argument 5/],
      ["select * from table(information_schema.query_history(end_time_range_start => dateadd('days', -8, current_timestamp())))", /the time range must fall within the last 7 days/],
      ["select * from table(information_schema.query_history_by_session(session_id => 'abc'))", /invalid value \[abc\] for parameter 'SESSION_ID'/],
    ];
    for (const [sql, message] of cases) {
      const error = await failure(sql);
      assert.match(error.message, /^001003 \(42000\): SQL compilation error:/, sql);
      assert.match(error.message, message, sql);
    }
  });

  it('keeps the last 10,000 statements', () => {
    const history = new QueryHistory();
    for (let i = 0; i < 10_001; i++) history.started(`q${i}`, `select ${i}`, 's', context);
    const list = history.list();
    assert.equal(list.length, 10_000);
    assert.equal(list[0].queryId, 'q1');
  });
});
