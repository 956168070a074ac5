import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { procedureCatalogPathFor } from '../procedures/procedureCatalogPath';
import { WarehouseType } from '../runner/protocol';
import { RunOutcome } from '../runner/runTypes';
import { DEFAULT_DB_RELATIVE_PATH, SnowparkRuntime } from '../snowparkRuntime';
import { resolveTarget, TargetError } from '../targets/runTarget';
import { runWorksheet } from '../worksheet/worksheetRunner';
import { checkExpectation, ExpectationCheck } from './checkExpectation';
import { isErrorExpectation, SavedRun, savedRunTarget } from './savedRunsFormat';

// One saved run as a test: a fresh database (in memory, or a copy of the workspace's file),
// its setup files run first as worksheets, then the handler, then the expectation. Each
// test gets a runtime of its own, so tests never see each other's tables or local state.

export interface SavedRunTestOptions {
  /** The workspace folder runs.json lives in: paths in a run are relative to it. */
  folder: string;
  python?: string;
  warehouseType?: WarehouseType;
  workers?: number;
  /** The workspace's local database, copied for `"database": "copy"` (default .snowpark-local/local.duckdb). */
  workspaceDbPath?: string;
  onOutput?: (text: string, stream: 'stdout' | 'stderr') => void;
  signal?: AbortSignal;
}

export type SavedRunStatus = 'passed' | 'failed' | 'errored';

export interface SavedRunResult {
  run: SavedRun;
  status: SavedRunStatus;
  durationMs: number;
  outcome?: RunOutcome;
  check?: ExpectationCheck;
  /** Why the result could not be compared: a setup file failed, the handler crashed, a bad path. */
  problem?: { message: string; location?: { file: string; line: number }; traceback?: string };
}

export class SavedRunProblem extends Error {
  constructor(
    message: string,
    readonly location?: { file: string; line: number },
  ) {
    super(message);
    this.name = 'SavedRunProblem';
  }
}

export async function runSavedRunTest(run: SavedRun, options: SavedRunTestOptions): Promise<SavedRunResult> {
  const started = Date.now();
  const done = (result: Omit<SavedRunResult, 'run' | 'durationMs'>): SavedRunResult => ({ run, durationMs: Date.now() - started, ...result });
  let scratch: string | undefined;
  let runtime: SnowparkRuntime | undefined;
  try {
    if (run.target !== undefined && run.target !== 'local') {
      throw new SavedRunProblem(`run "${run.name}": "target": "${run.target}" — tests run on the local engine only, in a fresh database. Remove "target" (or set it to "local") to test this run.`);
    }
    const database = run.database ?? ':memory:';
    let dbPath = ':memory:';
    if (database === 'copy') {
      scratch = mkdtempSync(join(tmpdir(), 'snowpark-local-test-'));
      dbPath = copyWorkspaceDatabase(run, options.workspaceDbPath ?? join(options.folder, DEFAULT_DB_RELATIVE_PATH), scratch);
    }
    runtime = await SnowparkRuntime.open({ dbPath, python: options.python, warehouseType: options.warehouseType, workers: options.workers });
    const onOutput = options.onOutput;
    if (onOutput) runtime.runner.onOutput((output) => onOutput(output.text, output.stream));
    for (const setup of run.setup ?? []) await runSetupFile(runtime, run, resolve(options.folder, setup), options.signal);
    const target = savedRunTarget(options.folder, run);
    let request;
    try {
      request = resolveTarget({ ...target, args: run.args }, runtime.catalog).request;
    } catch (error) {
      if (error instanceof TargetError) throw new SavedRunProblem(`run "${run.name}": ${error.message}`);
      throw error;
    }
    const handle = runtime.runner.start({ ...request, python: options.python ?? request.python });
    const cancel = (): void => void handle.cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    const outcome = await handle.outcome.finally(() => options.signal?.removeEventListener('abort', cancel));
    return done(judgeOutcome(run, outcome));
  } catch (error) {
    if (error instanceof SavedRunProblem) return done({ status: 'errored', problem: { message: error.message, location: error.location } });
    return done({ status: 'errored', problem: { message: `run "${run.name}" could not start: ${error instanceof Error ? error.message : String(error)}` } });
  } finally {
    await runtime?.dispose().catch(() => undefined);
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * A finished run against its expectation. A failed run that was not expected to fail is an
 * error (with the handler's traceback), not a failure: there is no result to compare.
 */
export function judgeOutcome(run: SavedRun, outcome: RunOutcome): Omit<SavedRunResult, 'run' | 'durationMs'> {
  const check = run.expect ? checkExpectation(run.expect, outcome) : undefined;
  if (!outcome.ok && !(run.expect && isErrorExpectation(run.expect))) {
    const error = outcome.error!;
    return { status: 'errored', outcome, check, problem: { message: error.message, location: error.location, traceback: error.traceback } };
  }
  return { status: !check || check.passed ? 'passed' : 'failed', outcome, check };
}

/** Copies the database file, its WAL and the procedure catalog beside it into `scratch`. */
function copyWorkspaceDatabase(run: SavedRun, source: string, scratch: string): string {
  if (!existsSync(source)) {
    throw new SavedRunProblem(`run "${run.name}": "database": "copy", but ${source} does not exist yet. Run something locally first, or use "database": ":memory:" with "setup" files.`);
  }
  const copy = join(scratch, basename(source));
  copyFileSync(source, copy);
  if (existsSync(`${source}.wal`)) copyFileSync(`${source}.wal`, `${copy}.wal`);
  const catalog = procedureCatalogPathFor(source);
  if (catalog && existsSync(catalog)) copyFileSync(catalog, procedureCatalogPathFor(copy)!);
  return copy;
}

async function runSetupFile(runtime: SnowparkRuntime, run: SavedRun, file: string, signal?: AbortSignal): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new SavedRunProblem(`run "${run.name}": setup file ${file} cannot be read. Fix the path in "setup" (relative to the workspace folder).`);
  }
  for await (const statement of runWorksheet(runtime, text, file, { signal, label: `setup ${basename(file)}` })) {
    if (statement.error) {
      const line = statement.line + 1;
      throw new SavedRunProblem(`run "${run.name}": setup ${file}:${line} failed: ${statement.error.message}`, { file, line });
    }
  }
}
