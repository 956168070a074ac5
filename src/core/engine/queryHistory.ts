import { userInfo } from 'node:os';
import { performance } from 'node:perf_hooks';
import { QueryResult, SessionContext } from '../runner/protocol';
import { SqlError } from './sqlError';
import { statementQueryType } from './statementQueryType';

// What INFORMATION_SCHEMA.QUERY_HISTORY reads on the local engine: the statements run
// through the job layer, newest last, bounded like Snowflake's own (which keeps 7 days):
// the last 10,000 statements, and no more text than a long session can afford.
// https://docs.snowflake.com/en/sql-reference/functions/query_history

/** Snowflake keeps this much of a statement's text: "Longer SQL statements are truncated." */
export const MAX_QUERY_TEXT_CHARS = 100_000;
const MAX_ENTRIES = 10_000;
const MAX_TEXT_CHARS = 10_000_000;

export type HistoryStatus = 'RUNNING' | 'SUCCESS' | 'FAILED_WITH_ERROR';

export interface QueryHistoryEntry {
  readonly queryId: string;
  readonly queryText: string;
  readonly queryType: string;
  /** Snowflake's SESSION_ID is a number (sessionNumber). */
  readonly sessionId: number;
  readonly userName: string;
  readonly databaseName: string | null;
  readonly schemaName: string | null;
  readonly roleName: string | null;
  readonly warehouseName: string | null;
  readonly queryTag: string | null;
  readonly startMs: number;
  status: HistoryStatus;
  endMs?: number;
  errorCode?: number;
  errorMessage?: string;
  rowsProduced?: number;
}

let userName: string | undefined;

/** The user every local statement runs as, as CURRENT_USER() names it (asked of the OS once). */
export function localUserName(): string {
  userName ??= userInfo().username.toUpperCase();
  return userName;
}

/**
 * A session's number, as CURRENT_SESSION() and SESSION_ID show it: Snowflake's are numbers,
 * ours are ids shaped like query ids; their first 12 hex digits make a stable number.
 */
export function sessionNumber(sessionId: string): number {
  return parseInt(sessionId.replace(/[^0-9a-f]/gi, '').slice(0, 12) || '0', 16);
}

/** Rows a finished statement produced: a query's rows, the rows a DML statement changed. */
function rowsProducedBy(result: QueryResult, streamed: boolean): number | undefined {
  const counts = result.columns.every((column) => /^number of rows /.test(column.name));
  if (counts && result.columns.length) return result.data.reduce((sum, column) => sum + Number(column[0] ?? 0), 0);
  // A status message (DDL, USE …) is not a row the statement produced.
  if (result.columns.length === 1 && result.columns[0].name.toLowerCase() === 'status') return 0;
  // A streamed result's summary has no rows: how many the reader took is not known here.
  return streamed && result.rowCount === 0 ? undefined : result.rowCount;
}

/**
 * What is recorded when a statement starts: what every statement pays is kept small (the
 * derived columns are worked out when the history is read, rarely).
 */
interface RecordedEntry extends Omit<QueryHistoryEntry, 'queryType' | 'sessionId' | 'userName'> {
  readonly sessionKey: string;
}

export class QueryHistory {
  private readonly entries = new Map<string, RecordedEntry>();
  private textChars = 0;
  private lastStamp = 0;

  /**
   * Now, in milliseconds with a microsecond fraction, never twice the same: statements started
   * in one millisecond still sort by START_TIME in the order they started.
   */
  private stamp(): number {
    this.lastStamp = Math.max(performance.timeOrigin + performance.now(), this.lastStamp + 0.001);
    return this.lastStamp;
  }

  started(queryId: string, sql: string, sessionId: string, context: SessionContext): void {
    // A cut is copied: slice() would keep the whole (maybe megabytes long) statement alive.
    const queryText = sql.length > MAX_QUERY_TEXT_CHARS ? sql.slice(0, MAX_QUERY_TEXT_CHARS).split('').join('') : sql;
    this.entries.set(queryId, {
      queryId,
      queryText,
      sessionKey: sessionId,
      // The context at the start, as Snowflake records it; a later USE changes it in place.
      databaseName: context.database || null,
      schemaName: context.schema || null,
      roleName: context.role || null,
      warehouseName: context.warehouse || null,
      queryTag: context.queryTag || null,
      startMs: this.stamp(),
      status: 'RUNNING',
    });
    this.textChars += queryText.length;
    while (this.entries.size > 1 && (this.entries.size > MAX_ENTRIES || this.textChars > MAX_TEXT_CHARS)) {
      const oldest = this.entries.keys().next().value as string;
      this.textChars -= this.entries.get(oldest)?.queryText.length ?? 0;
      this.entries.delete(oldest);
    }
  }

  succeeded(queryId: string, result: QueryResult, streamed: boolean): void {
    const entry = this.entries.get(queryId);
    if (!entry) return;
    entry.status = 'SUCCESS';
    entry.endMs = this.stamp();
    entry.rowsProduced = rowsProducedBy(result, streamed);
  }

  /** A cancelled statement too: Snowflake shows it FAILED_WITH_ERROR, 604 "SQL execution canceled". */
  failed(queryId: string, error: SqlError): void {
    const entry = this.entries.get(queryId);
    if (!entry) return;
    entry.status = 'FAILED_WITH_ERROR';
    entry.endMs = this.stamp();
    entry.errorCode = Number(error.errorCode);
    entry.errorMessage = error.detail;
  }

  /** Every recorded statement, oldest first. */
  list(): readonly QueryHistoryEntry[] {
    const user = localUserName();
    return [...this.entries.values()].map(({ sessionKey, ...recorded }) => ({
      ...recorded,
      queryType: statementQueryType(recorded.queryText),
      sessionId: sessionNumber(sessionKey),
      userName: user,
    }));
  }
}
