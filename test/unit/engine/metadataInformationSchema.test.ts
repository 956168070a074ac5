import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';

// Columns, their order and values from Snowflake's Information Schema pages:
// https://docs.snowflake.com/en/sql-reference/info-schema/tables
// https://docs.snowflake.com/en/sql-reference/info-schema/columns

const TABLES_COLUMNS = [
  'TABLE_CATALOG', 'TABLE_SCHEMA', 'TABLE_NAME', 'TABLE_OWNER', 'TABLE_TYPE', 'IS_TRANSIENT', 'CLUSTERING_KEY', 'ROW_COUNT', 'BYTES', 'RETENTION_TIME',
  'SELF_REFERENCING_COLUMN_NAME', 'REFERENCE_GENERATION', 'USER_DEFINED_TYPE_CATALOG', 'USER_DEFINED_TYPE_SCHEMA', 'USER_DEFINED_TYPE_NAME',
  'IS_INSERTABLE_INTO', 'IS_TYPED', 'COMMIT_ACTION', 'CREATED', 'LAST_ALTERED', 'LAST_DDL', 'LAST_DDL_BY', 'AUTO_CLUSTERING_ON', 'COMMENT',
  'IS_TEMPORARY', 'IS_ICEBERG', 'IS_DYNAMIC', 'IS_IMMUTABLE', 'IS_HYBRID',
];

const COLUMNS_COLUMNS = [
  'TABLE_CATALOG', 'TABLE_SCHEMA', 'TABLE_NAME', 'COLUMN_NAME', 'ORDINAL_POSITION', 'COLUMN_DEFAULT', 'IS_NULLABLE', 'DATA_TYPE',
  'CHARACTER_MAXIMUM_LENGTH', 'CHARACTER_OCTET_LENGTH', 'NUMERIC_PRECISION', 'NUMERIC_PRECISION_RADIX', 'NUMERIC_SCALE', 'DATETIME_PRECISION',
  'INTERVAL_TYPE', 'INTERVAL_PRECISION', 'CHARACTER_SET_CATALOG', 'CHARACTER_SET_SCHEMA', 'CHARACTER_SET_NAME', 'COLLATION_CATALOG',
  'COLLATION_SCHEMA', 'COLLATION_NAME', 'DOMAIN_CATALOG', 'DOMAIN_SCHEMA', 'DOMAIN_NAME', 'UDT_CATALOG', 'UDT_SCHEMA', 'UDT_NAME', 'SCOPE_CATALOG',
  'SCOPE_SCHEMA', 'SCOPE_NAME', 'MAXIMUM_CARDINALITY', 'DTD_IDENTIFIER', 'IS_SELF_REFERENCING', 'IS_IDENTITY', 'IDENTITY_GENERATION',
  'IDENTITY_START', 'IDENTITY_INCREMENT', 'IDENTITY_MAXIMUM', 'IDENTITY_MINIMUM', 'IDENTITY_CYCLE', 'IDENTITY_ORDERED', 'SCHEMA_EVOLUTION_RECORD',
  'COMMENT', 'DATA_TYPE_ALIAS', 'EXPRESSION', 'KIND',
];

const SETUP = `create or replace table items (id int not null, price number(10,2), label varchar, seen timestamp_ntz);
insert into items values (1, 1.25, 'a', null), (2, 2.50, 'b', null);
create or replace view cheap_items as select id from items where price < 2;
create temporary table scratch (x float)`;

describe('INFORMATION_SCHEMA.TABLES and COLUMNS on the local engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());
  afterEach(async () => void (await runSql(runtime, 'drop view if exists cheap_items; drop table if exists items')));

  async function query(statements: string) {
    const outcomes = await runSql(runtime, `${SETUP};\n${statements}`);
    for (const outcome of outcomes.slice(0, 4)) assert.equal(outcome.error, undefined, outcome.error?.message);
    return outcomes.slice(4);
  }

  it('TABLES: the documented columns; BASE TABLE, VIEW and TEMPORARY TABLE rows with upper-case names', async () => {
    const [all, filtered] = await query(
      `select * from information_schema.tables;
       select table_catalog, table_schema, table_name, table_type, row_count, is_temporary from information_schema.tables
        where table_schema = 'PUBLIC' order by table_name`,
    );
    assert.deepEqual(columnNames(all), TABLES_COLUMNS);
    assert.deepEqual(resultRows(filtered), [
      { TABLE_CATALOG: 'LOCAL_DB', TABLE_SCHEMA: 'PUBLIC', TABLE_NAME: 'CHEAP_ITEMS', TABLE_TYPE: 'VIEW', ROW_COUNT: null, IS_TEMPORARY: 'NO' },
      { TABLE_CATALOG: 'LOCAL_DB', TABLE_SCHEMA: 'PUBLIC', TABLE_NAME: 'ITEMS', TABLE_TYPE: 'BASE TABLE', ROW_COUNT: 2, IS_TEMPORARY: 'NO' },
      { TABLE_CATALOG: 'LOCAL_DB', TABLE_SCHEMA: 'PUBLIC', TABLE_NAME: 'SCRATCH', TABLE_TYPE: 'TEMPORARY TABLE', ROW_COUNT: 0, IS_TEMPORARY: 'YES' },
    ]);
  });

  it('<db>.INFORMATION_SCHEMA.TABLES with an alias, in a join and a count', async () => {
    const [aliased, counted] = await query(
      `select t.table_name from local_db.information_schema.tables as t where t.table_type = 'BASE TABLE' and t.table_name = 'ITEMS';
       select count(*) from LOCAL_DB.INFORMATION_SCHEMA.TABLES t join information_schema.columns c on c.table_name = t.table_name where t.table_name = 'ITEMS'`,
    );
    assert.deepEqual(resultRows(aliased), [{ TABLE_NAME: 'ITEMS' }]);
    assert.deepEqual(resultRows(counted), [{ 'COUNT(*)': 4 }]);
  });

  it('COLUMNS: the documented columns; Snowflake data types, nullability and positions', async () => {
    const [all, filtered] = await query(
      `select * from information_schema.columns where table_name = 'ITEMS';
       select column_name, ordinal_position, is_nullable, data_type, character_maximum_length, numeric_precision, numeric_precision_radix, numeric_scale
         from information_schema.columns where table_name = 'ITEMS' order by ordinal_position`,
    );
    assert.deepEqual(columnNames(all), COLUMNS_COLUMNS);
    assert.deepEqual(
      resultRows(filtered).map((row) => Object.values(row)),
      [
        ['ID', 1, 'NO', 'NUMBER', null, 38, 10, 0],
        ['PRICE', 2, 'YES', 'NUMBER', null, 10, 10, 2],
        ['LABEL', 3, 'YES', 'TEXT', 16777216, null, null, null],
        ['SEEN', 4, 'YES', 'TIMESTAMP_NTZ', null, null, null, null],
      ],
    );
  });

  it('a string mentioning information_schema.tables is left alone', async () => {
    const [literal] = await query(`select 'information_schema.tables' as s`);
    assert.deepEqual(resultRows(literal), [{ S: 'information_schema.tables' }]);
  });
});
