import { ConnectionEntry } from '../../connections/connectionsFile';
import { MappedConnection, toSdkOptions } from '../../connections/sdkOptions';
import { QueryResult, SessionContext } from '../../runner/protocol';
import { executionCancelled, SqlError } from '../sqlError';
import { ExecuteRequest, SqlEngine } from '../sqlEngine';
import { toSqlError } from './errorConversion';
import { FAILED_STATUSES, QueryStatusCache, TERMINAL_STATUSES } from './queryStatusCache';
import { toQueryResult, toSdkBind } from './resultConversion';
import { SdkModule } from './snowflakeSdk';
import { SnowflakeSession } from './snowflakeSession';

export interface SnowflakeEngineOptions {
  /** First and longest pause between status polls (ms): quick answers for quick queries, calm for long ones. */
  pollMinMs?: number;
  pollMaxMs?: number;
  /** How long a cancelled statement may take to reach ABORTED before we stop waiting. */
  cancelWaitMs?: number;
  statusTtlMs?: number;
  /** For tests: a stand-in module instead of the real snowflake-sdk. */
  sdk?: SdkModule;
}

/**
 * Runs statements on a Snowflake account through snowflake-sdk, behind the same interface
 * as the local engine. Every statement is submitted asynchronously (asyncExec), so it has
 * its real query id at once (reported through request.onQueryId, for the tree and for
 * RESULT_SCAN); its status is polled with backoff (getQueryStatus, cached briefly); its
 * rows come from getResultsFromQueryId; an abort runs SYSTEM$CANCEL_QUERY.
 */
export class SnowflakeEngine implements SqlEngine {
  readonly kind = 'snowflake' as const;
  readonly reportsQueryIds = true;
  private readonly statuses: QueryStatusCache;
  private closed = false;

  private constructor(
    private readonly session: SnowflakeSession,
    readonly description: string,
    /** The session's database, schema, role and warehouse as the service reports them. */
    readonly sessionContext: SessionContext,
    private readonly options: Required<Omit<SnowflakeEngineOptions, 'sdk'>>,
  ) {
    this.statuses = new QueryStatusCache((id) => this.session.status(id), options.statusTtlMs);
  }

  /** Logs in once; the returned engine is shared by every statement of the runtime. */
  static async open(entry: ConnectionEntry, options: SnowflakeEngineOptions = {}): Promise<SnowflakeEngine> {
    return SnowflakeEngine.openMapped(entry.name, toSdkOptions(entry), options);
  }

  static async openMapped(name: string, mapped: MappedConnection, options: SnowflakeEngineOptions = {}): Promise<SnowflakeEngine> {
    const session = await SnowflakeSession.open(mapped, options.sdk);
    const context = await readSessionContext(session, mapped);
    const where = mapped.options.accessUrl ?? mapped.options.host ?? mapped.options.account;
    return new SnowflakeEngine(session, `Snowflake ${name} (${mapped.redactor.scrub(where)})`, context, {
      pollMinMs: options.pollMinMs ?? 50,
      pollMaxMs: options.pollMaxMs ?? 1000,
      cancelWaitMs: options.cancelWaitMs ?? 15_000,
      statusTtlMs: options.statusTtlMs ?? 200,
    });
  }

  /** The live status of any query of this session (cached briefly). */
  queryStatus(queryId: string): Promise<string> {
    return this.statuses.get(queryId);
  }

  async execute(request: ExecuteRequest): Promise<QueryResult> {
    const { signal } = request;
    if (this.closed) throw new SqlError('390114', '08001', 'The Snowflake connection is closed.', request.queryId);
    if (signal.aborted) throw executionCancelled(request.queryId);
    const queryId = await this.session.submit(request.sql, request.binds?.map(toSdkBind));
    request.onQueryId?.(queryId, request.queryId);
    const status = await this.waitForEnd(queryId, signal);
    this.statuses.forget(queryId);
    if (status === 'SUCCESS') {
      const fetched = await this.session.results(queryId);
      return toQueryResult(queryId, fetched.columns, fetched.rows);
    }
    if (FAILED_STATUSES.has(status)) throw await this.failureOf(queryId, status);
    // ABORTED: by our abort, or by SYSTEM$CANCEL_QUERY from another statement.
    throw executionCancelled(queryId);
  }

  private async waitForEnd(queryId: string, signal: AbortSignal): Promise<string> {
    let pause = this.options.pollMinMs;
    for (;;) {
      if (signal.aborted) return this.cancelAndWait(queryId);
      const status = await this.statuses.get(queryId);
      if (TERMINAL_STATUSES.has(status)) return status;
      await sleep(pause, signal);
      pause = Math.min(this.options.pollMaxMs, Math.ceil(pause * 1.6));
    }
  }

  /**
   * Cancels on the service and waits until the query has really stopped, so that "cancel
   * resolved" means what it means locally: the statement is over and its writes are gone.
   */
  private async cancelAndWait(queryId: string): Promise<string> {
    try {
      await this.session.run(`SELECT SYSTEM$CANCEL_QUERY('${queryId}')`);
    } catch {
      // Already finished, or the service refused: the status below tells which.
    }
    const deadline = Date.now() + this.options.cancelWaitMs;
    let pause = this.options.pollMinMs;
    for (;;) {
      this.statuses.forget(queryId);
      const status = await this.session.status(queryId).catch(() => 'ABORTED');
      if (TERMINAL_STATUSES.has(status) || Date.now() > deadline) return status === 'SUCCESS' ? 'SUCCESS' : 'ABORTED';
      await sleep(pause);
      pause = Math.min(this.options.pollMaxMs, Math.ceil(pause * 1.6));
    }
  }

  private async failureOf(queryId: string, status: string): Promise<SqlError> {
    try {
      await this.session.failure(queryId);
    } catch (error) {
      return toSqlError(error, this.session.redactor, queryId);
    }
    return new SqlError('100000', 'XX000', `Query ${queryId} ended with status ${status}.`, queryId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.session.close();
  }
}

async function readSessionContext(session: SnowflakeSession, mapped: MappedConnection): Promise<SessionContext> {
  const fromOptions: SessionContext = {
    database: mapped.options.database ?? '',
    schema: mapped.options.schema ?? '',
    role: mapped.options.role ?? '',
    warehouse: mapped.options.warehouse ?? '',
    queryTag: mapped.options.queryTag ?? null,
  };
  try {
    const { rows } = await session.run('SELECT CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_ROLE(), CURRENT_WAREHOUSE()');
    const [database, schema, role, warehouse] = (rows[0] ?? []) as Array<string | null>;
    return {
      database: database ?? fromOptions.database,
      schema: schema ?? fromOptions.schema,
      role: role ?? fromOptions.role,
      warehouse: warehouse ?? fromOptions.warehouse,
      queryTag: fromOptions.queryTag,
    };
  } catch {
    return fromOptions;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
