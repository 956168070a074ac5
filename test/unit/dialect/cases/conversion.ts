import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql } from './docHelpers';

// Conversion functions: TO_NUMBER / TO_DECIMAL, …

const numberConv = ['CREATE OR REPLACE TABLE number_conv(expr VARCHAR)', "INSERT INTO number_conv VALUES ('12.3456'), ('98.76546')"];
const VALUES_NOTE = 'FROM VALUES … written as FROM (VALUES …) AS v(column1)';

const testBoolean = ['CREATE OR REPLACE TABLE test_boolean(b BOOLEAN, n NUMBER, s STRING)', "INSERT INTO test_boolean VALUES (true, 1, 'yes'), (false, 0, 'no'), (null, null, null)"];

const V = (x: string): string => `(VALUES ('${x}')) AS v(column1)`;
const TRY_NOTE = 'FROM VALUES (…) written as FROM (VALUES (…)) AS v(column1)';

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
  { ...docEx('TO_NUMBER', 'to_decimal', sql`SELECT TO_DECIMAL('ae5', 'XX')`, [], "100140 (22007): Can't parse 'ae5' as number with format 'XX'"), rows: undefined, error: '100140' },
];
