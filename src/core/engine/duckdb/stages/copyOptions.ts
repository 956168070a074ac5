import { SqlError } from '../../sqlError';
import { OptionValue, optionText } from './optionList';

// COPY INTO <table>'s copy options (docs: COPY INTO <table>, "Copy options"), with Snowflake's
// defaults: ON_ERROR = ABORT_STATEMENT, FORCE = FALSE, PURGE = FALSE, MATCH_BY_COLUMN_NAME =
// NONE, ENFORCE_LENGTH = TRUE (TRUNCATECOLUMNS = FALSE). Options the local engine cannot honour
// are refused by name rather than ignored; options that change nothing locally (SIZE_LIMIT is
// applied, LOAD_UNCERTAIN_FILES has no uncertain files to load) are accepted.

export type OnError =
  | { kind: 'ABORT_STATEMENT' }
  | { kind: 'CONTINUE' }
  | { kind: 'SKIP_FILE'; limit: number; percent: boolean };

export interface CopyOptions {
  onError: OnError;
  force: boolean;
  purge: boolean;
  matchByColumnName: 'NONE' | 'CASE_SENSITIVE' | 'CASE_INSENSITIVE';
  /** TRUNCATECOLUMNS = TRUE / ENFORCE_LENGTH = FALSE: cut long strings instead of failing. */
  truncateColumns: boolean;
  returnFailedOnly: boolean;
  /** Stop starting new files once this many bytes were loaded. */
  sizeLimit?: number;
  /** VALIDATION_MODE: RETURN_ERRORS, RETURN_ALL_ERRORS or RETURN_<n>_ROWS (n). */
  validation?: { kind: 'ERRORS' | 'ALL_ERRORS' } | { kind: 'ROWS'; rows: number };
}

const ACCEPTED = new Set(['ON_ERROR', 'FORCE', 'PURGE', 'MATCH_BY_COLUMN_NAME', 'TRUNCATECOLUMNS', 'ENFORCE_LENGTH', 'RETURN_FAILED_ONLY', 'SIZE_LIMIT', 'LOAD_UNCERTAIN_FILES', 'VALIDATION_MODE', 'FILE_PROCESSOR', 'LOAD_MODE']);

/** Copy options from the COPY statement over the stage's COPY_OPTIONS. */
export function copyOptionsOf(written: ReadonlyMap<string, OptionValue>, stageDefaults: Record<string, OptionValue> = {}): CopyOptions {
  const options = new Map<string, OptionValue>(Object.entries(stageDefaults));
  for (const [key, value] of written) options.set(key, value);
  for (const key of options.keys()) {
    if (key === 'INCLUDE_METADATA') throw unsupported('INCLUDE_METADATA is not supported by the local engine; select METADATA$FILENAME in a COPY transformation instead.');
    if (key === 'CREDENTIALS' || key === 'STORAGE_INTEGRATION' || key === 'ENCRYPTION') throw unsupported(`${key} applies to external locations, which the local engine does not load from.`);
    if (!ACCEPTED.has(key)) throw new SqlError('001008', '22023', `SQL compilation error:\ninvalid value '${key}' for property 'COPY_OPTIONS'.`);
  }
  const text = (key: string): string | undefined => optionText(options.get(key));
  const flag = (key: string, fallback: boolean): boolean => {
    const value = text(key);
    return value === undefined ? fallback : /^true$/i.test(value);
  };
  const match = (text('MATCH_BY_COLUMN_NAME') ?? 'NONE').toUpperCase();
  if (match !== 'NONE' && match !== 'CASE_SENSITIVE' && match !== 'CASE_INSENSITIVE') throw unsupported(`MATCH_BY_COLUMN_NAME = ${match}: use CASE_SENSITIVE, CASE_INSENSITIVE or NONE.`);
  const loadMode = text('LOAD_MODE');
  if (loadMode !== undefined && loadMode.toUpperCase() !== 'FULL_INGEST') throw unsupported(`LOAD_MODE = ${loadMode} is not available locally (FULL_INGEST is how it loads).`);
  const sizeLimit = text('SIZE_LIMIT');
  return {
    onError: onErrorOf(text('ON_ERROR')),
    force: flag('FORCE', false),
    purge: flag('PURGE', false),
    matchByColumnName: match,
    truncateColumns: flag('TRUNCATECOLUMNS', false) || !flag('ENFORCE_LENGTH', true),
    returnFailedOnly: flag('RETURN_FAILED_ONLY', false),
    sizeLimit: sizeLimit === undefined ? undefined : Number(sizeLimit),
    validation: validationOf(text('VALIDATION_MODE')),
  };
}

function onErrorOf(text: string | undefined): OnError {
  const value = (text ?? 'ABORT_STATEMENT').toUpperCase();
  if (value === 'ABORT_STATEMENT') return { kind: 'ABORT_STATEMENT' };
  if (value === 'CONTINUE') return { kind: 'CONTINUE' };
  if (value === 'SKIP_FILE') return { kind: 'SKIP_FILE', limit: 1, percent: false };
  const skip = /^SKIP_FILE_(\d+(?:\.\d+)?)(%?)$/.exec(value);
  if (skip) return { kind: 'SKIP_FILE', limit: Number(skip[1]), percent: skip[2] === '%' };
  throw unsupported(`ON_ERROR = ${text}: use CONTINUE, SKIP_FILE, SKIP_FILE_<n>, 'SKIP_FILE_<n>%' or ABORT_STATEMENT.`);
}

function validationOf(text: string | undefined): CopyOptions['validation'] {
  if (text === undefined) return undefined;
  const value = text.toUpperCase();
  if (value === 'RETURN_ERRORS') return { kind: 'ERRORS' };
  if (value === 'RETURN_ALL_ERRORS') return { kind: 'ALL_ERRORS' };
  const rows = /^RETURN_(\d+)_ROWS$/.exec(value);
  if (rows) return { kind: 'ROWS', rows: Number(rows[1]) };
  throw unsupported(`VALIDATION_MODE = ${text}: use RETURN_<n>_ROWS, RETURN_ERRORS or RETURN_ALL_ERRORS.`);
}

function unsupported(message: string): SqlError {
  return new SqlError('001003', '42000', `SQL compilation error:\n${message}`);
}
