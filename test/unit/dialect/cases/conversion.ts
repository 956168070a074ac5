import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, docSemantics, sql } from './docHelpers';

// Conversion functions: TO_NUMBER / TO_DECIMAL, …

const numberConv = ['CREATE OR REPLACE TABLE number_conv(expr VARCHAR)', "INSERT INTO number_conv VALUES ('12.3456'), ('98.76546')"];
const VALUES_NOTE = 'FROM VALUES … written as FROM (VALUES …) AS v(column1)';

const testBoolean = ['CREATE OR REPLACE TABLE test_boolean(b BOOLEAN, n NUMBER, s STRING)', "INSERT INTO test_boolean VALUES (true, 1, 'yes'), (false, 0, 'no'), (null, null, null)"];

const V = (x: string): string => `(VALUES ('${x}')) AS v(column1)`;
const TRY_NOTE = 'FROM VALUES (…) written as FROM (VALUES (…)) AS v(column1)';

const semantics = docSemantics;
const FORMAT_MODELS = '../sql-format-models';

export const CONVERSION_CASES: FunctionCase[] = [
  { ...docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TO_DECIMAL(column1) AS dec, TO_DECIMAL(column1, 10, 2) AS dec_with_scale, TO_DECIMAL(column1, 4, 2) AS dec_with_range_err FROM ${V('345.123')}`, [], TRY_NOTE + "; the doc's error: 100039 (22003) Numeric value '345.123' is out of range"), rows: undefined, error: '100039' },
  docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1) AS dec, TRY_TO_DECIMAL(column1, 10, 2) AS dec_with_scale, TRY_TO_DECIMAL(column1, 4, 2) AS dec_with_range_err FROM ${V('345.123')}`, [['345.123', 345, 345.12, null]], TRY_NOTE),
  docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1, '$9,999.00') AS num, TRY_TO_DECIMAL(column1, '$9,999.00', 6, 2) AS num_with_scale, TRY_TO_DECIMAL(column1, 6, 2) AS num_with_format_err FROM ${V('$7,543.21')}`, [['$7,543.21', 7543, 7543.21, null]], TRY_NOTE),
  { ...docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TO_DECIMAL(column1) AS num FROM ${V('aaa')}`, [], TRY_NOTE + "; the doc's error: 100038 (22018) Numeric value 'aaa' is not recognized"), rows: undefined, error: '100038' },
  docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TRY_TO_DECIMAL(column1) AS num FROM ${V('aaa')}`, [['aaa', null]], TRY_NOTE),
  docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TO_DECIMAL(column1, 'XXX') AS to_decimal_num, TRY_TO_DECIMAL(column1, 'XXX') AS try_to_decimal_num FROM ${V('aaa')}`, [['aaa', 2730, 2730]], TRY_NOTE),
  docEx('TO_BOOLEAN', 'to_boolean', sql`SELECT * FROM test_boolean`, [[true, 1, 'yes'], [false, 0, 'no'], [null, null, null]], undefined, { setup: testBoolean }),
  docEx('TO_BOOLEAN', 'to_boolean', sql`SELECT s, TO_BOOLEAN(s) FROM test_boolean`, [['yes', true], ['no', false], [null, null]], undefined, { setup: testBoolean }),
  docEx('TO_BOOLEAN', 'to_boolean', sql`SELECT n, TO_BOOLEAN(n) FROM test_boolean`, [[1, true], [0, false], [null, null]], undefined, { setup: testBoolean }),
  docEx('TO_NUMBER', 'to_decimal', sql`SELECT expr, TO_NUMBER(expr), TO_NUMBER(expr, 10, 1), TO_NUMBER(expr, 10, 8) FROM number_conv`, [['12.3456', 12, 12.3, 12.3456], ['98.76546', 99, 98.8, 98.76546]], undefined, { setup: numberConv }),
  { ...docEx('TO_NUMBER', 'to_decimal', sql`SELECT expr, TO_NUMBER(expr, 10, 9) FROM number_conv`, [], '100039 (22003): Numeric value out of range', { setup: numberConv }), rows: undefined, error: '100039' },
  docEx(
    'TO_NUMBER',
    'to_decimal',
    sql`SELECT column1, TO_DECIMAL(column1, '99.9') as D0, TO_DECIMAL(column1, '99.9', 9, 5) as D5, TO_DECIMAL(column1, 'TM9', 9, 5) as TD5 FROM (VALUES ('1.0'), ('-12.3'), ('0.0'), ('- 0.1')) AS v(column1)`,
    [['1.0', 1, 1, 1], ['-12.3', -12, -12.3, -12.3], ['0.0', 0, 0, 0], ['- 0.1', 0, -0.1, -0.1]],
    VALUES_NOTE,
  ),
  docEx('TO_NUMBER', 'to_decimal', sql`SELECT column1, TO_DECIMAL(column1, '9,999.99', 6, 2) as convert_number FROM (VALUES ('3,741.72')) AS v(column1)`, [['3,741.72', 3741.72]], VALUES_NOTE),
  docEx('TO_NUMBER', 'to_decimal', sql`SELECT column1, TO_DECIMAL(column1, '$9,999.99', 6, 2) as convert_currency FROM (VALUES ('$3,741.72')) AS v(column1)`, [['$3,741.72', 3741.72]], VALUES_NOTE),
  docEx('TO_NUMBER', 'to_decimal', sql`SELECT TO_DECIMAL('ae5', 'XXX')`, [[2789]]),
  { ...docEx('TRY_TO_NUMBER', 'try_to_decimal', sql`SELECT column1 AS orig_string, TO_DECIMAL(column1, '$9,999.00') AS num, TO_DECIMAL(column1, '$9,999.00', 6, 2) AS num_with_scale, TO_DECIMAL(column1, 6, 2) AS num_with_format_err FROM ${V('$7,543.21')}`, [], TRY_NOTE + "; the doc's error: 100038 (22018) Numeric value '$7,543.21' is not recognized"), rows: undefined, error: '100038' },
  docEx('TO_NUMBER', FORMAT_MODELS, sql`SELECT TO_NUMBER('012,345.67', '999,999.99', 8, 2), TO_NUMBER('12,345.67', '999,999.99', 8, 2), TO_NUMBER(' 12,345.67', '999,999.99', 8, 2), TO_NUMBER('012,345.67', '000,000.00', 8, 2)`, [[12345.67, 12345.67, 12345.67, 12345.67]], "the input examples of the SQL format models page, in one SELECT ('All of the following convert the input to the number 12,345.67')"),
  semantics('TRY_TO_NUMBER', FORMAT_MODELS, sql`SELECT TRY_TO_NUMBER('12,345.67', '000,000.00', 8, 2), TRY_TO_NUMBER(' 12,345.67', '000,000.00', 8, 2), TRY_TO_NUMBER('1,2345.67', '999,999.99', 8, 2), TRY_TO_NUMBER('12345.67', '999,999.99', 8, 2)`, [[null, null, null, 12345.67]], "'0' elements need digits (the page's examples 'will not convert'; TRY_ gives NULL); group separators are optional in lax mode but the digits between them must match"),
  semantics('TO_NUMBER', FORMAT_MODELS, sql`SELECT v, TO_NUMBER(v, 'MI999|999MI') FROM (VALUES ('-101'), ('102-'), ('103')) AS t(v) ORDER BY 2`, [['102-', -102], ['-101', -101], ['103', 103]], "the page's format1 example (UPDATE … TO_NUMBER(v, 'MI999|999MI')) as a SELECT: '|' separates alternative formats, MI places the minus sign"),
  { ...semantics('TO_NUMBER', FORMAT_MODELS, sql`SELECT TO_NUMBER('102-')`, [], "the page's format1 example: without a format model '102-' fails with \"Numeric value '102-' is not recognized\""), rows: undefined, error: '100038' },
  semantics('TO_NUMBER', FORMAT_MODELS, sql`SELECT TO_DECIMAL('1.5E3', 'TM'), TRY_TO_DECIMAL('1.5E3', 'TM9'), TO_DECIMAL('-$12', '$99'), TO_DECIMAL('.5', 'B9.9', 3, 1), TRY_TO_DECIMAL('.5', '9.9', 3, 1)`, [[1500, null, -12, 0.5, null]], 'TM matches positional and scientific notation, TM9 positional only; the sign goes before $; B allows an empty integer part'),
  semantics('TO_NUMBER', 'to_decimal', sql`SELECT TO_DECIMAL(NULL), TO_DECIMAL(NULL, '99.9'), TRY_TO_DECIMAL(NULL, 'XX', 10, 2)`, [[null, null, null]], 'For NULL input, returns NULL'),
  { ...docEx('TO_NUMBER', 'to_decimal', sql`SELECT TO_DECIMAL('ae5', 'XX')`, [], "100140 (22007): Can't parse 'ae5' as number with format 'XX'"), rows: undefined, error: '100140' },
];
