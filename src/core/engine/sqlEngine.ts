import { QueryResult, SessionContext, TaggedValue } from '../runner/protocol';
import { EngineStream } from './resultStream';
import { QueryHistoryEntry } from './queryHistory';

/**
 * What an engine may ask of the rest of the system while it prepares a statement:
 * Snowflake functions such as LAST_QUERY_ID, SYSTEM$CANCEL_QUERY and RESULT_SCAN are about
 * other queries, which the engine does not own.
 */
export interface StatementContext {
  /** The session's context; an engine that runs USE updates it in place. */
  readonly session: SessionContext;
  /**
   * Which Snowflake session the statement belongs to (a run, a worksheet; a called
   * procedure runs in its caller's). Engines keep temp tables, variables and transactions
   * per session id; statements without one share a single session.
   */
  readonly sessionId?: string;
  /** LAST_QUERY_ID(n): n = -1 the latest before this one, 1 the first of the session. */
  lastQueryId(n: number): string | undefined;
  cancelQuery(queryId: string): Promise<void>;
  /** For RESULT_SCAN: whether another query has finished (the engine keeps its own results). */
  queryState(queryId: string): 'done' | 'pending' | 'failed' | 'unknown';
  /** For INFORMATION_SCHEMA.QUERY_HISTORY on the local engine: the statements run so far, oldest first. */
  queryHistory?(): readonly QueryHistoryEntry[];
}

export interface ExecuteRequest {
  queryId: string;
  sql: string;
  binds?: TaggedValue[];
  context: StatementContext;
  /** Aborting it cancels the statement; its writes are rolled back. */
  signal: AbortSignal;
  /** Who asked: the run (for nested CALLs) and, for worksheets, where the statement sits. */
  origin?: StatementOrigin;
  /**
   * For engines that name their own queries (Snowflake assigns the query id on submission):
   * called once with that id, so the job, the tree and RESULT_SCAN use the real one.
   * `requestQueryId` is the request's own queryId: wrappers that run helper statements
   * with a derived request (a CALL's argument SELECT) must not rename the job.
   */
  onQueryId?: (engineQueryId: string, requestQueryId: string) => void;
  /**
   * Asks for the rows as a stream (resultStream.ts). An engine that can stream this
   * statement calls it once the query runs, and execute() settles only when the stream
   * ends (a summary result with no rows). One that cannot (a write, a session in an
   * explicit transaction, Snowflake) never calls it and returns the whole result.
   */
  onStream?: (stream: EngineStream) => void;
}

export interface StatementOrigin {
  runId: string;
  /** The worksheet file and the 0-based line its statement starts on. */
  file?: string;
  line?: number;
}

export interface SqlEngine {
  readonly kind: 'duckdb' | 'snowflake';
  /** A short, secret-free description for the status bar and logs. */
  readonly description: string;
  /** True when execute() reports the service's own query id through request.onQueryId. */
  readonly reportsQueryIds?: boolean;
  /** Runs one statement. Rejects with SqlError (cancelled === true when aborted). */
  execute(request: ExecuteRequest): Promise<QueryResult>;
  /** The session is over: roll back its open transaction and drop its temporary objects. */
  endSession?(sessionId: string): Promise<void>;
  close(): Promise<void>;
}
