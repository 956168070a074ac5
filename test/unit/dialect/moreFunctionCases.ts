import type { FunctionCase } from './snowflakeFunctionCases';
import { docEx, docSemantics, snowparkEx, sql } from './cases/docHelpers';

// REGEXP_INSTR, REGEXP_SUBSTR_ALL, SPACE, INSERT, SOUNDEX, JAROWINKLER_SIMILARITY, HEX_ENCODE,
// HEX_DECODE_BINARY, TIME_SLICE, MONTHS_BETWEEN, WIDTH_BUCKET, HAVERSINE, BITAND/OR/XOR_AGG,
// HASH_AGG and OBJECT_PICK. Where a SQL reference page's printed answers were out of reach, the
// example is the one of the function's Snowpark page (docs.snowflake.com, run against Snowflake as
// a doctest), with its DataFrame written as VALUES.


const nevermore = ['CREATE OR REPLACE TABLE demo1 (id INT, string1 VARCHAR)', "INSERT INTO demo1 (id, string1) VALUES (1, 'nevermore1, nevermore2, nevermore3.')"];
const digits = sql`(SELECT column1 AS subject FROM (VALUES ('a1_a2a3_a4A5a6')) AS v(column1))`;

export const MORE_FUNCTION_CASES: FunctionCase[] = [
  // Regular expressions
  docEx(
    'REGEXP_INSTR',
    'regexp_instr',
    sql`SELECT id, string1, REGEXP_SUBSTR(string1, 'nevermore\\d') AS substring, REGEXP_INSTR( string1, 'nevermore\\d') AS position FROM demo1 ORDER BY id`,
    [[1, 'nevermore1, nevermore2, nevermore3.', 'nevermore1', 1]],
    undefined,
    { setup: nevermore, also: ['REGEXP_SUBSTR'] },
  ),
  snowparkEx(
    'REGEXP_INSTR',
    'regexp_instr',
    sql`SELECT REGEXP_INSTR('nevermore1, nevermore2, nevermore3.', 'nevermore\\d', 1, 2), REGEXP_INSTR('Hello world', 'world', 7), REGEXP_INSTR('Hello world', 'world', 1, 1, 1), REGEXP_INSTR('Hello world', 'hello', 1, 1, 0, 'i'), REGEXP_INSTR('Hello (World) (Test)', '(\\w+)', 1, 1, 0, 'c', 1)`,
    [[13, 7, 12, 1, 1]],
    'five Snowpark examples (second occurrence, a start position, option 1, parameter i, group_num) in one SELECT, their values as literals',
  ),
  docSemantics(
    'REGEXP_INSTR',
    'regexp_instr',
    sql`SELECT REGEXP_INSTR(string1, 'nevermore\\d', 5), REGEXP_INSTR(string1, 'nevermore\\d', 1, 3), REGEXP_INSTR(string1, 'nevermore\\d', 1, 3, 1), REGEXP_INSTR(string1, 'nevermore\\d', 1, 4), REGEXP_INSTR(NULL, 'a') FROM demo1`,
    [[13, 25, 35, 0, null]],
    "positions are 1-based and counted from the subject's start whatever the start position; option 1 gives the character after the match; 0 when there is no such match (Returns); a NULL argument gives NULL",
    { setup: nevermore },
  ),
  docSemantics(
    'REGEXP_INSTR',
    'regexp_instr',
    sql`SELECT REGEXP_INSTR('abc123', '[a-z]+([0-9]+)', 1, 1, 0, 'e'), REGEXP_INSTR('abc123', '[a-z]+([0-9]+)', 1, 1, 1, 'e'), REGEXP_INSTR('abc123', '[a-z]+[0-9]+', 1, 1, 0, 'e'), REGEXP_INSTR('a1 b2', '([a-z])([0-9])', 1, 2, 0, 'c', 2)`,
    [[4, 7, 1, 5]],
    "'e' gives the position of the first group (4, and after it 7); without a subexpression 'e' acts as if it were not set; group_num picks a group of the n-th match",
  ),
  snowparkEx(
    'REGEXP_SUBSTR_ALL',
    'regexp_substr_all',
    sql`SELECT REGEXP_SUBSTR_ALL(subject, 'a[[:digit:]]'), REGEXP_SUBSTR_ALL(subject, 'a[[:digit:]]', 2), REGEXP_SUBSTR_ALL(subject, 'a[[:digit:]]', 1, 3), REGEXP_SUBSTR_ALL(subject, 'a[[:digit:]]', 1, 1, 'i'), REGEXP_SUBSTR_ALL(subject, '(a)([[:digit:]])', 1, 1, 'ie', 1), REGEXP_SUBSTR_ALL(subject, 'b') FROM ${digits}`,
    [[{ json: ['a1', 'a2', 'a3', 'a4', 'a6'] }, { json: ['a2', 'a3', 'a4', 'a6'] }, { json: ['a3', 'a4', 'a6'] }, { json: ['a1', 'a2', 'a3', 'a4', 'A5', 'a6'] }, { json: ['a', 'a', 'a', 'a', 'A', 'a'] }, { json: [] }]],
    'the six Snowpark examples in one SELECT, the DataFrame inlined as VALUES',
  ),
  docSemantics(
    'REGEXP_SUBSTR_ALL',
    'regexp_substr_all',
    sql`SELECT REGEXP_EXTRACT_ALL('a1_a2', 'a[[:digit:]]'), REGEXP_SUBSTR_ALL('abc', 'a(b)c', 1, 1, 'c', 2), REGEXP_SUBSTR_ALL(NULL, 'a'), REGEXP_SUBSTR_ALL('a1b2', '[a-z][0-9]', 1, 1, 'e')`,
    [[{ json: ['a1', 'a2'] }, null, null, { json: ['a1', 'b2'] }]],
    "REGEXP_EXTRACT_ALL is the alias; NULL when group_num names a group the pattern lacks (the page's a(b)c with 2) or an argument is NULL (Returns); 'e' without a subexpression acts as if it were not set",
  ),

  // Text
  snowparkEx('SPACE', 'space', sql`SELECT SPACE(n) FROM (VALUES (3), (5), (0)) AS v(n)`, [['   '], ['     '], ['']]),
  docSemantics('SPACE', 'space', sql`SELECT SPACE(NULL), LENGTH(SPACE(2))`, [[null, 2]], 'n space characters; NULL for NULL'),
  snowparkEx('INSERT', 'insert', sql`SELECT INSERT(a, 1, 2, 'Z') AS "INSERT" FROM (VALUES ('abc')) AS v(a)`, [['Zc']]),
  docSemantics(
    'INSERT',
    'insert',
    sql`SELECT INSERT('abcdef', 3, 0, 'XYZ'), INSERT('abcdef', 3, 2, 'zzz'), INSERT('abc', 3, 5, 'Z'), INSERT(NULL, 1, 1, 'a'), INSERT('abc', 2, 1, NULL)`,
    [['abXYZcdef', 'abzzzef', 'abZ', null, null]],
    'pos is 1-based, len characters from it are replaced (0: pure insertion, past the end: up to the end); a NULL argument gives NULL',
  ),
  snowparkEx('SOUNDEX', 'soundex', sql`SELECT SOUNDEX(v) FROM (VALUES ('Marsha'), ('Marcia')) AS t(v)`, [['M620'], ['M620']]),
  snowparkEx('SOUNDEX', 'soundex_p123', sql`SELECT SOUNDEX_P123(name) FROM (VALUES ('Pfister'), ('Lloyd'), ('Smith'), ('Johnson')) AS v(name)`, [['P123'], ['L430'], ['S530'], ['J525']]),
  docSemantics(
    'SOUNDEX',
    'soundex',
    sql`SELECT SOUNDEX('Pfister'), SOUNDEX('Lloyd'), SOUNDEX('I love rock and roll music.'), SOUNDEX('Ashcraft'), SOUNDEX(NULL)`,
    [['P236', 'L300', 'I416', 'A261', null]],
    "the page's SOUNDEX('Pfister') returns P236 (the second letter's digit equals the first's and is dropped), likewise Lloyd; non-letters are skipped; letters coded alike around an H or W count once (Soundex System); NULL for NULL",
  ),
  snowparkEx(
    'JAROWINKLER_SIMILARITY',
    'jarowinkler_similarity',
    sql`SELECT JAROWINKLER_SIMILARITY(s, t) FROM (VALUES (1, 'Snowflake', 'Oracle'), (2, 'Ich weiß nicht', 'Ich wei? nicht'), (3, 'Gute nacht', 'Ich weis nicht'), (4, 'święta', 'swieta'), (5, '', ''), (6, 'test', 'test')) AS v(i, s, t) ORDER BY i`,
    [[61], [97], [56], [77], [0], [100]],
    'the Snowpark example, its DataFrame written as VALUES with an ordering column (61 needs case-insensitive matching, 97 and 77 counting characters, not bytes)',
  ),
  docSemantics('JAROWINKLER_SIMILARITY', 'jarowinkler_similarity', sql`SELECT JAROWINKLER_SIMILARITY(NULL, 'a'), JAROWINKLER_SIMILARITY('MARTHA', 'marhta')`, [[null, 96]], 'NULL for NULL; an integer 0–100, case-insensitive (Jaro-Winkler of MARTHA/MARHTA is 0.961)'),
  snowparkEx('HEX_ENCODE', 'hex_encode', sql`SELECT HEX_ENCODE(input) AS hex_encoded FROM (VALUES ('Snowflake'), ('Hello')) AS v(input)`, [['536E6F77666C616B65'], ['48656C6C6F']]),
  docSemantics('HEX_ENCODE', 'hex_encode', sql`SELECT HEX_ENCODE('Hello', 0), HEX_ENCODE('Hello', 1), HEX_ENCODE(TO_BINARY('0aff')), HEX_ENCODE(NULL)`, [['48656c6c6f', '48656C6C6F', '0AFF', null]], 'case 1 (the default) writes A–F upper-case, 0 lower-case; a BINARY is encoded byte by byte; NULL for NULL'),
  snowparkEx(
    'HEX_DECODE_BINARY',
    'hex_decode_binary',
    sql`SELECT HEX_DECODE_BINARY(hex_string) = TO_BINARY(text, 'UTF-8') FROM (VALUES ('48454C4C4F', 'HELLO'), ('576F726C64', 'World')) AS v(hex_string, text)`,
    [[true], [true]],
    "the Snowpark example, the bytes it prints (b'HELLO', b'World') compared as TO_BINARY(…, 'UTF-8')",
  ),
  snowparkEx(
    'HEX_DECODE_BINARY',
    'try_hex_decode_binary',
    sql`SELECT TRY_HEX_DECODE_BINARY(hex_string) = TO_BINARY(text, 'UTF-8') FROM (VALUES ('41426162', 'ABab'), ('48656C6C6F', 'Hello')) AS v(hex_string, text)`,
    [[true], [true]],
    "TRY_HEX_DECODE_BINARY's Snowpark example (two of its rows), the bytes it prints compared as TO_BINARY(…, 'UTF-8')",
  ),
  docSemantics('HEX_DECODE_BINARY', 'try_hex_decode_binary', sql`SELECT TRY_HEX_DECODE_BINARY('abc'), TRY_HEX_DECODE_BINARY('zz'), TRY_HEX_DECODE_BINARY(NULL)`, [[null, null, null]], 'NULL instead of an error for text that is not hex (an odd number of digits, a letter past F)'),

  // Dates and times
  docSemantics(
    'TIME_SLICE',
    'time_slice',
    sql`SELECT "DATE", TIME_SLICE("DATE", 4, 'MONTH', 'START') AS "START OF SLICE", TIME_SLICE("DATE", 4, 'MONTH', 'END') AS "END OF SLICE" FROM (SELECT '2019-02-28'::DATE AS "DATE")`,
    [['2019-02-28', '2019-01-01', '2019-05-01']],
    "slices are aligned to 1970-01-01: 2019-02 is month 589 since then, so its 4-month slice runs from month 588 (2019-01) to 592 (2019-05); a DATE gives a DATE. The date comes from a subquery: 'END' (like DATEADD) cannot take a column alias of the same SELECT in Snowpark Local",
  ),
  docSemantics(
    'TIME_SLICE',
    'time_slice',
    sql`SELECT TIME_SLICE('2019-02-28T01:23:45.678'::TIMESTAMP_NTZ, 8, 'HOUR'), TIME_SLICE('2019-02-28T12:34:56.789'::TIMESTAMP_NTZ, 8, 'HOUR'), TIME_SLICE('2019-02-28T12:34:56.789'::TIMESTAMP_NTZ, 8, 'HOUR', 'end'), TIME_SLICE('2019-02-28 10:07:31'::TIMESTAMP_NTZ, 15, 'minute')`,
    [['2019-02-28 00:00:00', '2019-02-28 08:00:00', '2019-02-28 16:00:00', '2019-02-28 10:00:00']],
    "8-hour slices start at midnight (1970-01-01 00:00:00 is a slice start); 'END' (case-insensitive) is the next slice's start",
  ),
  docSemantics(
    'TIME_SLICE',
    'time_slice',
    sql`SELECT TIME_SLICE('1960-06-01'::DATE, 15, 'YEAR'), TIME_SLICE('1970-01-05'::DATE, 2, 'WEEK'), TIME_SLICE('1970-01-20'::DATE, 2, 'WEEK'), TIME_SLICE(NULL::DATE, 1, 'DAY')`,
    [['1955-01-01', '1969-12-29', '1970-01-12', null]],
    "usage notes: 15-year slices start on 1955-01-01, 1970-01-01 …; 2-week slices (weeks starting on Monday) on 1969-12-29, 1970-01-12 … (the page's next Monday, 1970-01-25, is a typo for the 26th)",
  ),
  docEx('MONTHS_BETWEEN', 'months_between', sql`SELECT MONTHS_BETWEEN('2020-02-01'::DATE, '2020-01-01'::DATE)`, [[1]], 'the example in the description: returns 1.0'),
  snowparkEx(
    'MONTHS_BETWEEN',
    'months_between',
    sql`SELECT MONTHS_BETWEEN(a, b) FROM (VALUES ('2020-05-01 13:11:20.000'::TIMESTAMP, '2020-08-21 01:30:05.000'::TIMESTAMP)) AS v(a, b)`,
    [[-3.629452]],
  ),
  docSemantics(
    'MONTHS_BETWEEN',
    'months_between',
    sql`SELECT MONTHS_BETWEEN('2019-03-01 02:00:00'::TIMESTAMP, '2019-02-01 13:00:00'::TIMESTAMP), MONTHS_BETWEEN('2019-03-28'::DATE, '2019-02-28'::DATE), MONTHS_BETWEEN('2019-03-31'::DATE, '2019-02-28'::DATE), MONTHS_BETWEEN('2019-03-31 01:00:00'::TIMESTAMP, '2019-02-28 13:00:00'::TIMESTAMP)`,
    [[1, 1, 1, 1]],
    "the Returns section's pairs that are exactly 1.0 months apart: the same day of the month, or both month ends, whatever the times",
  ),
  docSemantics(
    'MONTHS_BETWEEN',
    'months_between',
    sql`SELECT MONTHS_BETWEEN('2019-03-01'::DATE, '2019-02-15'::DATE), MONTHS_BETWEEN('2019-03-01 02:00:00'::TIMESTAMP, '2019-02-15 01:00:00'::TIMESTAMP), MONTHS_BETWEEN('2019-02-15'::DATE, '2019-03-01'::DATE), MONTHS_BETWEEN(NULL, '2019-03-01'::DATE)`,
    [[0.548387, 0.549731, -0.548387, null]],
    'otherwise the fraction counts the day and time difference in 31-day months: 1 + (1 - 15) / 31, plus 1 hour / 744 hours; negative when the first date is earlier; 6 decimals as in the Snowpark example',
  ),

  // Numbers
  snowparkEx(
    'WIDTH_BUCKET',
    'width_bucket',
    sql`SELECT WIDTH_BUCKET(price, 200000, 600000, 4) AS sales_group FROM (VALUES (1, 290000.00), (2, 320000.00), (3, 399999.99), (4, 400000.00), (5, 470000.00), (6, 510000.00), (7, 150000.00)) AS v(i, price) ORDER BY i`,
    [[1], [2], [2], [3], [3], [4], [0]],
    'the first two Snowpark examples (the second: 150000.00 below the range gives 0), with an ordering column',
  ),
  snowparkEx('WIDTH_BUCKET', 'width_bucket', sql`SELECT WIDTH_BUCKET(700000.00, 200000, 9600000, 4)`, [[1]], "the third Snowpark example's price as a literal"),
  docSemantics('WIDTH_BUCKET', 'width_bucket', sql`SELECT WIDTH_BUCKET(600000, 200000, 600000, 4), WIDTH_BUCKET(NULL, 0, 10, 2)`, [[5, null]], 'a value at or past the maximum goes to the overflow bucket n + 1; NULL for NULL'),
  snowparkEx(
    'HAVERSINE',
    'haversine',
    sql`SELECT HAVERSINE(lat1, lon1, lat2, lon2) AS distance FROM (VALUES (40.7127, -74.0059, 34.0500, -118.2500)) AS v(lat1, lon1, lat2, lon2)`,
    [[3936.3850963892937]],
  ),
  docSemantics('HAVERSINE', 'haversine', sql`SELECT HAVERSINE(0, 0, 0, 0), HAVERSINE(NULL, 0, 0, 0)`, [[0, null]], 'the distance of a point to itself is 0; NULL for NULL'),

  // Aggregates
  snowparkEx('BITAND_AGG', 'bitand_agg', sql`SELECT BITAND_AGG(a) FROM (VALUES (15), (26), (12), (14), (8)) AS v(a)`, [[8]]),
  snowparkEx('BITAND_AGG', 'bitor_agg', sql`SELECT BITOR_AGG(a) AS result FROM (VALUES (15), (26), (12), (14), (8)) AS v(a)`, [[31]]),
  snowparkEx('BITAND_AGG', 'bitxor_agg', sql`SELECT BITXOR_AGG(a) FROM (VALUES (15), (26), (12)) AS v(a)`, [[25]]),
  docSemantics(
    'BITAND_AGG',
    'bitand_agg',
    sql`SELECT BITAND_AGG(a), BIT_OR_AGG(a), BITXORAGG(a), BITAND_AGG(b) FROM (VALUES (3, NULL), (NULL, NULL), (5, NULL)) AS v(a, b)`,
    [[1, 7, 6, null]],
    'NULL records are skipped; a group of NULLs gives NULL; BIT_OR_AGG and BITXORAGG are aliases (BITOR_AGG and BITXOR_AGG pages)',
  ),
  docSemantics(
    'HASH_AGG',
    'hash_agg',
    sql`SELECT (SELECT HASH_AGG(x) FROM (VALUES (1), (2), (3)) AS v(x)) = (SELECT HASH_AGG(x) FROM (VALUES (3), (1), (2)) AS v(x)), (SELECT HASH_AGG(x) FROM (VALUES (1), (2), (3)) AS v(x)) <> (SELECT HASH_AGG(x) FROM (VALUES (1), (2), (4)) AS v(x)), (SELECT HASH_AGG(x) FROM (VALUES (1), (NULL)) AS v(x)) <> (SELECT HASH_AGG(x) FROM (VALUES (1)) AS v(x)), (SELECT HASH_AGG(x) FROM (VALUES (1)) AS v(x) WHERE x > 1)`,
    [[true, true, true, 0]],
    "its values are Snowflake's own hash, so only properties are compared: the result does not depend on the order of the rows, other rows give another value, NULLs are not ignored, and no rows give 0",
  ),
  docSemantics(
    'HASH_AGG',
    'hash_agg',
    sql`SELECT (SELECT HASH_AGG(*) FROM (VALUES (1, 'a'), (2, NULL)) AS v(x, y)) = (SELECT HASH_AGG(*) FROM (VALUES (2, NULL), (1, 'a')) AS v(x, y)), (SELECT HASH_AGG(x, y) FROM (VALUES (1, 'a'), (2, 'b')) AS v(x, y)) <> (SELECT HASH_AGG(x, y) FROM (VALUES (1, 'b'), (2, 'a')) AS v(x, y)), (SELECT HASH_AGG(DISTINCT x) FROM (VALUES (1), (1), (2)) AS v(x)) = (SELECT HASH_AGG(x) FROM (VALUES (2), (1)) AS v(x)), (SELECT COUNT(DISTINCT h) FROM (SELECT g, HASH_AGG(x) OVER (PARTITION BY g) AS h FROM (VALUES (1, 1), (1, 2), (2, 2), (2, 1)) AS v(g, x)))`,
    [[true, true, true, 1]],
    'HASH_AGG(*) hashes whole rows, several arguments hash them together, DISTINCT hashes each distinct value once, and as a window function each partition gets its own (here equal) value',
  ),

  // Semi-structured
  snowparkEx(
    'OBJECT_PICK',
    'object_pick',
    sql`SELECT OBJECT_PICK(obj, k, 'name') AS result FROM (SELECT OBJECT_CONSTRUCT(a, b, c, d, e, f) AS obj, k, v FROM VALUES ('age', 21, 'zip', 21021, 'name', 'Joe', 'age', 0), ('age', 26, 'zip', 94021, 'name', 'Jay', 'age', 0) AS T(a, b, c, d, e, f, k, v)) ORDER BY result:age`,
    [[{ json: { age: 21, name: 'Joe' } }], [{ json: { age: 26, name: 'Jay' } }]],
    "the Snowpark example's own SQL, the keys given as a column and a literal; ORDER BY fixes the row order the doc shows",
  ),
  docSemantics(
    'OBJECT_PICK',
    'object_pick',
    sql`SELECT OBJECT_PICK(OBJECT_CONSTRUCT('a', 1, 'b', 2, 'c', 3), ARRAY_CONSTRUCT('a', 'b')), OBJECT_PICK(OBJECT_CONSTRUCT('a', 1), 'z'), OBJECT_PICK(PARSE_JSON('{"a": null, "b": [1]}'), 'a'), OBJECT_PICK(NULL, 'a')`,
    [[{ json: { a: 1, b: 2 } }, { json: {} }, { json: { a: null } }, null]],
    'the keys may come as an ARRAY; a key the object lacks is ignored; a JSON null value is kept; NULL for a NULL object',
  ),
];
