import assert from 'node:assert/strict';
import { parseCopyIntoTable } from '../../../src/core/engine/duckdb/stages/copyIntoTable';
import { copyOptionsOf } from '../../../src/core/engine/duckdb/stages/copyOptions';
import { csvRecords } from '../../../src/core/engine/duckdb/stages/csvRecords';
import { fileFormatOf } from '../../../src/core/engine/duckdb/stages/fileFormat';
import { jsonDocuments } from '../../../src/core/engine/duckdb/stages/jsonDocuments';
import { OptionValue } from '../../../src/core/engine/duckdb/stages/optionList';
import { csvOptions } from '../../../src/core/engine/duckdb/stages/readerOptions';
import { planStagedSelect } from '../../../src/core/engine/duckdb/stages/stagedSelect';
import { quoteStageReferences } from '../../../src/core/engine/duckdb/stages/stageReferences';
import { splitStatements } from '../../../src/core/sql/splitStatements';

// The readers behind COPY INTO <table> and queries of staged files, without an engine: how
// Snowflake's CSV and JSON rules split text (docs: CREATE FILE FORMAT format type options),
// how statements are read, and how a query's stage locations become tables.

const csv = (options: Record<string, OptionValue> = {}) => csvOptions(fileFormatOf(new Map(Object.entries({ TYPE: { text: 'CSV', quoted: false }, ...options }))));
const text = (value: string): OptionValue => ({ text: value, quoted: true });

function records(input: string, options: Record<string, OptionValue> = {}) {
  return [...csvRecords(input, csv(options))].map((record) => ({ line: record.line, values: record.fields.map((field) => field.value), characters: record.fields.map((field) => field.character), error: record.error?.message }));
}

describe('staged file readers', () => {
  it('CSV: NULL_IF (default \\N), empty fields, backslash escapes, CRLF, and each field\'s character', () => {
    assert.deepEqual(records('a,\\N,,x\\,y\r\nb,c,d,e'), [
      { line: 1, values: ['a', null, null, 'x,y'], characters: [1, 3, 6, 7], error: undefined },
      { line: 2, values: ['b', 'c', 'd', 'e'], characters: [1, 3, 5, 7], error: undefined },
    ]);
  });

  it('CSV: FIELD_OPTIONALLY_ENCLOSED_BY keeps delimiters, doubled quotes and newlines; "" is an empty string', () => {
    assert.deepEqual(records('"a,b","say ""hi""",""\n"two\nlines",x,\n', { FIELD_OPTIONALLY_ENCLOSED_BY: text('"') }), [
      { line: 1, values: ['a,b', 'say "hi"', ''], characters: [1, 7, 20], error: undefined },
      { line: 2, values: ['two\nlines', 'x', null], characters: [1, 8, 10], error: undefined },
    ]);
    const [bad] = records('"a"b,c\n', { FIELD_OPTIONALLY_ENCLOSED_BY: text('"') });
    assert.equal(bad.error, "Found character 'b' instead of field delimiter ','");
  });

  it('CSV: other delimiters, TRIM_SPACE, EMPTY_FIELD_AS_NULL = FALSE, SKIP_BLANK_LINES', () => {
    assert.deepEqual(records('a | b |\n\nc|d|e\n', { FIELD_DELIMITER: text('|'), TRIM_SPACE: { text: 'TRUE', quoted: false }, EMPTY_FIELD_AS_NULL: { text: 'FALSE', quoted: false }, SKIP_BLANK_LINES: { text: 'TRUE', quoted: false } }).map((r) => r.values), [
      ['a', 'b', ''],
      ['c', 'd', 'e'],
    ]);
    assert.deepEqual(records('1;2|3;4|', { FIELD_DELIMITER: text(';'), RECORD_DELIMITER: text('|') }).map((r) => [r.line, r.values]), [
      [1, ['1', '2']],
      [2, ['3', '4']],
    ]);
  });

  it('JSON: documents one after another or the elements of an outer array, each with its line; a broken one is reported', () => {
    const docs = [...jsonDocuments('{"a": 1}\n  {"b": 12345678901234567890}\n{"c": ,}\n[1, 2]', false)];
    assert.deepEqual(docs.map((d) => [d.line, d.character, d.text, d.error === undefined]), [
      [1, 1, '{"a": 1}', true],
      [2, 3, '{"b": 12345678901234567890}', true],
      [3, 1, '{"c": ,}', false],
      [4, 1, '[1, 2]', true],
    ]);
    assert.deepEqual([...jsonDocuments('[\n {"a": 1},\n {"a": 2}\n]', true)].map((d) => [d.line, d.text]), [[2, '{"a": 1}'], [3, '{"a": 2}']]);
  });

  it('COPY INTO <table>: the table, column list, location, transformation and options in any order', () => {
    const copy = parseCopyIntoTable(`copy into db.s."My Table" (a, "b") from @my_stage/path/ pattern = '.*[.]csv', on_error = 'skip_file_10%' file_format = (type = csv null_if = ('NULL', '')) force = true`);
    assert.deepEqual([copy.table, copy.columns, copy.location, copy.pattern], [['DB', 'S', 'My Table'], ['A', 'b'], '@my_stage/path/', '.*[.]csv']);
    assert.deepEqual(copy.format.get('NULL_IF'), ['NULL', '']);
    assert.deepEqual(copyOptionsOf(copy.copy).onError, { kind: 'SKIP_FILE', limit: 10, percent: true });
    const transform = parseCopyIntoTable(`copy into t from (select t.$1, $2 from @~/x t) files = ('a.csv')`);
    assert.deepEqual([transform.location, transform.files], ['@~/x', ['a.csv']]);
    assert.match(transform.transform!, /^select t\.\$1, \$2 from '@~\/x' t$/);
    assert.throws(() => copyOptionsOf(new Map([['ON_ERROR', text('sometimes')]])), /ON_ERROR = sometimes: use CONTINUE, SKIP_FILE/);
    assert.throws(() => copyOptionsOf(new Map([['NO_SUCH_OPTION', text('x')]])), /invalid value 'NO_SUCH_OPTION' for property 'COPY_OPTIONS'/);
  });

  it('a query of staged files: locations become tables, $n and t.$n in that query level become "$n"', () => {
    const planned = planStagedSelect(`select t.$1, $2:a, (select $1 from other) from @s/p (file_format => 'f', pattern => '.*') t join @~/x on true`)!;
    assert.equal(planned.sql, `select t."$1", "$2":a, (select $1 from other) from "__snowpark_local_staged_1" t join "__snowpark_local_staged_2" on true`);
    assert.deepEqual(planned.references.map((r) => [r.location, r.fileFormat, r.pattern]), [['@s/p', 'f', '.*'], ['@~/x', undefined, undefined]]);
    assert.equal(planned.columnsNamed, 2);
    assert.equal(planStagedSelect('select 1 as "@x" from t'), undefined);
    assert.equal(quoteStageReferences(`copy into @s//a/ from t -- @not`), `copy into '@s//a/' from t -- @not`);
  });

  it("a worksheet splits PUT file:///… statements at their ';' (file:// is not a // comment)", () => {
    const statements = splitStatements(`put file:///tmp/a.csv @~;\nget @~ file:///tmp/out/;\nselect 1 // a comment; still a comment\n;`);
    assert.deepEqual(statements.map((statement) => statement.text), ['put file:///tmp/a.csv @~', 'get @~ file:///tmp/out/', 'select 1']);
  });
});
