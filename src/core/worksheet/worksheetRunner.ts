import { SqlError } from '../engine/sqlError';
import { SessionState } from '../jobs/queryExecutor';
import { newQueryId } from '../jobs/queryId';
import { QueryResult } from '../runner/protocol';
import { LineIndex } from '../sql/lineIndex';
import { SqlStatement, splitStatements } from '../sql/splitStatements';
import { unterminatedError } from '../jobs/statementGuards';
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
  const statements = splitStatements(text);
  try {
    for (const statement of statements) {
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
    // A comment that never closes is not part of any statement, and would pass unnoticed.
    const tail = trailingUnterminated(text, statements, file);
    if (tail && !cancelled && !options.signal?.aborted && (!failed || options.continueOnError)) {
      failed = true;
      yield tail;
    }
  } finally {
    const status = cancelled || options.signal?.aborted ? 'ABORTED' : failed ? 'FAILED_WITH_ERROR' : 'SUCCESS';
    if (status === 'ABORTED') runtime.jobs.move(runId, 'ABORTING');
    await runtime.executor.cancelRunChildren(runId);
    await runtime.executor.endSession(session).catch(() => undefined);
    runtime.jobs.move(runId, status);
    runtime.executor.forgetRun(runId);
  }
}

function trailingUnterminated(text: string, statements: SqlStatement[], file: string | undefined): StatementOutcome | undefined {
  const tailStart = statements.length ? statements[statements.length - 1].endOffset : 0;
  const origin = { file, line: new LineIndex(text).positionAt(tailStart).line };
  const unterminated = unterminatedError(text.slice(tailStart), '', origin);
  if (!unterminated) return undefined;
  const { error, line } = unterminated;
  return {
    statement: text.slice(tailStart).trim(),
    line: line - 1,
    error: { message: error.message, errorCode: error.errorCode, sqlState: error.sqlState },
    durationMs: 0,
  };
}
