import { executionCancelled, SqlError, statementNotFound } from '../engine/sqlError';
import { SqlEngine, StatementContext } from '../engine/sqlEngine';
import { QueryResult, SessionContext, TaggedValue } from '../runner/protocol';
import { JobManager } from './jobManager';
import { isTerminal } from './jobStatus';
import { newQueryId } from './queryId';

/** One Snowpark session's state: its context and the ids LAST_QUERY_ID can name. */
export class SessionState {
  readonly history: string[] = [];
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
}

interface InFlight {
  controller: AbortController;
  settled: Promise<QueryResult>;
  error?: SqlError;
}

/**
 * Runs statements on an engine and keeps their job records true: QUEUED → RUNNING →
 * SUCCESS / FAILED_WITH_ERROR, or ABORTING → ABORTED when cancelled. The channel, the
 * tree's buttons and the worksheet runner all go through here.
 */
export class QueryExecutor {
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    private readonly engine: SqlEngine,
    private readonly jobs: JobManager,
  ) {}

  get engineDescription(): string {
    return this.engine.description;
  }

  submit(request: SubmitRequest): string {
    const queryId = newQueryId();
    const previous = [...request.session.history];
    request.session.history.push(queryId);
    this.jobs.add({
      id: queryId,
      kind: 'query',
      runId: request.runId,
      parentId: request.parentId,
      label: request.sql,
      status: 'RUNNING',
      detail: { async: request.async },
    });
    const controller = new AbortController();
    const context: StatementContext = {
      session: request.session.context,
      lastQueryId: (n) => (n < 0 ? previous[previous.length + n] : previous[n - 1]),
      cancelQuery: (id) => this.cancel(id),
      queryState: (id) => this.stateOf(id),
    };
    const entry: InFlight = { controller, settled: Promise.resolve(undefined as never) };
    entry.settled = this.engine
      .execute({
        queryId,
        sql: request.sql,
        binds: request.binds,
        context,
        signal: controller.signal,
        origin: { runId: request.runId, file: request.file, line: request.line },
      })
      .then(
        (result) => {
          this.jobs.move(queryId, controller.signal.aborted ? 'ABORTED' : 'SUCCESS', { detail: { rowCount: result.rowCount } });
          return result;
        },
        (error: unknown) => {
          const sqlError = error instanceof SqlError ? error : new SqlError('100000', 'XX000', String(error), queryId);
          entry.error = sqlError;
          const aborted = sqlError.cancelled || controller.signal.aborted;
          this.jobs.move(queryId, aborted ? 'ABORTED' : 'FAILED_WITH_ERROR', {
            error: { message: sqlError.message, errorCode: sqlError.errorCode, sqlState: sqlError.sqlState },
          });
          throw sqlError;
        },
      );
    // Nobody may ever await a fire-and-forget job; its failure is recorded, not thrown.
    entry.settled.catch(() => undefined);
    this.inFlight.set(queryId, entry);
    return queryId;
  }

  /** Waits for the end; resolves with the result or rejects with the query's SqlError. */
  wait(queryId: string): Promise<QueryResult> {
    const entry = this.inFlight.get(queryId);
    if (!entry) return Promise.reject(statementNotFound(queryId));
    return entry.settled;
  }

  async run(request: Omit<SubmitRequest, 'async'>): Promise<QueryResult> {
    return this.wait(this.submit({ ...request, async: false }));
  }

  status(queryId: string): string | undefined {
    return this.jobs.get(queryId)?.status;
  }

  /** Cancels a running statement and resolves once it has stopped (its writes rolled back). */
  async cancel(queryId: string): Promise<void> {
    const job = this.jobs.get(queryId);
    const entry = this.inFlight.get(queryId);
    if (!job || !entry) throw statementNotFound(queryId);
    if (isTerminal(job.status)) return;
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
    const job = this.jobs.get(queryId);
    if (!job || job.kind !== 'query') return 'unknown';
    if (job.status === 'SUCCESS') return 'done';
    return isTerminal(job.status) ? 'failed' : 'pending';
  }

  /** Drops finished entries of a run so memory does not grow with long sessions. */
  forgetRun(runId: string): void {
    for (const job of this.jobs.list({ runId, kind: 'query' })) {
      if (isTerminal(job.status)) this.inFlight.delete(job.id);
    }
  }
}
