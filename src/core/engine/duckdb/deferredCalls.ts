import { userInfo } from 'node:os';
import { executionCancelled, resultExpired, SqlError, statementNotFound } from '../sqlError';
import { StatementContext } from '../sqlEngine';
import { DeferredCall } from './dialect';
import { quoteStringLiteral } from '../../sql/literals';
import { sessionNumber } from '../queryHistory';
import { queryHistoryTable } from './queryHistoryTable';

// Evaluates the Snowflake functions the dialect layer set aside (SYSTEM$WAIT, RESULT_SCAN,
// LAST_QUERY_ID …) before DuckDB sees the statement, and returns the SQL fragment that
// replaces each. SYSTEM$WAIT waits on a Node timer, not in a DuckDB thread, so a thousand
// concurrent waits cost nothing and a cancel during the wait leaves nothing behind.

const UNIT_MS: Record<string, number> = {
  SECONDS: 1000,
  MILLISECONDS: 1,
  MINUTES: 60_000,
  HOURS: 3_600_000,
};

export interface DeferredEnvironment {
  context: StatementContext;
  signal: AbortSignal;
  queryId: string;
  materializeResult(queryId: string): Promise<string>;
  hasRetainedResult(queryId: string): boolean;
  /** GET_DDL: the DDL text of a catalog object (metadata/getDdl.ts). */
  objectDdl(kind: string, name: string, fullyQualified: boolean): Promise<string>;
  /** CURRENT_STATEMENT: the statement's text as the client sent it. */
  statement?: string;
  /** QUERY_HISTORY's constant arguments: runs a one-row SELECT and returns its cells. */
  selectRow(sql: string): Promise<unknown[]>;
}

function literal(text: string | undefined | null): string {
  return text === undefined || text === null ? 'NULL' : quoteStringLiteral(text);
}

export function waitCancellably(ms: number, signal: AbortSignal, queryId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(executionCancelled(queryId));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(executionCancelled(queryId));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

async function systemWait(call: DeferredCall, env: DeferredEnvironment): Promise<string> {
  const [amount, unitArg] = call.args;
  const unit = (unitArg === undefined || unitArg === null ? 'SECONDS' : String(unitArg)).toUpperCase();
  const seconds = Number(amount);
  if (!Number.isFinite(seconds) || seconds < 0) {
    throw new SqlError('100038', '22018', `SYSTEM$WAIT: invalid amount ${JSON.stringify(amount)}; give a non-negative number`, env.queryId);
  }
  const unitMs = UNIT_MS[unit];
  if (unitMs === undefined) {
    throw new SqlError('100038', '22018', `SYSTEM$WAIT: invalid time unit '${unit}'; use SECONDS, MILLISECONDS, MINUTES or HOURS`, env.queryId);
  }
  await waitCancellably(seconds * unitMs, env.signal, env.queryId);
  return literal(`waited ${amount} ${unit.toLowerCase()}`);
}

async function cancelQuery(call: DeferredCall, env: DeferredEnvironment): Promise<string> {
  const target = String(call.args[0] ?? '');
  const state = env.context.queryState(target);
  if (state !== 'pending') return literal('Identified SQL statement is not currently executing.');
  await env.context.cancelQuery(target);
  return literal(`query [${target}] terminated.`);
}

async function resultScan(call: DeferredCall, env: DeferredEnvironment): Promise<string> {
  const target = call.args[0];
  if (target === null || target === undefined) throw statementNotFound(String(target));
  const id = String(target);
  const state = env.context.queryState(id);
  if (state === 'unknown') throw statementNotFound(id).withQueryId(env.queryId);
  // Snowflake answers a RESULT_SCAN of an unfinished (or failed) query this way; the
  // seed behaviour "to_df() before the job has finished" depends on it.
  if (state !== 'done' || !env.hasRetainedResult(id)) {
    const error = resultExpired(id);
    return Promise.reject(new SqlError(error.errorCode, error.sqlState, error.detail, env.queryId));
  }
  return env.materializeResult(id);
}

function lastQueryId(call: DeferredCall, env: DeferredEnvironment): string {
  const n = call.args[0] === undefined || call.args[0] === null ? -1 : Number(call.args[0]);
  return literal(env.context.lastQueryId(n));
}

function contextValue(call: DeferredCall, env: DeferredEnvironment): string {
  const session = env.context.session;
  switch (call.fn) {
    case 'CURRENT_DATABASE':
      return literal(session.database);
    case 'CURRENT_SCHEMA':
      return literal(session.schema);
    case 'CURRENT_ROLE':
      return literal(session.role);
    case 'CURRENT_WAREHOUSE':
      return literal(session.warehouse);
    case 'CURRENT_USER':
      return literal(userInfo().username.toUpperCase());
    case 'CURRENT_ACCOUNT':
      return literal('SNOWPARK_LOCAL');
    case 'CURRENT_REGION':
      return literal('LOCAL');
    case 'CURRENT_SESSION':
      // The number QUERY_HISTORY shows as SESSION_ID (QUERY_HISTORY_BY_SESSION's default).
      return literal(String(sessionNumber(env.context.sessionId ?? env.queryId)));
    case 'CURRENT_VERSION':
      return literal('9.0.0 (Snowpark Local)');
    case 'CURRENT_SCHEMAS':
      return literal(searchPath(session.database, session.schema));
    case 'CURRENT_AVAILABLE_ROLES':
      // Only the session's role exists locally; Snowflake lists every role granted to the user.
      return literal(JSON.stringify(session.role ? [session.role] : []));
    case 'CURRENT_STATEMENT':
      return literal(env.statement);
    default:
      throw new Error(`no evaluator for ${call.fn}`);
  }
}

/**
 * CURRENT_SCHEMAS: the default search path ($current, $public) as Snowflake writes it,
 * `["DB.SCHEMA", "DB.PUBLIC"]`, one entry when the current schema is PUBLIC.
 */
function searchPath(database: string, schema: string): string {
  if (!database) return '[]';
  const schemas = [...new Set([schema, 'PUBLIC'].filter(Boolean))];
  return `[${schemas.map((name) => JSON.stringify(`${database}.${name}`)).join(', ')}]`;
}

async function getDdl(call: DeferredCall, env: DeferredEnvironment): Promise<string> {
  const [kind, name, qualified] = call.args;
  // Snowflake: a NULL argument gives a NULL result.
  if (kind === null || name === null || qualified === null) return 'NULL';
  return literal(await env.objectDdl(String(kind), String(name), Boolean(Number(qualified ?? 0))));
}

/** RESULT_SCAN(LAST_QUERY_ID()) arrives with the inner call's placeholder as its argument. */
function resolveNestedArgs(call: DeferredCall, evaluated: Map<string, string>): DeferredCall {
  const args = call.args.map((arg) => {
    if (typeof arg !== 'string' || !evaluated.has(arg)) return arg;
    const fragment = evaluated.get(arg)!;
    return fragment === 'NULL' ? null : fragment.slice(1, -1).replace(/''/g, "'");
  });
  return { ...call, args };
}

/** QUERY_HISTORY's argument SQL holds the placeholders of the calls inside it (CURRENT_SESSION()), evaluated first. */
function fillPlaceholders(sql: string, values: Map<string, string>): string {
  let out = sql;
  for (const [placeholder, fragment] of values) out = out.split(placeholder).join(fragment);
  return out;
}

/** Evaluates deferred calls in statement order (a wait before an insert waits first). */
export async function evaluateDeferred(calls: readonly DeferredCall[], env: DeferredEnvironment): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const rawCall of calls) {
    if (env.signal.aborted) throw executionCancelled(env.queryId);
    const call = resolveNestedArgs(rawCall, values);
    let fragment: string;
    switch (call.fn) {
      case 'SYSTEM$WAIT':
        fragment = await systemWait(call, env);
        break;
      case 'SYSTEM$CANCEL_QUERY':
        fragment = await cancelQuery(call, env);
        break;
      case 'RESULT_SCAN':
        fragment = await resultScan(call, env);
        break;
      case 'LAST_QUERY_ID':
        fragment = lastQueryId(call, env);
        break;
      case 'GET_DDL':
        fragment = await getDdl(call, env);
        break;
      case 'QUERY_HISTORY':
      case 'QUERY_HISTORY_BY_SESSION':
      case 'QUERY_HISTORY_BY_USER':
      case 'QUERY_HISTORY_BY_WAREHOUSE':
        fragment = await queryHistoryTable(call, (sql) => fillPlaceholders(sql, values), env);
        break;
      default:
        fragment = contextValue(call, env);
    }
    values.set(call.placeholder, fragment);
  }
  return values;
}
