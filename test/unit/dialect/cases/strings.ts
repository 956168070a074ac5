import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, known, sql } from './docHelpers';

// String functions: CONCAT_WS, …

const concatEx = ['CREATE OR REPLACE TABLE concat_function_example (s1 VARCHAR, s2 VARCHAR, s3 VARCHAR)', "INSERT INTO concat_function_example (s1, s2, s3) VALUES ('co', 'd', 'e'), ('Colorado ', 'River ', NULL)"];
const TRAILING = "the doc's text table cannot show the trailing blank of 'Colorado River ' ('Colorado ' || 'River ')";
const replaceEx = ['CREATE OR REPLACE TABLE replace_example(subject VARCHAR(10), pattern VARCHAR(10), replacement VARCHAR(10))', "INSERT INTO replace_example VALUES ('old car', 'old car', 'new car'), ('sad face', 'sad', 'happy'), ('snowman', 'snow', 'fire')"];

export const STRING_CASES: FunctionCase[] = [
  docEx('CONCAT', 'concat', sql`SELECT CONCAT('George Washington ', 'Carver')`, [['George Washington Carver']]),
  known(docEx('CONCAT', 'concat', sql`SELECT CONCAT($var_first_name, ' ', $var_middle_name, ' ', $var_last_name) AS concat_name`, [['George Washington Carver']], undefined, { setup: ["SET var_first_name = 'George'", "SET var_middle_name = 'Washington'", "SET var_last_name = 'Carver'"] }), "Session variables (SET name = value; $name) are not supported: SET fails with 'unrecognized configuration parameter'."),
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
];
