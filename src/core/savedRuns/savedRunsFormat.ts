import { join, resolve } from 'node:path';

// The saved-runs file, `.snowpark-local/runs.json` in a workspace folder: named argument
// sets for handlers, meant to be committed, and the expected result that makes a run a
// test. The format is versioned so a later change can read (or refuse) older files.

export const SAVED_RUNS_VERSION = 1;
export const SAVED_RUNS_RELATIVE_PATH = join('.snowpark-local', 'runs.json');

export function savedRunsPathIn(folder: string): string {
  return join(folder, SAVED_RUNS_RELATIVE_PATH);
}

/** A column an expectation names: its name, or its name and Snowflake type. */
export type ExpectedColumn = string | { name: string; type?: string };

export interface ReturnsExpectation {
  /** The handler's return value as plain JSON (decimals may be numbers or exact text). */
  returns: unknown;
}

export interface TableExpectation {
  /** Rows as objects keyed by column name, every column present. */
  rows?: Record<string, unknown>[];
  columns?: ExpectedColumn[];
  rowCount?: number;
  /** false: rows may come in any order (compared as a multiset). Default true. */
  ordered?: boolean;
}

export interface ErrorExpectation {
  error: {
    /** A Snowflake error code in the message, e.g. "100038" (or Snowpark's "1304"). */
    code?: string;
    /** The Python exception's class name, e.g. "ZeroDivisionError". */
    type?: string;
    messageContains?: string;
  };
}

export type Expectation = ReturnsExpectation | TableExpectation | ErrorExpectation;

export type SavedRunDatabase = ':memory:' | 'copy';

export interface SavedRun {
  name: string;
  description?: string;
  /** `path/to/file.py:function` (or just the file when it has one handler); relative to the folder. */
  handler?: string;
  /** `path/to/file.sql:PROCEDURE_NAME`; relative to the folder. */
  procedure?: string;
  args: unknown[];
  /** Only `local` runs as a test (a fresh database); kept for the runs a person starts. */
  target?: string;
  /** SQL files run first, in order, as worksheets, in the run's fresh database. */
  setup?: string[];
  /** The fresh database a test runs in: `:memory:` (default) or a copy of the workspace's file. */
  database?: SavedRunDatabase;
  expect?: Expectation;
}

export interface SavedRunsFile {
  version: number;
  runs: SavedRun[];
}

/** Where a saved run points, resolved against its workspace folder. */
export interface SavedRunTarget {
  file: string;
  handler?: string;
  procedure?: string;
}

export function isErrorExpectation(expect: Expectation): expect is ErrorExpectation {
  return 'error' in expect;
}

export function isReturnsExpectation(expect: Expectation): expect is ReturnsExpectation {
  return 'returns' in expect;
}

/** `file.py:main` → file and function; the colon is the last one followed by no path separator. */
export function splitReference(reference: string): { file: string; name?: string } {
  const colon = reference.lastIndexOf(':');
  if (colon <= 1 || /[\\/]/.test(reference.slice(colon + 1))) return { file: reference };
  const name = reference.slice(colon + 1).trim();
  return { file: reference.slice(0, colon), name: name || undefined };
}

export function savedRunTarget(folder: string, run: SavedRun): SavedRunTarget {
  const reference = splitReference((run.handler ?? run.procedure)!);
  const file = resolve(folder, reference.file);
  return run.handler !== undefined ? { file, handler: reference.name } : { file, procedure: reference.name };
}
