import { SqlError } from '../../sqlError';
import { TargetColumn } from './loadTarget';

// A row a load could not take, described as Snowflake describes it in COPY's result
// (first_error, first_error_line, first_error_character, first_error_column_name) and in the
// error an ON_ERROR = ABORT_STATEMENT load fails with.

export interface LoadError {
  /** 1-based record of the file (headers not counted). */
  row: number;
  /** 1-based line the record starts on, and the line and character of the bad field. */
  rowLine: number;
  line: number;
  character: number;
  /** `"T"["A":1]`, or `"T"[3]` when no single column is to blame. */
  columnName: string | null;
  message: string;
  code: string;
  sqlState: string;
}

/** Snowflake's name of a table column in load errors: `"MYTABLE"["QUOTA":3]`. */
export function loadColumnName(table: string, column: TargetColumn): string {
  return `"${table}"["${column.name}":${column.ordinal}]`;
}

/** What a value that did not convert to the column's type is called (kind from the conversion, loadConversion.ts). */
export function conversionError(column: TargetColumn, kind: string, value: string | null): Pick<LoadError, 'message' | 'code' | 'sqlState'> {
  const type = column.type.toUpperCase();
  const text = value ?? 'NULL';
  if (kind === 'null') return { code: '100088', sqlState: '22000', message: 'NULL result in a non-nullable column' };
  if (kind === 'length') return { code: '100074', sqlState: '22000', message: `User character length limit (${/\((\d+)\)/.exec(type)?.[1] ?? '?'}) exceeded by string '${text}'` };
  if (kind === 'range') return { code: '100039', sqlState: '22003', message: `Numeric value '${text}' is out of range` };
  if (type.startsWith('NUMBER') || type.startsWith('FLOAT') || type.startsWith('DECIMAL')) return { code: '100038', sqlState: '22018', message: `Numeric value '${text}' is not recognized` };
  if (type === 'BOOLEAN') return { code: '100037', sqlState: '22018', message: `Boolean value '${text}' is not recognized` };
  if (type === 'DATE') return { code: '100040', sqlState: '22007', message: `Date '${text}' is not recognized` };
  if (type.startsWith('TIMESTAMP')) return { code: '100035', sqlState: '22007', message: `Timestamp '${text}' is not recognized` };
  if (type.startsWith('TIME')) return { code: '100108', sqlState: '22007', message: `Time '${text}' is not recognized` };
  if (type.startsWith('BINARY')) return { code: '100115', sqlState: '22000', message: `The following string is not a legal ${kind === 'base64' ? 'base64' : 'hex'}-encoded value: '${text}'` };
  if (type === 'VARIANT' || type === 'OBJECT' || type === 'ARRAY') return { code: '100069', sqlState: '22P02', message: `Error parsing JSON: ${text}` };
  return { code: '100038', sqlState: '22018', message: `Value '${text}' cannot be converted to ${column.type}` };
}

/** The error an ABORT_STATEMENT load fails with, naming the file, line, character, row and column. */
export function abortError(error: LoadError, file: string, queryId: string): SqlError {
  const row = error.rowLine === error.line ? `Row ${error.row}` : `Row ${error.row} starts at line ${error.rowLine}`;
  return new SqlError(
    error.code,
    error.sqlState,
    `${error.message}\n  File '${file}', line ${error.line}, character ${error.character}\n  ${row}${error.columnName ? `, column ${error.columnName}` : ''}\n` +
      "  If you would like to continue loading when an error is encountered, use other values such as 'SKIP_FILE' or 'CONTINUE' for the ON_ERROR option. " +
      "For more information on loading options, please run 'info loading_data' in a SQL client.",
    queryId,
  );
}
