import { readFileSync } from 'node:fs';
import { ExpectedColumn, Expectation, SAVED_RUNS_VERSION, SavedRun, SavedRunsFile } from './savedRunsFormat';

// Reads and validates runs.json. Every problem names the file, the run and the field, and
// says what the field should hold: the file is written by hand as often as by the editor.

export class SavedRunsError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'SavedRunsError';
  }
}

/** The file's runs; a missing file is no runs (undefined), anything unreadable is an error. */
export function readSavedRuns(file: string): SavedRunsFile | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new SavedRunsError(file, `cannot be read (${(error as Error).message}).`);
  }
  return parseSavedRuns(file, text);
}

export function parseSavedRuns(file: string, text: string): SavedRunsFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SavedRunsError(file, `is not valid JSON (${(error as Error).message}). Fix the syntax, or delete the file to start again.`);
  }
  const fail = (message: string): never => {
    throw new SavedRunsError(file, message);
  };
  if (!isObject(data)) return fail('must be a JSON object: {"version": 1, "runs": [...]}.');
  if (data.version !== SAVED_RUNS_VERSION) {
    return fail(`"version" is ${JSON.stringify(data.version)}; this Snowpark Local reads version ${SAVED_RUNS_VERSION}. Set "version": ${SAVED_RUNS_VERSION}.`);
  }
  if (!Array.isArray(data.runs)) return fail('"runs" must be an array of runs: [{"name": "…", "handler": "file.py:main", "args": []}].');
  const names = new Set<string>();
  const runs = data.runs.map((raw, index) => {
    const run = validateRun(raw, index, fail);
    if (names.has(run.name)) fail(`run "${run.name}": the name is used twice; names must be unique in the file.`);
    names.add(run.name);
    return run;
  });
  return { version: SAVED_RUNS_VERSION, runs };
}

const RUN_FIELDS = new Set(['name', 'handler', 'procedure', 'args', 'target', 'setup', 'database', 'expect', 'description']);

function validateRun(raw: unknown, index: number, fail: (message: string) => never): SavedRun {
  if (!isObject(raw)) return fail(`runs[${index}] must be an object with "name", "handler" or "procedure", and "args".`);
  const name = raw.name;
  if (typeof name !== 'string' || name.trim() === '') return fail(`runs[${index}]: "name" must be a non-empty string.`);
  const where = `run "${name}"`;
  const field = (key: string, message: string): never => fail(`${where}: "${key}" ${message}`);
  for (const key of Object.keys(raw)) if (!RUN_FIELDS.has(key)) field(key, `is not a run field (known: ${[...RUN_FIELDS].join(', ')}).`);
  const { handler, procedure } = raw;
  if ((handler === undefined) === (procedure === undefined)) return fail(`${where}: give exactly one of "handler" ("file.py:function") or "procedure" ("file.sql:NAME").`);
  if (handler !== undefined && (typeof handler !== 'string' || handler.trim() === '')) field('handler', 'must be "path/to/file.py:function", relative to the workspace folder.');
  if (procedure !== undefined && (typeof procedure !== 'string' || !/\.sql:[^:\\/]+$/i.test(procedure))) {
    field('procedure', 'must be "path/to/file.sql:PROCEDURE_NAME", relative to the workspace folder.');
  }
  const args = raw.args ?? [];
  if (!Array.isArray(args)) field('args', 'must be a JSON array of the handler\'s arguments, e.g. [1, "a"].');
  if (raw.target !== undefined && (typeof raw.target !== 'string' || raw.target === '')) field('target', 'must be "local" or the name of a connection.');
  if (raw.setup !== undefined && (!Array.isArray(raw.setup) || raw.setup.some((entry) => typeof entry !== 'string' || entry === ''))) {
    field('setup', 'must be an array of .sql file paths, relative to the workspace folder.');
  }
  if (raw.database !== undefined && raw.database !== ':memory:' && raw.database !== 'copy') {
    field('database', `must be ":memory:" (a fresh empty database) or "copy" (a copy of the workspace's local database), not ${JSON.stringify(raw.database)}.`);
  }
  const run: SavedRun = { name, args: args as unknown[] };
  if (typeof handler === 'string') run.handler = handler;
  if (typeof procedure === 'string') run.procedure = procedure;
  if (raw.description !== undefined && typeof raw.description !== 'string') field('description', 'must be a string.');
  if (typeof raw.description === 'string') run.description = raw.description;
  if (typeof raw.target === 'string') run.target = raw.target;
  if (raw.setup) run.setup = raw.setup as string[];
  if (raw.database) run.database = raw.database as SavedRun['database'];
  if (raw.expect !== undefined) run.expect = validateExpectation(raw.expect, (message) => field('expect', message));
  return run;
}

function validateExpectation(raw: unknown, fail: (message: string) => never): Expectation {
  const shapes = 'must be {"returns": VALUE}, {"rows": [...], "columns"?: [...], "rowCount"?: N, "ordered"?: false} or {"error": {"code"?: "100038", "type"?: "…", "messageContains"?: "…"}}';
  if (!isObject(raw)) return fail(`${shapes}.`);
  const keys = Object.keys(raw);
  if ('returns' in raw) {
    if (keys.length !== 1) return fail(`with "returns" takes nothing else (found ${keys.join(', ')}).`);
    return { returns: raw.returns };
  }
  if ('error' in raw) {
    const error = raw.error;
    if (keys.length !== 1 || !isObject(error)) return fail(`${shapes}.`);
    for (const key of Object.keys(error)) {
      if (!['code', 'type', 'messageContains'].includes(key)) fail(`.error."${key}" is not known (use code, type, messageContains).`);
      if (typeof error[key] !== 'string' || error[key] === '') fail(`.error.${key} must be a non-empty string.`);
    }
    return { error: error as { code?: string; type?: string; messageContains?: string } };
  }
  for (const key of keys) if (!['rows', 'columns', 'rowCount', 'ordered'].includes(key)) fail(`."${key}" is not known: ${shapes}.`);
  if (keys.filter((key) => key !== 'ordered').length === 0) return fail(`${shapes}.`);
  if (raw.rows !== undefined && (!Array.isArray(raw.rows) || raw.rows.some((row) => !isObject(row)))) {
    fail('.rows must be an array of objects keyed by column name, e.g. [{"ID": 1, "NAME": "a"}].');
  }
  if (raw.columns !== undefined && (!Array.isArray(raw.columns) || !raw.columns.every(isExpectedColumn))) {
    fail('.columns must be an array of column names or {"name": "ID", "type": "NUMBER(38,0)"}.');
  }
  if (raw.rowCount !== undefined && (typeof raw.rowCount !== 'number' || !Number.isInteger(raw.rowCount) || raw.rowCount < 0)) {
    fail('.rowCount must be a whole number ≥ 0.');
  }
  if (raw.ordered !== undefined && typeof raw.ordered !== 'boolean') fail('.ordered must be true or false.');
  return raw as Expectation;
}

function isExpectedColumn(value: unknown): value is ExpectedColumn {
  if (typeof value === 'string') return value !== '';
  return isObject(value) && typeof value.name === 'string' && (value.type === undefined || typeof value.type === 'string');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
