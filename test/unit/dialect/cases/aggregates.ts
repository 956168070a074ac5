import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql } from './docHelpers';

// Aggregate functions (and their window forms): MEDIAN, MODE, PERCENTILE_CONT, COUNT_IF, BOOLAND_AGG,
// ARRAY_AGG, LISTAGG. Doc tables are created by `setup` exactly as the doc does.

const aggrEmpty = ['CREATE OR REPLACE TABLE aggr (k INT, v DECIMAL(10,2))'];
const medianAggr = [...aggrEmpty, 'INSERT INTO aggr VALUES (1, 10), (1, 20), (1, 21)', 'INSERT INTO aggr VALUES (2, 10), (2, 20), (2, 25), (2, 30)', 'INSERT INTO aggr VALUES (3, NULL)'];
const mode1 = [...aggrEmpty, 'INSERT INTO aggr (k, v) VALUES (1, 10), (1, 10), (1, 10), (1, 10), (1, 20), (1, 21)'];
const mode2 = [...mode1, 'INSERT INTO aggr (k, v) VALUES (2, 20), (2, 20), (2, 25), (2, 30)'];
const mode3 = [...mode2, 'INSERT INTO aggr (k, v) VALUES (3, NULL)'];
const basic = ['CREATE OR REPLACE TABLE basic_example (i_col INTEGER, j_col INTEGER)', 'INSERT INTO basic_example VALUES (11, 101), (11, 102), (11, NULL), (12, 101), (NULL, 101), (NULL, 102)'];
const boolAgg = [
  'CREATE OR REPLACE TABLE test_boolean_agg (id INTEGER, c1 BOOLEAN, c2 BOOLEAN, c3 BOOLEAN, c4 BOOLEAN)',
  'INSERT INTO test_boolean_agg (id, c1, c2, c3, c4) VALUES (1, TRUE, TRUE, TRUE, FALSE), (2, TRUE, FALSE, FALSE, FALSE), (3, TRUE, TRUE, FALSE, FALSE), (4, TRUE, FALSE, FALSE, FALSE)',
];
const boolAgg2 = [...boolAgg, 'INSERT INTO test_boolean_agg (id, c1, c2, c3, c4) VALUES (-4, FALSE, FALSE, FALSE, TRUE), (-3, FALSE, TRUE, TRUE, TRUE), (-2, FALSE, FALSE, TRUE, TRUE), (-1, FALSE, TRUE, TRUE, TRUE)'];
const orders = [
  'CREATE OR REPLACE TABLE orders (o_orderkey INTEGER, o_clerk VARCHAR, o_totalprice NUMBER(12, 2), o_orderstatus CHAR(1))',
  "INSERT INTO orders (o_orderkey, o_orderstatus, o_clerk, o_totalprice) VALUES (32123, 'O', 'Clerk#000000321', 321.23), (41445, 'F', 'Clerk#000000386', 1041445.00), (55937, 'O', 'Clerk#000000114', 1055937.00), (67781, 'F', 'Clerk#000000521', 1067781.00), (80550, 'O', 'Clerk#000000411', 1080550.00), (95808, 'F', 'Clerk#000000136', 1095808.00), (101700, 'O', 'Clerk#000000220', 1101700.00), (103136, 'F', 'Clerk#000000508', 1103136.00)",
];
const collation = ["CREATE OR REPLACE TABLE collation_demo (spanish_phrase VARCHAR COLLATE 'es')", "INSERT INTO collation_demo (spanish_phrase) VALUES ('piña colada'), ('Pinatubo (Mount)'), ('pint'), ('Pinta')"];
const pctAggr = [...aggrEmpty, 'INSERT INTO aggr (k, v) VALUES (0, 0), (0, 10), (0, 20), (0, 30), (0, 40), (1, 10), (1, 20), (2, 10), (2, 20), (2, 25), (2, 30), (3, 60), (4, NULL)'];

export const AGGREGATE_CASES: FunctionCase[] = [
  docEx('MEDIAN', 'median', sql`SELECT MEDIAN(v) FROM aggr`, [[null]], undefined, { setup: aggrEmpty }),
  docEx('MEDIAN', 'median', sql`SELECT k, MEDIAN(v) FROM aggr GROUP BY k ORDER BY k`, [[1, 20], [2, 22.5], [3, null]], undefined, { setup: medianAggr }),
  docEx('MODE', 'mode', sql`SELECT MODE(v) FROM aggr`, [[null]], undefined, { setup: aggrEmpty }),
  docEx('MODE', 'mode', sql`SELECT MODE(v) FROM aggr`, [[10]], undefined, { setup: mode1 }),
  docEx('MODE', 'mode', sql`SELECT MODE(v) FROM aggr`, [[10]], undefined, { setup: mode2 }),
  docEx('MODE', 'mode', sql`SELECT k, MODE(v) FROM aggr GROUP BY k ORDER BY k`, [[1, 10], [2, 20], [3, null]], undefined, { setup: mode3 }),
  docEx(
    'MODE',
    'mode',
    sql`SELECT k, v, MODE(v) OVER (PARTITION BY k) FROM aggr ORDER BY k, v`,
    [[1, 10, 10], [1, 10, 10], [1, 10, 10], [1, 10, 10], [1, 20, 10], [1, 21, 10], [2, 20, 20], [2, 20, 20], [2, 25, 20], [2, 30, 20], [3, null, null]],
    undefined,
    { setup: mode3 },
  ),
  docEx('PERCENTILE_CONT', 'percentile_cont', sql`SELECT k, PERCENTILE_CONT(0.25) WITHIN GROUP (ORDER BY v) FROM aggr GROUP BY k ORDER BY k`, [[0, 10], [1, 12.5], [2, 17.5], [3, 60], [4, null]], undefined, { setup: pctAggr }),
  docEx('COUNT_IF', 'count_if', sql`SELECT * FROM basic_example ORDER BY i_col`, [[11, 101], [11, 102], [11, null], [12, 101], [null, 101], [null, 102]], 'the three rows with i_col 11 come in the doc order only by chance of storage order', { setup: basic }),
  docEx('COUNT_IF', 'count_if', sql`SELECT COUNT_IF(TRUE) FROM basic_example`, [[6]], undefined, { setup: basic }),
  docEx('COUNT_IF', 'count_if', sql`SELECT COUNT_IF(j_col > i_col) FROM basic_example`, [[3]], undefined, { setup: basic }),
  docEx('COUNT_IF', 'count_if', sql`SELECT COUNT_IF(i_col IS NOT NULL AND j_col IS NOT NULL) FROM basic_example`, [[3]], undefined, { setup: basic }),
  docEx('BOOLAND_AGG', 'booland_agg', sql`SELECT BOOLAND_AGG(c1), BOOLAND_AGG(c2), BOOLAND_AGG(c3), BOOLAND_AGG(c4) FROM test_boolean_agg`, [[true, false, false, false]], undefined, { setup: boolAgg }),
  docEx(
    'BOOLAND_AGG',
    'booland_agg',
    sql`SELECT id, BOOLAND_AGG(c1) OVER (PARTITION BY (id > 0)), BOOLAND_AGG(c2) OVER (PARTITION BY (id > 0)), BOOLAND_AGG(c3) OVER (PARTITION BY (id > 0)), BOOLAND_AGG(c4) OVER (PARTITION BY (id > 0)) FROM test_boolean_agg ORDER BY id`,
    [[-4, false, false, false, true], [-3, false, false, false, true], [-2, false, false, false, true], [-1, false, false, false, true], [1, true, false, false, false], [2, true, false, false, false], [3, true, false, false, false], [4, true, false, false, false]],
    undefined,
    { setup: boolAgg2 },
  ),
  { fn: 'BOOLAND_AGG', sql: "select booland_agg('invalid type')", error: '100037', doc: 'https://docs.snowflake.com/en/sql-reference/functions/booland_agg', source: 'example https://docs.snowflake.com/en/sql-reference/functions/booland_agg', note: 'the doc error example: 100037 (22018) Boolean value is not recognized' },
  docEx('ARRAY_AGG', 'array_agg', sql`SELECT o_orderkey AS order_keys FROM orders WHERE o_totalprice > 450000 ORDER BY o_orderkey`, [[41445], [55937], [67781], [80550], [95808], [101700], [103136]], undefined, { setup: orders }),
  docEx('ARRAY_AGG', 'array_agg', sql`SELECT ARRAY_AGG(o_orderkey) WITHIN GROUP (ORDER BY o_orderkey ASC) FROM orders WHERE o_totalprice > 450000`, [[{ json: [41445, 55937, 67781, 80550, 95808, 101700, 103136] }]], undefined, { setup: orders }),
  docEx('ARRAY_AGG', 'array_agg', sql`SELECT ARRAY_AGG(DISTINCT o_orderstatus) WITHIN GROUP (ORDER BY o_orderstatus ASC) FROM orders WHERE o_totalprice > 450000 ORDER BY o_orderstatus ASC`, [[{ json: ['F', 'O'] }]], undefined, { setup: orders, knownDifference: 'an outer ORDER BY on a column of an aggregate-only query is rejected (DuckDB: must appear in GROUP BY); Snowflake accepts it.' }),
  docEx(
    'ARRAY_AGG',
    'array_agg',
    sql`SELECT o_orderstatus, ARRAYAGG(o_clerk) WITHIN GROUP (ORDER BY o_totalprice DESC) FROM orders WHERE o_totalprice > 450000 GROUP BY o_orderstatus ORDER BY o_orderstatus DESC`,
    [['O', { json: ['Clerk#000000220', 'Clerk#000000411', 'Clerk#000000114'] }], ['F', { json: ['Clerk#000000508', 'Clerk#000000136', 'Clerk#000000521', 'Clerk#000000386'] }]],
    undefined,
    { setup: orders },
  ),
  docEx('LISTAGG', 'listagg', sql`SELECT LISTAGG(spanish_phrase, '|') WITHIN GROUP (ORDER BY COLLATE(spanish_phrase, 'es')) AS es_collation FROM collation_demo`, [['Pinatubo (Mount)|pint|Pinta|piña colada']], "the markdown copy shows '%' for two of the '|' delimiters (its known flaw); the delimiter is '|'", { setup: collation }),
  docEx('LISTAGG', 'listagg', sql`SELECT LISTAGG(spanish_phrase, '|') WITHIN GROUP (ORDER BY COLLATE(spanish_phrase, 'utf8')) AS utf8_collation FROM collation_demo`, [['Pinatubo (Mount)|Pinta|pint|piña colada']], "the markdown copy shows '%' for two of the '|' delimiters (its known flaw); the delimiter is '|'", { setup: collation }),
];
