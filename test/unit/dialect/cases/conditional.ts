import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql, table } from './docHelpers';

// Conditional expression functions: IFF, DECODE, NVL, NVL2, COALESCE, GREATEST, EQUAL_NULL, NULLIFZERO.

const x = `(SELECT column1 AS i FROM (VALUES (1), (2), (NULL)) AS v(column1))`;
const ORDERED = 'ORDER BY x1.i, x2.i added (the doc query has none; its rows are listed in this order or reordered here to it)';

export const CONDITIONAL_CASES: FunctionCase[] = [
  docEx('IFF', 'iff', sql`SELECT IFF(TRUE, 'true', 'false')`, [['true']]),
  docEx('IFF', 'iff', sql`SELECT IFF(FALSE, 'true', 'false')`, [['false']]),
  docEx('IFF', 'iff', sql`SELECT IFF(NULL, 'true', 'false')`, [['false']]),
  docEx('IFF', 'iff', sql`SELECT IFF(TRUE, NULL, 'false')`, [[null]]),
  docEx(
    'IFF',
    'iff',
    sql`SELECT value, IFF(value::INT = value, 'integer', 'non-integer') FROM (SELECT column1 AS value FROM (VALUES (1.0), (1.1), (-3.1415), (-5.000), (NULL)) AS v(column1)) ORDER BY value DESC`,
    [[null, 'non-integer'], [1.1, 'non-integer'], [1, 'integer'], [-3.1415, 'non-integer'], [-5, 'integer']],
    'FROM VALUES(…) written as FROM (VALUES …) AS v(column1); DESC puts NULL first (Snowflake default)',
  ),
  docEx('IFF', 'iff', sql`SELECT value, IFF(value > 50, 'High', 'Low') FROM (SELECT column1 AS value FROM (VALUES (22), (63), (5), (99), (NULL)) AS v(column1))`, [[22, 'Low'], [63, 'High'], [5, 'Low'], [99, 'High'], [null, 'Low']], 'FROM VALUES(…) written as FROM (VALUES …) AS v(column1)'),

  docEx('DECODE', 'decode', sql`SELECT column1, decode(column1, 1, 'one', 2, 'two', NULL, '-NULL-', 'other') AS decode_result FROM ${table('d', ['column1'], ['1', '2', 'NULL', '4'])}`, [[1, 'one'], [2, 'two'], [null, '-NULL-'], [4, 'other']], 'doc table d inlined'),
  docEx('DECODE', 'decode', sql`SELECT column1, decode(column1, 1, 'one', 2, 'two', NULL, '-NULL-') AS decode_result FROM ${table('d', ['column1'], ['1', '2', 'NULL', '4'])}`, [[1, 'one'], [2, 'two'], [null, '-NULL-'], [4, null]], 'doc table d inlined'),

  docEx(
    'NVL2',
    'nvl2',
    sql`SELECT a, b, c, NVL2(a, b, c) FROM ${table('i2', ['a', 'b', 'c'], ['0, 5, 3', '0, 5, NULL', '0, NULL, 3', '0, NULL, NULL', 'NULL, 5, 3', 'NULL, 5, NULL', 'NULL, NULL, 3', 'NULL, NULL, NULL'])}`,
    [[0, 5, 3, 5], [0, 5, null, 5], [0, null, 3, null], [0, null, null, null], [null, 5, 3, 3], [null, 5, null, null], [null, null, 3, 3], [null, null, null, null]],
    'the doc does not show its table i2; its rows are the eight rows of the doc output',
  ),
  docEx(
    'NVL',
    'nvl',
    sql`SELECT supplier_id, supplier_name, phone_region_1, phone_region_2, NVL(phone_region_1, phone_region_2) IF_REGION_1_NULL, NVL(phone_region_2, phone_region_1) IF_REGION_2_NULL FROM ${table('suppliers', ['supplier_id', 'supplier_name', 'phone_region_1', 'phone_region_2'], ["1, 'Company_ABC', NULL, '555-01111'", "2, 'Company_DEF', '555-01222', NULL", "3, 'Company_HIJ', '555-01333', '555-01444'", "4, 'Company_KLM', NULL, NULL"])} ORDER BY supplier_id`,
    [
      [1, 'Company_ABC', null, '555-01111', '555-01111', '555-01111'],
      [2, 'Company_DEF', '555-01222', null, '555-01222', '555-01222'],
      [3, 'Company_HIJ', '555-01333', '555-01444', '555-01333', '555-01444'],
      [4, 'Company_KLM', null, null, null, null],
    ],
    'doc table suppliers inlined',
  ),
  docEx(
    'COALESCE',
    'coalesce',
    sql`SELECT column1, column2, column3, COALESCE(column1, column2, column3) AS coalesce_result FROM (values (1, 2, 3), (null, 2, 3), (null, null, 3), (null, null, null), (1, null, 3), (1, null, null), (1, 2, null)) v`,
    [[1, 2, 3, 1], [null, 2, 3, 2], [null, null, 3, 3], [null, null, null, null], [1, null, 3, 1], [1, null, null, 1], [1, 2, null, 1]],
  ),
  docEx('GREATEST', 'greatest', sql`SELECT col_1, col_2, col_3, GREATEST(col_1, col_2, col_3) AS greatest FROM ${table('test_table_1_greatest', ['col_1', 'col_2', 'col_3', 'col_4'], ['1, 2, 3, 4.00::FLOAT', '2, 4, -1, -2.00::FLOAT', '3, 6, NULL, 13.45::FLOAT'])} ORDER BY col_1`, [[1, 2, 3, 3], [2, 4, -1, 4], [3, 6, null, null]], 'doc table inlined'),
  docEx('GREATEST', 'greatest', sql`SELECT col_1, col_4, GREATEST(col_1, col_4) AS greatest FROM ${table('test_table_1_greatest', ['col_1', 'col_2', 'col_3', 'col_4'], ['1, 2, 3, 4.00::FLOAT', '2, 4, -1, -2.00::FLOAT', '3, 6, NULL, 13.45::FLOAT'])} ORDER BY col_1`, [[1, 4, 4], [2, -2, 2], [3, 13.45, 13.45]], 'doc table inlined'),

  docEx('EQUAL_NULL', 'equal_null', sql`SELECT x1.i x1_i, x2.i x2_i FROM ${x} x1, ${x} x2 ORDER BY x1.i, x2.i`, [[1, 1], [1, 2], [1, null], [2, 1], [2, 2], [2, null], [null, 1], [null, 2], [null, null]], 'doc table x inlined'),
  docEx('EQUAL_NULL', 'equal_null', sql`SELECT x1.i x1_i, x2.i x2_i FROM ${x} x1, ${x} x2 WHERE x1.i = x2.i ORDER BY x1.i`, [[1, 1], [2, 2]], 'doc table x inlined; ORDER BY added'),
  docEx('EQUAL_NULL', 'equal_null', sql`SELECT x1.i x1_i, x2.i x2_i FROM ${x} x1, ${x} x2 WHERE EQUAL_NULL(x1.i, x2.i) ORDER BY x1.i`, [[1, 1], [2, 2], [null, null]], 'doc table x inlined; ORDER BY added'),
  docEx(
    'EQUAL_NULL',
    'equal_null',
    sql`SELECT x1.i x1_i, x2.i x2_i, x1.i = x2.i, IFF(x1.i = x2.i, 'Selected', 'Not') "SELECT IF X1.I=X2.I", x1.i <> x2.i, IFF(NOT(x1.i = x2.i), 'Selected', 'Not') "SELECT IF X1.I<>X2.I" FROM ${x} x1, ${x} x2 ORDER BY x1.i, x2.i`,
    [
      [1, 1, true, 'Selected', false, 'Not'], [1, 2, false, 'Not', true, 'Selected'], [1, null, null, 'Not', null, 'Not'],
      [2, 1, false, 'Not', true, 'Selected'], [2, 2, true, 'Selected', false, 'Not'], [2, null, null, 'Not', null, 'Not'],
      [null, 1, null, 'Not', null, 'Not'], [null, 2, null, 'Not', null, 'Not'], [null, null, null, 'Not', null, 'Not'],
    ],
    'doc table x inlined; ' + ORDERED,
  ),
  docEx(
    'EQUAL_NULL',
    'equal_null',
    sql`SELECT x1.i x1_i, x2.i x2_i, EQUAL_NULL(x1.i, x2.i), IFF(EQUAL_NULL(x1.i, x2.i), 'Selected', 'Not') "SELECT IF EQUAL_NULL(X1.I,X2.I)", NOT EQUAL_NULL(x1.i, x2.i), IFF(NOT EQUAL_NULL(x1.i, x2.i), 'Selected', 'Not') "SELECT IF NOT(EQUAL_NULL(X1.I,X2.I))" FROM ${x} x1, ${x} x2 ORDER BY x1.i, x2.i`,
    [
      [1, 1, true, 'Selected', false, 'Not'], [1, 2, false, 'Not', true, 'Selected'], [1, null, false, 'Not', true, 'Selected'],
      [2, 1, false, 'Not', true, 'Selected'], [2, 2, true, 'Selected', false, 'Not'], [2, null, false, 'Not', true, 'Selected'],
      [null, 1, false, 'Not', true, 'Selected'], [null, 2, false, 'Not', true, 'Selected'], [null, null, true, 'Selected', false, 'Not'],
    ],
    'doc table x inlined; ' + ORDERED,
  ),
  docEx('NULLIFZERO', 'nullifzero', sql`SELECT NULLIFZERO(0)`, [[null]]),
  docEx('NULLIFZERO', 'nullifzero', sql`SELECT NULLIFZERO(52)`, [[52]]),
  docEx('NULLIFZERO', 'nullifzero', sql`SELECT NULLIFZERO(3.14159)`, [[3.14159]]),
];
