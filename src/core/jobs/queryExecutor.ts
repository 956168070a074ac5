import { executionCancelled, resultExpired, SqlError, statementNotFound } from '../engine/sqlError';
import { ExecuteRequest, SqlEngine, StatementContext } from '../engine/sqlEngine';
import { QueryResult, SessionContext, TaggedValue } from '../runner/protocol';
import { DEFAULT_RESULT_BOUNDS, FinishedResults, ResultBounds } from './finishedResults';
import { JobManager, JobRecord } from './jobManager';
import { jobLabel } from './jobLabel';
import { isTerminal } from './jobStatus';
import { newQueryId } from './queryId';
import { checkOneCompleteStatement } from './statementGuards';
import { QueryHistory } from '../engine/queryHistory';

/**
 * One Snowpark session's state: its context and the ids LAST_QUERY_ID can name. Its id
 * lets the engine keep the rest (temp tables, variables, transaction) for the session.
 */
export class SessionState {
  readonly history: string[] = [];
  readonly id = newQueryId();
  constructor(readonly context: SessionContext) {}
}

export interface SubmitRequest {
  runId: string;
  parentId: string;
  sql: string;
  binds?: TaggedValue[];
  session: SessionState;
  /** Whether the handler asked for it without waiting (collect_nowait …). */
  async: boolean;
  /** A worksheet statement's file and 0-based line (for CREATE PROCEDURE bodies). */
  file?: string;
  line?: number;
  /** The reader of a streamed result (sqlEngine.ts ExecuteRequest.onStream). */
  onStream?: ExecuteRequest['onStream'];
}

/** A statement still running; it leaves this table the moment it settles. */
interface InFlight {
  controller: AbortController;
  settled: Promise<QueryResult>;
  /** The id the engine gave the statement, or its provisional id once it has settled without one. */
  identified: Promise<string>;
}

// Query ids inside SQL text (RESULT_SCAN('…'), SYSTEM$CANCEL_QUERY('…')).
const QUERY_ID_IN_SQL = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * Runs statements on an engine and keeps their job records true: QUEUED → RUNNING →
 * SUCCESS / FAILED_WITH_ERROR, or ABORTING → ABORTED when cancelled. The channel, the
 * tree's buttons and the worksheet runner all go through here.
 */
export class QueryExecutor {
  private readonly inFlight = new Map<string, InFlight>();
  /** Live sessions by id, so a called procedure can run in its caller's session. */
  private readonly sessions = new Map<string, SessionState>();
  /** What a finished query's AsyncJob.result() reads, bounded (finishedResults.ts). */
  private readonly finished: FinishedResults;
  /** Provisional id → the id the engine assigned (engines that name their own queries). */
  private readonly aliases = new Map<string, string>();
  private readonly reportsIds: boolean;
  /** INFORMATION_SCHEMA.QUERY_HISTORY on the local engine (Snowflake keeps its own). */
  private readonly history: QueryHistory | undefined;

  constructor(
    private readonly engine: SqlEngine,
    private readonly jobs: JobManager,
    bounds: ResultBounds = DEFAULT_RESULT_BOUNDS,
  ) {
    this.finished = new FinishedResults(bounds);
    // Wrappers such as ProcedureRouter forward `kind`; Snowflake always names its queries.
    this.reportsIds = engine.reportsQueryIds ?? engine.kind === 'snowflake';
    this.history = engine.kind === 'duckdb' ? new QueryHistory() : undefined;
  }

  get engineDescription(): string {
    return this.engine.description;
  }

  submit(request: SubmitRequest): string {
    const provisionalId = newQueryId();
    // LAST_QUERY_ID sees the queries started before this one. The history is read live
    // (not copied per statement, which made a long session quadratic), so an id the
    // engine later renames is seen under its real name.
    const history = request.session.history;
    const position = history.length;
    this.sessions.set(request.session.id, request.session);
    history.push(provisionalId);
    this.history?.started(provisionalId, request.sql, request.session.id, request.session.context);
    this.jobs.add({
      id: provisionalId,
      kind: 'query',
      runId: request.runId,
      parentId: request.parentId,
      label: jobLabel(request.sql),
      status: 'RUNNING',
      detail: { async: request.async },
    });
    const controller = new AbortController();
    const context = this.contextFor(request.session, position);
    let identify: (id: string) => void = () => undefined;
    const entry: InFlight = {
      controller,
      settled: Promise.resolve(undefined as never),
      identified: new Promise((resolve) => (identify = resolve)),
    };
    const current = (): string => this.aliases.get(provisionalId) ?? provisionalId;
    let settled = false;
    // Engines that name their own queries report the real id; the job, the session's
    // history and this table move to it, and the provisional id stays an alias.
    const onQueryId = (engineQueryId: string, requestQueryId: string): void => {
      if (requestQueryId !== provisionalId || this.aliases.has(provisionalId) || engineQueryId === provisionalId) return;
      this.aliases.set(provisionalId, engineQueryId);
      this.jobs.rename(provisionalId, engineQueryId);
      if (!settled) {
        this.inFlight.delete(provisionalId);
        this.inFlight.set(engineQueryId, entry);
      } else {
        // A late report must not bring a settled entry back; its result moves to the new id.
        const result = this.finished.get(provisionalId);
        this.finished.drop(provisionalId);
        if (result) this.finished.keep(engineQueryId, result);
      }
      const at = request.session.history.indexOf(provisionalId);
      if (at >= 0) request.session.history[at] = engineQueryId;
      identify(engineQueryId);
    };
    const execute = async (sql: string): Promise<QueryResult> => {
      // Before any engine sees it: an unterminated $$ or several statements in one call.
      checkOneCompleteStatement(sql, provisionalId, { file: request.file, line: request.line });
      return this.engine.execute({
        queryId: provisionalId,
        sql,
        binds: request.binds,
        context,
        signal: controller.signal,
        origin: { runId: request.runId, file: request.file, line: request.line },
        onQueryId,
        onStream: request.onStream,
      });
    };
    const started = this.reportsIds ? this.withEngineIds(request.sql).then(execute) : execute(request.sql);
    entry.settled = started.then(
      (result) => {
        // A settled job keeps no promise, controller or closure: only its result, bounded.
        settled = true;
        this.inFlight.delete(current());
        this.finished.keep(current(), result);
        this.history?.succeeded(provisionalId, result, Boolean(request.onStream));
        // An engine returns only what it has committed: a cancel that came too late (the
        // commit won the race) leaves a SUCCESS, as on Snowflake. ABORTED means nothing landed.
        this.jobs.move(current(), 'SUCCESS', { detail: { rowCount: result.rowCount } });
        return result;
      },
      (error: unknown) => {
        const sqlError = error instanceof SqlError ? error : new SqlError('100000', 'XX000', String(error), current());
        // The job record keeps the error; a later wait() rebuilds it from there.
        settled = true;
        this.inFlight.delete(current());
        const aborted = sqlError.cancelled || controller.signal.aborted;
        this.history?.failed(provisionalId, sqlError);
        this.jobs.move(current(), aborted ? 'ABORTED' : 'FAILED_WITH_ERROR', {
          error: { message: sqlError.message, errorCode: sqlError.errorCode, sqlState: sqlError.sqlState },
        });
        throw sqlError;
      },
    );
    entry.settled.then(
      () => identify(current()),
      () => identify(current()),
    );
    // Nobody may ever await a fire-and-forget job; its failure is recorded, not thrown.
    entry.settled.catch(() => undefined);
    // Under the engine's id if it named the query already (it may, before we get here).
    this.inFlight.set(current(), entry);
    return provisionalId;
  }

  /**
   * The handler may name a query by its provisional id inside SQL (to_df() is
   * RESULT_SCAN('<id>')) before the engine has reported the real one: wait for it, and
   * send the id the service knows.
   */
  private async withEngineIds(sql: string): Promise<string> {
    const mentioned = new Set(sql.match(QUERY_ID_IN_SQL) ?? []);
    let out = sql;
    for (const id of mentioned) {
      const entry = this.aliases.has(id) ? undefined : this.inFlight.get(id);
      const real = this.aliases.get(id) ?? (entry ? await entry.identified : undefined);
      if (real && real !== id) out = out.split(id).join(real);
    }
    return out;
  }

  private resolve(queryId: string): string {
    return this.aliases.get(queryId) ?? queryId;
  }

  /** Whether the engine names its own queries (Snowflake): ids change once it has. */
  get engineNamesQueries(): boolean {
    return this.reportsIds;
  }

  /**
   * Resolves with the id the engine gave a query as soon as it has given one (or when the
   * query ends, for engines that never do), so a handler sees the id the service knows.
   */
  identifiedId(queryId: string): Promise<string> {
    const entry = this.inFlight.get(queryId);
    return this.aliases.has(queryId) || !entry ? Promise.resolve(this.resolve(queryId)) : entry.identified;
  }

  /** The id the engine knows a query by (the service's own for Snowflake), given either id. */
  engineQueryId(queryId: string): string {
    return this.resolve(queryId);
  }

  /**
   * Waits for the end; resolves with the result or rejects with the query's SqlError. A
   * finished query's result may have been dropped (bounded, oldest first): that answers
   * as Snowflake answers a result past its 24 hours, 000710 "has expired".
   */
  wait(queryId: string): Promise<QueryResult> {
    const id = this.resolve(queryId);
    const entry = this.inFlight.get(id);
    if (entry) return entry.settled;
    const job = this.jobs.get(id);
    if (!job || job.kind !== 'query' || !isTerminal(job.status)) return Promise.reject(statementNotFound(queryId));
    if (job.status !== 'SUCCESS') return Promise.reject(recordedError(job));
    const result = this.finished.get(id);
    return result ? Promise.resolve(result) : Promise.reject(resultExpired(queryId));
  }

  /** How many statements and results this executor holds (a test bounds them). */
  get retained(): { running: number; results: number } {
    return { running: this.inFlight.size, results: this.finished.size };
  }

  async run(request: Omit<SubmitRequest, 'async'>): Promise<QueryResult> {
    return this.wait(this.submit({ ...request, async: false }));
  }

  status(queryId: string): string | undefined {
    return this.jobs.get(this.resolve(queryId))?.status;
  }

  /** Cancels a running statement and resolves once it has stopped (its writes rolled back). */
  async cancel(requestedId: string): Promise<void> {
    const queryId = this.resolve(requestedId);
    const job = this.jobs.get(queryId);
    if (!job || job.kind !== 'query') throw statementNotFound(requestedId);
    const entry = this.inFlight.get(queryId);
    if (!entry || isTerminal(job.status)) return;
    this.jobs.move(queryId, 'ABORTING');
    entry.controller.abort(executionCancelled(queryId));
    await entry.settled.catch(() => undefined);
  }

  /** When a handler returns, crashes or is cancelled, its children still running go too. */
  async cancelRunChildren(runId: string): Promise<string[]> {
    const running = this.jobs.list({ runId, kind: 'query' }).filter((job) => !isTerminal(job.status));
    await Promise.all(running.map((job) => this.cancel(job.id).catch(() => undefined)));
    return running.map((job) => job.id);
  }

  private stateOf(queryId: string): 'done' | 'pending' | 'failed' | 'unknown' {
    const job = this.jobs.get(this.resolve(queryId));
    if (!job || job.kind !== 'query') return 'unknown';
    if (job.status === 'SUCCESS') return 'done';
    return isTerminal(job.status) ? 'failed' : 'pending';
  }

  /** What a statement may ask of the session: LAST_QUERY_ID sees the queries before `position`. */
  private contextFor(session: SessionState, position: number): StatementContext {
    const history = session.history;
    return {
      session: session.context,
      sessionId: session.id,
      lastQueryId: (n) => (n < 0 ? history[position + n] : n <= position ? history[n - 1] : undefined),
      cancelQuery: (id) => this.cancel(id),
      queryState: (id) => this.stateOf(id),
      queryHistory: () => this.history?.list() ?? [],
    };
  }

  /**
   * A DataFrame's schema without its rows: Snowpark asks the service to describe a query
   * before it runs. `LIMIT 0` works on both engines; it is not a job the user started, so
   * it gets no record in the tree or in the session's LAST_QUERY_ID history.
   */
  async describe(sql: string, binds: TaggedValue[] | undefined, session: SessionState): Promise<{ columns: QueryResult['columns'] }> {
    const context = this.contextFor(session, session.history.length);
    const result = await this.engine.execute({
      queryId: newQueryId(),
      // A trailing `;` (session.sql("select 1;")) cannot sit inside the parentheses.
      sql: `SELECT * FROM (${sql.replace(/[\s;]+$/, '')}\n) LIMIT 0`,
      binds,
      context,
      signal: new AbortController().signal,
    });
    return { columns: result.columns };
  }

  /** A live session by id (a CALL's caller), if it has not ended. */
  sessionById(id: string | undefined): SessionState | undefined {
    return id === undefined ? undefined : this.sessions.get(id);
  }

  /**
   * The session is over (its run or worksheet has ended, children cancelled first): the
   * engine rolls back its open transaction and drops its temporary objects, as Snowflake
   * does when a session ends.
   */
  async endSession(session: SessionState): Promise<void> {
    this.sessions.delete(session.id);
    await this.engine.endSession?.(session.id);
  }

  /**
   * Drops a finished run's results: no handler is left to ask for them, and RESULT_SCAN
   * reads the engine's own copy.
   */
  forgetRun(runId: string): void {
    for (const job of this.jobs.list({ runId, kind: 'query' })) {
      if (!isTerminal(job.status)) continue;
      this.finished.drop(job.id);
      const provisional = job.detail.provisionalId;
      if (typeof provisional === 'string') this.aliases.delete(provisional);
    }
  }
}

/** A failed or cancelled query's error, as it was raised, from what its job recorded. */
function recordedError(job: JobRecord): SqlError {
  const error = job.error;
  const errorCode = error?.errorCode ?? '100000';
  const sqlState = error?.sqlState ?? 'XX000';
  const prefix = `${errorCode} (${sqlState}): `;
  const message = error?.message ?? 'The statement failed.';
  const detail = message.startsWith(prefix) ? message.slice(prefix.length) : message;
  return new SqlError(errorCode, sqlState, detail, job.id, job.status === 'ABORTED');
}
