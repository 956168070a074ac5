import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { columnNames, columnValues, resultRows } from '../support/resultRows';

// Expected columns, their order and default values come from Snowflake's SHOW pages:
// https://docs.snowflake.com/en/sql-reference/sql/show-tables
// https://docs.snowflake.com/en/sql-reference/sql/show-views
// https://docs.snowflake.com/en/sql-reference/sql/show-schemas
// https://docs.snowflake.com/en/sql-reference/sql/show-databases
// https://docs.snowflake.com/en/sql-reference/sql/show-columns
// Values that depend on the account (created_on, bytes) are not asserted.

const SETUP = `
create table orders (id int, amount number(10,2));
insert into orders values (1, 1.50), (2, 2.50), (3, 3.50);
create table order_lines (id int);
create table customers (id int);
create view big_orders as select * from orders where amount > 2;
create schema s2;
create table s2.orders_archive (id int);
use schema public;
`;

describe('SHOW statements on the local engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  /** Runs the setup and `statements` in one session; returns the outcomes of `statements`. */
  async function show(statements: string) {
    const outcomes = await runSql(runtime, `${SETUP}\n${statements}`);
    const setupCount = SETUP.split(';').filter((part) => part.trim()).length;
    for (const outcome of outcomes.slice(0, setupCount)) assert.equal(outcome.error, undefined, outcome.error?.message);
    const shown = outcomes.slice(setupCount);
    await runSql(runtime, 'drop view if exists big_orders; drop table if exists orders; drop table if exists order_lines; drop table if exists customers; drop schema if exists s2 cascade');
    return shown;
  }

  it('SHOW TABLES: the documented columns in order, upper-case names, sorted by name', async () => {
    const [tables] = await show('show tables');
    assert.deepEqual(columnNames(tables), [
      'created_on', 'name', 'database_name', 'schema_name', 'kind', 'comment', 'cluster_by', 'rows', 'bytes', 'owner', 'retention_time',
      'change_tracking', 'search_optimization', 'search_optimization_progress', 'search_optimization_bytes', 'is_external',
      'enable_schema_evolution', 'owner_role_type', 'is_event', 'is_hybrid', 'is_iceberg', 'is_immutable',
    ]);
    const inPublic = resultRows(tables).filter((row) => row.schema_name === 'PUBLIC');
    assert.deepEqual(inPublic.map((row) => row.name), ['CUSTOMERS', 'ORDERS', 'ORDER_LINES']);
    const orders = inPublic.find((row) => row.name === 'ORDERS')!;
    assert.equal(orders.database_name, 'LOCAL_DB');
    assert.equal(orders.kind, 'TABLE');
    assert.equal(orders.rows, 3);
    assert.equal(orders.is_external, 'N');
    // Without IN, SHOW TABLES lists the current database: the other schema's table too.
    assert.deepEqual(resultRows(tables).filter((row) => row.schema_name === 'S2').map((row) => row.name), ['ORDERS_ARCHIVE']);
  });

  it('SHOW TERSE TABLES: created_on, name, kind, database_name, schema_name', async () => {
    const [terse] = await show('show terse tables in schema public');
    assert.deepEqual(columnNames(terse), ['created_on', 'name', 'kind', 'database_name', 'schema_name']);
    assert.deepEqual(columnValues(terse, 'kind'), ['TABLE', 'TABLE', 'TABLE']);
  });

  it('LIKE is case-insensitive, with % and _ wildcards', async () => {
    const [lower, upper, underscore] = await show(`show tables like '%order%'; show tables like '%ORDER%'; show tables like 'order_lines' in schema public`);
    assert.deepEqual(columnValues(lower, 'name'), ['ORDERS', 'ORDER_LINES', 'ORDERS_ARCHIVE']);
    assert.deepEqual(columnValues(upper, 'name'), ['ORDERS', 'ORDER_LINES', 'ORDERS_ARCHIVE']);
    assert.deepEqual(columnValues(underscore, 'name'), ['ORDER_LINES']);
  });

  it('IN SCHEMA, IN db.schema, a bare schema name and IN ACCOUNT', async () => {
    const [inSchema, qualified, bare, account, database] = await show(
      'show tables in schema s2; show tables in schema local_db.s2; show tables in s2; show tables in account; show tables in database local_db',
    );
    for (const outcome of [inSchema, qualified, bare]) assert.deepEqual(columnValues(outcome, 'name'), ['ORDERS_ARCHIVE']);
    assert.equal(resultRows(account).length, 4);
    assert.equal(resultRows(database).length, 4);
  });

  it('STARTS WITH (case-sensitive) and LIMIT … FROM', async () => {
    const [starts, lowerStarts, limited] = await show(`show tables in schema public starts with 'ORD'; show tables in schema public starts with 'ord'; show tables in schema public limit 1 from 'O'`);
    assert.deepEqual(columnValues(starts, 'name'), ['ORDERS', 'ORDER_LINES']);
    assert.deepEqual(columnValues(lowerStarts, 'name'), []);
    assert.deepEqual(columnValues(limited, 'name'), ['ORDERS']);
  });

  it('a temporary table is listed in the current schema with kind TEMPORARY, for its session only', async () => {
    const [created, shown] = await show(`create temporary table scratch (a int); show tables like 'SCRATCH'`);
    assert.equal(created.error, undefined);
    assert.deepEqual(resultRows(shown).map((row) => [row.name, row.kind, row.database_name, row.schema_name]), [['SCRATCH', 'TEMPORARY', 'LOCAL_DB', 'PUBLIC']]);
    const [otherSession] = await runSql(runtime, `show tables like 'SCRATCH'`);
    assert.deepEqual(resultRows(otherSession), []);
  });

  it('SHOW VIEWS: the documented columns; views only', async () => {
    const [views, terse] = await show('show views; show terse views');
    assert.deepEqual(columnNames(views), [
      'created_on', 'name', 'reserved', 'kind', 'database_name', 'schema_name', 'owner', 'comment', 'text', 'is_secure', 'is_materialized',
      'owner_role_type', 'change_tracking',
    ]);
    assert.deepEqual(resultRows(views).map((row) => [row.name, row.kind, row.schema_name, row.is_secure, row.is_materialized]), [['BIG_ORDERS', 'VIEW', 'PUBLIC', 'false', 'false']]);
    assert.deepEqual(columnNames(terse), ['created_on', 'name', 'kind', 'database_name', 'schema_name']);
  });

  it('SHOW SCHEMAS: INFORMATION_SCHEMA and the user schemas of the current database; is_current', async () => {
    const [schemas, terse, like] = await show(`show schemas; show terse schemas; show schemas like 's%' in database local_db`);
    assert.deepEqual(columnNames(schemas), [
      'created_on', 'name', 'is_default', 'is_current', 'database_name', 'owner', 'comment', 'options', 'retention_time', 'owner_role_type',
      'object_visibility',
    ]);
    assert.deepEqual(resultRows(schemas).map((row) => [row.name, row.is_current, row.database_name]), [
      ['INFORMATION_SCHEMA', 'N', 'LOCAL_DB'],
      ['PUBLIC', 'Y', 'LOCAL_DB'],
      ['S2', 'N', 'LOCAL_DB'],
    ]);
    assert.equal(resultRows(schemas)[0].comment, 'Views describing the contents of schemas in this database');
    // TERSE: "kind and schema_name always display NULL".
    assert.deepEqual(resultRows(terse).map((row) => [row.name, row.kind, row.schema_name]), [
      ['INFORMATION_SCHEMA', null, null],
      ['PUBLIC', null, null],
      ['S2', null, null],
    ]);
    assert.deepEqual(columnValues(like, 'name'), ['S2']);
  });

  it('SHOW DATABASES: the documented columns, no engine-internal catalogs', async () => {
    const [databases, terse] = await show('show databases; show terse databases');
    assert.deepEqual(columnNames(databases), [
      'created_on', 'name', 'is_default', 'is_current', 'origin', 'owner', 'comment', 'options', 'retention_time', 'kind', 'owner_role_type',
      'object_visibility', 'data_quality_monitoring_settings',
    ]);
    assert.deepEqual(resultRows(databases).map((row) => [row.name, row.is_current, row.kind, row.retention_time]), [['LOCAL_DB', 'Y', 'STANDARD', '1']]);
    // TERSE: "kind, database_name, and schema_name always display NULL".
    assert.deepEqual(resultRows(terse).map((row) => [row.name, row.kind, row.database_name, row.schema_name]), [['LOCAL_DB', null, null, null]]);
  });

  it('another database: SHOW DATABASES lists it, IN DATABASE and SHOW SCHEMAS IN <db> look inside; no session catalogs', async () => {
    const outcomes = await runSql(
      runtime,
      `create temporary table scratch (a int);
       create database other_db;
       create table other_db.public.remote (id int);
       use database local_db;
       show databases;
       show tables in database other_db;
       show schemas in other_db;
       show columns in schema other_db.public`,
    );
    for (const outcome of outcomes.slice(0, 4)) assert.equal(outcome.error, undefined, outcome.error?.message);
    const [databases, tables, schemas, columns] = outcomes.slice(4);
    assert.deepEqual(resultRows(databases).map((row) => [row.name, row.is_current]), [['LOCAL_DB', 'Y'], ['OTHER_DB', 'N']]);
    assert.deepEqual(resultRows(tables).map((row) => [row.database_name, row.schema_name, row.name]), [['OTHER_DB', 'PUBLIC', 'REMOTE']]);
    assert.deepEqual(resultRows(schemas).map((row) => row.name), ['INFORMATION_SCHEMA', 'PUBLIC']);
    assert.deepEqual(resultRows(columns).map((row) => [row.table_name, row.column_name]), [['REMOTE', 'ID']]);
    await runSql(runtime, 'drop database other_db');
  });

  it('RESULT_SCAN(LAST_QUERY_ID()) reads a SHOW result by its lower-case column names', async () => {
    const [, scanned] = await show(`show tables in schema public; select "name", "rows" from table(result_scan(last_query_id())) where "name" like 'ORDER%' order by "name"`);
    assert.deepEqual(resultRows(scanned), [
      { name: 'ORDERS', rows: 3 },
      { name: 'ORDER_LINES', rows: 0 },
    ]);
  });

  it('SELECT * over RESULT_SCAN of SHOW keeps its lower-case column names', async () => {
    const [, scanned] = await show(`show terse tables in schema public; select * from table(result_scan(last_query_id())) order by "name"`);
    assert.deepEqual(columnNames(scanned), ['created_on', 'name', 'kind', 'database_name', 'schema_name']);
    assert.deepEqual(columnValues(scanned, 'name'), ['CUSTOMERS', 'ORDERS', 'ORDER_LINES']);
  });
});
