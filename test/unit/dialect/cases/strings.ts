import type { Cell, FunctionCase } from '../snowflakeFunctionCases';
import { docEx, page, sql } from './docHelpers';

/** Self-made input whose answer follows from the rules (Arguments, Returns, Usage notes) on a doc page. */
const docRule = (fn: string, p: string, statement: string, rows: Cell[][], rule: string): FunctionCase => ({ ...docEx(fn, p, statement, rows, rule), source: `semantics ${page(p)}` });

// String functions: CONCAT_WS, …

const concatEx = ['CREATE OR REPLACE TABLE concat_function_example (s1 VARCHAR, s2 VARCHAR, s3 VARCHAR)', "INSERT INTO concat_function_example (s1, s2, s3) VALUES ('co', 'd', 'e'), ('Colorado ', 'River ', NULL)"];
const TRAILING = "the doc's text table cannot show the trailing blank of 'Colorado River ' ('Colorado ' || 'River ')";
const replaceEx = ['CREATE OR REPLACE TABLE replace_example(subject VARCHAR(10), pattern VARCHAR(10), replacement VARCHAR(10))', "INSERT INTO replace_example VALUES ('old car', 'old car', 'new car'), ('sad face', 'sad', 'happy'), ('snowman', 'snow', 'fire')"];

const pos = `(SELECT column1 AS n, column2 AS h FROM (VALUES ('', ''), ('', 'sth'), ('43', '41424344'), ('a', NULL), ('dog', 'catalog'), ('log', 'catalog'), ('lésine', 'le péché, la lésine'), ('nicht', 'Ich weiß nicht'), ('sth', ''), ('☃c', '☃a☃b☃c☃d'), ('☃☃', 'bunch of ☃☃☃☃'), ('❄c', '❄a☃c❄c☃'), (NULL, 'a'), (NULL, NULL)) AS v(column1, column2)) AS pos`;

const contact = [
  'CREATE OR REPLACE TABLE customer_contact_example (cust_id INT, cust_email VARCHAR, cust_phone VARCHAR, activation_date VARCHAR)',
  "INSERT INTO customer_contact_example VALUES (1, 'some_text@example.com', '800-555-0100', '20210320'), (2, 'some_other_text@example.org', '800-555-0101', '20240509'), (3, 'some_different_text@example.net', '800-555-0102', '20191017')",
];
const CONTACT_NOTE = "the doc creates the table with CREATE TABLE (columns) AS SELECT … FROM VALUES …, which is a syntax error here (missing dialect rule); setup creates it and INSERTs the same rows";
const collation1 = ["CREATE OR REPLACE TABLE collation1 (v VARCHAR COLLATE 'es')", "INSERT INTO collation1 (v) VALUES ('ñ')"];
const collationDemo = ["CREATE OR REPLACE TABLE collation_demo (spanish_phrase VARCHAR COLLATE 'es')", "INSERT INTO collation_demo (spanish_phrase) VALUES ('piña colada'), ('Pinatubo (Mount)'), ('pint'), ('Pinta')"];
const huStrings = ["CREATE OR REPLACE TABLE strings (s1 VARCHAR COLLATE 'en', s2 VARCHAR COLLATE 'hu')", "INSERT INTO strings (s1, s2) VALUES ('dzsa', COLLATE('dzsa', 'hu'))"];
const strings = ['CREATE OR REPLACE TABLE strings (s VARCHAR)', "INSERT INTO strings VALUES ('coffee'), ('ice tea'), ('latte'), ('tea'), (NULL)"];

export const STRING_CASES: FunctionCase[] = [
  docEx('LEFT', 'left', sql`SELECT LEFT('ABCDEF', 3)`, [['ABC']]),
  docEx('LEFT', 'left', sql`SELECT * from customer_contact_example`, [[1, 'some_text@example.com', '800-555-0100', '20210320'], [2, 'some_other_text@example.org', '800-555-0101', '20240509'], [3, 'some_different_text@example.net', '800-555-0102', '20191017']], CONTACT_NOTE, { setup: contact }),
  docEx('LEFT', 'left', sql`SELECT cust_id, cust_email, LEFT(cust_email, POSITION('@' IN cust_email) - 1) AS username FROM customer_contact_example`, [[1, 'some_text@example.com', 'some_text'], [2, 'some_other_text@example.org', 'some_other_text'], [3, 'some_different_text@example.net', 'some_different_text']], CONTACT_NOTE, { setup: contact, also: ['CHARINDEX'] }),
  docEx('LEFT', 'left', sql`SELECT cust_id, cust_phone, LEFT(cust_phone, 3) AS area_code FROM customer_contact_example`, [[1, '800-555-0100', '800'], [2, '800-555-0101', '800'], [3, '800-555-0102', '800']], CONTACT_NOTE, { setup: contact }),
  docEx('LEFT', 'left', sql`SELECT cust_id, activation_date, LEFT(activation_date, 4) AS year FROM customer_contact_example`, [[1, '20210320', '2021'], [2, '20240509', '2024'], [3, '20191017', '2019']], CONTACT_NOTE, { setup: contact }),
  docEx('STARTSWITH', 'startswith', sql`select * from strings`, [['coffee'], ['ice tea'], ['latte'], ['tea'], [null]], 'the doc does not show how its table strings is made; setup inserts its five rows', { setup: strings }),
  docEx('STARTSWITH', 'startswith', sql`select * from strings where startswith(s, 'te')`, [['tea']], 'the doc does not show how its table strings is made; setup inserts its five rows', { setup: strings }),
  docEx('CHARINDEX', 'charindex', sql`select charindex('an', 'banana', 1)`, [[2]]),
  docEx('CHARINDEX', 'charindex', sql`select charindex('an', 'banana', 3)`, [[4]]),
  docEx(
    'CHARINDEX',
    'charindex',
    sql`SELECT n, h, CHARINDEX(n, h) FROM ${pos}`,
    [['', '', 1], ['', 'sth', 1], ['43', '41424344', 5], ['a', null, null], ['dog', 'catalog', 0], ['log', 'catalog', 5], ['lésine', 'le péché, la lésine', 14], ['nicht', 'Ich weiß nicht', 10], ['sth', '', 0], ['☃c', '☃a☃b☃c☃d', 5], ['☃☃', 'bunch of ☃☃☃☃', 10], ['❄c', '❄a☃c❄c☃', 5], [null, 'a', null], [null, null, null]],
    'the doc does not show its table pos; its rows are the doc output rows, inlined as VALUES',
  ),
  docEx('CHARINDEX', 'charindex', sql`SELECT CHARINDEX(X'EF', X'ABCDEF')`, [[3]]),
  docEx('CHARINDEX', 'charindex', sql`SELECT CHARINDEX(X'BC', X'ABCD')`, [[0]]),
  docEx('POSITION', 'position', sql`SELECT POSITION('an', 'banana', 1), POSITION('an', 'banana', 3)`, [[2, 4]], 'two doc statements in one SELECT'),
  docEx('POSITION', 'position', sql`SELECT POSITION(X'EF', X'ABCDEF'), POSITION(X'BC', X'ABCD')`, [[3, 0]], 'two doc statements in one SELECT'),
  docEx(
    'POSITION',
    'position',
    sql`SELECT n, h, POSITION(n IN h) FROM ${pos}`,
    [['', '', 1], ['', 'sth', 1], ['43', '41424344', 5], ['a', null, null], ['dog', 'catalog', 0], ['log', 'catalog', 5], ['lésine', 'le péché, la lésine', 14], ['nicht', 'Ich weiß nicht', 10], ['sth', '', 0], ['☃c', '☃a☃b☃c☃d', 5], ['☃☃', 'bunch of ☃☃☃☃', 10], ['❄c', '❄a☃c❄c☃', 5], [null, 'a', null], [null, null, null]],
    'the doc does not show its table pos; its rows are the doc output rows, inlined as VALUES',
  ),
  docRule('STRTOK', 'strtok', sql`SELECT STRTOK('a.b', '.', 0), STRTOK('a.b', '.', -1), STRTOK('a..b', '.', 2)`, [[null, null, 'b']], 'a token number out of range gives NULL; STRTOK never returns an empty token'),
  docRule('REVERSE', 'reverse', sql`SELECT REVERSE(X'ABCDEF') = X'EFCDAB', REVERSE(NULL)`, [[true, null]], 'REVERSE reverses the bytes of a binary value; a NULL subject gives NULL'),
  docEx('COLLATE', 'collate', sql`SELECT v, v = 'ñ' AS "COMPARISON TO LOWER CASE", v = 'Ñ' AS "COMPARISON TO UPPER CASE", COLLATE(v, 'es-ci'), COLLATE(v, 'es-ci') = 'Ñ' FROM collation1`, [['ñ', true, false, 'ñ', true]], undefined, { setup: collation1, also: ["COLLATE 'spec'"] }),
  { ...docRule('COLLATE', 'collate', sql`SELECT spanish_phrase FROM collation_demo ORDER BY spanish_phrase COLLATE 'utf8'`, [['Pinatubo (Mount)'], ['Pinta'], ['pint'], ['piña colada']], "the collate page: the infix form returns what ORDER BY COLLATE(spanish_phrase, 'utf8') does, the LISTAGG page's utf8_collation order"), setup: collationDemo, also: ["COLLATE 'spec'"] },
  docEx('REVERSE', 'reverse', sql`SELECT s1, s2, REVERSE(s1), REVERSE(s2) FROM strings`, [['dzsa', 'dzsa', 'aszd', 'aszd']], 'setup uses CREATE OR REPLACE TABLE where the doc has CREATE TABLE (the corpus shares one database)', { setup: huStrings, also: ['COLLATE', "COLLATE 'spec'"] }),
  docRule('CHARINDEX', 'charindex', sql`SELECT CHARINDEX('a', 'abc', 4), CHARINDEX('', 'abc', 10), CHARINDEX(X'CD', X'ABCDCD', 3), CHARINDEX(X'CD', X'ABCDCD', 4), CHARINDEX(NULL, X'AB'), CHARINDEX('a', 'abc', NULL)`, [[0, 0, 3, 0, null, null]], 'a start_pos beyond the end gives 0; BINARY positions count bytes; any NULL argument gives NULL'),
  docRule('SUBSTR', 'substr', sql`SELECT SUBSTR('mystring', -9, 3), SUBSTR('mystring', -8, 3), SUBSTR('mystring', 20), SUBSTR('mystring', 3, -1), SUBSTR('mystring', 0), SUBSTR('mystring', NULL)`, [['', 'mys', '', '', 'mystring', null]], 'a negative start counts from the end, outside the value gives an empty value; a negative length gives an empty string; start 0 is 1; any NULL gives NULL'),
  docRule('SUBSTR', 'substr', sql`SELECT SUBSTR(X'ABCDEF', 2) = X'CDEF', SUBSTR(X'ABCDEF', -1, 1) = X'EF', SUBSTR(X'ABCDEF', 2, 1) = X'CD', SUBSTR(X'ABCDEF', -5) = X'', SUBSTR(X'ABCDEF', 2, NULL)`, [[true, true, true, true, null]], 'BINARY: start and length count bytes, and the result is BINARY'),
  docEx('CONCAT', 'concat', sql`SELECT CONCAT('George Washington ', 'Carver')`, [['George Washington Carver']]),
  docEx('CONCAT', 'concat', sql`SELECT CONCAT($var_first_name, ' ', $var_middle_name, ' ', $var_last_name) AS concat_name`, [['George Washington Carver']], undefined, { setup: ["SET var_first_name = 'George'", "SET var_middle_name = 'Washington'", "SET var_last_name = 'Carver'"] }),
  docEx('CONCAT', 'concat', sql`SELECT CONCAT(s1, s2) FROM concat_function_example`, [['cod'], ['Colorado River ']], TRAILING, { setup: concatEx }),
  docEx('CONCAT', 'concat', sql`SELECT CONCAT(s1, s2, s3) FROM concat_function_example`, [['code'], [null]], undefined, { setup: concatEx }),
  docEx('CONCAT', 'concat', sql`SELECT CONCAT(IFF(s1 IS NULL, '', s1), IFF(s2 IS NULL, '', s2), IFF(s3 IS NULL, '', s3)) AS concat_non_null_strings FROM concat_function_example`, [['code'], ['Colorado River ']], TRAILING, { setup: concatEx }),
  docEx('CONCAT', 'concat', sql`SELECT 'This ' || 'is ' || 'another ' || 'concatenation ' || 'technique.'`, [['This is another concatenation technique.']]),
  docEx('REPLACE', 'replace', sql`SELECT REPLACE('down', 'down', 'up')`, [['up']]),
  docEx('REPLACE', 'replace', sql`SELECT REPLACE('Vacation in Athens', 'Athens', 'Rome')`, [['Vacation in Rome']]),
  docEx('REPLACE', 'replace', sql`SELECT REPLACE('abcd', 'bc')`, [['ad']]),
  docEx('REPLACE', 'replace', sql`SELECT subject, pattern, replacement, REPLACE(subject, pattern, replacement) AS new FROM replace_example ORDER BY subject`, [['old car', 'old car', 'new car', 'new car'], ['sad face', 'sad', 'happy', 'happy face'], ['snowman', 'snow', 'fire', 'fireman']], undefined, { setup: replaceEx }),
  docEx('CONCAT_WS', 'concat_ws', sql`SELECT CONCAT_WS(',', 'one', 'two', 'three')`, [['one,two,three']]),
  docEx('CONCAT_WS', 'concat_ws', sql`SELECT CONCAT_WS(',', 'one', NULL, 'two')`, [[null]]),
  docEx('CONCAT_WS', 'concat_ws', sql`SELECT CONCAT_WS(',', 'one')`, [['one']]),
  docRule('REGEXP_REPLACE', 'regexp_replace', sql`SELECT REGEXP_REPLACE('abc', 'b', NULL), REGEXP_REPLACE(NULL, 'b', 'x'), REGEXP_REPLACE('abc', 'b', 'x', 1, NULL), REGEXP_REPLACE('abc', 'b', 'x', 1, 0, NULL)`, [[null, null, null, null]], 'Returns NULL if any argument is NULL.'),
  docRule('REGEXP_REPLACE', 'regexp_replace', sql`SELECT REGEXP_REPLACE('abcabc', 'b', 'x', 1, 3), REGEXP_REPLACE('abcabc', 'b', 'x', 1, 2), REGEXP_REPLACE('abcabc', 'b', 'x', 3, 1)`, [['abcabc', 'abcaxc', 'abcaxc']], 'occurrence n replaces only the n-th match (counted from position); if no matches are found, returns the original subject'),
  docRule('REGEXP_REPLACE', 'regexp_replace', sql`SELECT REGEXP_REPLACE('abc', '()', '*', 1, 2), REGEXP_REPLACE('abc', '', 'x')`, [['a*bc', 'abc']], "functions-regexp: an empty group matches between characters, including the beginning; an empty pattern matches nothing"),
  docRule('REGEXP_REPLACE', 'regexp_replace', sql`SELECT REGEXP_REPLACE('snow SNOW', 'snow', 'x', 1, 0, 'ic'), REGEXP_REPLACE('snow SNOW', 'snow', 'x', 1, 0, 'ci'), REGEXP_REPLACE('snow SNOW snow', 'SNOW', 'x', 1, 2, 'i')`, [['x SNOW', 'x x', 'snow x snow']], 'functions-regexp parameters: of c and i the one that occurs last wins'),
  docRule('REGEXP_REPLACE', 'regexp_replace', sql`SELECT REGEXP_REPLACE('a' || CHR(10) || 'b', '^b', 'x', 1, 0, 'm'), REGEXP_REPLACE('a' || CHR(10) || 'b', '^b', 'x'), REGEXP_REPLACE('a' || CHR(10) || 'b', 'a.b', 'x', 1, 0, 's'), REGEXP_REPLACE('a' || CHR(10) || 'b', 'a.b', 'x')`, [['a\nx', 'a\nb', 'x', 'a\nb']], 'functions-regexp parameters: m makes ^ and $ mark the beginning and end of any line; s lets . match a newline (by default neither)'),
];
