import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { quoteStringLiteral } from '../../../sql/literals';
import { executionCancelled, SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { csvRecords } from './csvRecords';
import { FileFormat } from './fileFormat';
import { formatByName, formatForLoad } from './formatResolution';
import { jsonDocuments } from './jsonDocuments';
import { quote } from './loadTarget';
import { csvOptions, jsonOptions, parquetOptions } from './readerOptions';
import { SelectedFile, selectStagedFiles } from './stagedFileList';
import { stagedFileBytes, stagedText } from './stagedFileContent';
import { StagedReference } from './stagedSelect';
import { readStageProperties } from './stageProperties';
import { StageServices } from './stageServices';

// Fills the temporary table a query of staged files reads (stagedSelect.ts), on the connection
// that runs the query: "$1" … "$n" (CSV: one text column per field, as many as the widest
// record or the highest $n the query names, NULL where a record is shorter; JSON and Parquet:
// "$1" is the whole record as a VARIANT — a Parquet row as an OBJECT of its columns), then the
// METADATA$ columns: FILENAME (the path inside the stage), FILE_ROW_NUMBER, FILE_CONTENT_KEY
// (the file's MD5), FILE_LAST_MODIFIED and START_SCAN_TIME.

export const METADATA_COLUMNS = [
  '"METADATA$FILENAME" VARCHAR',
  '"METADATA$FILE_ROW_NUMBER" BIGINT',
  '"METADATA$FILE_CONTENT_KEY" VARCHAR',
  '"METADATA$FILE_LAST_MODIFIED" TIMESTAMP',
  '"METADATA$START_SCAN_TIME" TIMESTAMPTZ',
];

/** The Snowflake SQL that turns staged JSON text into VARIANT values (its macros must exist before a load's transaction). */
export const VARIANT_PROBE = 'SELECT PARSE_JSON("$1") FROM "__snowpark_local_probe"';

export interface SourceContext {
  session: DuckSession;
  services: StageServices;
  connection: DuckDBConnection;
  signal: AbortSignal;
  queryId: string;
}

export interface SourceChoice {
  /** The highest `$n` the query names. */
  columnsNamed: number;
  /** A COPY transformation reads one file at a time, with the COPY's format. */
  files?: SelectedFile[];
  format?: FileFormat;
}

export async function materializeStagedSource(reference: StagedReference, context: SourceContext, choice: SourceChoice): Promise<void> {
  const { services, session, connection } = context;
  const stage = services.stages.resolve(reference.location);
  const catalog = services.fileFormats.on(connection);
  const format =
    choice.format ??
    (reference.fileFormat !== undefined
      ? await formatByName(reference.fileFormat, session, catalog)
      : await formatForLoad(new Map(), readStageProperties(stage.folder), session, catalog));
  const files = (choice.files ?? selectStagedFiles(stage, undefined, reference.pattern)).filter((file) => !file.missing);
  const scanTime = new Date().toISOString();
  const metadata = files.map((file) => {
    const path = join(stage.folder, file.path);
    return { file, path, md5: createHash('md5').update(readFileSync(path)).digest('hex'), modified: statSync(path).mtime.toISOString().replace('T', ' ').replace('Z', '') };
  });
  const table = reference.table;
  if (format.type === 'CSV') {
    const options = csvOptions(format);
    const perFile = metadata.map((entry) => {
      const text = stagedText(stagedFileBytes(entry.path, entry.file.display, options.compression), entry.file.display, options);
      const rows: Array<Array<string | null>> = [];
      let skip = options.skipHeader + (options.parseHeader ? 1 : 0);
      for (const record of csvRecords(text, options)) {
        if (skip > 0) {
          skip--;
          continue;
        }
        if (record.error) {
          throw new SqlError(record.error.code, '22000', `${record.error.message}\n  File '${entry.file.display}', line ${record.line}, character ${record.error.character}\n  Row ${rows.length + 1} starts at line ${record.line}`, context.queryId);
        }
        rows.push(record.fields.map((field) => field.value));
      }
      return rows;
    });
    let width = Math.max(1, choice.columnsNamed);
    for (const rows of perFile) for (const row of rows) width = Math.max(width, row.length);
    await connection.run(`CREATE TEMP TABLE ${quote(table)} (${[...Array.from({ length: width }, (_v, i) => `"$${i + 1}" VARCHAR`), ...METADATA_COLUMNS].join(', ')})`);
    const appender = await connection.createAppender(table, 'main', 'temp');
    try {
      for (const [index, rows] of perFile.entries()) {
        const entry = metadata[index];
        for (const [row, values] of rows.entries()) {
          for (let i = 0; i < width; i++) {
            const value = values[i];
            if (value === null || value === undefined) appender.appendNull();
            else appender.appendVarchar(value);
          }
          appendMetadata(appender, entry, row + 1, scanTime);
        }
        if (context.signal.aborted) throw executionCancelled(context.queryId);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    return;
  }
  if (format.type !== 'JSON' && format.type !== 'PARQUET') {
    throw new SqlError('001003', '42000', `SQL compilation error:\nThe local engine reads staged CSV, JSON and PARQUET files; ${format.type} is not supported.`, context.queryId);
  }
  const raw = `${table}_raw`;
  await connection.run(`CREATE TEMP TABLE ${quote(raw)} ("$1" VARCHAR, ${METADATA_COLUMNS.join(', ')})`);
  try {
    if (format.type === 'JSON') {
      const options = jsonOptions(format);
      const appender = await connection.createAppender(raw, 'main', 'temp');
      try {
        for (const entry of metadata) {
          const text = stagedText(stagedFileBytes(entry.path, entry.file.display, options.compression), entry.file.display, options);
          let row = 0;
          for (const document of jsonDocuments(text, options.stripOuterArray)) {
            row++;
            if (document.error !== undefined) {
              throw new SqlError('100069', '22P02', `Error parsing JSON: ${document.error}\n  File '${entry.file.display}', line ${document.line}, character ${document.character}\n  Row ${row} starts at line ${document.line}`, context.queryId);
            }
            appender.appendVarchar(options.stripNullValues ? JSON.stringify(JSON.parse(document.text), (_k, v: unknown) => (v === null ? undefined : v)) : document.text);
            appendMetadata(appender, entry, row, scanTime);
          }
          if (context.signal.aborted) throw executionCancelled(context.queryId);
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    } else {
      const options = parquetOptions(format);
      for (const entry of metadata) {
        const source = `read_parquet(${quoteStringLiteral(entry.path)}, file_row_number = true, binary_as_string = ${options.binaryAsText})`;
        const names = (await connection.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${source}`)).getRows().map((row) => String(row[0]));
        await connection.run(
          `INSERT INTO ${quote(raw)} SELECT CAST(json_object(${names.map((name) => `${quoteStringLiteral(name)}, ${quote(name)}`).join(', ')}) AS VARCHAR), ` +
            `${quoteStringLiteral(entry.file.path)}, file_row_number + 1, ${quoteStringLiteral(entry.md5)}, ${quoteStringLiteral(entry.modified)}, ${quoteStringLiteral(scanTime)} FROM ${source}`,
        );
        if (context.signal.aborted) throw executionCancelled(context.queryId);
      }
    }
    // PARSE_JSON as the dialect runs it: VARIANT values as Snowflake keeps them (OBJECT keys sorted …).
    const variant = await services.toDuckDb(
      `SELECT PARSE_JSON("$1") AS "$1", "METADATA$FILENAME", "METADATA$FILE_ROW_NUMBER", "METADATA$FILE_CONTENT_KEY", "METADATA$FILE_LAST_MODIFIED", "METADATA$START_SCAN_TIME" FROM ${quote(raw)}`,
    );
    await connection.run(`CREATE TEMP TABLE ${quote(table)} AS ${variant}`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${quote(raw)}`);
  }
}

/** Drops a statement's staged tables (after it ran, whatever happened). */
export async function dropStagedSources(references: readonly StagedReference[], connection: DuckDBConnection): Promise<void> {
  for (const reference of references) await connection.run(`DROP TABLE IF EXISTS ${quote(reference.table)}`);
}

function appendMetadata(
  appender: { appendVarchar(value: string): void; appendBigInt(value: bigint): void; endRow(): void },
  entry: { file: SelectedFile; md5: string; modified: string },
  row: number,
  scanTime: string,
): void {
  appender.appendVarchar(entry.file.path);
  appender.appendBigInt(BigInt(row));
  appender.appendVarchar(entry.md5);
  appender.appendVarchar(entry.modified);
  appender.appendVarchar(scanTime);
  appender.endRow();
}
