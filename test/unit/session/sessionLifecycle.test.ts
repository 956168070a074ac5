import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { onlyCell, openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { handlerValue, startHandler } from './sessionHandlers';

// Expected values from Snowflake's documentation: temporary tables last for the session
// ("Working with Temporary and Transient Tables"); USE SCHEMA [db.]name sets the current
// schema, USE DATABASE the database; SET (min, max) = (50, 2 * $min) evaluates every
// expression before assigning (the SET page's own example: $max is 80); CREATE SCHEMA
// makes the new schema current; a procedure left inside BEGIN is rolled back.

describe('Session state: lifecycle, USE and variables (real engine)', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  beforeEach(async () => (runtime = await openMemoryRuntime()));
  afterEach(() => runtime.dispose());

  it("a run's temporary tables and catalog are gone when the run ends", async () => {
    await handlerValue(startHandler(runtime, `
def main(session):
    session.sql("create temporary table scratch as select 1 as a").collect()
    session.sql("create temporary view scratch_v as select a from scratch").collect()
    return {"a": session.sql("select a from scratch_v").collect()[0][0]}
`));
    const [missing, catalogs] = await runSql(runtime, `select * from scratch;
select count(*) from duckdb_databases() where database_name like 'SNOWPARK_SESSION_%';`);
    assert.equal(missing.error?.errorCode, '002003');
    assert.equal(Number(onlyCell(catalogs)), 0);
  });

  it('a run that ends inside BEGIN is rolled back', async () => {
    await runSql(runtime, 'create table ledger (v int); insert into ledger values (1);');
    await handlerValue(startHandler(runtime, `
def main(session):
    session.sql("begin").collect()
    session.sql("insert into ledger values (2), (3)").collect()
    return {"inside": session.sql("select count(*) from ledger").collect()[0][0]}
`));
    const [count] = await runSql(runtime, 'select count(*) from ledger');
    assert.equal(Number(onlyCell(count)), 1);
  });

  it('CURRENT_SCHEMA()/CURRENT_DATABASE() follow USE, CREATE SCHEMA and USE DATABASE in a worksheet', async () => {
    const outcomes = await runSql(runtime, `create schema analytics;
select current_schema();
use schema public;
select current_schema();
use local_db.analytics;
select current_database(), current_schema();
use database local_db;
select current_schema();
use schema no_such_schema;
use role analyst;
use warehouse wh_small;
select current_role(), current_warehouse();`);
    assert.equal(onlyCell(outcomes[1]), 'ANALYTICS');
    assert.equal(onlyCell(outcomes[3]), 'PUBLIC');
    assert.deepEqual([outcomes[5].result!.data[0][0], outcomes[5].result!.data[1][0]], ['LOCAL_DB', 'ANALYTICS']);
    assert.equal(onlyCell(outcomes[7]), 'PUBLIC');
    assert.equal(outcomes[8].error?.errorCode, '002043', 'USE of a missing schema: object does not exist');
    assert.deepEqual([outcomes[11].result!.data[0][0], outcomes[11].result!.data[1][0]], ['ANALYST', 'WH_SMALL']);
  });

  it("a table missing from the schema USE chose fails with Snowflake's 002003", async () => {
    const outcomes = await runSql(runtime, `create table only_public (a int);
create schema other;
select * from only_public;
select * from public.only_public;
use schema public;
select nope from only_public;`);
    assert.equal(outcomes[2].error?.errorCode, '002003');
    assert.match(outcomes[2].error!.message, /Object 'ONLY_PUBLIC' does not exist or not authorized/);
    assert.equal(outcomes[3].error, undefined);
    assert.equal(outcomes[5].error?.errorCode, '000904');
  });

  it("SET, $var, SET (a, b) = (…) with the old values, UNSET — Snowflake's SET example", async () => {
    const outcomes = await runSql(runtime, `set (min, max) = (40, 70);
set (min, max) = (50, 2 * $min);
select $max;
set label = 'it''s';
select $label, $LABEL;
unset label;
select $label;`);
    assert.equal(Number(onlyCell(outcomes[2])), 80);
    assert.deepEqual([outcomes[4].result!.data[0][0], outcomes[4].result!.data[1][0]], ["it's", "it's"]);
    assert.match(outcomes[6].error!.message, /Session variable '\$LABEL' does not exist/);
  });

  it("a called procedure runs in its caller's session (temp table, USE, variables)", async () => {
    const outcomes = await runSql(runtime, `create temporary table handed_over as select 7 as v;
set factor = 6;
create procedure read_caller() returns varchar language python runtime_version = '3.11'
  packages = ('snowflake-snowpark-python') handler = 'main' as $$
def main(session):
    v = session.sql("select v * $factor from handed_over").collect()[0][0]
    return str(v) + " " + session.sql("select current_schema()").collect()[0][0]
$$;
create schema callee_sees;
call read_caller();`);
    assert.equal(onlyCell(outcomes[4]), '42 CALLEE_SEES');
  });
});
