import type { FunctionCase } from './snowflakeFunctionCases';
import { docEx, docSemantics, known, sql } from './cases/docHelpers';

// Snowflake ARRAY functions (arrayRules.ts): each page's Examples with the answers printed there.
// An ARRAY here is JSON, which has no `undefined`: a SQL NULL element comes out as null, and a
// JSON null element reads as a SQL NULL (arrayMacros.ts). Where a page's answer hangs on telling
// the two apart, the case is a known difference.

const UNDEFINED = 'the doc prints the SQL NULL element as undefined; an ARRAY here is JSON and shows it as null';
const BOTH_NULLS = 'an ARRAY here cannot tell a JSON null from a SQL NULL (undefined) element: both are read as SQL NULL';
const sortInput = sql`[20, PARSE_JSON('null'), 0, NULL, 10]`;

const arrayDemoCompact = ['CREATE OR REPLACE TABLE array_demo (ID INTEGER, array1 ARRAY, array2 ARRAY)', 'INSERT INTO array_demo (ID, array1, array2) SELECT 2, ARRAY_CONSTRUCT(10, NULL, 30), ARRAY_CONSTRUCT(40)'];
const arrayDemoIntersection = [
  'CREATE OR REPLACE TABLE array_demo (ID INTEGER, array1 ARRAY, array2 ARRAY, tip VARCHAR)',
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 1, ARRAY_CONSTRUCT(1, 2), ARRAY_CONSTRUCT(3, 4), 'non-overlapping'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 2, ARRAY_CONSTRUCT(1, 2, 3), ARRAY_CONSTRUCT(3, 4, 5), 'value 3 overlaps'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 3, ARRAY_CONSTRUCT(1, 2, 3, 4), ARRAY_CONSTRUCT(3, 4, 5), 'values 3 and 4 overlap'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 4, ARRAY_CONSTRUCT(NULL, 102, NULL), ARRAY_CONSTRUCT(NULL, NULL, 103), 'NULLs overlap'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 5, array_construct(object_construct('a',1,'b',2), 1, 2), array_construct(object_construct('a',1,'b',2), 3, 4), 'the objects in the array match'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 6, array_construct(object_construct('a',1,'b',2), 1, 2), array_construct(object_construct('b',2,'c',3), 3, 4), 'neither the objects nor any other values match'",
  "INSERT INTO array_demo (ID, array1, array2, tip) SELECT 7, array_construct(object_construct('a',1, 'b',2, 'c',3)), array_construct(object_construct('c',3, 'b',2, 'a',1)), 'the objects contain the same values, but in different order'",
];
const INTERSECTION_NOTE = 'the doc also selects array1, array2 and tip; this selects ID and the intersection';
const uniqueAggTest = ['CREATE OR REPLACE TABLE array_unique_agg_test (a INTEGER)', 'INSERT INTO array_unique_agg_test VALUES (5), (2), (1), (2), (1)'];
const UNIQUE_AGG_GUIDE = 'https://docs.snowflake.com/en/user-guide/querying-arrays-for-distinct-counts';
// The doc writes the VALUES alias inside the parentheses, `FROM (VALUES … AS t(date1, timestamp1))`;
// here it follows them.
const dates = sql`FROM (VALUES ('1999-01-01'::DATE, '2023-12-09 22:09:26.000000000'::TIMESTAMP), ('2023-12-09'::DATE, '1999-01-01 22:09:26.000000000'::TIMESTAMP)) AS t(date1, timestamp1)`;
const VARIANT_TIMESTAMP = 'a TIMESTAMP in a VARIANT reads 2023-12-09 22:09:26 here, without the .000 Snowflake writes';

export const ARRAY_FUNCTION_CASES: FunctionCase[] = [
  // ARRAY_SORT
  docEx('ARRAY_SORT', 'array_sort', sql`SELECT ARRAY_SORT(${sortInput})`, [[{ json: [0, 10, 20, null, null] }]], `${UNDEFINED}; JSON null and SQL NULL both sort last here`),
  docEx('ARRAY_SORT', 'array_sort', sql`SELECT ARRAY_SORT(${sortInput}, FALSE)`, [[{ json: [null, null, 20, 10, 0] }]], `${UNDEFINED}; JSON null and SQL NULL both sort first here`),
  known(docEx('ARRAY_SORT', 'array_sort', sql`SELECT ARRAY_SORT(${sortInput}, TRUE, TRUE)`, [[{ json: [null, 0, 10, 20, null] }]], UNDEFINED), `nulls_first moves only SQL NULLs in Snowflake; ${BOTH_NULLS}, so both move first`),
  known(docEx('ARRAY_SORT', 'array_sort', sql`SELECT ARRAY_SORT(${sortInput}, FALSE, FALSE)`, [[{ json: [null, 20, 10, 0, null] }]], UNDEFINED), `nulls_first moves only SQL NULLs in Snowflake; ${BOTH_NULLS}, so both move last`),
  docEx(
    'ARRAY_SORT',
    'array_sort',
    sql`SELECT ARRAY_INSERT(ARRAY_INSERT(ARRAY_CONSTRUCT(), 3, 2), 6, 1) arr, ARRAY_SORT(arr)`,
    [[{ json: [null, null, null, 2, null, null, 1] }, { json: [1, 2, null, null, null, null, null] }]],
    UNDEFINED,
    { also: ['ARRAY_INSERT'] },
  ),
  docEx('ARRAY_SORT', 'array_sort', sql`SELECT ARRAY_SORT([1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1e0::REAL]) AS array_of_different_numeric_types`, [[{ json: Array(17).fill(1) }]], 'the doc shows where the REAL lands (an unstable sort); as JSON every element is 1'),
  docSemantics(
    'ARRAY_SORT',
    'array_sort',
    sql`SELECT ARRAY_SORT([10, 9, 2.5, -1]), ARRAY_SORT(['b', 'a', 'B']), ARRAY_SORT(PARSE_JSON('[3, 1, 2]'), FALSE), ARRAY_SORT([]), ARRAY_SORT(NULL), ARRAY_SORT([1], NULL), ARRAY_SORT([1], TRUE, NULL)`,
    [[{ json: [-1, 2.5, 9, 10] }, { json: ['B', 'a', 'b'] }, { json: [3, 2, 1] }, { json: [] }, null, null, null]],
    'the order of ORDER BY on the flattened ARRAY: numbers by value, strings by their bytes (ORDER BY usage notes: https://docs.snowflake.com/en/sql-reference/constructs/order-by); any NULL argument gives NULL',
  ),
  // ARRAY_COMPACT and ARRAY_CONSTRUCT_COMPACT
  docEx('ARRAY_COMPACT', 'array_compact', sql`SELECT array1, ARRAY_COMPACT(array1) FROM array_demo WHERE ID = 2`, [[{ json: [10, null, 30] }, { json: [10, 30] }]], `${UNDEFINED}; the doc's CREATE TABLE is CREATE OR REPLACE here`, { setup: arrayDemoCompact }),
  docSemantics('ARRAY_COMPACT', 'array_compact', sql`SELECT ARRAY_COMPACT(PARSE_JSON('[1, null, 2]')), ARRAY_COMPACT([]), ARRAY_COMPACT(NULL)`, [[{ json: [1, 2] }, { json: [] }, null]], 'missing and null values are removed (a JSON null in semi-structured data indicates a missing value); a NULL argument gives NULL'),
  docEx('ARRAY_CONSTRUCT_COMPACT', 'array_construct_compact', sql`SELECT ARRAY_CONSTRUCT_COMPACT(null,'hello',3::double,4,5)`, [[{ json: ['hello', 3, 4, 5] }]], 'the doc prints the DOUBLE as 3.000000000000000e+00, the same JSON number'),
  docSemantics('ARRAY_CONSTRUCT_COMPACT', 'array_construct_compact', sql`SELECT ARRAY_CONSTRUCT_COMPACT(), ARRAY_CONSTRUCT_COMPACT(PARSE_JSON('null'), NULL, 'a')`, [[{ json: [] }, { json: [null, 'a'] }]], 'zero inputs give an empty ARRAY; only SQL NULL inputs are skipped, a JSON null is a value'),
  // ARRAY_POSITION
  docEx(
    'ARRAY_POSITION',
    'array_position',
    sql`SELECT ARRAY_POSITION('hello'::variant, array_construct('hello', 'hi')), ARRAY_POSITION('hi'::variant, array_construct('hello', 'hi')), ARRAY_POSITION('hello'::variant, array_construct('hola', 'bonjour'))`,
    [[0, 1, null]],
    'the three doc examples in one SELECT',
  ),
  docSemantics(
    'ARRAY_POSITION',
    'array_position',
    sql`SELECT ARRAY_POSITION(NULL, [1, NULL, 2, NULL]), ARRAY_POSITION(5, [1, '5', 5.0]), ARRAY_POSITION({'a': 1}, [1, {'a': 1}]), ARRAY_POSITION(1, NULL)`,
    [[1, 2, 1, null]],
    "a NULL value gives the position of the first NULL; VARIANTs compare by value, so 5 finds 5.0 and not '5' (ARRAY_REMOVE's example removes 5.00 and 5.00::DOUBLE with 5, not '5': https://docs.snowflake.com/en/sql-reference/functions/array_remove); a NULL array has no position",
  ),
  // ARRAY_REMOVE and ARRAY_REMOVE_AT
  docEx('ARRAY_REMOVE', 'array_remove', sql`SELECT ARRAY_REMOVE([1, 5, 5.00, 5.00::DOUBLE, '5', 5, NULL], 5)`, [[{ json: [1, '5', null] }]], UNDEFINED),
  docEx('ARRAY_REMOVE', 'array_remove', sql`SELECT ARRAY_REMOVE([5, 5], 5)`, [[{ json: [] }]]),
  docEx('ARRAY_REMOVE', 'array_remove', sql`SELECT ARRAY_REMOVE(['a', 'b', 'a', 'c', 'd', 'a'], 'a'::VARIANT)`, [[{ json: ['b', 'c', 'd'] }]]),
  docSemantics('ARRAY_REMOVE', 'array_remove', sql`SELECT ARRAY_REMOVE([1, 2], NULL), ARRAY_REMOVE(PARSE_JSON('[{"a": 1}, 2]'), {'a': 1})`, [[null, { json: [2] }]], 'a NULL value gives NULL; elements equal to the value, an OBJECT included, are removed'),
  docEx('ARRAY_REMOVE_AT', 'array_remove_at', sql`SELECT ARRAY_REMOVE_AT([2, 5, 7], 0), ARRAY_REMOVE_AT([2, 5, 7], -1), ARRAY_REMOVE_AT([2, 5, 7], 10)`, [[{ json: [5, 7] }, { json: [2, 5] }, { json: [2, 5, 7] }]], 'the three doc examples in one SELECT'),
  docSemantics('ARRAY_REMOVE_AT', 'array_remove_at', sql`SELECT ARRAY_REMOVE_AT([2, 5, 7], -4), ARRAY_REMOVE_AT([2, 5, 7], NULL)`, [[{ json: [2, 5, 7] }, null]], 'a position whose absolute value exceeds the length removes nothing; a NULL position gives NULL'),
  // ARRAY_INSERT
  docEx(
    'ARRAY_INSERT',
    'array_insert',
    sql`SELECT ARRAY_INSERT(ARRAY_CONSTRUCT(0,1,2,3),2,'hello'), ARRAY_INSERT(ARRAY_CONSTRUCT(0,1,2,3),5,'hello'), ARRAY_INSERT(ARRAY_CONSTRUCT(0,1,2,3),-1,'hello')`,
    [[{ json: [0, 1, 'hello', 2, 3] }, { json: [0, 1, 2, 3, null, 'hello'] }, { json: [0, 1, 2, 'hello', 3] }]],
    `the three doc examples in one SELECT; ${UNDEFINED}`,
  ),
  docSemantics(
    'ARRAY_INSERT',
    'array_insert',
    sql`SELECT ARRAY_INSERT([0, 1, 2, 3], 0, 'x'), ARRAY_INSERT([0, 1, 2, 3], -4, 'x'), ARRAY_INSERT([0, 1, 2, 3], -6, 'x'), ARRAY_INSERT([0], 1, NULL)`,
    [[{ json: ['x', 0, 1, 2, 3] }, { json: ['x', 0, 1, 2, 3] }, { json: ['x', null, null, 0, 1, 2, 3] }, { json: [0, null] }]],
    'position 0 prepends; -n counts from the back (-1 before the last element, so -4 before the first of four); past the front, empty elements go between the new element and the array, as past the end',
  ),
  // ARRAY_EXCEPT and ARRAY_INTERSECTION
  docEx(
    'ARRAY_EXCEPT',
    'array_except',
    sql`SELECT ARRAY_EXCEPT(['A', 'B'], ['B', 'C']), ARRAY_EXCEPT(['A', 'B', 'C'], ['B', 'C']), ARRAY_EXCEPT(['A', 'B', 'B', 'B', 'C'], ['B']), ARRAY_EXCEPT(['A', 'B'], ['A', 'B'])`,
    [[{ json: ['A'] }, { json: ['A'] }, { json: ['A', 'B', 'B', 'C'] }, { json: [] }]],
    'four doc examples in one SELECT',
  ),
  docEx(
    'ARRAY_EXCEPT',
    'array_except',
    sql`SELECT ARRAY_EXCEPT(['A', NULL, NULL], ['B', NULL]), ARRAY_EXCEPT(['A', NULL, NULL], [NULL, 'B', NULL]), ARRAY_EXCEPT([{'a': 1, 'b': 2}, 1], [{'a': 1, 'b': 2}, 3]), ARRAY_EXCEPT(['A', 'B'], NULL)`,
    [[{ json: ['A', null] }, { json: ['A'] }, { json: [1] }, null]],
    `four doc examples in one SELECT; ${UNDEFINED}`,
  ),
  docSemantics(
    'ARRAY_EXCEPT',
    'array_except',
    sql`SELECT ARRAY_EXCEPT([1, 2, 2, 2.0, 3], [2.00, 2, '3']), ARRAY_EXCEPT([], [1]), ARRAY_EXCEPT(NULL, [1])`,
    [[{ json: [1, 2, 3] }, { json: [] }, null]],
    "bag semantics: two copies of the value 2 (5 = 5.00 as in ARRAY_REMOVE's example) remove two of its three; the string '3' is not the number 3; a NULL argument gives NULL",
  ),
  docEx(
    'ARRAY_INTERSECTION',
    'array_intersection',
    sql`SELECT array_intersection(ARRAY_CONSTRUCT('A', 'B'), ARRAY_CONSTRUCT('B', 'C')), array_intersection(ARRAY_CONSTRUCT('A', 'B', 'C'), ARRAY_CONSTRUCT('B', 'C')), array_intersection(ARRAY_CONSTRUCT('A', 'B', 'B', 'B', 'C'), ARRAY_CONSTRUCT('B', 'B')), array_intersection(ARRAY_CONSTRUCT('A', 'B'), NULL)`,
    [[{ json: ['B'] }, { json: ['B', 'C'] }, { json: ['B', 'B'] }, null]],
    'four doc examples in one SELECT',
  ),
  docEx('ARRAY_INTERSECTION', 'array_intersection', sql`SELECT ID, ARRAY_INTERSECTION(array1, array2) FROM array_demo WHERE ID <= 3 ORDER BY ID`, [[1, { json: [] }], [2, { json: [3] }], [3, { json: [3, 4] }]], INTERSECTION_NOTE, { setup: arrayDemoIntersection }),
  docEx('ARRAY_INTERSECTION', 'array_intersection', sql`SELECT ID, ARRAY_INTERSECTION(array1, array2) FROM array_demo WHERE ID = 4 ORDER BY ID`, [[4, { json: [null, null] }]], `${INTERSECTION_NOTE}; ${UNDEFINED}`, { setup: arrayDemoIntersection }),
  docEx(
    'ARRAY_INTERSECTION',
    'array_intersection',
    sql`SELECT ID, ARRAY_INTERSECTION(array1, array2) FROM array_demo WHERE ID >= 5 and ID <= 7 ORDER BY ID`,
    [[5, { json: [{ a: 1, b: 2 }] }], [6, { json: [] }], [7, { json: [{ a: 1, b: 2, c: 3 }] }]],
    INTERSECTION_NOTE,
    { setup: arrayDemoIntersection },
  ),
  // ARRAY_MIN and ARRAY_MAX
  docEx('ARRAY_MIN', 'array_min', sql`SELECT ARRAY_MIN([20, 0, NULL, 10, NULL]), ARRAY_MIN([]), ARRAY_MIN([NULL, NULL, NULL])`, [[0, null, null]], 'the first three doc examples in one SELECT'),
  known(docEx('ARRAY_MIN', 'array_min', sql`SELECT ARRAY_MIN([date1::TIMESTAMP, timestamp1]) AS array_min ${dates}`, [[{ json: '1999-01-01 00:00:00.000' }], [{ json: '1999-01-01 22:09:26.000' }]]), VARIANT_TIMESTAMP),
  docSemantics('ARRAY_MIN', 'array_min', sql`SELECT ARRAY_MIN([10, 9, 2.5]), ARRAY_MIN(['b', 'a', 'B']), ARRAY_MIN(NULL)`, [[2.5, { json: 'B' }, null]], 'elements compare as values of their type: numbers by value, strings by their bytes; a NULL ARRAY gives NULL'),
  docEx('ARRAY_MAX', 'array_max', sql`SELECT ARRAY_MAX([20, 0, NULL, 10, NULL]), ARRAY_MAX([]), ARRAY_MAX([NULL, NULL, NULL])`, [[20, null, null]], 'three doc examples in one SELECT'),
  known(docEx('ARRAY_MAX', 'array_max', sql`SELECT ARRAY_MAX([NULL, PARSE_JSON('null'), NULL])`, [[{ json: null }]]), `Snowflake returns the JSON null; ${BOTH_NULLS}, so none is left`),
  known(docEx('ARRAY_MAX', 'array_max', sql`SELECT ARRAY_MAX([date1::TIMESTAMP, timestamp1]) AS array_max ${dates}`, [[{ json: '2023-12-09 22:09:26.000' }], [{ json: '2023-12-09 00:00:00.000' }]]), VARIANT_TIMESTAMP),
  docSemantics('ARRAY_MAX', 'array_max', sql`SELECT ARRAY_MAX([10, 9, 2.5]), ARRAY_MAX(['b', 'a', 'B']), ARRAY_MAX(NULL)`, [[10, { json: 'b' }, null]], 'elements compare as values of their type: numbers by value (10 above 9), strings by their bytes; a NULL ARRAY gives NULL'),
  // ARRAY_FLATTEN
  docEx(
    'ARRAY_FLATTEN',
    'array_flatten',
    sql`SELECT ARRAY_FLATTEN([[1, 2, 3], [4], [5, 6]]), ARRAY_FLATTEN([[[1, 2], [3]], [[4], [5]]]), ARRAY_FLATTEN([[1, 2, 3], NULL, [5, 6]]), ARRAY_FLATTEN([[1, 2, 3], [NULL], [5, 6]])`,
    [[{ json: [1, 2, 3, 4, 5, 6] }, { json: [[1, 2], [3], [4], [5]] }, null, { json: [1, 2, 3, null, 5, 6] }]],
    `four doc examples in one SELECT; ${UNDEFINED}`,
  ),
  { ...docEx('ARRAY_FLATTEN', 'array_flatten', sql`SELECT ARRAY_FLATTEN([[1, 2, 3], 4, [5, 6]])`, [], "the doc's error: 100107 (22000): Not an array: 'Input argument to ARRAY_FLATTEN is not an array of arrays'"), rows: undefined, error: '100107' },
  docSemantics('ARRAY_FLATTEN', 'array_flatten', sql`SELECT ARRAY_FLATTEN([]), ARRAY_FLATTEN(NULL), ARRAY_FLATTEN([[], [{'a': 1}]])`, [[{ json: [] }, null, { json: [{ a: 1 }] }]], 'an empty ARRAY has no ARRAYs to concatenate; a NULL ARRAY gives NULL; elements of the nested ARRAYs are kept as they are'),
  // ARRAY_GENERATE_RANGE
  docEx('ARRAY_GENERATE_RANGE', 'array_generate_range', sql`SELECT ARRAY_GENERATE_RANGE(2, 5), ARRAY_GENERATE_RANGE(5, 25, 10), ARRAY_GENERATE_RANGE(-5, -25, -10)`, [[{ json: [2, 3, 4] }, { json: [5, 15] }, { json: [-5, -15] }]], 'the three doc examples in one SELECT'),
  docSemantics(
    'ARRAY_GENERATE_RANGE',
    'array_generate_range',
    sql`SELECT ARRAY_GENERATE_RANGE(1, 5), ARRAY_GENERATE_RANGE(0, 16, 5), ARRAY_GENERATE_RANGE(0, -16, -5), ARRAY_GENERATE_RANGE(2, 2, 4), ARRAY_GENERATE_RANGE(8, 2, 2), ARRAY_GENERATE_RANGE(2, 8, -2), ARRAY_GENERATE_RANGE(NULL, 2), ARRAY_GENERATE_RANGE(1, 2, NULL)`,
    [[{ json: [1, 2, 3, 4] }, { json: [0, 5, 10, 15] }, { json: [0, -5, -10, -15] }, { json: [] }, { json: [] }, { json: [] }, null, null]],
    "the calls and answers written in the page's Arguments and Usage notes; any NULL argument gives NULL",
  ),
  // ARRAY_REVERSE, ARRAYS_ZIP, ARRAYS_TO_OBJECT
  docEx('ARRAY_REVERSE', 'array_reverse', sql`SELECT ARRAY_REVERSE([1,2,3,4])`, [[{ json: [4, 3, 2, 1] }]]),
  docSemantics('ARRAY_REVERSE', 'array_reverse', sql`SELECT ARRAY_REVERSE(NULL), ARRAY_REVERSE([]), ARRAY_REVERSE(['a', [1, 2], NULL])`, [[null, { json: [] }, { json: [null, [1, 2], 'a'] }]], 'a NULL argument gives NULL; the elements themselves are not reversed'),
  docEx(
    'ARRAYS_ZIP',
    'arrays_zip',
    sql`SELECT ARRAYS_ZIP([1, 2, 3], ['first', 'second', 'third'], ['i', 'ii', 'iii']) AS zipped_arrays`,
    [[{ json: [{ $1: 1, $2: 'first', $3: 'i' }, { $1: 2, $2: 'second', $3: 'ii' }, { $1: 3, $2: 'third', $3: 'iii' }] }]],
  ),
  docEx('ARRAYS_ZIP', 'arrays_zip', sql`SELECT ARRAYS_ZIP([1, 2, 3]) AS zipped_array`, [[{ json: [{ $1: 1 }, { $1: 2 }, { $1: 3 }] }]]),
  docEx(
    'ARRAYS_ZIP',
    'arrays_zip',
    sql`SELECT ARRAYS_ZIP([1, 2, 3], [10, 20, 30], [100, 200, 300]) AS zipped_array`,
    [[{ json: [{ $1: 1, $2: 10, $3: 100 }, { $1: 2, $2: 20, $3: 200 }, { $1: 3, $2: 30, $3: 300 }] }]],
  ),
  docEx('ARRAYS_ZIP', 'arrays_zip', sql`SELECT ARRAYS_ZIP([1, 2, 3], ['one'], ['I', 'II']) AS zipped_array`, [[{ json: [{ $1: 1, $2: 'one', $3: 'I' }, { $1: 2, $2: null, $3: 'II' }, { $1: 3, $2: null, $3: null }] }]]),
  docEx('ARRAYS_ZIP', 'arrays_zip', sql`SELECT ARRAYS_ZIP([1, 2, 3], NULL, [100, 200, 300]) AS zipped_array, ARRAYS_ZIP([], [], []) AS empty_arrays`, [[null, { json: [{}] }]], 'two doc examples in one SELECT'),
  docEx(
    'ARRAYS_ZIP',
    'arrays_zip',
    sql`SELECT ARRAYS_ZIP([1, NULL, 3], [NULL, 20, NULL], [100, NULL, 300]) AS zipped_array`,
    [[{ json: [{ $1: 1, $2: null, $3: 100 }, { $1: null, $2: 20, $3: null }, { $1: 3, $2: null, $3: 300 }] }]],
  ),
  docEx(
    'ARRAYS_TO_OBJECT',
    'arrays_to_object',
    sql`SELECT ARRAYS_TO_OBJECT(['key1', 'key2', 'key3'], [1, 2, 3]), ARRAYS_TO_OBJECT(['key1', NULL, 'key3'], [1, 2, 3]), ARRAYS_TO_OBJECT(['key1', 'key2', 'key3'], [1, NULL, 3])`,
    [[{ json: { key1: 1, key2: 2, key3: 3 } }, { json: { key1: 1, key3: 3 } }, { json: { key1: 1, key2: null, key3: 3 } }]],
    'the three doc examples in one SELECT',
  ),
  docSemantics('ARRAYS_TO_OBJECT', 'arrays_to_object', sql`SELECT ARRAYS_TO_OBJECT([1], ['a'])`, undefined, 'usage notes: a key that is not a string is error 215002 (Key supplied for ARRAYS_TO_OBJECT does not have string type)', { error: '215002' }),
  docSemantics('ARRAYS_TO_OBJECT', 'arrays_to_object', sql`SELECT ARRAYS_TO_OBJECT(['a', 'b'], [1])`, undefined, 'usage notes: arrays of unequal lengths are error 215001 (Key array and value array had unequal lengths in ARRAYS_TO_OBJECT)', { error: '215001' }),
  // ARRAY_UNIQUE_AGG
  docEx('ARRAY_UNIQUE_AGG', 'array_unique_agg', sql`SELECT ARRAY_SIZE(ARRAY_UNIQUE_AGG(a)) AS number_of_distinct_values FROM array_unique_agg_test`, [[3]], 'the example of the page the function page links to for examples', {
    setup: uniqueAggTest,
    source: `example ${UNIQUE_AGG_GUIDE}`,
  }),
  docSemantics(
    'ARRAY_UNIQUE_AGG',
    'array_unique_agg',
    sql`SELECT ARRAY_SORT(ARRAY_UNIQUE_AGG(a)) AS distinct_values FROM (SELECT a FROM array_unique_agg_test UNION ALL SELECT NULL)`,
    [[{ json: [1, 2, 5] }]],
    `the guide's table (${UNIQUE_AGG_GUIDE}) prints [5, 2, 1]; the values come in no particular order, so they are sorted here; NULL is ignored`,
    { setup: uniqueAggTest },
  ),
  docSemantics(
    'ARRAY_UNIQUE_AGG',
    'array_unique_agg',
    sql`SELECT g, ARRAY_SORT(ARRAY_UNIQUE_AGG(a) OVER (PARTITION BY g)) FROM (VALUES (1, 5), (1, 2), (1, 5), (2, NULL)) AS t(g, a) ORDER BY g, 2`,
    [[1, { json: [2, 5] }], [1, { json: [2, 5] }], [1, { json: [2, 5] }], [2, { json: [] }]],
    'as a window function it gives each row its partition\'s distinct values; a partition of NULLs gives an empty ARRAY',
  ),
  // Functions of semiStructuredRules.ts, from their pages' Examples
  docEx('ARRAY_SIZE', 'array_size', sql`SELECT ARRAY_SIZE(ARRAY_CONSTRUCT(1, 2, 3)) AS SIZE`, [[3]]),
  known(
    docEx('ARRAY_SIZE', 'array_size', sql`SELECT ARRAY_SIZE(v) FROM colors`, [[3], [6]], "the doc's CREATE TABLE is CREATE OR REPLACE here", {
      setup: [
        'CREATE OR REPLACE TABLE colors (v variant)',
        "INSERT INTO colors SELECT parse_json(column1) AS v FROM VALUES ('[{r:255,g:12,b:0},{r:0,g:255,b:0},{r:0,g:0,b:255}]'), ('[{r:255,g:128,b:0},{r:128,g:255,b:0},{r:0,g:255,b:128},{r:0,g:128,b:255},{r:128,g:0,b:255},{r:255,g:0,b:128}]') v",
      ],
    }),
    'PARSE_JSON does not read unquoted OBJECT keys ({r:255}), which Snowflake accepts',
  ),
  docEx('ARRAY_PREPEND', 'array_prepend', sql`SELECT ARRAY_PREPEND(ARRAY_CONSTRUCT(0,1,2,3),'hello')`, [[{ json: ['hello', 0, 1, 2, 3] }]]),
  docEx('ARRAY_DISTINCT', 'array_distinct', sql`SELECT ARRAY_DISTINCT(['A', 'A', 'B', NULL, NULL]), ARRAY_DISTINCT(NULL)`, [[{ json: ['A', 'B', null] }, null]], `two doc examples in one SELECT; ${UNDEFINED}`),
  docEx('ARRAY_DISTINCT', 'array_distinct', sql`SELECT ARRAY_DISTINCT( [ {'a': 1, 'b': 2}, {'a': 1, 'b': 2}, {'a': 1, 'b': 3} ] )`, [[{ json: [{ a: 1, b: 2 }, { a: 1, b: 3 }] }]]),
  docSemantics('ARRAY_CAT', 'array_cat', sql`SELECT ARRAY_CAT(NULL, [1]), ARRAY_CAT([1], NULL), ARRAY_CAT([1], [2])`, [[null, null, { json: [1, 2] }]], 'usage notes: if either argument is NULL, the function returns NULL'),
];
