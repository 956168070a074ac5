import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql, runSqlOk } from '../support/runtimeFixture';

// DDL that publishes or tunes objects (https://docs.snowflake.com/en/sql-reference/sql/alter-table:
// SWAP WITH; https://docs.snowflake.com/en/sql-reference/sql/create-view: SECURE, and
// https://docs.snowflake.com/en/sql-reference/sql/create-materialized-view), and the features the
// local engine does not have, which must be refused by name with what to do, not as a syntax error.
describe('DDL: SWAP WITH, secure and materialized views, and features refused by name', () => {
  let runtime: SnowparkRuntime;
  beforeEach(async () => (runtime = await openMemoryRuntime()));
  afterEach(async () => runtime.dispose());

  const cells = async (sql: string): Promise<unknown[]> => {
    const outcomes = await runSqlOk(runtime, sql);
    return outcomes[outcomes.length - 1].result!.data[0] ?? [];
  };

  it('ALTER TABLE … SWAP WITH exchanges the two tables, columns and rows', async () => {
    await runSqlOk(runtime, "create table live (id int, v varchar); insert into live values (1, 'old'); create table staging (id int, v varchar, extra int); insert into staging values (2, 'new', 7)");
    const [swap] = await runSqlOk(runtime, 'alter table live swap with staging');
    assert.equal(swap.result!.data[0][0], 'Statement executed successfully.');
    assert.deepEqual(await cells('select v from live'), ['new']);
    assert.deepEqual(await cells('select extra from live'), [7]);
    assert.deepEqual(await cells('select v from staging'), ['old']);
    // Qualified names in one schema.
    await runSqlOk(runtime, 'alter table public.live swap with public.staging');
    assert.deepEqual(await cells('select v from live'), ['old']);
    assert.deepEqual(await cells("select count(*) from information_schema.tables where table_name like 'SNOWPARK_LOCAL_SWAP%'"), [0]);
  });

  it('SWAP WITH a missing table fails and leaves the other table as it was', async () => {
    await runSqlOk(runtime, "create table live (id int); insert into live values (1)");
    const [missing] = await runSql(runtime, 'alter table live swap with nosuch');
    assert.match(missing.error?.message ?? 'no error', /^002003 /);
    assert.deepEqual(await cells('select id from live'), [1]);
    assert.deepEqual(await cells("select count(*) from information_schema.tables where table_name like 'SNOWPARK_LOCAL_SWAP%'"), [0]);
    await runSqlOk(runtime, 'create schema other; create table other.t (x int)');
    const [schemas] = await runSql(runtime, 'alter table live swap with other.t');
    assert.match(schemas.error?.message ?? 'no error', /two schemas is not supported/);
  });

  it('CREATE SECURE VIEW and CREATE MATERIALIZED VIEW make views that answer', async () => {
    await runSqlOk(runtime, "create table base (id int); insert into base values (1), (2)");
    await runSqlOk(runtime, 'create or replace secure view sv as select id from base; create materialized view mv as select count(*) n from base; create secure materialized view smv as select max(id) m from base');
    assert.deepEqual(await cells('select count(*) from sv'), [2]);
    assert.deepEqual(await cells('select n from mv'), [2]);
    assert.deepEqual(await cells('select m from smv'), [2]);
  });

  it('refuses, by name and with what to do, what needs Snowflake itself', async () => {
    await runSqlOk(runtime, 'create table t (id int)');
    const refused: Array<[string, RegExp]> = [
      ['undrop table t', /UNDROP is not available .*Time Travel/],
      ['create stream s on table t', /CREATE STREAM is not available .*change tracking/],
      ["create or replace task tk schedule = '1 minute' as select 1", /CREATE OR REPLACE TASK is not available .*scheduler/],
      ['alter task tk resume', /ALTER TASK is not available/],
      ['execute task tk', /EXECUTE TASK is not available/],
      ['create pipe p as copy into t from @s', /CREATE PIPE is not available/],
      ["create alert a warehouse = w schedule = '1 minute' if (exists (select 1)) then select 1", /CREATE ALERT is not available/],
      ["create dynamic table d target_lag = '1 minute' warehouse = w as select 1", /CREATE DYNAMIC TABLE is not available/],
      ['create external table e location = @s file_format = (type = csv)', /CREATE EXTERNAL TABLE is not available/],
      ["execute immediate 'select 1'", /EXECUTE IMMEDIATE \(Snowflake Scripting\) is not supported/],
      ['select * from t at(offset => -60)', /needs Time Travel/],
      ["select * from t before(statement => '01b-x')", /needs Time Travel/],
      ['select * from t changes(information => default) at(timestamp => current_timestamp())', /needs Time Travel/],
    ];
    for (const [sql, message] of refused) {
      const [outcome] = await runSql(runtime, sql);
      assert.match(outcome.error?.message ?? 'no error', /^001003 /, sql);
      assert.match(outcome.error!.message, message, sql);
      assert.match(outcome.error!.message, /Snowflake account/, sql);
    }
    // A column named like a clause is still a column.
    await runSqlOk(runtime, 'create table words (before int, changes int); insert into words values (2, 3)');
    assert.deepEqual(await cells('select before + changes from words'), [5]);
  });
});
