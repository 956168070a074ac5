import type { FunctionCase } from './snowflakeFunctionCases';
import { docSemantics, sql } from './cases/docHelpers';

// ASOF JOIN and CONNECT BY (with LEVEL, SYS_CONNECT_BY_PATH, CONNECT_BY_ROOT). The stored copies of
// the construct pages reached only their Syntax and Parameters sections, so every case is a
// `semantics` case: its answer follows from the rules written there (quoted in each note). The
// employees table is the one of the CONNECT BY page's examples.

const ASOF = '../constructs/asof-join';
const CONNECT_BY = '../constructs/connect-by';
const PATH = 'sys_connect_by_path';

const trades = [
  'CREATE OR REPLACE TABLE trades (stock_symbol VARCHAR, trade_time TIMESTAMP_NTZ, quantity INTEGER)',
  "INSERT INTO trades VALUES ('SNOW', '2023-10-30 10:20:00', 100), ('SNOW', '2023-10-30 10:21:00', 200), ('SNOW', '2023-10-30 10:25:00', 300), ('AAPL', '2023-10-30 09:00:00', 10)",
  'CREATE OR REPLACE TABLE quotes (stock_symbol VARCHAR, quote_time TIMESTAMP_NTZ, price NUMBER(10, 2))',
  "INSERT INTO quotes VALUES ('SNOW', '2023-10-30 10:19:30', 1.5), ('SNOW', '2023-10-30 10:21:00', 2.5), ('SNOW', '2023-10-30 10:24:00', 3.5), ('AAPL', '2023-10-30 09:30:00', 9)",
];

const employees = [
  'CREATE OR REPLACE TABLE employees (title VARCHAR, employee_ID INTEGER, manager_ID INTEGER)',
  "INSERT INTO employees (title, employee_ID, manager_ID) VALUES ('President', 1, NULL), ('Vice President Engineering', 10, 1), ('Programmer', 100, 10), ('QA Engineer', 101, 10), ('Vice President HR', 20, 1), ('Health Insurance Analyst', 200, 20)",
];

const fromPresident = "FROM employees START WITH title = 'President' CONNECT BY manager_ID = PRIOR employee_ID";

export const HIERARCHY_JOIN_CASES: FunctionCase[] = [
  // ASOF JOIN
  docSemantics(
    'ASOF JOIN',
    ASOF,
    sql`SELECT t.stock_symbol, t.trade_time, t.quantity, q.quote_time, q.price FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time >= q.quote_time) ON t.stock_symbol = q.stock_symbol ORDER BY t.stock_symbol, t.trade_time`,
    [
      ['AAPL', '2023-10-30 09:00:00', 10, null, null],
      ['SNOW', '2023-10-30 10:20:00', 100, '2023-10-30 10:19:30', 1.5],
      ['SNOW', '2023-10-30 10:21:00', 200, '2023-10-30 10:21:00', 2.5],
      ['SNOW', '2023-10-30 10:25:00', 300, '2023-10-30 10:24:00', 3.5],
    ],
    "each left row takes the closest right row the comparison allows (>= takes an equal time: 10:21); 'When there is no match for a row in the left table, the columns from the right table are null-padded' (AAPL's only quote is later); ON groups by symbol",
    { setup: trades },
  ),
  docSemantics(
    'ASOF JOIN',
    ASOF,
    sql`SELECT t.quantity, q.price FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time > q.quote_time) USING (stock_symbol) ORDER BY t.quantity`,
    [[10, null], [100, 1.5], [200, 1.5], [300, 3.5]],
    'a strict > skips the quote of the same time (10:21 takes 10:19:30); USING (column_list) groups like ON',
    { setup: trades },
  ),
  docSemantics(
    'ASOF JOIN',
    ASOF,
    sql`SELECT t.quantity, q.price FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time <= q.quote_time) ON t.stock_symbol = q.stock_symbol ORDER BY t.quantity`,
    [[10, 9], [100, 2.5], [200, 2.5], [300, null]],
    '<= looks forward in time: the closest quote at or after the trade; none after 10:25, so NULL',
    { setup: trades },
  ),
  docSemantics(
    'ASOF JOIN',
    ASOF,
    sql`SELECT COUNT(*), COUNT(q.price) FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time < q.quote_time)`,
    [[4, 3]],
    'without ON or USING every quote is a candidate; < is strict; the left row with no later quote stays, its right columns NULL',
    { setup: trades },
  ),
  docSemantics('ASOF JOIN', ASOF, sql`SELECT * FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time = q.quote_time)`, undefined, "'The equals operator (=) is not supported'", { setup: trades, error: '001003' }),
  docSemantics('ASOF JOIN', ASOF, sql`SELECT * FROM trades t ASOF JOIN quotes q ON t.stock_symbol = q.stock_symbol`, undefined, 'MATCH_CONDITION is required (the syntax has no form without it)', { setup: trades, error: '001003' }),
  docSemantics(
    'ASOF JOIN',
    ASOF,
    sql`SELECT * FROM trades t ASOF JOIN quotes q MATCH_CONDITION (t.trade_time >= q.quote_time) ON t.stock_symbol = q.stock_symbol OR t.quantity = 1`,
    undefined,
    "'The ON clause cannot contain disjuncts (conditions connected with OR)'",
    { setup: trades, error: '001003' },
  ),

  // CONNECT BY
  docSemantics(
    'CONNECT BY',
    CONNECT_BY,
    sql`SELECT employee_ID, manager_ID, title ${fromPresident} ORDER BY employee_ID`,
    [[1, null, 'President'], [10, 1, 'Vice President Engineering'], [20, 1, 'Vice President HR'], [100, 10, 'Programmer'], [101, 10, 'QA Engineer'], [200, 20, 'Health Insurance Analyst']],
    'START WITH picks the top of the hierarchy; PRIOR takes the value from the previous (parent) level, so each row follows its manager',
    { setup: employees },
  ),
  docSemantics(
    'CONNECT BY',
    CONNECT_BY,
    sql`SELECT COUNT(*), LEVEL ${fromPresident} GROUP BY LEVEL ORDER BY LEVEL`,
    [[1, 1], [2, 2], [3, 3]],
    "'LEVEL … indicates the current level of the hierarchy (where level 1 represents the top of the hierarchy)'",
    { setup: employees },
  ),
  docSemantics(
    'CONNECT BY',
    CONNECT_BY,
    sql`SELECT title, LEVEL FROM employees e START WITH e.employee_ID = 10 CONNECT BY PRIOR e.employee_ID = e.manager_ID WHERE LEVEL > 1 ORDER BY title`,
    [['Programmer', 2], ['QA Engineer', 2]],
    'PRIOR may be on either side of =; a table alias qualifies the columns; WHERE filters the rows of the hierarchy (the root is dropped, its children keep LEVEL 2)',
    { setup: employees },
  ),
  {
    ...docSemantics(
      'CONNECT BY',
      CONNECT_BY,
      sql`SELECT title, LEVEL FROM employees CONNECT BY manager_ID = PRIOR employee_ID ORDER BY LEVEL, title`,
      [
        ['Health Insurance Analyst', 1], ['President', 1], ['Programmer', 1], ['QA Engineer', 1], ['Vice President Engineering', 1], ['Vice President HR', 1],
        ['Health Insurance Analyst', 2], ['Programmer', 2], ['QA Engineer', 2], ['Vice President Engineering', 2], ['Vice President HR', 2],
        ['Health Insurance Analyst', 3], ['Programmer', 3], ['QA Engineer', 3],
      ],
      'without START WITH every row starts a hierarchy of its own: Oracle\'s meaning (the page: Snowflake\'s CONNECT BY is "mostly compatible with the Oracle syntax"); the stored part of the page does not say it outright',
      { setup: employees },
    ),
    // Oracle's meaning, not read on Snowflake's page: a corpus case of its own kind.
    source: 'unverified',
  },
  docSemantics(
    'SELECT * of a CONNECT BY query',
    CONNECT_BY,
    sql`SELECT * ${fromPresident} ORDER BY employee_ID`,
    [['President', 1, null], ['Vice President Engineering', 10, 1], ['Vice President HR', 20, 1], ['Programmer', 100, 10], ['QA Engineer', 101, 10], ['Health Insurance Analyst', 200, 20]],
    '`*` is the data source\'s columns; LEVEL is a pseudo-column the projection may name, not one of them',
    { setup: employees },
  ),
  docSemantics(
    'SYS_CONNECT_BY_PATH',
    PATH,
    sql`SELECT employee_ID, SYS_CONNECT_BY_PATH(title, ' -> ') AS path ${fromPresident} ORDER BY employee_ID`,
    [
      [1, ' -> President'],
      [10, ' -> President -> Vice President Engineering'],
      [20, ' -> President -> Vice President HR'],
      [100, ' -> President -> Vice President Engineering -> Programmer'],
      [101, ' -> President -> Vice President Engineering -> QA Engineer'],
      [200, ' -> President -> Vice President HR -> Health Insurance Analyst'],
    ],
    'the values from the top of the hierarchy down to the row, each preceded by the separator',
    { setup: employees },
  ),
  docSemantics(
    'CONNECT_BY_ROOT',
    CONNECT_BY,
    sql`SELECT employee_ID, CONNECT_BY_ROOT title AS root_title, SYS_CONNECT_BY_PATH(employee_ID, '/') AS ids FROM employees START WITH manager_ID = 1 CONNECT BY manager_ID = PRIOR employee_ID ORDER BY employee_ID`,
    [[10, 'Vice President Engineering', '/10'], [20, 'Vice President HR', '/20'], [100, 'Vice President Engineering', '/10/100'], [101, 'Vice President Engineering', '/10/101'], [200, 'Vice President HR', '/20/200']],
    'CONNECT_BY_ROOT gives the value of the top row of the hierarchy the row belongs to; a number in SYS_CONNECT_BY_PATH is written as text',
    { setup: employees, also: ['SYS_CONNECT_BY_PATH'] },
  ),
  docSemantics(
    'CONNECT BY',
    CONNECT_BY,
    sql`SELECT title ${fromPresident.replace('PRIOR employee_ID', 'employee_ID')}`,
    undefined,
    "each CONNECT BY expression 'must contain exactly one PRIOR keyword'",
    { setup: employees, error: '001003' },
  ),
];
