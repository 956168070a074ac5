import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { QueryResult } from '../../../runner/protocol';
import { compilationError, executionCancelled, SqlError } from '../../sqlError';
import { toSnowflakeError } from '../errorMapping';
import { DuckSession } from '../session/duckSession';
import { CopyIntoTable, parseCopyIntoTable } from './copyIntoTable';
import { CopyOptions, copyOptionsOf } from './copyOptions';
import { FileFormat } from './fileFormat';
import { ColumnMapping, isSemiStructured } from './fileRecords';
import { formatForLoad } from './formatResolution';
import { abortError, LoadError } from './loadErrors';
import { FileResult, loadResult, LoadStatus } from './loadResult';
import { loadColumns, LoadTarget, quote, resolveLoadTarget } from './loadTarget';
import { conversionQuery } from './loadConversion';
import { csvOptions, textFormats } from './readerOptions';
import { VARIANT_PROBE } from './stagedSource';
import { SelectedFile, selectStagedFiles } from './stagedFileList';
import { LoadPlan, StagedFile, stageFile, StagingContext } from './stagedFileLoader';
import { StageLocation } from './stageFolders';
import { readStageProperties } from './stageProperties';
import { StageServices } from './stageServices';
import { stageTransformedFile, TransformPlan, transformPlanOf } from './transformLoad';

// COPY INTO <table> on the local engine (docs: COPY INTO <table>). In one transaction:
// 1. every selected file not loaded before (load metadata, loadHistory.ts; FORCE loads it
//    again) is staged and converted, without touching the table (stagedFileLoader.ts);
// 2. ON_ERROR decides per file: ABORT_STATEMENT fails the statement at the first error (nothing
//    is loaded), SKIP_FILE[_n[%]] leaves a file out past its error limit, CONTINUE loads the
//    rows that converted;
// 3. the kept rows are inserted and the files recorded as loaded; PURGE removes them after
//    the commit. A cancel rolls everything back.

export async function runCopyIntoTable(sql: string, session: DuckSession, services: StageServices, signal: AbortSignal, queryId: string): Promise<QueryResult> {
  const copy = parseCopyIntoTable(sql);
  const stage = services.stages.resolve(copy.location);
  const properties = readStageProperties(stage.folder);
  const format = await formatForLoad(copy.format, properties, session, services.fileFormats);
  const options = copyOptionsOf(copy.copy, properties.copyOptions);
  if (options.validation) {
    throw compilationError('VALIDATION_MODE is not supported by the local engine yet; run the COPY with ON_ERROR = CONTINUE and read first_error and errors_seen in its result.');
  }
  const target = await resolveLoadTarget(session, copy.table, services.run);
  const files = selectStagedFiles(stage, copy.files, copy.pattern);
  const plan = copy.transform ? transformPlanOf(copy, target, format, options) : loadPlanOf(copy, target, format, options);
  await createMacrosFor(plan, services);
  const connection = await services.connections.acquire(session, { signal, queryId });
  const pinned = services.connections.isPinned(connection, session);
  const interrupt = (): void => connection.interrupt();
  signal.addEventListener('abort', interrupt, { once: true });
  let inTransaction = false;
  let reusable = true;
  let tables = 0;
  const made: string[] = [];
  const context: StagingContext = {
    connection,
    toDuckDb: (text) => services.toDuckDb(text),
    signal,
    queryId,
    tableName: (kind) => {
      const name = `__snowpark_local_${kind}_${++tables}`;
      made.push(name);
      return name;
    },
  };
  try {
    const loaded = options.force ? new Map<string, string>() : await services.history.loaded(connection, target);
    // Staging runs before the transaction: a DuckDB error (a transformation failing on a row,
    // tried again row by row) ends the transaction it happens in, and DuckDB has no savepoints.
    const outcomes: Outcome[] = [];
    let loadedBytes = 0;
    for (const file of files) {
      if (signal.aborted) throw executionCancelled(queryId);
      if (options.sizeLimit !== undefined && outcomes.some((o) => o.result.rowsLoaded > 0) && loadedBytes >= options.sizeLimit) break;
      const key = `${basename(stage.folder)}/${file.path}`;
      const bytes = file.missing ? undefined : readFileSync(join(stage.folder, file.path));
      const md5 = bytes ? createHash('md5').update(bytes).digest('hex') : '';
      if (bytes && loaded.get(key) === md5) continue;
      const outcome = await prepareFile(file, stage, plan, options, context, session, services);
      if (outcome.result.rowsLoaded > 0) loadedBytes += bytes?.length ?? 0;
      outcomes.push({ ...outcome, key, md5 });
    }
    if (signal.aborted) throw executionCancelled(queryId);
    if (!pinned) {
      await connection.run('BEGIN TRANSACTION');
      inTransaction = true;
    }
    for (const outcome of outcomes) {
      if (!outcome.converted || outcome.result.rowsLoaded === 0) continue;
      const columns = plan.columns.map((column) => quote(column.duckName)).join(', ');
      const values = plan.columns.map((_c, i) => `"c${i + 1}"`).join(', ');
      await connection.run(`INSERT INTO ${target.sql} (${columns}) SELECT ${values} FROM ${quote(outcome.converted)} WHERE "__err" IS NULL ORDER BY "__row"`);
    }
    const recorded = outcomes.filter((o) => o.result.status !== 'LOAD_FAILED');
    await services.history.record(connection, target, recorded.map((o) => ({ key: o.key, md5: o.md5 })));
    // The last moment a cancel can win: a COMMIT is never interrupted (duckdbEngine.ts says why).
    signal.removeEventListener('abort', interrupt);
    if (signal.aborted) throw executionCancelled(queryId);
    if (inTransaction) {
      inTransaction = false;
      try {
        await connection.run('COMMIT');
      } catch (error) {
        reusable = false;
        throw toSnowflakeError(error, queryId);
      }
    }
    if (options.purge) for (const outcome of recorded) rmSync(join(stage.folder, outcome.path), { force: true });
    const results = outcomes.map((o) => o.result).filter((r) => !options.returnFailedOnly || r.status !== 'LOADED');
    return loadResult(results, queryId);
  } catch (error) {
    signal.removeEventListener('abort', interrupt);
    if (inTransaction) await connection.run('ROLLBACK').catch(() => (reusable = false));
    if (signal.aborted || (error instanceof SqlError && error.cancelled)) throw executionCancelled(queryId);
    throw toSnowflakeError(error, queryId);
  } finally {
    // The staging tables are the connection's own: gone with it if they cannot be dropped.
    for (const name of made) await connection.run(`DROP TABLE IF EXISTS ${quote(name)}`).catch(() => (reusable = false));
    services.connections.release(connection, reusable);
  }
}

interface Outcome {
  result: FileResult;
  path: string;
  converted?: string;
  key: string;
  md5: string;
}

/**
 * Translates the load's queries once before its transaction starts, so the dialect's macros
 * they call exist: a DuckDB transaction does not see catalog entries created after it began.
 */
async function createMacrosFor(plan: LoadPlan | TransformPlan, services: StageServices): Promise<void> {
  const inputs = plan.columns.map((column) => ({ column, formatted: true }));
  await services.toDuckDb(conversionQuery('"__snowpark_local_probe"', inputs, textFormats(plan.format), plan.truncateColumns));
  await services.toDuckDb(conversionQuery('"__snowpark_local_probe"', inputs.map((input) => ({ ...input, formatted: false })), textFormats(plan.format), plan.truncateColumns));
  if ('transform' in plan) await services.toDuckDb(plan.transform.sql);
  if ('transform' in plan || plan.format.type !== 'CSV') await services.toDuckDb(VARIANT_PROBE);
}

/** How a plain load (no transformation) maps the files to columns. */
function loadPlanOf(copy: CopyIntoTable, target: LoadTarget, format: FileFormat, options: CopyOptions): LoadPlan {
  const where = `COPY INTO ${target.name}`;
  if (format.type !== 'CSV' && format.type !== 'JSON' && format.type !== 'PARQUET') {
    throw compilationError(`${where}: the local engine loads CSV, JSON and PARQUET files; ${format.type} is not supported.`);
  }
  const columns = loadColumns(copy.columns, target);
  const base = { target, format, truncateColumns: options.truncateColumns };
  if (options.matchByColumnName !== 'NONE') {
    if (copy.columns) throw compilationError(`${where}: MATCH_BY_COLUMN_NAME cannot be used with a column list.`);
    if (format.type === 'CSV' && !csvOptions(format).parseHeader) {
      throw compilationError(`${where}: MATCH_BY_COLUMN_NAME with a CSV file needs the file format option PARSE_HEADER = TRUE.`);
    }
    return { ...base, columns, mapping: { kind: 'name', columns, caseSensitive: options.matchByColumnName === 'CASE_SENSITIVE' } };
  }
  if (format.type === 'CSV') return { ...base, columns, mapping: { kind: 'position', count: columns.length } };
  if (columns.length !== 1 || !isSemiStructured(columns[0])) {
    throw new SqlError(
      '002023',
      '22000',
      `SQL compilation error:\n${format.type} file format can produce one and only one column of type variant, object, or array. ` +
        'Load data into separate columns using the MATCH_BY_COLUMN_NAME copy option or copy with transformation.',
    );
  }
  const mapping: ColumnMapping = { kind: 'document' };
  return { ...base, columns, mapping };
}

/** Stages and converts one file, and applies ON_ERROR to what it found. */
async function prepareFile(
  file: SelectedFile,
  stage: StageLocation,
  plan: LoadPlan | TransformPlan,
  options: CopyOptions,
  context: StagingContext,
  session: DuckSession,
  services: StageServices,
): Promise<Omit<Outcome, 'key' | 'md5'>> {
  let staged: StagedFile;
  try {
    if (file.missing) throw new SqlError('100111', '22000', `Remote file '${file.display}' was not found. There are several potential causes: the file was removed, or it is not under the stage path the COPY names.`);
    staged = 'transform' in plan
      ? await stageTransformedFile(file, plan, { ...context, session, services })
      : await stageFile(join(stage.folder, file.path), file.display, plan, context);
  } catch (error) {
    if (context.signal.aborted || (error instanceof SqlError && error.cancelled)) throw executionCancelled(context.queryId);
    const failure = toSnowflakeError(error, context.queryId);
    const loadError: LoadError = { row: 1, rowLine: 1, line: 1, character: 1, columnName: null, message: failure.detail, code: failure.errorCode, sqlState: failure.sqlState };
    if (options.onError.kind === 'ABORT_STATEMENT') throw failure;
    return { path: file.path, result: { file: file.display, status: 'LOAD_FAILED', rowsParsed: 0, rowsLoaded: 0, errorLimit: errorLimit(options, 0), errorsSeen: 1, firstError: loadError } };
  }
  const { rowsParsed, errorsSeen, firstError } = staged;
  if (firstError && options.onError.kind === 'ABORT_STATEMENT') throw abortError(firstError, file.display, context.queryId);
  const limit = errorLimit(options, rowsParsed);
  const skipped = options.onError.kind === 'SKIP_FILE' && errorsSeen > 0 && (options.onError.percent ? (errorsSeen * 100) / Math.max(rowsParsed, 1) > options.onError.limit : errorsSeen >= limit);
  const rowsLoaded = skipped ? 0 : rowsParsed - errorsSeen;
  const status: LoadStatus = errorsSeen === 0 ? 'LOADED' : skipped || rowsLoaded === 0 ? 'LOAD_FAILED' : 'PARTIALLY_LOADED';
  return {
    path: file.path,
    converted: staged.converted,
    result: { file: file.display, status, rowsParsed, rowsLoaded, errorLimit: limit, errorsSeen, firstError },
  };
}

/** COPY's error_limit column: 1 for ABORT_STATEMENT and SKIP_FILE, the file's rows for CONTINUE. */
function errorLimit(options: CopyOptions, rowsParsed: number): number {
  const onError = options.onError;
  if (onError.kind === 'CONTINUE') return rowsParsed;
  if (onError.kind === 'SKIP_FILE') return onError.percent ? Math.ceil((rowsParsed * onError.limit) / 100) : onError.limit;
  return 1;
}
