import { existsSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { QueryResult } from '../../../runner/protocol';
import { quoteStringLiteral } from '../../../sql/literals';
import { executionCancelled, SqlError } from '../../sqlError';
import { snowflakeTypeOf } from '../snowflakeTypes';
import { OptionValue, parseCopyIntoLocation } from './copyIntoLocation';
import { StageFolders } from './stageFolders';
import { unloadFileName } from './unloadFileNames';
import { TextCompression, UnloadSpec, unloadSpec } from './unloadOptions';
import { makeDirectory } from '../../../util/makeDirectory';

// Runs COPY INTO <location> on DuckDB: the query's rows become files in a local stage folder.
// Every file is written under a hidden temporary name and renamed only once all of them are
// complete, so a cancelled or failed unload leaves nothing LIST would show (Snowflake's own
// cancelled unloads can leave files; leaving none is the safer local behaviour).

export interface UnloadContext {
  connection: DuckDBConnection;
  values: readonly DuckDBValue[];
  signal: AbortSignal;
  queryId: string;
  /** FILE_FORMAT = ( FORMAT_NAME = name ): the named format's options, TYPE included. */
  namedFormat?: (name: string) => Promise<Map<string, OptionValue>>;
}

interface PlannedFile {
  /** Path inside the stage. */
  name: string;
  temporary: string;
  rows: number;
  inputBytes: number;
  outputBytes: number;
}

const PARTITION_COLUMN = '__snowpark_local_partition__';
export const TEMPORARY_PREFIX = '.snowpark-local-unload-';

export async function runUnload(originalSql: string, duckDbSql: string, stages: StageFolders, context: UnloadContext): Promise<QueryResult> {
  const original = parseCopyIntoLocation(originalSql);
  const formatName = original.format.get('FORMAT_NAME');
  if (formatName && !original.format.has('TYPE') && context.namedFormat) {
    original.format = await context.namedFormat(Array.isArray(formatName) ? formatName[0] : formatName.text);
  }
  const spec = unloadSpec(original);
  const translated = parseCopyIntoLocation(duckDbSql);
  const target = stages.resolve(original.location);
  const { connection, signal, queryId } = context;
  const run = async (sql: string) => (context.values.length ? connection.run(sql, [...context.values]) : connection.run(sql));
  const interrupt = (): void => connection.interrupt();
  signal.addEventListener('abort', interrupt, { once: true });
  const files: PlannedFile[] = [];
  let renamed = false;
  try {
    const shape = await run(`SELECT * FROM (${translated.query}) AS __q LIMIT 0`);
    const names = shape.columnNames();
    const types = shape.columnTypes().map(snowflakeTypeOf);
    const partitionSql = translated.partitionBy ? `CAST((${translated.partitionBy}) AS VARCHAR)` : undefined;
    const plan = (partition: string | null | undefined, rows: number, index: number): PlannedFile => {
      const name = unloadFileName(target.path, spec, queryId, partition);
      const path = join(target.folder, name);
      makeDirectory(dirname(path));
      if (existsSync(path) && !spec.overwrite) {
        throw new SqlError('001030', '22000', `Files already existing at the unload destination: ${target.display}. Use overwrite option to force unloading.`, queryId);
      }
      const file = { name, temporary: join(dirname(path), `${TEMPORARY_PREFIX}${queryId}-${index}.tmp`), rows, inputBytes: 0, outputBytes: 0 };
      files.push(file);
      return file;
    };
    if (spec.format === 'PARQUET') {
      const partitions: Array<string | null | undefined> = partitionSql
        ? ((await (await run(`SELECT DISTINCT ${partitionSql} AS p FROM (${translated.query}) AS __q ORDER BY p NULLS LAST`)).getRowsJson()) as Array<Array<string | null>>).map((row) => row[0])
        : [undefined];
      const columns = names.map((name, i) => `${quoteName(name)} AS ${quoteName(spec.header ? name.toUpperCase() : `col${i + 1}`)}`).join(', ');
      for (const [index, partition] of partitions.entries()) {
        const file = plan(partition, 0, index);
        const where = partitionSql ? ` WHERE ${partitionSql} IS NOT DISTINCT FROM ${partition === null ? 'NULL' : quoteStringLiteral(partition!)}` : '';
        const copied = await run(`COPY (SELECT ${columns} FROM (${translated.query}) AS __q${where}) TO ${quoteStringLiteral(file.temporary)} (FORMAT parquet, COMPRESSION ${spec.parquetCompression})`);
        file.rows = Number(copied.rowsChanged);
        file.outputBytes = file.inputBytes = statSync(file.temporary).size;
        if (signal.aborted) throw executionCancelled(queryId);
      }
    } else {
      if (spec.format === 'JSON' && (names.length !== 1 || !['VARIANT', 'OBJECT', 'ARRAY'].includes(types[0]))) {
        throw new SqlError('001003', '42000', `SQL compilation error:\nCOPY INTO ${target.display}: JSON file format can produce one and only one column of type variant, object, or array; ` +
          `the query gives ${names.length} column(s) (${types.join(', ')}). Select one OBJECT_CONSTRUCT(*) column, or use TYPE = CSV.`, queryId);
      }
      const semiStructured = types.map((type) => ['VARIANT', 'OBJECT', 'ARRAY'].includes(type));
      const select = names.map((name, i) => `CAST(${semiStructured[i] ? `to_json(${quoteName(name)})` : quoteName(name)} AS VARCHAR)`);
      if (partitionSql) select.push(`${partitionSql} AS ${PARTITION_COLUMN}`);
      const rows = (await (await run(`SELECT ${select.join(', ')} FROM (${translated.query}) AS __q`)).getRowsJson()) as Array<Array<string | null>>;
      if (signal.aborted) throw executionCancelled(queryId);
      const groups = new Map<string | null | undefined, Array<Array<string | null>>>();
      for (const row of rows) {
        const key = partitionSql ? row[names.length] : undefined;
        if (!groups.has(key)) groups.set(key, []);
        groups.get(key)!.push(row);
      }
      const textColumns = types.map((type) => type === 'VARCHAR' || type.startsWith('VARCHAR'));
      for (const [partition, groupRows] of groups) {
        const lines = spec.format === 'JSON' ? jsonLines(groupRows) : csvText(groupRows, names, textColumns, spec);
        const file = plan(partition, lines.rows, files.length);
        const input = Buffer.from(lines.text, 'utf8');
        const output = compress(input, spec.compression);
        writeFileSync(file.temporary, output);
        file.inputBytes = input.length;
        file.outputBytes = output.length;
      }
    }
    // Snowflake writes no file for no rows; an empty Parquet file DuckDB wrote is dropped too.
    for (const file of files.filter((f) => f.rows === 0)) unlinkSync(file.temporary);
    const written = files.filter((f) => f.rows > 0);
    if (signal.aborted) throw executionCancelled(queryId);
    for (const file of written) renameSync(file.temporary, join(target.folder, file.name));
    renamed = true;
    return unloadResult(written, spec, queryId);
  } finally {
    signal.removeEventListener('abort', interrupt);
    if (!renamed) for (const file of files) if (existsSync(file.temporary)) unlinkSync(file.temporary);
  }
}

function csvText(rows: Array<Array<string | null>>, names: string[], textColumns: boolean[], spec: UnloadSpec): { text: string; rows: number } {
  const enclose = (value: string): string => (spec.enclosedBy ? spec.enclosedBy + value.split(spec.enclosedBy).join(spec.enclosedBy + spec.enclosedBy) + spec.enclosedBy : value);
  const records: string[] = [];
  if (spec.header) records.push(names.map((name) => enclose(name.toUpperCase())).join(spec.fieldDelimiter));
  for (const row of rows) {
    records.push(names.map((_n, i) => (row[i] === null ? spec.nullText : textColumns[i] ? enclose(row[i]!) : row[i]!)).join(spec.fieldDelimiter));
  }
  return { text: records.map((record) => record + spec.recordDelimiter).join(''), rows: rows.length };
}

/** One JSON value per line; a NULL row has no JSON text, so it is not written (nor counted). */
function jsonLines(rows: Array<Array<string | null>>): { text: string; rows: number } {
  const values = rows.map((row) => row[0]).filter((value): value is string => value !== null);
  return { text: values.map((value) => `${value}\n`).join(''), rows: values.length };
}

function compress(data: Buffer, compression: TextCompression): Buffer {
  switch (compression) {
    case 'GZIP': return gzipSync(data);
    case 'DEFLATE': return deflateSync(data);
    case 'RAW_DEFLATE': return deflateRawSync(data);
    case 'BROTLI': return brotliCompressSync(data);
    default: return data;
  }
}

function unloadResult(files: PlannedFile[], spec: UnloadSpec, queryId: string): QueryResult {
  const number = 'NUMBER(38,0)';
  if (spec.detailedOutput) {
    return {
      queryId,
      columns: [{ name: 'FILE_NAME', type: 'VARCHAR' }, { name: 'FILE_SIZE', type: number }, { name: 'ROW_COUNT', type: number }],
      data: [files.map((f) => f.name), files.map((f) => f.outputBytes), files.map((f) => f.rows)],
      rowCount: files.length,
    };
  }
  const sum = (pick: (f: PlannedFile) => number): number => files.reduce((total, f) => total + pick(f), 0);
  return {
    queryId,
    columns: [{ name: 'rows_unloaded', type: number }, { name: 'input_bytes', type: number }, { name: 'output_bytes', type: number }],
    data: [[sum((f) => f.rows)], [sum((f) => f.inputBytes)], [sum((f) => f.outputBytes)]],
    rowCount: 1,
  };
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

