import { QueryResult } from '../../../runner/protocol';
import { LoadError } from './loadErrors';

// COPY INTO <table>'s answer (docs: COPY INTO <table>, "Output"): one row per file with its
// load status, or one status row when no file was loaded ("Copy executed with 0 files
// processed." — also when every file had been loaded before).

export type LoadStatus = 'LOADED' | 'LOAD_FAILED' | 'PARTIALLY_LOADED';

export interface FileResult {
  file: string;
  status: LoadStatus;
  rowsParsed: number;
  rowsLoaded: number;
  errorLimit: number;
  errorsSeen: number;
  firstError?: LoadError;
}

const NUMBER = 'NUMBER(38,0)';

export function loadResult(files: readonly FileResult[], queryId: string): QueryResult {
  if (files.length === 0) {
    return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [['Copy executed with 0 files processed.']], rowCount: 1 };
  }
  const cells = <T>(pick: (file: FileResult) => T): T[] => files.map(pick);
  return {
    queryId,
    columns: [
      { name: 'file', type: 'VARCHAR' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'rows_parsed', type: NUMBER },
      { name: 'rows_loaded', type: NUMBER },
      { name: 'error_limit', type: NUMBER },
      { name: 'errors_seen', type: NUMBER },
      { name: 'first_error', type: 'VARCHAR' },
      { name: 'first_error_line', type: NUMBER },
      { name: 'first_error_character', type: NUMBER },
      { name: 'first_error_column_name', type: 'VARCHAR' },
    ],
    data: [
      cells((f) => f.file),
      cells((f) => f.status),
      cells((f) => f.rowsParsed),
      cells((f) => f.rowsLoaded),
      cells((f) => f.errorLimit),
      cells((f) => f.errorsSeen),
      cells((f) => f.firstError?.message ?? null),
      cells((f) => f.firstError?.line ?? null),
      cells((f) => f.firstError?.character ?? null),
      cells((f) => f.firstError?.columnName ?? null),
    ],
    rowCount: files.length,
  };
}
