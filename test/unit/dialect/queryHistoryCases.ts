import type { FunctionCase } from './snowflakeFunctionCases';
import { docSemantics, sql } from './cases/docHelpers';

// INFORMATION_SCHEMA.QUERY_HISTORY_BY_SESSION: the newest statement of the session is the one
// reading the history, still running (the page: without END_TIME_RANGE_END the functions
// return "all queries, including those that are still running"). Fuller tests:
// test/unit/engine/queryHistory.test.ts.

export const QUERY_HISTORY_CASES: FunctionCase[] = [
  docSemantics(
    'QUERY_HISTORY',
    'query_history',
    sql`SELECT query_type, execution_status, error_code FROM TABLE(INFORMATION_SCHEMA.QUERY_HISTORY_BY_SESSION(RESULT_LIMIT => 1))`,
    [['SELECT', 'RUNNING', null]],
    'most recent first, RESULT_LIMIT rows at most; the reading statement has not finished, so it is RUNNING with no error',
  ),
];
