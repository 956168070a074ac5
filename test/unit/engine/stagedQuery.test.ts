import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';
import { runSql, runSqlOk } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';

// Queries of staged files on the real engine, as Snowflake's "Querying data in staged files"
// and "Querying metadata for staged files" pages show them: PUT file:///tmp/data*.csv @mystage1
// with data1.csv = a|b, c|d and data2.csv = e|f, g|h, then
//   SELECT METADATA$FILENAME, METADATA$FILE_ROW_NUMBER, t.$1, t.$2 FROM @mystage1 (file_format => myformat) t;
// gives data1.csv.gz 1 a b, data1.csv.gz 2 c d, data2.csv.gz 1 e f, data2.csv.gz 2 g h.

describe('Queries of staged files (SELECT … FROM @stage)', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'snowpark-local-staged-'));
    runtime = await SnowparkRuntime.open({ dbPath: join(folder, 'local.duckdb') });
    writeFileSync(join(folder, 'data1.csv'), 'a|b\nc|d\n');
    writeFileSync(join(folder, 'data2.csv'), 'e|f\ng|h\n');
    writeFileSync(join(folder, 'people.json'), '[{"name": "Ann", "age": 31}, {"name": "Bob", "age": 40}]');
    await sql(`
      create or replace file format myformat type = 'csv' field_delimiter = '|';
      create or replace file format myjson type = json strip_outer_array = true;
      create or replace stage mystage1;
      put file://${join(folder, 'data*.csv')} @mystage1;
      put file://${join(folder, 'people.json')} @mystage1/json;
    `);
  });
  after(async () => {
    await runtime.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const sql = (text: string): Promise<StatementOutcome[]> => runSqlOk(runtime, text);

  it("the documentation's example: METADATA$FILENAME, METADATA$FILE_ROW_NUMBER, t.$1, t.$2", async () => {
    const [outcome] = await sql(`select metadata$filename, metadata$file_row_number, t.$1, t.$2 from @mystage1 (file_format => myformat, pattern => '.*[.]csv[.]gz') t order by 1, 2`);
    assert.deepEqual(columnNames(outcome), ['METADATA$FILENAME', 'METADATA$FILE_ROW_NUMBER', '$1', '$2']);
    assert.deepEqual(resultRows(outcome).map((row) => Object.values(row)), [
      ['data1.csv.gz', 1, 'a', 'b'],
      ['data1.csv.gz', 2, 'c', 'd'],
      ['data2.csv.gz', 1, 'e', 'f'],
      ['data2.csv.gz', 2, 'g', 'h'],
    ]);
  });

  it('a path narrows the files; a column past the last field is NULL; the stage can sit in a subquery, a CTAS or an INSERT', async () => {
    const [one, nested, , inserted, created] = await sql(`
      select $1, $3 from @mystage1/data2 (file_format => 'myformat');
      select count(*) as n from (select $2 as b from @mystage1 (file_format => 'myformat', pattern => '.*csv.*') where $1 in ('a', 'g'));
      create or replace table staged_copy (a string, b string);
      insert into staged_copy select s.$1, s.$2 from @mystage1/data1 (file_format => 'myformat') s;
      create or replace table staged_ctas as select $2 as b from @mystage1/data1.csv.gz (file_format => 'myformat');
    `);
    assert.deepEqual(resultRows(one), [{ $1: 'e', $3: null }, { $1: 'g', $3: null }]);
    assert.deepEqual(resultRows(nested), [{ N: 2 }]);
    assert.equal(inserted.result!.data[0][0], 2);
    assert.equal(created.error, undefined);
    const [copied, ctas] = await sql('select a, b from staged_copy order by a; select b from staged_ctas order by b');
    assert.deepEqual(resultRows(copied), [{ A: 'a', B: 'b' }, { A: 'c', B: 'd' }]);
    assert.deepEqual(resultRows(ctas), [{ B: 'b' }, { B: 'd' }]);
  });

  it('JSON: $1 is the VARIANT record, read with paths and casts', async () => {
    const [outcome] = await sql(`select $1:name::string as name, $1:age::int as age from @mystage1/json (file_format => 'myjson') order by age`);
    assert.deepEqual(resultRows(outcome), [{ NAME: 'Ann', AGE: 31 }, { NAME: 'Bob', AGE: 40 }]);
  });

  it("without FILE_FORMAT the stage's format (else CSV) reads the files", async () => {
    await sql(`create or replace stage piped file_format = (type = csv field_delimiter = '|')`);
    writeFileSync(join(folder, 'stages', 'PIPED', 'p.csv'), '1|x\n');
    const [outcome] = await sql('select $1, $2 from @piped');
    assert.deepEqual(resultRows(outcome), [{ $1: '1', $2: 'x' }]);
  });

  it('INFER_SCHEMA over Parquet files: COLUMN_NAME, TYPE, NULLABLE, EXPRESSION, FILENAMES, ORDER_ID; the expressions read the columns', async () => {
    await sql(`
      create or replace file format pq type = parquet;
      create or replace table pq_src (id int, city string, amount number(10,2), seen date);
      insert into pq_src values (1, 'Oslo', 1.50, '2024-01-02');
      copy into @mystage1/pq/ from (select id as "id", city as "City", amount as "AMOUNT", seen as "SEEN" from pq_src) file_format = (type = parquet) header = true;
    `);
    const [inferred] = await sql(`select * from table(infer_schema(location => '@mystage1/pq/', file_format => 'pq')) order by order_id`);
    assert.deepEqual(columnNames(inferred), ['COLUMN_NAME', 'TYPE', 'NULLABLE', 'EXPRESSION', 'FILENAMES', 'ORDER_ID']);
    const rows = resultRows(inferred);
    assert.deepEqual(rows.map((row) => [row.COLUMN_NAME, row.TYPE, row.NULLABLE, row.ORDER_ID]), [
      ['ID', 'NUMBER(38, 0)', true, 0],
      ['CITY', 'TEXT', true, 1],
      ['AMOUNT', 'NUMBER(10, 2)', true, 2],
      ['SEEN', 'DATE', true, 3],
    ]);
    assert.match(String(rows[0].FILENAMES), /^pq\/data_0_0_0\.snappy\.parquet$/);
    const [read] = await sql(`select ${rows.map((row) => `${row.EXPRESSION} as "${row.COLUMN_NAME}"`).join(', ')} from @mystage1/pq/ (file_format => 'pq')`);
    // NUMBER(38, 0) travels as exact text (a DECIMAL wider than 18 digits); the shim reads it as an int.
    assert.deepEqual(resultRows(read), [{ ID: '1', CITY: 'Oslo', AMOUNT: '1.50', SEEN: '2024-01-02' }]);
    const [csv] = await runSql(runtime, `select * from table(infer_schema(location => '@mystage1', file_format => 'myformat'))`);
    assert.match(csv.error!.message, /INFER_SCHEMA on CSV files is not supported by the local engine/);
  });

  it('errors: an unknown file format, a stage that does not exist', async () => {
    const [format, stage] = await runSql(runtime, `
      select $1 from @mystage1 (file_format => 'nope');
      select $1 from @nostage;
    `);
    assert.match(format.error!.message, /File format 'LOCAL_DB\.PUBLIC\.NOPE' does not exist or not authorized/);
    assert.match(stage.error!.message, /Stage 'LOCAL_DB\.PUBLIC\.NOSTAGE' does not exist or not authorized/);
  });
});
