import { quoteStringLiteral } from '../../sql/literals';
import { localUserName, QueryHistoryEntry, sessionNumber } from '../queryHistory';
import { compilationError } from '../sqlError';
import { StatementContext } from '../sqlEngine';
import type { DeferredCall } from './dialect';
import { HistoryCell, QUERY_HISTORY_COLUMNS } from './queryHistoryColumns';

// INFORMATION_SCHEMA.QUERY_HISTORY and QUERY_HISTORY_BY_SESSION / _BY_USER / _BY_WAREHOUSE
// (https://docs.snowflake.com/en/sql-reference/functions/query_history): the engine reads
// the job layer's history (engine/queryHistory.ts) before DuckDB runs the statement and
// puts a VALUES subquery where the table function was. The statement reading the history
// is itself still RUNNING, so it shows as such (and not at all once END_TIME_RANGE_END is
// given, which returns only finished queries, as the page says).

const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 10_000;
/** "The time range must fall within the last 7 days." */
const WINDOW_MS = 7 * 24 * 3_600_000;

export interface HistoryEnvironment {
  context: StatementContext;
  queryId: string;
  /** Runs a one-row SELECT (the constant arguments) and returns its cells. */
  selectRow(sql: string): Promise<unknown[]>;
}

interface HistoryArguments {
  start?: number;
  end?: number;
  limit: number;
  dimension?: string;
}

/**
 * Each argument's SQL, in the dialect rule's order (END_TIME_RANGE_START, END_TIME_RANGE_END,
 * RESULT_LIMIT, INCLUDE_CLIENT_GENERATED_STATEMENT, then the BY_* function's own), cast to
 * what the function needs: epoch milliseconds, a number, a flag, text.
 */
const CASTS = [
  (sql: string) => `epoch_ms(CAST((${sql}) AS TIMESTAMPTZ))`,
  (sql: string) => `epoch_ms(CAST((${sql}) AS TIMESTAMPTZ))`,
  (sql: string) => `CAST((${sql}) AS DOUBLE)`,
  (sql: string) => `CAST((${sql}) AS BOOLEAN)`,
  (sql: string) => `CAST((${sql}) AS VARCHAR)`,
];

function invalidValue(call: DeferredCall, parameter: string, value: unknown, why: string): never {
  throw compilationError(`invalid value [${String(value)}] for parameter '${parameter}' of function '${call.fn}': ${why}`);
}

/** Evaluates the constant arguments (CURRENT_TIMESTAMP(), DATEADD(…), CURRENT_SESSION() …). */
async function argumentsOf(call: DeferredCall, fill: (sql: string) => string, env: HistoryEnvironment, nowMs: number): Promise<HistoryArguments> {
  const given = call.args.map((arg, i) => (arg === null ? undefined : CASTS[i](fill(String(arg)))));
  const selected = given.filter((sql): sql is string => sql !== undefined);
  const row = selected.length ? await env.selectRow(`SELECT ${selected.join(', ')}`) : [];
  let next = 0;
  const values = given.map((sql) => (sql === undefined ? null : row[next++]));
  const [start, end, limit, , dimension] = values;
  const time = (value: unknown, parameter: string): number | undefined => {
    if (value === null || value === undefined) return undefined;
    const ms = Number(value);
    if (ms < nowMs - WINDOW_MS) invalidValue(call, parameter, new Date(ms).toISOString(), 'the time range must fall within the last 7 days');
    return ms;
  };
  const resultLimit = limit === null || limit === undefined ? DEFAULT_LIMIT : Number(limit);
  if (!Number.isInteger(resultLimit) || resultLimit < 1 || resultLimit > MAX_LIMIT) {
    invalidValue(call, 'RESULT_LIMIT', limit, `give a whole number from 1 to ${MAX_LIMIT}`);
  }
  return {
    start: time(start, 'END_TIME_RANGE_START'),
    end: time(end, 'END_TIME_RANGE_END'),
    limit: resultLimit,
    dimension: dimension === null || dimension === undefined ? undefined : String(dimension),
  };
}

/** A user or warehouse name as Snowflake resolves it: upper case unless written in double quotes. */
function resolvedName(name: string): string {
  const quoted = /^"(.*)"$/s.exec(name.trim());
  return quoted ? quoted[1].replace(/""/g, '"') : name.trim().toUpperCase();
}

/** Which statements the function's dimension keeps (its default: the current session, user, warehouse). */
function dimensionFilter(call: DeferredCall, dimension: string | undefined, env: HistoryEnvironment): (entry: QueryHistoryEntry) => boolean {
  switch (call.fn) {
    case 'QUERY_HISTORY_BY_SESSION': {
      const session = dimension ?? String(sessionNumber(env.context.sessionId ?? env.queryId));
      if (!/^\s*\d+\s*$/.test(session)) invalidValue(call, 'SESSION_ID', session, 'give a session number or CURRENT_SESSION()');
      return (entry) => entry.sessionId === Number(session);
    }
    case 'QUERY_HISTORY_BY_USER': {
      const user = dimension === undefined ? localUserName() : resolvedName(dimension);
      return (entry) => entry.userName === user;
    }
    case 'QUERY_HISTORY_BY_WAREHOUSE': {
      const warehouse = resolvedName(dimension ?? env.context.session.warehouse ?? '');
      return (entry) => entry.warehouseName !== null && resolvedName(entry.warehouseName) === warehouse;
    }
    default:
      return () => true;
  }
}

function cellSql(value: HistoryCell): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return quoteStringLiteral(value);
  return String(value);
}

/** The rows as a parenthesised subquery with the documented columns (no rows: the same columns, empty). */
function historySubquery(entries: readonly QueryHistoryEntry[], nowMs: number): string {
  const known = QUERY_HISTORY_COLUMNS.map((column, i) => ({ column, i })).filter(({ column }) => column.value);
  const select = QUERY_HISTORY_COLUMNS.map((column, i) => {
    const source = column.value ? `h.c${i}` : 'NULL';
    return `CAST(${source} AS ${column.duckdbType}) AS "${column.name}"`;
  }).join(', ');
  const aliases = known.map(({ i }) => `c${i}`).join(', ');
  const rows = entries.length
    ? entries.map((entry) => `(${known.map(({ column }) => cellSql(column.value!(entry, nowMs))).join(', ')})`).join(', ')
    : `(${known.map(() => 'NULL').join(', ')})`;
  return `(SELECT ${select} FROM (VALUES ${rows}) AS h(${aliases})${entries.length ? '' : ' WHERE FALSE'})`;
}

/** The table the function returns, newest statement first, at most RESULT_LIMIT rows. */
export async function queryHistoryTable(call: DeferredCall, fill: (sql: string) => string, env: HistoryEnvironment): Promise<string> {
  const nowMs = Date.now();
  const args = await argumentsOf(call, fill, env, nowMs);
  const keepDimension = dimensionFilter(call, args.dimension, env);
  const inRange = (entry: QueryHistoryEntry): boolean => {
    // Without END_TIME_RANGE_END, running statements are included; with it, finished ones only.
    if (entry.endMs === undefined) return args.end === undefined;
    return (args.start === undefined || entry.endMs >= args.start) && (args.end === undefined || entry.endMs <= args.end);
  };
  const entries = (env.context.queryHistory?.() ?? [])
    .filter((entry) => keepDimension(entry) && inRange(entry))
    .sort((a, b) => b.startMs - a.startMs)
    .slice(0, args.limit);
  return historySubquery(entries, nowMs);
}
