import { SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { describeTypeSql, literal, objectsSql, snowflakeName, varcharLengthSql } from './catalogSql';
import { MetadataQuery } from './metadataQuery';
import { displayName, nameParts, OBJECT_NAME, qualifiedParts } from './objectNames';

// DESCRIBE | DESC TABLE t / VIEW v (https://docs.snowflake.com/en/sql-reference/sql/desc-table):
// one row per column with Snowflake's columns and type names (NUMBER(38,0), VARCHAR(16777216)
// …). A VARCHAR(n) column shows the length its CHECK enforces.

const DESCRIBE = new RegExp(String.raw`^\s*(?:describe|desc)\s+(table|view)\s+(${OBJECT_NAME})(?:\s+type\s*=\s*columns)?\s*;?\s*$`, 'i');

export const DESCRIBE_COLUMNS = [
  'name', 'type', 'kind', 'null?', 'default', 'primary key', 'unique key', 'check', 'expression', 'comment', 'policy name', 'privacy domain',
];

/** Reads the catalog with the session's search path. */
export type CatalogLookup = (sql: string, values: Array<string | null>) => Promise<unknown[][]>;

/** The query answering DESCRIBE TABLE/VIEW, or undefined when the statement is not one. */
export async function describeQuery(sql: string, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<MetadataQuery | undefined> {
  const match = DESCRIBE.exec(sql);
  if (!match) return undefined;
  const parts = nameParts(match[2]);
  const { database, schema } = session.context;
  const [db, sch, name] = qualifiedParts(parts, database, schema);
  // A temporary table hides a permanent one of the same name, as in Snowflake.
  const found = await lookup(
    `SELECT duck_db, duck_schema, duck_name FROM (${objectsSql(session)}) ` +
      'WHERE lower(db) = lower($1) AND lower(sch) = lower($2) AND lower(name) = lower($3) ORDER BY is_temporary DESC LIMIT 1',
    [db, sch, name],
  );
  if (found.length === 0) {
    const what = match[1].toLowerCase() === 'view' ? 'View' : 'Table';
    throw new SqlError('002003', '42S02', `SQL compilation error:\n${what} '${displayName(parts)}' does not exist or not authorized.`, queryId);
  }
  const [duckDb, duckSchema, duckName] = found[0].map(String);
  const keyed = (type: string): string =>
    `CASE WHEN EXISTS (SELECT 1 FROM duckdb_constraints() AS k WHERE k.database_name = c.database_name AND k.schema_name = c.schema_name ` +
    `AND k.table_name = c.table_name AND k.constraint_type = '${type}' AND list_contains(k.constraint_column_names, c.column_name)) THEN 'Y' ELSE 'N' END`;
  return {
    sql:
      `SELECT ${snowflakeName('c.column_name')} AS "name", ${describeTypeSql('c.data_type', varcharLengthSql('c'))} AS "type", 'COLUMN' AS "kind", ` +
      `CASE WHEN c.is_nullable THEN 'Y' ELSE 'N' END AS "null?", c.column_default AS "default", ${keyed('PRIMARY KEY')} AS "primary key", ` +
      `${keyed('UNIQUE')} AS "unique key", NULL::VARCHAR AS "check", NULL::VARCHAR AS "expression", c.comment AS "comment", ` +
      `NULL::VARCHAR AS "policy name", NULL::VARCHAR AS "privacy domain" FROM duckdb_columns() AS c ` +
      `WHERE c.database_name = ${literal(duckDb)} AND c.schema_name = ${literal(duckSchema)} AND c.table_name = ${literal(duckName)} ORDER BY c.column_index`,
    columns: DESCRIBE_COLUMNS,
  };
}
