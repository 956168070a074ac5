import type { FunctionCase } from './snowflakeFunctionCases';
import { docEx, docSemantics, sql } from './cases/docHelpers';

// PARSE_URL, STRTOK_SPLIT_TO_TABLE, ARRAY_UNION_AGG and UUID_STRING(uuid, name). PARSE_URL's objects
// are the ones its page prints for the same URLs (the page's older edition printed each URL on its
// own; its table example parses the same three URLs and NULL).

const urls = [
  'CREATE OR REPLACE TABLE parse_url_test (id INT, sample_url VARCHAR)',
  "INSERT INTO parse_url_test VALUES (1, 'mailto:abc@xyz.com'), (2, 'https://www.snowflake.com/'), (3, 'http://USER:PASS@EXAMPLE.INT:4345/HELLO.PHP?USER=1'), (4, NULL)",
];
const absent = { fragment: null, host: null, parameters: null, path: null, port: null, query: null, scheme: null };
const badUrl = "'example.int/hello.php?user=12#nofragment'";
const unionTest = ['CREATE OR REPLACE TABLE union_test (a ARRAY)', "INSERT INTO union_test SELECT PARSE_JSON('[ 1, 1, 2]') UNION ALL SELECT PARSE_JSON('[ 1, 2, 3]')"];

export const MORE_GAP_CASES: FunctionCase[] = [
  // PARSE_URL
  docEx(
    'PARSE_URL',
    'parse_url',
    sql`SELECT PARSE_URL('https://www.snowflake.com/'), PARSE_URL('HTTP://USER:PASS@EXAMPLE.INT:4345/HELLO.PHP?USER=1'), PARSE_URL('mailto:abc@xyz.com')`,
    [
      [
        { json: { ...absent, host: 'www.snowflake.com', path: '', scheme: 'https' } },
        { json: { ...absent, host: 'USER:PASS@EXAMPLE.INT', parameters: { USER: '1' }, path: 'HELLO.PHP', port: '4345', query: 'USER=1', scheme: 'HTTP' } },
        { json: { ...absent, path: 'abc@xyz.com', scheme: 'mailto' } },
      ],
    ],
    "the page's three URLs in one SELECT: every key present (absent parts JSON null), user info kept in host, the port as text, the path without its leading '/', the scheme's case kept",
  ),
  docEx(
    'PARSE_URL',
    'parse_url',
    sql`SELECT PARSE_URL(sample_url) FROM parse_url_test ORDER BY id`,
    [
      [{ json: { ...absent, path: 'abc@xyz.com', scheme: 'mailto' } }],
      [{ json: { ...absent, host: 'www.snowflake.com', path: '', scheme: 'https' } }],
      [{ json: { ...absent, host: 'USER:PASS@EXAMPLE.INT', parameters: { USER: '1' }, path: 'HELLO.PHP', port: '4345', query: 'USER=1', scheme: 'http' } }],
      [null],
    ],
    'the table example, with ORDER BY id; a NULL URL gives NULL. The objects are the ones the page prints for the same URLs on their own (its table output was cut off in the excerpts read; row 3 is written http:// there, so its scheme is lower case)',
    { setup: urls },
  ),
  docEx(
    'PARSE_URL',
    'parse_url',
    sql`SELECT PARSE_URL(sample_url):host FROM parse_url_test ORDER BY id`,
    [[{ json: null }], [{ json: 'www.snowflake.com' }], [{ json: 'USER:PASS@EXAMPLE.INT' }], [null]],
    "the host query, with ORDER BY id: mailto's host is a JSON null, the NULL URL's is NULL",
    { setup: urls },
  ),
  docEx('PARSE_URL', 'parse_url', sql`SELECT id FROM parse_url_test WHERE PARSE_URL(sample_url):port = '4345'`, [[3]], 'the port filter (only the id column selected)', { setup: urls }),
  docEx('PARSE_URL', 'parse_url', sql`SELECT id FROM parse_url_test WHERE PARSE_URL(sample_url):host = 'www.snowflake.com'`, [[2]], 'the host filter (only the id column selected)', { setup: urls }),
  docSemantics(
    'PARSE_URL',
    'parse_url',
    sql`SELECT OBJECT_KEYS(PARSE_URL(${badUrl}, 1)), PARSE_URL(${badUrl}, 1):error IS NOT NULL, PARSE_URL('http://h', NULL)`,
    [[{ json: ['error'] }, true, null]],
    "the page's URL without a scheme with permissive 1: an OBJECT with only the error field (Arguments); any NULL argument gives NULL (Returns). The error's text (here 'scheme not specified') was not visible in the excerpts read",
  ),
  docSemantics(
    'PARSE_URL',
    'parse_url',
    sql`SELECT PARSE_URL(${badUrl}, 0)`,
    undefined,
    "the page's URL without a scheme with permissive 0 fails (Arguments). The printed error line was not visible in the excerpts read: 100139 (22000) 'Error parsing URL: scheme not specified' is Snowflake's wording as remembered, not checked",
    { error: '100139' },
  ),
  docSemantics('PARSE_URL', 'parse_url', sql`SELECT PARSE_URL()`, undefined, 'the syntax takes a string and an optional permissive flag: no argument is a compilation error', { error: '001003' }),
  docSemantics(
    'PARSE_URL',
    'parse_url',
    sql`SELECT PARSE_URL('https://example.com/a/b?x=1&y=2#top')`,
    [[{ json: { fragment: 'top', host: 'example.com', parameters: { x: '1', y: '2' }, path: 'a/b', port: null, query: 'x=1&y=2', scheme: 'https' } }]],
    "the fragment is the anchor after '#', parameters the query's values (key table of Returns), read as the page's examples read theirs",
  ),

  // STRTOK_SPLIT_TO_TABLE
  docEx('STRTOK_SPLIT_TO_TABLE', 'strtok_split_to_table', sql`SELECT table1.value FROM TABLE(STRTOK_SPLIT_TO_TABLE('a.b', '.')) AS table1 ORDER BY table1.value`, [['a'], ['b']]),
  docSemantics(
    'STRTOK_SPLIT_TO_TABLE',
    'strtok_split_to_table',
    sql`SELECT t.v, s.index, s.value FROM (VALUES ('a b'), ('cde'), ('f|g h'), ('  x  '), (''), (NULL)) AS t(v), LATERAL STRTOK_SPLIT_TO_TABLE(t.v, ' |') AS s ORDER BY t.v, s.index`,
    [['  x  ', 1, 'x'], ['a b', 1, 'a'], ['a b', 2, 'b'], ['cde', 1, 'cde'], ['f|g h', 1, 'f'], ['f|g h', 2, 'g'], ['f|g h', 3, 'h']],
    'each character of delimiter_list is a delimiter, INDEX is 1-based, as STRTOK no empty token is returned (so an empty or NULL string gives no row), and the correlated row is repeated per token',
  ),
  docSemantics(
    'STRTOK_SPLIT_TO_TABLE',
    'strtok_split_to_table',
    sql`SELECT index, value FROM TABLE(STRTOK_SPLIT_TO_TABLE('a b  c')) ORDER BY index`,
    [[1, 'a'], [2, 'b'], [3, 'c']],
    'the default delimiter_list is a single space; consecutive delimiters give no empty token',
  ),
  docSemantics('STRTOK_SPLIT_TO_TABLE', 'strtok_split_to_table', sql`SELECT * FROM TABLE(STRTOK_SPLIT_TO_TABLE())`, undefined, 'the string argument is required', { error: '001003' }),

  // ARRAY_UNION_AGG
  docEx('ARRAY_UNION_AGG', 'array_union_agg', sql`SELECT ARRAY_UNION_AGG(a) FROM union_test`, [[{ json: [1, 1, 2, 3] }]], 'multiset union: 1 twice, as one input ARRAY holds it twice', { setup: unionTest }),
  docSemantics(
    'ARRAY_UNION_AGG',
    'array_union_agg',
    sql`SELECT g, ARRAY_SORT(ARRAY_UNION_AGG(a)) FROM (SELECT 1 AS g, PARSE_JSON('[0, 0, 1, 2]') AS a UNION ALL SELECT 1, PARSE_JSON('[0, 4]') UNION ALL SELECT 1, NULL UNION ALL SELECT 2, NULL UNION ALL SELECT 3, PARSE_JSON('[0, 0, 0, 1]') UNION ALL SELECT 3, PARSE_JSON('[0, 0]')) GROUP BY g ORDER BY g`,
    [[1, { json: [0, 0, 1, 2, 4] }], [2, { json: [] }], [3, { json: [0, 0, 0, 1] }]],
    'the largest count of a value in one input ARRAY is its count in the output; NULL ARRAYs are ignored, and a group of only NULLs gives an empty ARRAY (Returns); order is not defined, so it is sorted',
  ),
  docSemantics(
    'ARRAY_UNION_AGG',
    'array_union_agg',
    sql`SELECT ARRAY_SIZE(ARRAY_UNION_AGG(a) OVER ()) FROM union_test`,
    [[4], [4]],
    'usable as a window function (Usage notes): every row sees the union of the partition',
    { setup: unionTest },
  ),
  docSemantics('ARRAY_UNION_AGG', 'array_union_agg', sql`SELECT ARRAY_UNION_AGG(a, a) FROM union_test`, undefined, 'the syntax takes one column', { error: '001003', setup: unionTest }),

  // UUID_STRING(uuid, name)
  docEx('UUID_STRING', 'uuid_string', sql`SELECT UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d','foo')`, [['dc0b6f65-fca6-5b4b-9d37-ccc3fde1f3e2']], 'the version-5 example'),
  docSemantics(
    'UUID_STRING',
    'uuid_string',
    sql`SELECT UUID_STRING('FE971B24-9572-4005-B22F-351E9C09274D', 'foo') = UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d', 'foo'), SUBSTR(UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d', 'bar'), 15, 1)`,
    [[true, '5']],
    'a version-5 UUID is named (deterministic), and RFC 4122 version 5 puts 5 in the version digit; the namespace is read as a 128-bit value, so its hex case does not matter',
  ),
  docSemantics('UUID_STRING', 'uuid_string', sql`SELECT UUID_STRING('not-a-uuid', 'foo')`, undefined, "the first argument must be a UUID (the namespace); no published error code was found, the engine's generic 100000 is used", { error: '100000' }),
  docSemantics('UUID_STRING', 'uuid_string', sql`SELECT UUID_STRING('fe971b24-9572-4005-b22f-351e9c09274d')`, undefined, 'the syntax is UUID_STRING() or UUID_STRING(uuid, name): one argument is a compilation error', { error: '001003' }),
];
