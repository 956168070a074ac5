import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';
import { runSql, runSqlOk } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';

// COPY INTO <table> on the real engine, with a database file so stage folders can be written.
// Expected values from Snowflake's documentation: COPY INTO <table> (output columns, ON_ERROR,
// FORCE and load metadata, PATTERN, FILES, MATCH_BY_COLUMN_NAME, "Copy executed with 0 files
// processed."), the data loading tutorial (mycsvformat: FIELD_DELIMITER '|', SKIP_HEADER 1;
// one LOADED row with error_limit 1 for ON_ERROR = 'skip_file'), and CREATE FILE FORMAT
// (FIELD_OPTIONALLY_ENCLOSED_BY, NULL_IF, EMPTY_FIELD_AS_NULL, STRIP_OUTER_ARRAY).

const RESULT_COLUMNS = [
  'file', 'status', 'rows_parsed', 'rows_loaded', 'error_limit', 'errors_seen', 'first_error', 'first_error_line', 'first_error_character', 'first_error_column_name',
];

/** A Parquet file written by DuckDB itself, from a query. */
async function writeParquet(path: string, query: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(`COPY (${query}) TO '${path.replace(/'/g, "''")}' (FORMAT parquet)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('COPY INTO <table> on the local engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'snowpark-local-load-'));
    runtime = await SnowparkRuntime.open({ dbPath: join(folder, 'local.duckdb') });
  });
  after(async () => {
    await runtime.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Writes a file into a stage's folder (a named stage is `stages/<NAME>`). */
  function stageFile(stage: string, path: string, content: string | Buffer): void {
    const file = join(folder, 'stages', stage, path);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content);
  }

  /** Runs the statements in one session; every one must succeed. */
  const sql = (text: string): Promise<StatementOutcome[]> => runSqlOk(runtime, text);

  async function rows(query: string): Promise<Array<Record<string, unknown>>> {
    const [outcome] = await sql(query);
    return resultRows(outcome);
  }

  it('the tutorial\'s CSV load: a named format with FIELD_DELIMITER and SKIP_HEADER, one LOADED row per file', async () => {
    stageFile('MY_CSV_STAGE', 'contacts1.csv', 'id|last_name|first_name|company\n1|Ivory|Kieran|Velit Consulting\n2|Townsend|Blaine|Dolor Inc.\n');
    const outcomes = await sql(`
      create or replace file format mycsvformat type = 'CSV' field_delimiter = '|' skip_header = 1;
      create or replace stage my_csv_stage file_format = mycsvformat;
      create or replace table mycsvtable (id integer, last_name string, first_name string, company string);
      copy into mycsvtable from @my_csv_stage/contacts1.csv file_format = (format_name = mycsvformat) on_error = 'skip_file';
    `);
    // CREATE OR REPLACE STAGE emptied the folder: the file is put back and loaded again.
    assert.equal(outcomes[3].result!.data[0][0], 'Copy executed with 0 files processed.');
    stageFile('MY_CSV_STAGE', 'contacts1.csv', 'id|last_name|first_name|company\n1|Ivory|Kieran|Velit Consulting\n2|Townsend|Blaine|Dolor Inc.\n');
    const [copied] = await sql(`copy into mycsvtable from @my_csv_stage/contacts1.csv file_format = (format_name = mycsvformat) on_error = 'skip_file'`);
    assert.deepEqual(columnNames(copied), RESULT_COLUMNS);
    assert.deepEqual(resultRows(copied), [
      {
        file: 'my_csv_stage/contacts1.csv', status: 'LOADED', rows_parsed: 2, rows_loaded: 2, error_limit: 1, errors_seen: 0,
        first_error: null, first_error_line: null, first_error_character: null, first_error_column_name: null,
      },
    ]);
    assert.deepEqual(await rows('select id, last_name, company from mycsvtable order by id'), [
      { ID: 1, LAST_NAME: 'Ivory', COMPANY: 'Velit Consulting' },
      { ID: 2, LAST_NAME: 'Townsend', COMPANY: 'Dolor Inc.' },
    ]);
    // The stage's own FILE_FORMAT applies when the COPY names none.
    stageFile('MY_CSV_STAGE', 'contacts2.csv', 'id|last_name|first_name|company\n3|Wallace|Jenna|Nec Inc.\n');
    const [byStage] = await sql('copy into mycsvtable from @my_csv_stage');
    assert.deepEqual(resultRows(byStage).map((row) => [row.file, row.status, row.rows_loaded]), [['my_csv_stage/contacts2.csv', 'LOADED', 1]]);
  });

  it('CSV options: FIELD_OPTIONALLY_ENCLOSED_BY, NULL_IF, EMPTY_FIELD_AS_NULL, escapes and CRLF line ends', async () => {
    await sql(`
      create or replace stage opts;
      create or replace table people (name string, note string, n int);
    `);
    stageFile('OPTS', 'a.csv', 'name,note,n\r\n"Smith, John","say ""hi""",1\r\nNULL,,2\r\n"",x\\,y,3\r\n');
    const [copied] = await sql(`copy into people from @opts file_format = (type = csv skip_header = 1 field_optionally_enclosed_by = '"' null_if = ('NULL'))`);
    assert.equal(resultRows(copied)[0].rows_loaded, 3);
    // NULL_IF 'NULL' and an empty unenclosed field are NULL; an enclosed empty field is ''.
    assert.deepEqual(await rows('select name, note, n from people order by n'), [
      { NAME: 'Smith, John', NOTE: 'say "hi"', N: 1 },
      { NAME: null, NOTE: null, N: 2 },
      { NAME: '', NOTE: 'x,y', N: 3 },
    ]);
    await sql('truncate table people');
    stageFile('OPTS', 'b.csv', 'a;;1\n');
    const [kept] = await sql(`copy into people from @opts files = ('b.csv') file_format = (type = csv field_delimiter = ';' empty_field_as_null = false)`);
    assert.equal(resultRows(kept)[0].status, 'LOADED');
    assert.deepEqual(await rows('select name, note, n from people'), [{ NAME: 'a', NOTE: '', N: 1 }]);
  });

  it('ON_ERROR = CONTINUE loads the good rows and names the first error: message, line, character and column', async () => {
    await sql(`
      create or replace stage errs;
      create or replace table amounts (id int, amount number(10,2));
    `);
    stageFile('ERRS', 'data.csv', 'id,amount\n1,10.5\n2,abc\n3,7\n4,x\n');
    const [copied] = await sql(`copy into amounts from @errs file_format = (type = csv skip_header = 1) on_error = continue`);
    assert.deepEqual(resultRows(copied), [
      {
        file: 'errs/data.csv', status: 'PARTIALLY_LOADED', rows_parsed: 4, rows_loaded: 2, error_limit: 4, errors_seen: 2,
        first_error: "Numeric value 'abc' is not recognized", first_error_line: 3, first_error_character: 3, first_error_column_name: '"AMOUNTS"["AMOUNT":2]',
      },
    ]);
    assert.deepEqual(await rows('select id, amount from amounts order by id'), [{ ID: 1, AMOUNT: '10.50' }, { ID: 3, AMOUNT: '7.00' }]);
  });

  it('ON_ERROR = ABORT_STATEMENT (the default) fails with the row, line and column and loads nothing', async () => {
    await sql(`
      create or replace stage aborts;
      create or replace table ab (id int, name string);
    `);
    stageFile('ABORTS', 'one.csv', '1,a\n2,b\n');
    stageFile('ABORTS', 'two.csv', '3,c\nfour,d\n');
    const [failed] = await runSql(runtime, 'copy into ab from @aborts');
    assert.equal(failed.error?.errorCode, '100038');
    assert.equal(failed.error?.sqlState, '22018');
    assert.match(failed.error!.message, /Numeric value 'four' is not recognized\n {2}File 'aborts\/two\.csv', line 2, character 1\n {2}Row 2, column "AB"\["ID":1\]\n {2}If you would like to continue loading when an error is encountered, use other values such as 'SKIP_FILE' or 'CONTINUE'/);
    // one.csv was fine, but the statement failed as a whole.
    assert.deepEqual(await rows('select count(*) as n from ab'), [{ N: 0 }]);
    // A column count that does not match is an error too (ERROR_ON_COLUMN_COUNT_MISMATCH = TRUE).
    stageFile('ABORTS', 'three.csv', '5,e,extra\n');
    const [wide] = await runSql(runtime, `copy into ab from @aborts files = ('three.csv')`);
    assert.equal(wide.error?.errorCode, '100080');
    assert.match(wide.error!.message, /Number of columns in file \(3\) does not match that of the corresponding table \(2\), use file format option error_on_column_count_mismatch=false to ignore this error/);
    const [lenient] = await sql(`copy into ab from @aborts files = ('three.csv') file_format = (type = csv error_on_column_count_mismatch = false)`);
    assert.equal(resultRows(lenient)[0].status, 'LOADED');
    assert.deepEqual(await rows('select id, name from ab'), [{ ID: 5, NAME: 'e' }]);
  });

  it('SKIP_FILE leaves out a file with errors; SKIP_FILE_<n> and SKIP_FILE_<n>% only past their limit', async () => {
    await sql(`
      create or replace stage skips;
      create or replace table sk (id int);
    `);
    stageFile('SKIPS', 'good.csv', '1\n2\n');
    stageFile('SKIPS', 'bad.csv', '3\nx\n4\n5\n');
    const [skipped] = await sql('copy into sk from @skips on_error = skip_file');
    assert.deepEqual(resultRows(skipped).map((row) => [row.file, row.status, row.rows_parsed, row.rows_loaded, row.error_limit, row.errors_seen]), [
      ['skips/bad.csv', 'LOAD_FAILED', 4, 0, 1, 1],
      ['skips/good.csv', 'LOADED', 2, 2, 1, 0],
    ]);
    // bad.csv was not loaded, so it is tried again; one error is under SKIP_FILE_2's limit.
    const [underLimit] = await sql('copy into sk from @skips on_error = skip_file_2');
    assert.deepEqual(resultRows(underLimit).map((row) => [row.file, row.status, row.rows_loaded, row.error_limit]), [['skips/bad.csv', 'PARTIALLY_LOADED', 3, 2]]);
    assert.deepEqual((await rows('select id from sk order by id')).map((row) => row.ID), [1, 2, 3, 4, 5]);
    const [percent] = await sql(`copy into sk from @skips files = ('bad.csv') force = true on_error = 'skip_file_10%'`);
    assert.deepEqual(resultRows(percent).map((row) => [row.status, row.rows_loaded]), [['LOAD_FAILED', 0]]);
  });

  it('a file loaded before is skipped (load metadata) unless FORCE = TRUE; a changed file or a re-created table loads again', async () => {
    await sql(`
      create or replace stage again;
      create or replace table ag (id int);
    `);
    stageFile('AGAIN', 'f.csv', '1\n2\n');
    const [first] = await sql('copy into ag from @again');
    assert.equal(resultRows(first)[0].status, 'LOADED');
    const [second] = await sql('copy into ag from @again');
    assert.deepEqual(columnNames(second), ['status']);
    assert.equal(second.result!.data[0][0], 'Copy executed with 0 files processed.');
    const [forced] = await sql('copy into ag from @again force = true');
    assert.equal(resultRows(forced)[0].rows_loaded, 2);
    assert.deepEqual(await rows('select count(*) as n from ag'), [{ N: 4 }]);
    stageFile('AGAIN', 'f.csv', '1\n2\n3\n');
    const [changed] = await sql('copy into ag from @again');
    assert.equal(resultRows(changed)[0].rows_loaded, 3);
    await sql('create or replace table ag (id int)');
    const [recreated] = await sql('copy into ag from @again');
    assert.equal(resultRows(recreated)[0].rows_loaded, 3);
    // The history lives in the database, out of SHOW TABLES' sight.
    const [tables] = await sql("show tables like '%history%'");
    assert.equal(tables.result!.rowCount, 0);
  });

  it('PATTERN and FILES pick the files; a missing FILES entry is LOAD_FAILED or the statement\'s error', async () => {
    await sql(`
      create or replace stage picks;
      create or replace table pk (id int);
    `);
    stageFile('PICKS', 'sales/2024-01.csv', '1\n');
    stageFile('PICKS', 'sales/2024-02.csv', '2\n');
    stageFile('PICKS', 'other/notes.txt', 'not a number\n');
    const [patterned] = await sql(`copy into pk from @picks pattern = '.*sales/.*[.]csv'`);
    assert.deepEqual(resultRows(patterned).map((row) => row.file), ['picks/sales/2024-01.csv', 'picks/sales/2024-02.csv']);
    const [listed] = await sql(`copy into pk from @picks/sales files = ('2024-01.csv', 'missing.csv') force = true on_error = continue`);
    assert.deepEqual(resultRows(listed).map((row) => [row.file, row.status]), [['picks/sales/2024-01.csv', 'LOADED'], ['picks/sales/missing.csv', 'LOAD_FAILED']]);
    assert.match(String(resultRows(listed)[1].first_error), /^Remote file 'picks\/sales\/missing\.csv' was not found/);
    const [missing] = await runSql(runtime, `copy into pk from @picks/sales files = ('missing.csv')`);
    assert.match(missing.error!.message, /Remote file 'picks\/sales\/missing\.csv' was not found/);
    const [empty] = await sql(`copy into pk from @picks pattern = 'nothing.*'`);
    assert.equal(empty.result!.data[0][0], 'Copy executed with 0 files processed.');
  });

  it('what COPY INTO @stage writes loads back: gzip CSV, JSON and Parquet round trips', async () => {
    await sql(`
      create or replace stage trip;
      create or replace table src (id int, name string, amount number(10,2), day date);
      insert into src values (1, 'a,b', 1.50, '2024-01-02'), (2, null, null, null), (3, 'say "hi"', 3.25, '2024-12-31');
      copy into @trip/csv/ from src file_format = (type = csv field_optionally_enclosed_by = '"');
      copy into @trip/pq/ from src file_format = (type = parquet) header = true;
      copy into @trip/js/ from (select object_construct('ID', id, 'NAME', name) from src) file_format = (type = json);
      create or replace table back_csv like src;
      create or replace table back_pq like src;
      create or replace table back_js (v variant);
    `);
    const [csv] = await sql(`copy into back_csv from @trip/csv/ file_format = (type = csv field_optionally_enclosed_by = '"')`);
    assert.match(String(resultRows(csv)[0].file), /^trip\/csv\/data_0_0_0\.csv\.gz$/);
    const [pq] = await sql('copy into back_pq from @trip/pq/ file_format = (type = parquet) match_by_column_name = case_insensitive');
    assert.equal(resultRows(pq)[0].rows_loaded, 3);
    const expected = await rows('select * from src order by id');
    assert.deepEqual(await rows('select * from back_csv order by id'), expected);
    assert.deepEqual(await rows('select * from back_pq order by id'), expected);
    const [json] = await sql(`copy into back_js from @trip/js/ file_format = (type = json)`);
    assert.equal(resultRows(json)[0].rows_loaded, 3);
    assert.deepEqual(await rows('select v:ID::int as id, v:NAME::string as name from back_js order by 1'), expected.map((row) => ({ ID: row.ID, NAME: row.NAME })));
    // A gzip file PUT or written by hand loads the same way (COMPRESSION = AUTO reads the magic bytes).
    stageFile('TRIP', 'hand/x.csv.gz', gzipSync('4,d,4.00,2024-02-03\n'));
    const [hand] = await sql('copy into back_csv from @trip/hand');
    assert.equal(resultRows(hand)[0].rows_loaded, 1);
  });

  it('JSON: STRIP_OUTER_ARRAY into one VARIANT column, MATCH_BY_COLUMN_NAME into columns; bad JSON is counted', async () => {
    await sql(`
      create or replace stage js;
      create or replace table docs (v variant);
      create or replace table cols (id int, name string, tags array);
    `);
    stageFile('JS', 'people.json', '[{"id": 1, "name": "Ann", "tags": ["x"]}, {"ID": 2, "Name": "Bob"}]');
    const [variant] = await sql(`copy into docs from @js file_format = (type = json strip_outer_array = true)`);
    assert.equal(resultRows(variant)[0].rows_loaded, 2);
    assert.deepEqual(await rows('select v:id::int as id, v:name::string as name from docs order by 1'), [{ ID: 1, NAME: 'Ann' }, { ID: null, NAME: null }]);
    const [matched] = await sql(`copy into cols from @js file_format = (type = json strip_outer_array = true) match_by_column_name = case_insensitive`);
    assert.equal(resultRows(matched)[0].rows_loaded, 2);
    assert.deepEqual(await rows('select id, name, tags from cols order by id'), [{ ID: 1, NAME: 'Ann', TAGS: '[\n  "x"\n]' }, { ID: 2, NAME: 'Bob', TAGS: null }]);
    // NDJSON with one broken document: CONTINUE loads the others and reports the bad one's line.
    stageFile('JS', 'lines.json', '{"id": 3}\n{"id": 4,}\n{"id": 5}\n');
    const [broken] = await sql(`copy into docs from @js files = ('lines.json') file_format = (type = json) on_error = continue`);
    const row = resultRows(broken)[0];
    assert.deepEqual([row.status, row.rows_parsed, row.rows_loaded, row.errors_seen, row.first_error_line], ['PARTIALLY_LOADED', 3, 2, 1, 2]);
    assert.match(String(row.first_error), /^Error parsing JSON: /);
    // Without MATCH_BY_COLUMN_NAME a JSON file has one column to give.
    const [several] = await runSql(runtime, `copy into cols from @js files = ('people.json') file_format = (type = json)`);
    assert.match(several.error!.message, /JSON file format can produce one and only one column of type variant, object, or array/);
  });

  it('Parquet: MATCH_BY_COLUMN_NAME (CASE_SENSITIVE needs the exact names), or the whole row as one VARIANT', async () => {
    await sql(`
      create or replace stage pqs;
      create or replace table pq_cols (city string, id int, extra string);
      create or replace table pq_row (v variant);
    `);
    // A file from elsewhere, with lower- and mixed-case column names.
    await writeParquet(join(folder, 'stages', 'PQS', 'cities.parquet'), `SELECT 1 AS "id", 'Oslo' AS "City" UNION ALL SELECT 2, 'Lima'`);
    const [exact] = await sql('copy into pq_cols from @pqs file_format = (type = parquet) match_by_column_name = case_sensitive');
    assert.equal(resultRows(exact)[0].rows_loaded, 2);
    // Case-sensitive: "id" and "City" match neither ID nor CITY, so every column is NULL.
    assert.deepEqual(await rows('select count(*) as n, count(id) as ids from pq_cols'), [{ N: 2, IDS: 0 }]);
    await sql('truncate table pq_cols');
    await sql('copy into pq_cols from @pqs file_format = (type = parquet) match_by_column_name = case_insensitive force = true');
    assert.deepEqual(await rows('select city, id, extra from pq_cols order by id'), [{ CITY: 'Oslo', ID: 1, EXTRA: null }, { CITY: 'Lima', ID: 2, EXTRA: null }]);
    await sql('copy into pq_row from @pqs file_format = (type = parquet)');
    assert.deepEqual(await rows('select v:City::string as city from pq_row order by v:id'), [{ CITY: 'Oslo' }, { CITY: 'Lima' }]);
  });

  it('a COPY transformation: $n, t.$n, casts, functions and METADATA$FILENAME; a failing row is counted', async () => {
    await sql(`
      create or replace stage tf;
      create or replace table tf_t (id int, name string, source string);
    `);
    stageFile('TF', 'a.csv', '1,ann\n2,bob\n');
    const [copied] = await sql(`copy into tf_t (id, name, source) from (select t.$1, upper(t.$2), metadata$filename from @tf t)`);
    assert.equal(resultRows(copied)[0].rows_loaded, 2);
    assert.deepEqual(await rows('select * from tf_t order by id'), [{ ID: 1, NAME: 'ANN', SOURCE: 'a.csv' }, { ID: 2, NAME: 'BOB', SOURCE: 'a.csv' }]);
    stageFile('TF', 'b.csv', '3,cy\nx,dee\n');
    const [counted] = await sql(`copy into tf_t (id, name) from (select $1::number, $2 from @tf) files = ('b.csv') on_error = continue`);
    const row = resultRows(counted)[0];
    assert.deepEqual([row.status, row.rows_loaded, row.errors_seen], ['PARTIALLY_LOADED', 1, 1]);
    assert.match(String(row.first_error), /x/);
  });

  it('named file formats: SHOW, DESCRIBE, ALTER, DROP; a temporary one ends with its session', async () => {
    const [, shown, described] = await sql(`
      create or replace file format pipes type = csv field_delimiter = '|' null_if = ('NULL', 'null') comment = 'pipes';
      show file formats like 'PIP%';
      describe file format pipes;
    `);
    const format = resultRows(shown)[0];
    assert.deepEqual([format.name, format.type, format.comment, format.database_name, format.schema_name], ['PIPES', 'CSV', 'pipes', 'LOCAL_DB', 'PUBLIC']);
    assert.deepEqual(JSON.parse(String(format.format_options)).FIELD_DELIMITER, '|');
    assert.deepEqual(columnNames(described), ['property', 'property_type', 'property_value', 'property_default']);
    const properties = Object.fromEntries(resultRows(described).map((row) => [row.property, [row.property_type, row.property_value, row.property_default]]));
    assert.deepEqual(properties.FIELD_DELIMITER, ['String', '|', ',']);
    assert.deepEqual(properties.NULL_IF, ['List', '[NULL, null]', '[\\N]']);
    assert.deepEqual(properties.SKIP_HEADER, ['Integer', '0', '0']);
    await sql('alter file format pipes set skip_header = 2');
    const [altered] = await sql('describe file format pipes');
    assert.equal(resultRows(altered).find((row) => row.property === 'SKIP_HEADER')!.property_value, '2');
    const [bad] = await runSql(runtime, 'create file format nope type = csv strip_outer_array = true');
    assert.match(bad.error!.message, /invalid value 'STRIP_OUTER_ARRAY' for property 'FILE_FORMAT'/);
    const [, temp] = await sql(`create temporary file format only_here type = json; show file formats like 'ONLY%'`);
    assert.equal(temp.result!.rowCount, 1);
    const [later] = await sql(`show file formats like 'ONLY%'`);
    assert.equal(later.result!.rowCount, 0);
    // COPY INTO @stage reads a named format too: uncompressed pipes, and loads back with it.
    const [unloaded] = await sql(`
      create or replace stage named_out;
      create or replace file format plain_pipes type = csv field_delimiter = '|' compression = none;
      copy into @named_out/ from (select 1 as a, 'x' as b) file_format = (format_name = plain_pipes);
      create or replace table from_named (a int, b string);
      copy into from_named from @named_out file_format = (format_name = 'plain_pipes');
    `).then((outcomes) => outcomes.slice(2));
    assert.deepEqual(unloaded.result!.data, [[1], [4], [4]]);
    assert.equal(readFileSync(join(folder, 'stages', 'NAMED_OUT', 'data_0_0_0.csv'), 'utf8'), '1|x\n');
    assert.deepEqual(await rows('select a, b from from_named'), [{ A: 1, B: 'x' }]);
    const [dropped, gone] = await runSql(runtime, 'drop file format pipes; describe file format pipes');
    assert.equal(dropped.result!.data[0][0], 'PIPES successfully dropped.');
    assert.match(gone.error!.message, /File format 'LOCAL_DB\.PUBLIC\.PIPES' does not exist or not authorized/);
  });

  it('errors name what is missing: the stage, the table, the file format', async () => {
    const [stage, table, format] = await runSql(runtime, `
      copy into nowhere from @no_such_stage;
      copy into no_such_table from @~;
      copy into mycsvtable from @~ file_format = (format_name = no_such_format);
    `);
    assert.match(stage.error!.message, /Stage 'LOCAL_DB\.PUBLIC\.NO_SUCH_STAGE' does not exist or not authorized/);
    assert.match(table.error!.message, /Table 'NO_SUCH_TABLE' does not exist or not authorized/);
    assert.match(format.error!.message, /File format 'LOCAL_DB\.PUBLIC\.NO_SUCH_FORMAT' does not exist or not authorized/);
  });
});
