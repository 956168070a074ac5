import type { FunctionCase } from './snowflakeFunctionCases';
import { docEx, docSemantics, snowparkEx, SNOWPARK_FUNCTIONS as SNOWPARK, sql } from './cases/docHelpers';

// The SQL the Snowpark shim sends for functions the local engine could not run before: zoned
// TIMESTAMP_*_FROM_PARTS, OCTET_LENGTH/BIT_LENGTH, TRY_TO_BINARY, CAST to VARIANT and BINARY,
// ARRAY_TO_STRING with a separator column, OBJECT_CONSTRUCT_KEEP_NULL's key order, the MAP
// functions, CURRENT_SCHEMAS/CURRENT_STATEMENT/CURRENT_AVAILABLE_ROLES, and paths held in a
// column (GET_PATH, JSON_EXTRACT_PATH_TEXT). Where a SQL reference page's printed answers were out
// of reach, the example is the one of the function's Snowpark page (docs.snowflake.com, run
// against Snowflake as a doctest), with its DataFrame written as VALUES.


/** Snowflake's default TIMEZONE, which the Snowpark doctests ran in; the local default is the machine's zone. */
const LOS_ANGELES = ["ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'"];

/** The MAP function pages' table. */
const demoMaps = [
  'CREATE OR REPLACE TEMP TABLE demo_maps(id INTEGER, attrs MAP(VARCHAR, VARCHAR), defaults MAP(VARCHAR, VARCHAR), keep_keys ARRAY(VARCHAR), ins_key VARCHAR, ins_val VARCHAR, update_existing BOOLEAN, del_key1 VARCHAR, del_key2 VARCHAR)',
  "INSERT INTO demo_maps SELECT 1, {'color':'red','size':'M','brand':'Acme'}::MAP(VARCHAR, VARCHAR), {'currency':'USD','size':'L'}::MAP(VARCHAR, VARCHAR), ['color','brand']::ARRAY(VARCHAR), 'material', 'cotton', TRUE, 'size', 'brand'",
  "INSERT INTO demo_maps SELECT 2, {'color':'blue','brand':'ZenCo'}::MAP(VARCHAR, VARCHAR), {'currency':'EUR','size':'M','brand':'ZenCo'}::MAP(VARCHAR, VARCHAR), ['brand','currency']::ARRAY(VARCHAR), 'brand', 'ZC', FALSE, 'currency', 'material'",
];

/** The JSON_EXTRACT_PATH_TEXT page's table. */
const demo1 = [
  'CREATE OR REPLACE TABLE demo1 (id INTEGER, json_data VARCHAR)',
  `INSERT INTO demo1 SELECT 1, '{"level_1_key": "level_1_value"}'`,
  `INSERT INTO demo1 SELECT 2, '{"level_1_key": {"level_2_key": "level_2_value"}}'`,
  `INSERT INTO demo1 SELECT 3, '{"level_1_key": {"level_2_key": ["zero", "one", "two"]}}'`,
];
/** Each demo1 row with a path of its own, in a column. */
const demo1Paths = sql`demo1 JOIN (VALUES (1, 'level_1_key'), (2, 'level_1_key.level_2_key'), (3, 'level_1_key:level_2_key[1]')) AS p(id, path) ON p.id = demo1.id`;

export const SNOWPARK_GAP_CASES: FunctionCase[] = [
  // Zoned timestamps from parts
  snowparkEx(
    'TIMESTAMP_TZ_FROM_PARTS',
    'timestamp_ltz_from_parts',
    sql`SELECT TIMESTAMP_LTZ_FROM_PARTS(2022, 4, 1, 11, 11, 0) = '2022-04-01 11:11:00 -0700'::TIMESTAMP_TZ, TIMESTAMPLTZFROMPARTS(2022, 3, 31, 11, 11, 0) = '2022-03-31 11:11:00 -0700'::TIMESTAMP_TZ, HOUR(TIMESTAMP_LTZ_FROM_PARTS(2022, 4, 1, 11, 11, 0))`,
    [[true, true, 11]],
    "the two rows of the Snowpark example (2022-04-01 and 2022-03-31 11:11 in the session's America/Los_Angeles), written as parts, each compared with the instant printed there; HOUR reads the wall clock back in the session's zone",
    { setup: LOS_ANGELES },
  ),
  docSemantics(
    'TIMESTAMP_TZ_FROM_PARTS',
    'timestamp_from_parts',
    sql`SELECT TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 0, 'America/Los_Angeles') = '2013-04-05 12:00:00 -0700'::TIMESTAMP_TZ, TIMESTAMP_TZ_FROM_PARTS(2013, 4, 5, 12, 00, 00, 987654321) = '2013-04-05 12:00:00.987654 -0400'::TIMESTAMP_TZ, TIMESTAMPTZFROMPARTS(2013, 4, 5, 12, 00, 00) = '2013-04-05 12:00:00 -0400'::TIMESTAMP_TZ`,
    [[true, true, true]],
    "the page's parts (2013-04-05 12:00, in a session in America/New_York): with a time zone argument the wall clock is read in that zone, without one in the session's; nanoseconds are kept to the microsecond here",
    { setup: ["ALTER SESSION SET TIMEZONE = 'America/New_York'"] },
  ),
  // Lengths in bytes and bits
  snowparkEx('OCTET_LENGTH', 'octet_length', sql`SELECT OCTET_LENGTH(a) AS octet_length FROM (VALUES ('abc'), ('\u0392'), ('X''A1B2''')) AS v(a)`, [[3], [2], [7]]),
  snowparkEx(
    'OCTET_LENGTH',
    'octet_length',
    sql`SELECT OCTET_LENGTH(X'A1B2'), OCTET_LENGTH(TO_BINARY('A1B2')), OCTET_LENGTH(NULL)`,
    [[2, 2, null]],
    "the page's rule for BINARY (its byte count, the same as LENGTH); a NULL gives NULL",
    { source: `semantics ${SNOWPARK}octet_length` },
  ),
  docEx(
    'BIT_LENGTH',
    'bit_length',
    sql`SELECT v, BIT_LENGTH(v), BIT_LENGTH(b) FROM bl ORDER BY v`,
    [['abc', 24, null], ['Δ', 16, 16]],
    "the doc's query without its column B (a BINARY, printed as hex)",
    { setup: ['CREATE OR REPLACE TABLE bl (v VARCHAR, b BINARY)', "INSERT INTO bl (v, b) VALUES ('abc', NULL), ('\\u0394', X'A1B2')"] },
  ),
  snowparkEx(
    'BIT_LENGTH',
    'bit_length',
    sql`SELECT BIT_LENGTH(v) AS bit_length_v, BIT_LENGTH(CAST('A1B2' AS BINARY)) AS bit_length_b FROM (VALUES ('abc'), ('\u0394')) AS t(v)`,
    [[24, 16], [16, 16]],
    "the Snowpark example: its lit('A1B2').cast('binary') is CAST('A1B2' AS BINARY), which reads the text as hex (2 bytes)",
    { also: ['CAST type'] },
  ),
  // Binary conversions
  snowparkEx(
    'TO_BINARY',
    'try_to_binary',
    sql`SELECT HEX_ENCODE(TRY_TO_BINARY(hex_encoded_string, 'HEX')) AS b FROM (VALUES ('01'), ('A B'), ('Hello'), (NULL)) AS v(hex_encoded_string)`,
    [['01'], [null], [null], [null]],
    "the Snowpark example (valid and invalid inputs), its DataFrame written as VALUES; the BINARY b'\\x01' is compared as its hex text",
  ),
  docSemantics(
    'VARIANT paths and text casts',
    '../data-types-text',
    sql`SELECT HEX_ENCODE('A1B2'::BINARY), HEX_ENCODE(CAST('a1b2' AS VARBINARY)), TRY_CAST('zz' AS BINARY), HEX_ENCODE(TRY_CAST('0A' AS BINARY))`,
    [['A1B2', 'A1B2', null, '0A']],
    "text cast to BINARY is read in BINARY_INPUT_FORMAT, HEX by default, with `::` and CAST alike; TRY_CAST gives NULL for text that is not hex",
    { also: ['CAST type'] },
  ),
  // A VARIANT made by CAST
  docSemantics(
    'CAST type',
    'cast',
    sql`SELECT CAST('a' AS VARIANT) = 'a'::VARIANT, TYPEOF(CAST('a' AS VARIANT)), TO_JSON(CAST('[1]' AS VARIANT)), TO_JSON(TRY_CAST('{}' AS VARIANT)), TO_JSON(CAST(1 AS VARIANT))`,
    [[true, 'VARCHAR', '"[1]"', '"{}"', '1']],
    "`::` is the operator form of CAST: a string cast to VARIANT is a VARCHAR VARIANT (its text is not parsed as JSON)",
  ),
  // ARRAY_TO_STRING with a separator from a column
  docSemantics(
    'ARRAY_TO_STRING',
    'array_to_string',
    sql`SELECT ARRAY_TO_STRING(a, sep) FROM (SELECT ARRAY_CONSTRUCT('a', 'b', 'c') AS a, ', ' AS sep UNION ALL SELECT ARRAY_CONSTRUCT(1, NULL, 2), '+' UNION ALL SELECT ARRAY_CONSTRUCT(), '-' UNION ALL SELECT ARRAY_CONSTRUCT('x'), NULL) ORDER BY 1 NULLS LAST`,
    [[''], ['1++2'], ['a, b, c'], [null]],
    'the separator comes from a column (the SQL Snowpark sends for substring_index with a column delimiter); a NULL element is an empty string, a NULL argument gives NULL, an empty ARRAY an empty string',
  ),
  // OBJECT_CONSTRUCT_KEEP_NULL sorts its keys
  snowparkEx(
    'OBJECT_CONSTRUCT_KEEP_NULL',
    'create_map',
    sql`SELECT TO_JSON(OBJECT_CONSTRUCT_KEEP_NULL('DEPARTMENT', department, 'SALARY', salary, 'LOCATION', location)) FROM (VALUES ('Sales', 6500, 'USA'), ('Legal', 3000, NULL)) AS v(department, salary, location)`,
    [['{"DEPARTMENT":"Sales","LOCATION":"USA","SALARY":6500}'], ['{"DEPARTMENT":"Legal","LOCATION":null,"SALARY":3000}']],
    "create_map is OBJECT_CONSTRUCT_KEEP_NULL; snowpark-python's test_create_map (keys not in alphabetical order) gets the keys back sorted, as an OBJECT keeps them, and the NULL value kept",
    { source: `semantics ${SNOWPARK}create_map` },
  ),
  // MAP functions on MAP values, which are JSON objects here
  docEx(
    'MAP_CAT',
    'map_cat',
    sql`SELECT MAP_CAT({'map1key1':'map1value1','map1key2':'map1value2'}::MAP(VARCHAR,VARCHAR), {'map2key1':'map2value1','map2key2':'map2value2'}::MAP(VARCHAR,VARCHAR)) AS concatenated_maps`,
    [[{ json: { map1key1: 'map1value1', map1key2: 'map1value2', map2key1: 'map2value1', map2key2: 'map2value2' } }]],
    undefined,
    { also: ['MAP'] },
  ),
  docSemantics(
    'MAP_CAT',
    'map_cat',
    sql`SELECT id, MAP_CAT(attrs, defaults), MAP_CAT(attrs, NULL) FROM demo_maps ORDER BY id`,
    [
      [1, { json: { brand: 'Acme', color: 'red', currency: 'USD', size: 'L' } }, null],
      [2, { json: { brand: 'ZenCo', color: 'blue', currency: 'EUR', size: 'M' } }, null],
    ],
    "the page's demo_maps table: a key both maps have takes the second map's value (size L in row 1), and a NULL argument gives NULL",
    { setup: demoMaps, also: ['MAP'] },
  ),
  docEx('MAP_CONTAINS_KEY', 'map_contains_key', sql`SELECT MAP_CONTAINS_KEY('k1',{'k1':'v1','k2':'v2','k3':'v3'}::MAP(VARCHAR,VARCHAR)) AS contains_key`, [[true]]),
  docEx('MAP_CONTAINS_KEY', 'map_contains_key', sql`SELECT MAP_CONTAINS_KEY('k1',{'ka':'va','kb':'vb','kc':'vc'}::MAP(VARCHAR,VARCHAR)) AS contains_key`, [[false]]),
  docSemantics(
    'MAP_CONTAINS_KEY',
    'map_contains_key',
    sql`SELECT id, MAP_CONTAINS_KEY(ins_key, attrs), MAP_CONTAINS_KEY(NULL, attrs) FROM demo_maps ORDER BY id`,
    [[1, false, null], [2, true, null]],
    "the page's demo_maps table: row 1's attrs lack 'material', row 2's have 'brand'; NULL input gives NULL",
    { setup: demoMaps },
  ),
  docEx('MAP_KEYS', 'map_keys', sql`SELECT MAP_KEYS({'a':1,'b':2,'c':3}::MAP(VARCHAR,NUMBER)) AS map_keys`, [[{ json: ['a', 'b', 'c'] }]]),
  docEx('MAP_SIZE', 'map_size', sql`SELECT MAP_SIZE({'a':1,'b':2,'c':3}::MAP(VARCHAR,NUMBER)) AS map_size`, [[3]]),
  // Context functions the engine answers
  docEx(
    'deferred scalar calls',
    'current_schemas',
    sql`SELECT CURRENT_SCHEMAS()`,
    [['["TEST_DB1.BILLING", "TEST_DB1.PUBLIC"]']],
    "the doc's session, in database TEST_DB1 and schema BILLING, made by the setup",
    { setup: ['CREATE DATABASE IF NOT EXISTS test_db1', 'CREATE SCHEMA IF NOT EXISTS test_db1.billing', 'USE SCHEMA test_db1.billing'] },
  ),
  docEx(
    'deferred scalar calls',
    'current_statement',
    sql`SELECT 2.71, CURRENT_STATEMENT()`,
    [[2.71, 'SELECT 2.71, CURRENT_STATEMENT()']],
    "the doc's statement; it is the text as sent, and the worksheet sends it without the `;` the doc's text ends with",
  ),
  docSemantics(
    'deferred scalar calls',
    'current_available_roles',
    sql`SELECT CURRENT_AVAILABLE_ROLES() IS NOT NULL, ARRAY_CONTAINS(TO_VARIANT(CURRENT_ROLE()), PARSE_JSON(CURRENT_AVAILABLE_ROLES()))`,
    [[true, true]],
    "a JSON array (as text) of the roles granted to the user, the session's role among them; locally that is the only role",
  ),
  // Paths held in a column
  docSemantics(
    'GET_PATH',
    'json_extract_path_text',
    sql`SELECT demo1.id, JSON_EXTRACT_PATH_TEXT(json_data, path), GET_PATH(PARSE_JSON(json_data), path) FROM ${demo1Paths} ORDER BY demo1.id`,
    [[1, 'level_1_value', { json: 'level_1_value' }], [2, 'level_2_value', { json: 'level_2_value' }], [3, 'one', { json: 'one' }]],
    "the page's demo1 table and paths (`:` as a separator too, as its usage notes allow), each path taken from a column",
    { setup: demo1 },
  ),
];
