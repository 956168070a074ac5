import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';

// https://docs.snowflake.com/en/sql-reference/sql/desc-table: the example table and its
// DESCRIBE output. Known differences, not asserted: the local engine keeps no VARCHAR length
// (VARCHAR(30) shows as VARCHAR(16777216)) and does not yet take an inline column COMMENT,
// so the example's COMMENT clause is left out.
// https://docs.snowflake.com/en/sql-reference/sql/show-columns: the example's data_type JSON.

const DESC_EXAMPLE = `CREATE OR REPLACE TABLE desc_example(
  c1 INT PRIMARY KEY,
  c2 INT,
  c3 INT UNIQUE,
  c4 VARCHAR(30) DEFAULT 'Not applicable',
  c5 VARCHAR(100))`;

describe('DESCRIBE TABLE / VIEW and SHOW COLUMNS on the local engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  it('DESCRIBE TABLE answers with the documented columns and values', async () => {
    const [created, described, short] = await runSql(runtime, `${DESC_EXAMPLE}; describe table desc_example; desc table desc_example`);
    assert.equal(created.error, undefined, created.error?.message);
    assert.deepEqual(columnNames(described), [
      'name', 'type', 'kind', 'null?', 'default', 'primary key', 'unique key', 'check', 'expression', 'comment', 'policy name', 'privacy domain',
    ]);
    const rows = resultRows(described);
    assert.deepEqual(
      rows.map((row) => [row.name, row.kind, row['null?'], row.default, row['primary key'], row['unique key'], row.check, row.expression, row['policy name'], row['privacy domain']]),
      [
        ['C1', 'COLUMN', 'N', null, 'Y', 'N', null, null, null, null],
        ['C2', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null],
        ['C3', 'COLUMN', 'Y', null, 'N', 'Y', null, null, null, null],
        ['C4', 'COLUMN', 'Y', "'Not applicable'", 'N', 'N', null, null, null, null],
        ['C5', 'COLUMN', 'Y', null, 'N', 'N', null, null, null, null],
      ],
    );
    assert.deepEqual(rows.slice(0, 3).map((row) => row.type), ['NUMBER(38,0)', 'NUMBER(38,0)', 'NUMBER(38,0)']);
    assert.match(String(rows[3].type), /^VARCHAR\(\d+\)$/);
    assert.deepEqual(resultRows(short), rows);
    await runSql(runtime, 'drop table desc_example');
  });

  it('Snowflake type names for each column type', async () => {
    const [, described] = await runSql(
      runtime,
      `create or replace table typed (n number(10,2), f float, s string, b boolean, d date, t time, ts timestamp_ntz, v variant, bin binary);
       describe table typed`,
    );
    assert.deepEqual(resultRows(described).map((row) => `${row.name} ${row.type}`), [
      'N NUMBER(10,2)', 'F FLOAT', 'S VARCHAR(16777216)', 'B BOOLEAN', 'D DATE', 'T TIME(9)', 'TS TIMESTAMP_NTZ(9)', 'V VARIANT', 'BIN BINARY(8388608)',
    ]);
    await runSql(runtime, 'drop table typed');
  });

  it('DESC VIEW describes a view; a qualified name and a temporary table are found', async () => {
    const [, , view, qualified, , temp] = await runSql(
      runtime,
      `create or replace table base (id int, label varchar);
       create or replace view labels as select label from base;
       desc view labels;
       desc table local_db.public.base;
       create temporary table scratch (x float);
       desc table scratch`,
    );
    assert.deepEqual(resultRows(view).map((row) => [row.name, row.type]), [['LABEL', 'VARCHAR(16777216)']]);
    assert.deepEqual(resultRows(qualified).map((row) => row.name), ['ID', 'LABEL']);
    assert.deepEqual(resultRows(temp).map((row) => [row.name, row.type]), [['X', 'FLOAT']]);
    await runSql(runtime, 'drop view labels; drop table base');
  });

  it('DESC of a missing table fails with 002003 "does not exist or not authorized"', async () => {
    const [missing] = await runSql(runtime, 'desc table no_such_table');
    assert.equal(missing.error?.errorCode, '002003');
    assert.match(missing.error!.message, /Table 'NO_SUCH_TABLE' does not exist or not authorized/);
  });

  it('SHOW COLUMNS IN TABLE: the documented columns and data_type JSON', async () => {
    const [, shown, liked] = await runSql(
      runtime,
      `create or replace table test_show_columns (n1 number default 5, f1 float, s1 string, bool1 boolean, d1 date, t1 time, ts1 timestamp, ts3_ntz timestamp_ntz);
       show columns in table test_show_columns;
       show columns like 'T%' in test_show_columns`,
    );
    assert.deepEqual(columnNames(shown), [
      'table_name', 'schema_name', 'column_name', 'data_type', 'null?', 'default', 'kind', 'expression', 'comment', 'database_name', 'autoincrement',
      'schema_evolution_record',
    ]);
    assert.deepEqual(resultRows(shown).map((row) => [row.table_name, row.schema_name, row.column_name, row.data_type, row['null?'], row.default, row.kind]), [
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'N1', '{"type":"FIXED","precision":38,"scale":0,"nullable":true}', 'true', '5', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'F1', '{"type":"REAL","nullable":true}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'S1', '{"type":"TEXT","length":16777216,"byteLength":16777216,"nullable":true,"fixed":false}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'BOOL1', '{"type":"BOOLEAN","nullable":true}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'D1', '{"type":"DATE","nullable":true}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'T1', '{"type":"TIME","precision":0,"scale":9,"nullable":true}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'TS1', '{"type":"TIMESTAMP_NTZ","precision":0,"scale":9,"nullable":true}', 'true', '', 'COLUMN'],
      ['TEST_SHOW_COLUMNS', 'PUBLIC', 'TS3_NTZ', '{"type":"TIMESTAMP_NTZ","precision":0,"scale":9,"nullable":true}', 'true', '', 'COLUMN'],
    ]);
    assert.deepEqual(resultRows(shown).map((row) => row.database_name), Array(8).fill('LOCAL_DB'));
    assert.deepEqual(resultRows(liked).map((row) => row.column_name), ['T1', 'TS1', 'TS3_NTZ']);
    await runSql(runtime, 'drop table test_show_columns');
  });
});
