import { SqlError } from '../engine/sqlError';
import { SessionState } from '../jobs/queryExecutor';
import { newQueryId } from '../jobs/queryId';
import { QueryResult } from '../runner/protocol';
import { splitStatements } from '../sql/splitStatements';
import { SnowparkRuntime } from '../snowparkRuntime';

export interface StatementOutcome {
  statement: string;
  /** 0-based line of the statement in the worksheet. */
  line: number;
  queryId?: string;
  result?: QueryResult;
  error?: { message: string; errorCode?: string; sqlState?: string; queryId?: string };
  durationMs: number;
}


/**
 * Runs a worksheet statement by statement, like Snowsight's "Run All": one session, in
 * order, stopping at the first error (later statements usually depend on earlier ones).
 * The worksheet is a run in the Jobs tree; each statement is one of its jobs.
 */
export async function* runWorksheet(
  runtime: SnowparkRuntime,
  text: string,
  file: string | undefined,
  options: { label?: string; signal?: AbortSignal; continueOnError?: boolean } = {},
): AsyncGenerator<StatementOutcome> {
  const runId = newQueryId();
  runtime.jobs.add({ id: runId, kind: 'run', runId, label: options.label ?? file ?? 'SQL', status: 'RUNNING', detail: { file, worksheet: true } });
  const session = new SessionState(runtime.runner.sessionContext);
  let failed = false;
  let cancelled = false;
  try {
    for (const statement of splitStatements(text)) {
      if (options.signal?.aborted) {
        cancelled = true;
        break;
      }
      const started = Date.now();
      const queryId = runtime.executor.submit({ runId, parentId: runId, sql: statement.text, session, async: false, file, line: statement.startLine });
      const onAbort = (): void => void runtime.executor.cancel(queryId).catch(() => undefined);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const result = await runtime.executor.wait(queryId);
        yield { statement: statement.text, line: statement.startLine, queryId, result, durationMs: Date.now() - started };
      } catch (error) {
        const sqlError = error instanceof SqlError ? error : undefined;
        failed = true;
        yield {
          statement: statement.text,
          line: statement.startLine,
          queryId,
          error: {
            message: error instanceof Error ? error.message : String(error),
            errorCode: sqlError?.errorCode,
            sqlState: sqlError?.sqlState,
            queryId,
          },
          durationMs: Date.now() - started,
        };
        if (!options.continueOnError) break;
      } finally {
        options.signal?.removeEventListener('abort', onAbort);
      }
    }
  } finally {
    const status = cancelled || options.signal?.aborted ? 'ABORTED' : failed ? 'FAILED_WITH_ERROR' : 'SUCCESS';
    if (status === 'ABORTED') runtime.jobs.move(runId, 'ABORTING');
    runtime.jobs.move(runId, status);
    runtime.executor.forgetRun(runId);
  }
}
