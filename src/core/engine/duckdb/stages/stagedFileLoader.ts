import { DuckDBConnection } from '@duckdb/node-api';
import { quoteStringLiteral } from '../../../sql/literals';
import { executionCancelled } from '../../sqlError';
import { FileFormat } from './fileFormat';
import { ColumnMapping, csvFileRecords, isSemiStructured, jsonFileRecords, MappedRecord, matchIndex } from './fileRecords';
import { ConversionInput, conversionQuery } from './loadConversion';
import { conversionError, LoadError, loadColumnName } from './loadErrors';
import { LoadTarget, quote, TargetColumn } from './loadTarget';
import { csvOptions, jsonOptions, parquetOptions, textFormats } from './readerOptions';
import { stagedFileBytes, stagedText } from './stagedFileContent';

// One staged file made ready to load, without loading it: its records go to a staging table
// of text values (CSV and JSON parsed here, Parquet read by DuckDB), then one query converts
// them to the table's types and marks the rows that fail (loadConversion.ts). What comes back
// says how many rows the file has, how many failed and the first failure, so COPY can apply
// ON_ERROR per file before any row reaches the table.

export interface LoadPlan {
  target: LoadTarget;
  /** The loaded columns, in the order of the staging table's "v1" … "vN". */
  columns: TargetColumn[];
  mapping: ColumnMapping;
  format: FileFormat;
  truncateColumns: boolean;
}

export interface StagingContext {
  connection: DuckDBConnection;
  /** Snowflake SQL → DuckDB SQL (the dialect layer). */
  toDuckDb(sql: string): Promise<string>;
  signal: AbortSignal;
  queryId: string;
  /** A fresh temporary table name. */
  tableName(kind: string): string;
}

export interface StagedFile {
  rowsParsed: number;
  errorsSeen: number;
  firstError?: LoadError;
  /** The temporary table of converted rows: "c1" … "cN", "__err" NULL for rows to load. */
  converted: string;
}

/** Records read per pause: the event loop (and a cancel) gets a turn between batches. */
const BATCH = 5000;

export async function stageFile(path: string, display: string, plan: LoadPlan, context: StagingContext): Promise<StagedFile> {
  const staging = context.tableName('stg');
  await context.connection.run(`CREATE TEMP TABLE ${quote(staging)} ("__row" BIGINT, ${plan.columns.map((_c, i) => `"v${i + 1}" VARCHAR`).join(', ')})`);
  try {
    const read = plan.format.type === 'PARQUET' ? await stageParquet(path, staging, plan, context) : await stageText(path, display, staging, plan, context);
    if (context.signal.aborted) throw executionCancelled(context.queryId);
    const inputs: ConversionInput[] = plan.columns.map((column) => ({ column, formatted: plan.format.type !== 'PARQUET' }));
    return await convertStagedRows(staging, inputs, read, plan, context);
  } finally {
    await context.connection.run(`DROP TABLE IF EXISTS ${quote(staging)}`);
  }
}

/**
 * Converts a staging table's rows ("__row", "v1" … "vN") to the loaded columns' types into a
 * new temporary table, and finds how many failed and the first failure (read errors included).
 */
export async function convertStagedRows(staging: string, inputs: readonly ConversionInput[], read: ReadResult, plan: LoadPlan, context: StagingContext): Promise<StagedFile> {
  const { connection } = context;
  const converted = context.tableName('conv');
  const query = await context.toDuckDb(conversionQuery(quote(staging), inputs, textFormats(plan.format), plan.truncateColumns));
  await connection.run(`CREATE TEMP TABLE ${quote(converted)} AS ${query}`);
  const [[failed]] = (await connection.runAndReadAll(`SELECT count(*) FROM ${quote(converted)} WHERE "__err" IS NOT NULL`)).getRows();
  let firstError = read.firstError;
  if (Number(failed) > 0) {
    const [row] = (await connection.runAndReadAll(`SELECT * FROM ${quote(converted)} WHERE "__err" IS NOT NULL ORDER BY "__row" LIMIT 1`)).getRowObjectsJson();
    const rowNumber = Number(row.__row);
    if (!firstError || rowNumber < firstError.row) firstError = conversionFailure(row, rowNumber, read, plan);
  }
  return { rowsParsed: read.rows, errorsSeen: read.errors + Number(failed), firstError, converted };
}

export interface ReadResult {
  rows: number;
  errors: number;
  firstError?: LoadError;
  /**
   * Where a row came from: its line and each value's character. Found again by reading the
   * file up to that row, only for the one row an error names (keeping every row's positions
   * cost more than the load itself). Undefined for Parquet: the row number is the line.
   */
  locate?: (row: number) => { line: number; characters: number[] };
}

async function stageText(path: string, display: string, staging: string, plan: LoadPlan, context: StagingContext): Promise<ReadResult> {
  const bytes = stagedFileBytes(path, display, plan.format.type === 'CSV' ? csvOptions(plan.format).compression : jsonOptions(plan.format).compression);
  let read: () => Generator<MappedRecord>;
  if (plan.format.type === 'CSV') {
    const options = csvOptions(plan.format);
    const text = stagedText(bytes, display, options);
    read = () => csvFileRecords(text, options, plan.mapping);
  } else {
    const options = jsonOptions(plan.format);
    const text = stagedText(bytes, display, options);
    read = () => jsonFileRecords(text, options, plan.mapping);
  }
  const locate = (row: number): { line: number; characters: number[] } => {
    let at = 0;
    for (const record of read()) if (++at === row) return { line: record.line, characters: record.characters };
    return { line: row, characters: [] };
  };
  const appender = await context.connection.createAppender(staging, 'main', 'temp');
  const result: ReadResult = { rows: 0, errors: 0, locate };
  try {
    for (const record of read()) {
      const row = ++result.rows;
      if (record.error) {
        result.errors++;
        result.firstError ??= {
          row,
          rowLine: record.line,
          line: record.line,
          character: record.error.character,
          columnName: record.error.fieldCount !== undefined ? `"${plan.target.name}"[${record.error.fieldCount}]` : null,
          message: record.error.message,
          code: record.error.code,
          sqlState: record.error.sqlState,
        };
        continue;
      }
      appender.appendBigInt(BigInt(row));
      for (const value of record.values) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
      if (row % BATCH === 0) {
        await new Promise((resolve) => setImmediate(resolve));
        if (context.signal.aborted) throw executionCancelled(context.queryId);
      }
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return result;
}

async function stageParquet(path: string, staging: string, plan: LoadPlan, context: StagingContext): Promise<ReadResult> {
  const options = parquetOptions(plan.format);
  const source = `read_parquet(${quoteStringLiteral(path)}, file_row_number = true, binary_as_string = ${options.binaryAsText})`;
  const described = (await context.connection.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${source}`)).getRows();
  const fileColumns = described.map((row) => ({ name: String(row[0]), nested: /^(STRUCT|MAP|UNION)|\[\]$|\]$/.test(String(row[1])) }));
  const text = (column: { name: string; nested: boolean }): string => (column.nested ? `CAST(to_json(${quote(column.name)}) AS VARCHAR)` : `CAST(${quote(column.name)} AS VARCHAR)`);
  let values: string[];
  if (plan.mapping.kind === 'name') {
    const names = fileColumns.map((column) => column.name);
    const caseSensitive = plan.mapping.caseSensitive;
    values = plan.columns.map((column) => {
      const index = matchIndex(names, column.name, caseSensitive);
      if (index < 0) return 'NULL';
      const file = fileColumns[index];
      return isSemiStructured(column) ? `CAST(to_json(${quote(file.name)}) AS VARCHAR)` : text(file);
    });
  } else {
    values = [`CAST(json_object(${fileColumns.map((column) => `${quoteStringLiteral(column.name)}, ${quote(column.name)}`).join(', ')}) AS VARCHAR)`];
  }
  const inserted = await context.connection.run(`INSERT INTO ${quote(staging)} SELECT file_row_number + 1, ${values.join(', ')} FROM ${source}`);
  return { rows: Number(inserted.rowsChanged), errors: 0 };
}

function conversionFailure(row: Record<string, unknown>, rowNumber: number, read: ReadResult, plan: LoadPlan): LoadError {
  const [indexText, kind] = String(row.__err).split(':');
  const index = Number(indexText);
  const column = plan.columns[index - 1];
  const value = row[`v${index}`];
  const found = read.locate?.(rowNumber);
  const line = found?.line ?? rowNumber;
  return {
    row: rowNumber,
    rowLine: line,
    line,
    character: found?.characters[index - 1] ?? 1,
    columnName: loadColumnName(plan.target.name, column),
    ...conversionError(column, kind === 'invalid' && column.type.startsWith('BINARY') && textFormats(plan.format).binary === 'BASE64' ? 'base64' : kind, value === null || value === undefined ? null : String(value)),
  };
}
