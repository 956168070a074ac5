import { join } from 'node:path';
import { DuckDBConnection } from '@duckdb/node-api';
import { QueryResult } from '../../../runner/protocol';
import { quoteStringLiteral } from '../../../sql/literals';
import { isTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree } from '../../../sql/tokenTree';
import { compilationError, SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { formatByName } from './formatResolution';
import { optionText, optionValue, readOptionPairs } from './optionList';
import { selectStagedFiles } from './stagedFileList';
import { StageServices } from './stageServices';

// INFER_SCHEMA over staged Parquet files (docs: INFER_SCHEMA), as Snowpark's DataFrameReader
// asks it before reading Parquet without a schema:
//   SELECT * FROM TABLE(INFER_SCHEMA(LOCATION => '@stage/path', FILE_FORMAT => 'fmt' [, FILES => …]))
//     [ORDER BY ORDER_ID[, COLUMN_NAME]]
// → COLUMN_NAME, TYPE, NULLABLE, EXPRESSION, FILENAMES, ORDER_ID: one row per column, the
// columns of every file by name in the order first seen. Column types come from DuckDB's
// reading of the files, named as Snowflake names Parquet's (TEXT, NUMBER(38, 0), REAL …).
// CSV and JSON are refused by name: inferring their types is not done locally.

const INFER = /^\s*select\s+\*\s+from\s+table\s*\(\s*infer_schema\s*(\([\s\S]*\))\s*\)\s*(?:order\s+by\s+order_id(?:\s*,\s*column_name)?\s*)?;?\s*$/i;

export function isInferSchema(sql: string): boolean {
  return /\binfer_schema\b/i.test(sql) && INFER.test(sql);
}

export async function runInferSchema(sql: string, session: DuckSession, services: StageServices, queryId: string): Promise<QueryResult> {
  const [group] = buildTokenTree(scanSql(INFER.exec(sql)![1])).filter((node) => !isTrivia(node));
  const where = 'INFER_SCHEMA';
  const args = new Map<string, ReturnType<typeof optionValue>>();
  for (const { key, value } of readOptionPairs(group.type === 'group' ? group.children : [], 0, where).pairs) args.set(key, optionValue(value, key, where));
  const location = optionText(args.get('LOCATION'));
  const formatName = optionText(args.get('FILE_FORMAT'));
  if (!location || !formatName) throw compilationError('INFER_SCHEMA needs LOCATION => \'@stage/path\' and FILE_FORMAT => \'format name\'.');
  const format = await formatByName(formatName, session, services.fileFormats);
  if (format.type !== 'PARQUET') {
    throw new SqlError('001003', '42000', `SQL compilation error:\nINFER_SCHEMA on ${format.type} files is not supported by the local engine (it infers Parquet files); give the columns yourself, e.g. session.read.schema(…).`, queryId);
  }
  const stage = services.stages.resolve(location);
  const files = args.get('FILES');
  const selected = selectStagedFiles(stage, files === undefined ? undefined : Array.isArray(files) ? files : [files.text], undefined).filter((file) => !file.missing);
  const columns = new Map<string, { type: string; files: string[] }>();
  const connection = await services.connections.acquire(session, { signal: new AbortController().signal, queryId });
  try {
    for (const file of selected) {
      for (const [name, type] of await parquetColumns(connection, join(stage.folder, file.path))) {
        const entry = columns.get(name) ?? { type: snowflakeType(type), files: [] };
        entry.files.push(file.path);
        columns.set(name, entry);
      }
    }
  } finally {
    services.connections.release(connection);
  }
  const entries = [...columns.entries()];
  return {
    queryId,
    columns: [
      { name: 'COLUMN_NAME', type: 'VARCHAR' },
      { name: 'TYPE', type: 'VARCHAR' },
      { name: 'NULLABLE', type: 'BOOLEAN' },
      { name: 'EXPRESSION', type: 'VARCHAR' },
      { name: 'FILENAMES', type: 'VARCHAR' },
      { name: 'ORDER_ID', type: 'NUMBER(38,0)' },
    ],
    data: [
      entries.map(([name]) => name),
      entries.map(([, entry]) => entry.type),
      entries.map(() => true),
      entries.map(([name, entry]) => `$1:"${name.replace(/"/g, '""')}"::${entry.type}`),
      entries.map(([, entry]) => entry.files.join(',')),
      entries.map((_e, i) => i),
    ],
    rowCount: entries.length,
  };
}

async function parquetColumns(connection: DuckDBConnection, path: string): Promise<Array<[string, string]>> {
  const rows = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${quoteStringLiteral(path)})`)).getRows();
  return rows.map((row) => [String(row[0]), String(row[1])]);
}

/** A Parquet column's type as INFER_SCHEMA names it. */
function snowflakeType(duckType: string): string {
  const type = duckType.toUpperCase();
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/.exec(type);
  if (decimal) return `NUMBER(${decimal[1]}, ${decimal[2]})`;
  if (/^U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)$/.test(type)) return 'NUMBER(38, 0)';
  if (type === 'FLOAT' || type === 'DOUBLE') return 'REAL';
  if (type === 'VARCHAR') return 'TEXT';
  if (type === 'BLOB') return 'BINARY';
  if (type === 'BOOLEAN' || type === 'DATE') return type;
  if (type.startsWith('TIME') && !type.startsWith('TIMESTAMP')) return 'TIME';
  if (type === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMP_TZ';
  if (type.startsWith('TIMESTAMP')) return 'TIMESTAMP_NTZ';
  if (type.endsWith(']')) return 'ARRAY';
  if (type.startsWith('STRUCT') || type.startsWith('MAP')) return 'OBJECT';
  return 'VARIANT';
}
