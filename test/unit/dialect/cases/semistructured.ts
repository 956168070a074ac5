import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, docSemantics, known, sql } from './docHelpers';

// Semi-structured data: FLATTEN, TYPEOF, ARRAY_SLICE, OBJECT_CONSTRUCT, …

const FLAT = 'the doc selects *; this selects KEY, PATH, INDEX, VALUE (SEQ and THIS left out)';
const nested = `PARSE_JSON('{"a":1, "b":[77,88], "c": {"d":"X"}}')`;
const vartab = [
  'CREATE OR REPLACE TABLE vartab (n NUMBER(2), v VARIANT)',
  `INSERT INTO vartab SELECT column1 AS n, PARSE_JSON(column2) AS v FROM (VALUES (1, 'null'), (2, null), (3, 'true'), (4, '-17'), (5, '123.12'), (6, '1.912e2'), (7, '"Om ara pa ca na dhih"  '), (8, '[-1, 12, 289, 2188, false,]'), (9, '{ "x" : "abc", "y" : false, "z": 10} ')) AS vals(column1, column2)`,
];
const demo1 = ['CREATE OR REPLACE TABLE demo_table_1 (province VARCHAR, created_date DATE)', "INSERT INTO demo_table_1 (province, created_date) VALUES ('Manitoba', '2024-01-18'::DATE), ('Alberta', '2024-01-19'::DATE)"];
const nestedObj = [
  'CREATE OR REPLACE TABLE sample_nested_object (id INTEGER, nested_object OBJECT)',
  "INSERT INTO sample_nested_object (id, nested_object) SELECT 1, OBJECT_CONSTRUCT('outer_key1', OBJECT_CONSTRUCT('inner_key1A', 'example1', 'inner_key1B', 'example2'), 'outer_key2', OBJECT_CONSTRUCT('inner_key2', 5))",
  "INSERT INTO sample_nested_object (id, nested_object) SELECT 2, OBJECT_CONSTRUCT('outer_key1', OBJECT_CONSTRUCT('inner_key1A', 'example3', 'inner_key1B', 'example4'), 'outer_key2', OBJECT_CONSTRUCT('inner_key2', 7))",
];

const getTab = [
  'CREATE OR REPLACE TABLE vartab (a ARRAY, o OBJECT, v VARIANT)',
  "INSERT INTO vartab (a, o, v) SELECT ARRAY_CONSTRUCT(2.71, 3.14), OBJECT_CONSTRUCT('Ukraine', 'Kyiv'::VARIANT, 'France', 'Paris'::VARIANT), TO_VARIANT(OBJECT_CONSTRUCT('weatherStationID', 42::VARIANT, 'timestamp', '2022-03-07 14:00'::TIMESTAMP_LTZ::VARIANT, 'temperature', 31.5::VARIANT, 'sensorType', 'indoor'::VARIANT))",
];
const GET_NOTE = 'doc: CREATE TABLE vartab (here CREATE OR REPLACE, as other cases use a table of that name)';

const constructArray = [
  'CREATE OR REPLACE TABLE construct_array_example (id INT, array_column ARRAY)',
  'INSERT INTO construct_array_example (id, array_column) SELECT 1, ARRAY_CONSTRUCT(1, 2, 3)',
  'INSERT INTO construct_array_example (id, array_column) SELECT 2, ARRAY_CONSTRUCT(4, 5, 6)',
  'INSERT INTO construct_array_example (id, array_column) SELECT 3, ARRAY_CONSTRUCT(7, 8, 9)',
];
const splittable = ['CREATE OR REPLACE TABLE splittable (v VARCHAR)', "INSERT INTO splittable (v) VALUES ('a.b.c'), ('d'), ('')"];
const authors = ['CREATE OR REPLACE TABLE authors_books_test (author VARCHAR, titles VARCHAR)', "INSERT INTO authors_books_test (author, titles) VALUES ('Nathaniel Hawthorne', 'The Scarlet Letter , The House of the Seven Gables,The Blithedale Romance'), ('Herman Melville', 'Moby Dick,The Confidence-Man')"];

const arrayExample = ['CREATE OR REPLACE TABLE array_example (id INT, array_column ARRAY)', 'INSERT INTO array_example (id, array_column) SELECT 1, ARRAY_CONSTRUCT(1, 2, 3)', 'INSERT INTO array_example (id, array_column) SELECT 2, ARRAY_CONSTRUCT(4, 5, 6)'];

const jdemo2 = ['CREATE OR REPLACE TABLE jdemo2 (varchar1 VARCHAR, variant1 VARIANT)', `INSERT INTO jdemo2 (varchar1) VALUES ('{"PI":3.14}')`, 'UPDATE jdemo2 SET variant1 = PARSE_JSON(varchar1)'];
const jdemo3 = ['CREATE OR REPLACE TABLE jdemo3 (variant1 VARIANT, variant2 VARIANT)', `INSERT INTO jdemo3 (variant1, variant2) SELECT PARSE_JSON('{"PI":3.14}'), TO_VARIANT('{"PI":3.14}')`];
const dupInsert = (fn: string): string => `INSERT INTO vartab SELECT column1 AS n, ${fn} AS v FROM (VALUES (10, '{ "a" : "123", "b" : "456", "a": "789"} ')) AS vals(column1, column2)`;
const DUP_NOTE = 'FROM VALUES … AS vals written as FROM (VALUES …) AS vals(column1, column2); table vartab as created on the page';

const demo1Nulls = ['CREATE OR REPLACE TABLE demo_table_1_with_nulls (province VARCHAR, created_date DATE)', "INSERT INTO demo_table_1_with_nulls (province, created_date) VALUES ('Manitoba', '2024-01-18'::DATE), ('British Columbia', NULL), ('Alberta', '2024-01-19'::DATE), (NULL, '2024-01-20'::DATE)"];
/** A rule stated on a doc page (not one of its printed examples), with the answer it implies. */
const semantics = docSemantics;

export const SEMISTRUCTURED_CASES: FunctionCase[] = [
  { ...docEx('PARSE_JSON', 'parse_json', dupInsert('PARSE_JSON(column2)'), [], DUP_NOTE + "; the doc's error: 100069 (22P02) Error parsing JSON: duplicate object attribute", { setup: vartab }), rows: undefined, error: '100069' },
  docEx('PARSE_JSON', 'parse_json', dupInsert("PARSE_JSON(column2, 'd')"), [[1]], DUP_NOTE + '; result: number of rows inserted', { setup: vartab }),
  docEx('PARSE_JSON', 'parse_json', sql`SELECT v FROM vartab WHERE n = 10`, [[{ json: { a: '789', b: '456' } }]], DUP_NOTE + "; the INSERT with 'd' runs as setup", { setup: [...vartab, dupInsert("PARSE_JSON(column2, 'd')")] }),
  { ...docEx('PARSE_JSON', 'parse_json', sql`SELECT PARSE_JSON(''), PARSE_JSON('  '), TO_JSON(PARSE_JSON('{"b":1,"a":{"d":[{"z":1,"y":2}],"c":2}}'))`, [[null, null, '{"a":{"c":2,"d":[{"y":2,"z":1}]},"b":1}']], 'usage notes: empty or whitespace-only text gives NULL; OBJECT keys are stored sorted, nested objects too (the {"b":1,"a":2} example)'), source: 'semantics https://docs.snowflake.com/en/sql-reference/functions/parse_json' },
  { ...docEx('PARSE_JSON', 'parse_json', sql`SELECT PARSE_JSON('{"x": {"a": 1, "a": 2}}')`, [], "'s' (strict, the default) does not allow duplicate keys in any JSON object, nested ones included"), rows: undefined, error: '100069', source: 'semantics https://docs.snowflake.com/en/sql-reference/functions/parse_json' },
  docEx('TRY_PARSE_JSON', 'try_parse_json', sql`SELECT ID, TRY_PARSE_JSON(v) FROM vartab ORDER BY ID`, [[1, { json: [-1, 12, 289, 2188, false, null] }], [2, { json: { x: 'abc', y: false, z: 10 } }], [3, null]], "the doc shows the array's last element as undefined; compared here as JSON null; the page's CREATE OR REPLACE TEMPORARY TABLE is run without TEMPORARY, as other cases make a permanent vartab", { setup: ['CREATE OR REPLACE TABLE vartab (ID INTEGER, v VARCHAR)', `INSERT INTO vartab (id, v) VALUES (1, '[-1, 12, 289, 2188, FALSE,]'), (2, '{ "x" : "abc", "y" : FALSE, "z": 10} '), (3, '{ "bad" : "json", "missing" : TRUE, "close_brace": 10 ')`] }),
  docEx('PARSE_JSON', 'parse_json', sql`SELECT TO_JSON(NULL), TO_JSON('null'::VARIANT), PARSE_JSON(NULL), PARSE_JSON('null')`, [[null, '"null"', null, { json: null }]], undefined, { also: ['TO_JSON'] }),
  docEx('PARSE_JSON', 'parse_json', sql`SELECT varchar1, PARSE_JSON(varchar1), variant1, TO_JSON(variant1), PARSE_JSON(varchar1) = variant1, TO_JSON(variant1) = varchar1 FROM jdemo2`, [['{"PI":3.14}', { json: { PI: 3.14 } }, { json: { PI: 3.14 } }, '{"PI":3.14}', true, true]], undefined, { setup: jdemo2, also: ['TO_JSON'] }),
  docEx('TO_JSON', 'parse_json', sql`SELECT TO_JSON(PARSE_JSON('{"b":1,"a":2}')), TO_JSON(PARSE_JSON('{"b":1,"a":2}')) = '{"b":1,"a":2}', TO_JSON(PARSE_JSON('{"b":1,"a":2}')) = '{"a":2,"b":1}'`, [['{"a":2,"b":1}', false, true]]),
  docEx('TO_VARIANT', 'parse_json', sql`SELECT variant1, TYPEOF(variant1), variant2, TYPEOF(variant2), variant1 = variant2 FROM jdemo3`, [[{ json: { PI: 3.14 } }, 'OBJECT', { json: '{"PI":3.14}' }, 'VARCHAR', false]], undefined, { setup: jdemo3 }),
  docEx(
    'ARRAY_TO_STRING',
    'array_to_string',
    sql`SELECT column1, ARRAY_TO_STRING(PARSE_JSON(column1), '') AS no_separation, ARRAY_TO_STRING(PARSE_JSON(column1), ', ') AS comma_separated FROM (VALUES (NULL), ('[]'), ('[1]'), ('[1, 2]'), ('[true, 1, -1.2e-3, "Abc", ["x","y"], {"a":1}]'), ('[, 1]'), ('[1, ]'), ('[1, , ,2]')) AS v(column1)`,
    [[null, null, null], ['[]', '', ''], ['[1]', '1', '1'], ['[1, 2]', '12', '1, 2'], ['[true, 1, -1.2e-3, "Abc", ["x","y"], {"a":1}]', 'true1-0.0012Abc["x","y"]{"a":1}', 'true, 1, -0.0012, Abc, ["x","y"], {"a":1}'], ['[, 1]', '1', ', 1'], ['[1, ]', '1', '1, '], ['[1, , ,2]', '12', '1, , , 2']],
    "FROM VALUES … written as FROM (VALUES …) AS v(column1); the doc's text table cannot show the trailing blank of '1, '",
  ),
  docEx('ARRAY_TO_STRING', 'array_to_string', sql`SELECT a, ARRAY_TO_STRING(a, ''), ARRAY_TO_STRING(a, ', ') FROM test_array_to_string_with_null`, [[{ json: ['A', null, 'B'] }, 'AB', 'A, , B']], "the doc shows the array's middle element as undefined (a SQL NULL); compared here as JSON null", { setup: ['CREATE OR REPLACE TABLE test_array_to_string_with_null(a ARRAY)', "INSERT INTO test_array_to_string_with_null SELECT (['A', NULL, 'B'])"] }),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS('hello'::VARIANT, ARRAY_CONSTRUCT('hello', 'hi'))`, [[true]]),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS('hello'::VARIANT, ARRAY_CONSTRUCT('hola', 'bonjour'))`, [[false]]),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', 'bonjour'))`, [[null]]),
  known(docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', NULL))`, [[true]]), "ARRAY_CONTAINS(NULL, array with a SQL NULL) answers NULL; Snowflake answers TRUE (NULL matches the undefined element)."),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS(PARSE_JSON('null'), ARRAY_CONSTRUCT('hola', PARSE_JSON('null')))`, [[true]]),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS(NULL, ARRAY_CONSTRUCT('hola', PARSE_JSON('null')))`, [[null]]),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT ARRAY_CONTAINS('mystring2'::VARIANT, ARRAY_CONSTRUCT('mystring1', 'mystring2'))`, [[true]], 'usage-notes statement; its answer follows from Returns (the value is present)'),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT * FROM array_example`, [[1, { json: [1, 2, 3] }], [2, { json: [4, 5, 6] }]], undefined, { setup: arrayExample }),
  docEx('ARRAY_CONTAINS', 'array_contains', sql`SELECT * FROM array_example WHERE ARRAY_CONTAINS(5, array_column)`, [[2, { json: [4, 5, 6] }]], undefined, { setup: arrayExample }),
  docEx('ARRAY_CONSTRUCT', 'array_construct', sql`SELECT ARRAY_CONSTRUCT(10, 20, 30)`, [[{ json: [10, 20, 30] }]]),
  docEx('ARRAY_CONSTRUCT', 'array_construct', sql`SELECT ARRAY_CONSTRUCT()`, [[{ json: [] }]]),
  docEx('ARRAY_CONSTRUCT', 'array_construct', sql`SELECT * FROM construct_array_example`, [[1, { json: [1, 2, 3] }], [2, { json: [4, 5, 6] }], [3, { json: [7, 8, 9] }]], undefined, { setup: constructArray }),
  docEx('SPLIT_TO_TABLE', 'split_to_table', sql`SELECT table1.value FROM TABLE(SPLIT_TO_TABLE('a.b', '.')) AS table1 ORDER BY table1.value`, [['a'], ['b']]),
  docEx('SPLIT_TO_TABLE', 'split_to_table', sql`SELECT * FROM splittable`, [['a.b.c'], ['d'], ['']], undefined, { setup: splittable }),
  known(docEx('SPLIT_TO_TABLE', 'split_to_table', sql`SELECT * FROM splittable, LATERAL SPLIT_TO_TABLE(splittable.v, '.') ORDER BY SEQ, INDEX`, [['a.b.c', 1, 1, 'a'], ['a.b.c', 1, 2, 'b'], ['a.b.c', 1, 3, 'c'], ['d', 2, 1, 'd'], ['', 3, 1, '']], undefined, { setup: splittable }), "SEQ does not number the input rows in their order ('d' gets SEQ 1); Snowflake numbers a.b.c 1, d 2, '' 3."),
  known(docEx(
    'SPLIT_TO_TABLE',
    'split_to_table',
    sql`SELECT author, TRIM(value) AS title FROM authors_books_test, LATERAL SPLIT_TO_TABLE(titles, ',') ORDER BY author`,
    [['Herman Melville', 'Moby Dick'], ['Herman Melville', 'The Confidence-Man'], ['Nathaniel Hawthorne', 'The Scarlet Letter'], ['Nathaniel Hawthorne', 'The House of the Seven Gables'], ['Nathaniel Hawthorne', 'The Blithedale Romance']],
    'ORDER BY author only: titles of one author come in the doc in split order',
    { setup: authors },
  ), "Rows tied on ORDER BY author come out in another order than the doc shows (split order); the order of ties is not guaranteed by the doc's query."),
  docEx('GET', 'get', sql`SELECT a, o FROM vartab`, [[{ json: [2.71, 3.14] }, { json: { France: 'Paris', Ukraine: 'Kyiv' } }]], GET_NOTE + '; the doc selects a, o, v: v (its timestamp shown in the doc session time zone) is left out', { setup: getTab }),
  docEx('GET', 'get', sql`SELECT GET(a, 0) FROM vartab`, [[{ json: 2.71 }]], GET_NOTE, { setup: getTab }),
  docEx('GET', 'get', sql`SELECT GET(o, 'Ukraine') FROM vartab`, [[{ json: 'Kyiv' }]], GET_NOTE, { setup: getTab }),
  docEx('GET', 'get', sql`SELECT GET(v, 'temperature') FROM vartab`, [[{ json: 31.5 }]], GET_NOTE, { setup: getTab }),
  known(docEx('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[1, ,77]'))) f`, [[null, '[0]', 0, { json: 1 }], [null, '[2]', 2, { json: 77 }]], FLAT), "A missing array element ('[1, ,77]') is stored as JSON null, so FLATTEN gives it a row; Snowflake stores undefined and skips it."),
  docEx('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('{"a":1, "b":[77,88]}'), PATH => 'b')) f`, [[null, 'b[0]', 0, { json: 77 }], [null, 'b[1]', 1, { json: 88 }]], FLAT),
  docEx('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'))) f`, [], FLAT),
  docEx('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'), OUTER => TRUE)) f`, [[null, '', null, null]], FLAT + "; the doc shows PATH blank (empty), the others NULL"),
  docEx('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => ${nested})) f`, [['a', 'a', null, { json: 1 }], ['b', 'b', null, { json: [77, 88] }], ['c', 'c', null, { json: { d: 'X' } }]], FLAT),
  docEx(
    'FLATTEN',
    'flatten',
    sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => ${nested}, RECURSIVE => TRUE )) f`,
    [['a', 'a', null, { json: 1 }], ['b', 'b', null, { json: [77, 88] }], [null, 'b[0]', 0, { json: 77 }], [null, 'b[1]', 1, { json: 88 }], ['c', 'c', null, { json: { d: 'X' } }], ['d', 'c.d', null, { json: 'X' }]],
    FLAT,
  ),
  docEx(
    'FLATTEN',
    'flatten',
    sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => ${nested}, RECURSIVE => TRUE, MODE => 'OBJECT' )) f`,
    [['a', 'a', null, { json: 1 }], ['b', 'b', null, { json: [77, 88] }], ['c', 'c', null, { json: { d: 'X' } }], ['d', 'c.d', null, { json: 'X' }]],
    FLAT,
  ),
  docEx('FLATTEN', 'flatten', sql`SELECT path, this FROM TABLE(FLATTEN(INPUT => ${nested}, RECURSIVE => TRUE)) f WHERE path IN ('b[1]', 'c.d')`, [['b[1]', { json: [77, 88] }], ['c.d', { json: { d: 'X' } }]], "the doc's RECURSIVE example, its THIS column on two rows (THIS is the element being flattened)"),
  semantics('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[1, [2, {"x": 3}]]'), RECURSIVE => TRUE)) f`, [[null, '[0]', 0, { json: 1 }], [null, '[1]', 1, { json: [2, { x: 3 }] }], [null, '[1][0]', 0, { json: 2 }], [null, '[1][1]', 1, { json: { x: 3 } }], ['x', '[1][1].x', null, { json: 3 }]], 'RECURSIVE => TRUE expands all sub-elements; PATH, KEY and INDEX as in the doc example, in the same order (an element before its own elements)'),
  semantics('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[1, [2, {"x": 3}]]'), RECURSIVE => TRUE, MODE => 'ARRAY')) f`, [[null, '[0]', 0, { json: 1 }], [null, '[1]', 1, { json: [2, { x: 3 }] }], [null, '[1][0]', 0, { json: 2 }], [null, '[1][1]', 1, { json: { x: 3 } }]], "MODE => 'ARRAY' flattens only arrays: the object {\"x\": 3} is a value, not expanded (as MODE => 'OBJECT' leaves b's array unexpanded in the doc)"),
  semantics('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('{"a": [1]}'), PATH => 'a', OUTER => TRUE, RECURSIVE => TRUE)) f`, [[null, 'a[0]', 0, { json: 1 }]], 'PATH and RECURSIVE together: PATH starts with the PATH argument, as in the PATH => \'b\' example'),
  semantics('FLATTEN', 'flatten', sql`SELECT key, path, index, value FROM TABLE(FLATTEN(INPUT => PARSE_JSON('[]'), OUTER => TRUE, RECURSIVE => TRUE)) f`, [[null, '', null, null]], 'OUTER => TRUE: one row for a zero-row expansion, recursive or not (the doc example on \'[]\')'),
  docEx(
    'TYPEOF',
    'typeof',
    sql`SELECT n, TYPEOF(v) FROM vartab ORDER BY n`,
    [[1, 'NULL_VALUE'], [2, null], [3, 'BOOLEAN'], [4, 'INTEGER'], [5, 'DECIMAL'], [6, 'DOUBLE'], [7, 'VARCHAR'], [8, 'ARRAY'], [9, 'OBJECT']],
    'the doc selects n, v, TYPEOF(v); the V column is left out; the INSERT reads FROM (VALUES …) AS vals(column1, column2) (doc: FROM VALUES … AS vals)',
    { setup: vartab },
  ),
  known(docEx(
    'TYPEOF',
    'typeof',
    sql`SELECT status, TYPEOF(status::VARIANT) AS "TYPE OF STATUS", time, TYPEOF(time::VARIANT) AS "TYPE OF TIME" FROM typeof_cast`,
    [['check in', 'VARCHAR', '2024-01-17 19:00:00', 'TIMESTAMP_NTZ']],
    undefined,
    { setup: ['CREATE OR REPLACE TABLE typeof_cast(status VARCHAR, time TIMESTAMP)', "INSERT INTO typeof_cast VALUES('check in', '2024-01-17 19:00:00.000 -0800')"] },
  ), "A TIMESTAMP cast to VARIANT is stored as JSON text, so TYPEOF answers VARCHAR; Snowflake keeps the type (TIMESTAMP_NTZ)."),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 0, 2)`, [[{ json: [0, 1] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 3, ARRAY_SIZE([0,1,2,3,4,5,6])) AS slice_to_last_index`, [[{ json: [3, 4, 5, 6] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE(['foo','snow','flake','bar'], 1, 3)`, [[{ json: ['snow', 'flake'] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE(NULL, 2, 3)`, [[null]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], NULL, 2)`, [[null]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 0, -2)`, [[{ json: [0, 1, 2, 3, 4] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], -5, -3)`, [[{ json: [2, 3] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], 10, 12)`, [[{ json: [] }]]),
  docEx('ARRAY_SLICE', 'array_slice', sql`SELECT ARRAY_SLICE([0,1,2,3,4,5,6], -10, -12)`, [[{ json: [] }]]),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT('a', 1, 'b', 'BBBB', 'c', NULL)`, [[{ json: { a: 1, b: 'BBBB' } }]]),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT province, created_date FROM demo_table_1 ORDER BY province`, [['Alberta', '2024-01-19'], ['Manitoba', '2024-01-18']], undefined, { setup: demo1 }),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT(*) AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']`, [[{ json: { CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' } }], [{ json: { CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' } }]], undefined, { setup: demo1 }),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT(* ILIKE 'prov%') AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']`, [[{ json: { PROVINCE: 'Alberta' } }], [{ json: { PROVINCE: 'Manitoba' } }]], undefined, { setup: demo1 }),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT(* EXCLUDE province) AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']`, [[{ json: { CREATED_DATE: '2024-01-18' } }], [{ json: { CREATED_DATE: '2024-01-19' } }]], 'the objects have no PROVINCE, so the ORDER BY key is NULL for both; the doc shows them in insertion order', { setup: demo1 }),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT {* EXCLUDE province} AS oc FROM demo_table_1 ORDER BY oc['PROVINCE']`, [[{ json: { CREATED_DATE: '2024-01-18' } }], [{ json: { CREATED_DATE: '2024-01-19' } }]], 'the objects have no PROVINCE, so the ORDER BY key is NULL for both; the doc shows them in insertion order', { setup: demo1, also: ['OBJECT constant with a wildcard'] }),
  docEx('OBJECT_CONSTRUCT_KEEP_NULL', 'object_construct_keep_null', sql`SELECT OBJECT_CONSTRUCT(*) AS oc, OBJECT_CONSTRUCT_KEEP_NULL(*) AS oc_keep_null FROM demo_table_1_with_nulls ORDER BY oc_keep_null['PROVINCE']`, [[{ json: { CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' } }, { json: { CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' } }], [{ json: { PROVINCE: 'British Columbia' } }, { json: { CREATED_DATE: null, PROVINCE: 'British Columbia' } }], [{ json: { CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' } }, { json: { CREATED_DATE: '2024-01-18', PROVINCE: 'Manitoba' } }], [{ json: { CREATED_DATE: '2024-01-20' } }, { json: { CREATED_DATE: '2024-01-20', PROVINCE: null } }]], 'doc: CREATE TABLE demo_table_1_with_nulls (here CREATE OR REPLACE)', { setup: demo1Nulls, also: ['OBJECT_CONSTRUCT'] }),
  semantics('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT(t.*) AS oc, OBJECT_CONSTRUCT(t.* EXCLUDE (created_date)) AS oc_province FROM demo_table_1 AS t WHERE province = 'Alberta'`, [[{ json: { CREATED_DATE: '2024-01-19', PROVINCE: 'Alberta' } }, { json: { PROVINCE: 'Alberta' } }]], 'a wildcard qualified with the table alias (the doc: (mytable.*)), alone and with EXCLUDE (qualifiers are valid with the keywords)', { setup: demo1 }),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT(*) FROM VALUES(1,'x'), (2,'y')`, [[{ json: { COLUMN1: 1, COLUMN2: 'x' } }], [{ json: { COLUMN1: 2, COLUMN2: 'y' } }]]),
  docEx('OBJECT_CONSTRUCT', 'object_construct', sql`SELECT OBJECT_CONSTRUCT('Key_One', PARSE_JSON('NULL'), 'Key_Two', NULL, 'Key_Three', 'null') AS obj`, [[{ json: { Key_One: null, Key_Three: 'null' } }]]),
  docEx(
    'OBJECT_CONSTRUCT',
    'object_construct',
    sql`SELECT OBJECT_CONSTRUCT('foo', 1234567, 'dataset_size', (SELECT COUNT(*) FROM demo_table_1), 'distinct_province', (SELECT COUNT(DISTINCT province) FROM demo_table_1), 'created_date_seconds', EXTRACT(epoch_seconds, created_date)) AS json_object FROM demo_table_1`,
    [[{ json: { created_date_seconds: 1705536000, dataset_size: 2, distinct_province: 2, foo: 1234567 } }], [{ json: { created_date_seconds: 1705622400, dataset_size: 2, distinct_province: 2, foo: 1234567 } }]],
    undefined,
    { setup: demo1 },
  ),
  docEx(
    'OBJECT_CONSTRUCT',
    'object_construct',
    sql`SELECT * FROM sample_nested_object`,
    [[1, { json: { outer_key1: { inner_key1A: 'example1', inner_key1B: 'example2' }, outer_key2: { inner_key2: 5 } } }], [2, { json: { outer_key1: { inner_key1A: 'example3', inner_key1B: 'example4' }, outer_key2: { inner_key2: 7 } } }]],
    undefined,
    { setup: nestedObj },
  ),
];
