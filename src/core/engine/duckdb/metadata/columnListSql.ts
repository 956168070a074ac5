import { DuckSession } from '../session/duckSession';
import { dataTypeSql, MAX_BINARY_LENGTH, MAX_VARCHAR_LENGTH, objectsSql, snowflakeName, varcharLengthSql } from './catalogSql';

// SHOW COLUMNS (https://docs.snowflake.com/en/sql-reference/sql/show-columns): one row per
// column of every table and view in scope. data_type is the JSON object Snowflake prints,
// e.g. {"type":"FIXED","precision":38,"scale":0,"nullable":true}; "null?" is 'true'/'false'.

export const SHOW_COLUMNS = [
  'table_name', 'schema_name', 'column_name', 'data_type', 'null?', 'default', 'kind', 'expression', 'comment', 'database_name',
  'autoincrement', 'schema_evolution_record',
];

/** The columns of the objects `objectFilter` keeps (a predicate on o.db, o.sch, o.name). */
export function columnListSql(session: DuckSession, objectFilter: string): { sql: string; columns: string[] } {
  const family = dataTypeSql('c.data_type');
  const nullable = `CASE WHEN c.is_nullable THEN 'true' ELSE 'false' END`;
  const precision = `CASE WHEN c.data_type LIKE 'DECIMAL(%' THEN c.numeric_precision ELSE 38 END`;
  const scale = `CASE WHEN c.data_type LIKE 'DECIMAL(%' THEN c.numeric_scale ELSE 0 END`;
  // byteLength: up to 4 bytes per UTF-8 character, never past the length of an unlimited VARCHAR.
  const length = varcharLengthSql('c');
  const dataType = `CASE ${family}
    WHEN 'NUMBER' THEN '{"type":"FIXED","precision":' || (${precision}) || ',"scale":' || (${scale}) || ',"nullable":' || ${nullable} || '}'
    WHEN 'FLOAT' THEN '{"type":"REAL","nullable":' || ${nullable} || '}'
    WHEN 'TEXT' THEN '{"type":"TEXT","length":' || (${length}) || ',"byteLength":' || least(4 * (${length}), greatest(${length}, ${MAX_VARCHAR_LENGTH})) || ',"nullable":' || ${nullable} || ',"fixed":false}'
    WHEN 'BINARY' THEN '{"type":"BINARY","length":${MAX_BINARY_LENGTH},"byteLength":${MAX_BINARY_LENGTH},"nullable":' || ${nullable} || ',"fixed":false}'
    WHEN 'TIME' THEN '{"type":"TIME","precision":0,"scale":9,"nullable":' || ${nullable} || '}'
    WHEN 'TIMESTAMP_NTZ' THEN '{"type":"TIMESTAMP_NTZ","precision":0,"scale":9,"nullable":' || ${nullable} || '}'
    WHEN 'TIMESTAMP_TZ' THEN '{"type":"TIMESTAMP_TZ","precision":0,"scale":9,"nullable":' || ${nullable} || '}'
    ELSE '{"type":"' || ${family} || '","nullable":' || ${nullable} || '}' END`;
  const sql =
    `SELECT o.name AS table_name, o.sch AS schema_name, ${snowflakeName('c.column_name')} AS column_name, ${dataType} AS data_type, ` +
    `${nullable} AS "null?", coalesce(c.column_default, '') AS "default", 'COLUMN' AS kind, '' AS expression, coalesce(c.comment, '') AS comment, ` +
    `o.db AS database_name, '' AS autoincrement, NULL::VARCHAR AS schema_evolution_record, c.column_index AS ordinal, ${snowflakeName('c.column_name')} AS name ` +
    `FROM (${objectsSql(session)}) AS o JOIN duckdb_columns() AS c ` +
    `ON c.database_name = o.duck_db AND c.schema_name = o.duck_schema AND c.table_name = o.duck_name WHERE ${objectFilter}`;
  return { sql, columns: SHOW_COLUMNS };
}
