import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql } from './docHelpers';

// Window functions: LAG, …

const sales = [
  'CREATE OR REPLACE TABLE sales(emp_id INTEGER, year INTEGER, revenue DECIMAL(10,2))',
  'INSERT INTO sales VALUES (0, 2010, 1000), (0, 2011, 1500), (0, 2012, 500), (0, 2013, 750)',
  'INSERT INTO sales VALUES (1, 2010, 10000), (1, 2011, 12500), (1, 2012, 15000), (1, 2013, 20000)',
  'INSERT INTO sales VALUES (2, 2012, 500), (2, 2013, 800)',
];
const t1 = ['CREATE OR REPLACE TABLE t1 (col_1 NUMBER, col_2 NUMBER)', 'INSERT INTO t1 VALUES (1, 5), (2, 4), (3, NULL), (4, 2), (5, NULL), (6, NULL), (7, 6)'];

const t1c = ['CREATE OR REPLACE TABLE t1 (c1 NUMBER, c2 NUMBER)', 'INSERT INTO t1 VALUES (1,5), (2,4), (3,NULL), (4,2), (5,NULL), (6,NULL), (7,6)'];

export const WINDOW_CASES: FunctionCase[] = [
  docEx(
    'FIRST_VALUE',
    'first_value',
    sql`SELECT item_name, item_cost, item_price, FIRST_VALUE(item_cost) RESPECT NULLS OVER (ORDER BY item_price) AS first_cost_respect, FIRST_VALUE(item_cost) IGNORE NULLS OVER (ORDER BY item_price) AS first_cost_ignore FROM (VALUES ('Pretzel', NULL, 3.00), ('Corn Dog', NULL, 4.00), ('Hot Dog', 1.50, 5.00), ('Sandwich', 2.50, 6.00)) AS menu(item_name, item_cost, item_price) ORDER BY item_price`,
    [['Pretzel', null, 3, null, 1.5], ['Corn Dog', null, 4, null, 1.5], ['Hot Dog', 1.5, 5, null, 1.5], ['Sandwich', 2.5, 6, null, 1.5]],
    'FROM VALUES … AS menu(…) written as FROM (VALUES …) AS menu(…)',
  ),
  docEx(
    'LEAD',
    'lead',
    sql`SELECT emp_id, year, revenue, LEAD(revenue) OVER (PARTITION BY emp_id ORDER BY year) - revenue AS diff_to_next FROM sales ORDER BY emp_id, year`,
    [[0, 2010, 1000, 500], [0, 2011, 1500, -1000], [0, 2012, 500, 250], [0, 2013, 750, null], [1, 2010, 10000, 2500], [1, 2011, 12500, 2500], [1, 2012, 15000, 5000], [1, 2013, 20000, null], [2, 2012, 500, 300], [2, 2013, 800, null]],
    undefined,
    { setup: sales },
  ),
  docEx('IGNORE NULLS', 'lead', sql`SELECT c1, c2, LEAD(c2) IGNORE NULLS OVER (ORDER BY c1) FROM t1 ORDER BY c1`, [[1, 5, 4], [2, 4, 2], [3, null, 2], [4, 2, 6], [5, null, 6], [6, null, 6], [7, 6, null]], 'ORDER BY c1 added (the doc query has none; its rows are in c1 order)', { setup: t1c }),
  docEx(
    'LAG',
    'lag',
    sql`SELECT emp_id, year, revenue, revenue - LAG(revenue, 1, 0) OVER (PARTITION BY emp_id ORDER BY year) AS diff_to_prev FROM sales ORDER BY emp_id, year`,
    [[0, 2010, 1000, 1000], [0, 2011, 1500, 500], [0, 2012, 500, -1000], [0, 2013, 750, 250], [1, 2010, 10000, 10000], [1, 2011, 12500, 2500], [1, 2012, 15000, 2500], [1, 2013, 20000, 5000], [2, 2012, 500, 500], [2, 2013, 800, 300]],
    undefined,
    { setup: sales },
  ),
  docEx('IGNORE NULLS', 'lag', sql`SELECT col_1, col_2, LAG(col_2) IGNORE NULLS OVER (ORDER BY col_1) FROM t1 ORDER BY col_1`, [[1, 5, null], [2, 4, 5], [3, null, 4], [4, 2, 4], [5, null, 2], [6, null, 2], [7, 6, 2]], undefined, { setup: t1 }),
];
