import { SqlError } from '../../sqlError';
import { describeTypeSql, objectsSql, varcharLengthSql } from '../metadata/catalogSql';
import { displayName } from '../metadata/objectNames';
import { DuckSession } from '../session/duckSession';
import { SessionRunner } from './fileFormatCatalog';

// The table COPY INTO <table> loads: found as DESCRIBE TABLE finds it (a session's temporary
// table first), with each column's Snowflake type (VARCHAR(n) with the length its CHECK
// enforces), nullability and whether it has a default.

export interface TargetColumn {
  /** Snowflake's name (unquoted ones upper case), as messages and MATCH_BY_COLUMN_NAME use it. */
  name: string;
  /** DuckDB's name, for the INSERT. */
  duckName: string;
  /** NUMBER(38,0), VARCHAR(10), TIMESTAMP_NTZ(9), VARIANT … */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
  /** 1-based position in the table. */
  ordinal: number;
}

export interface LoadTarget {
  /** Snowflake's names. */
  database: string;
  schema: string;
  name: string;
  /** DuckDB's catalog, schema and table, quoted for SQL. */
  sql: string;
  duckDatabase: string;
  temporary: boolean;
  /** DuckDB's id of the table: a dropped and re-created table gets a new one. */
  oid: number;
  columns: TargetColumn[];
}

export async function resolveLoadTarget(session: DuckSession, parts: readonly string[], run: SessionRunner): Promise<LoadTarget> {
  const { database, schema } = session.context;
  const [db, sch, name] = parts.length === 3 ? parts : parts.length === 2 ? [database, parts[0], parts[1]] : [database, schema, parts[0]];
  const found = await run(
    session,
    `SELECT db, sch, name, duck_db, duck_schema, duck_name, is_view, is_temporary FROM (${objectsSql(session)}) ` +
      'WHERE lower(db) = lower($1) AND lower(sch) = lower($2) AND lower(name) = lower($3) ORDER BY is_temporary DESC LIMIT 1',
    [db, sch, name],
  );
  if (found.length === 0 || found[0][6] === true) {
    throw new SqlError('002003', '42S02', `SQL compilation error:\nTable '${displayName(parts)}' does not exist or not authorized.`);
  }
  const [shownDb, shownSchema, shownName, duckDb, duckSchema, duckName, , temporary] = found[0] as [string, string, string, string, string, string, boolean, boolean];
  const columns = await run(
    session,
    `SELECT c.column_name, ${describeTypeSql('c.data_type', varcharLengthSql('c'))}, c.is_nullable, c.column_default IS NOT NULL, t.table_oid ` +
      'FROM duckdb_columns() AS c JOIN duckdb_tables() AS t ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name ' +
      'WHERE c.database_name = $1 AND c.schema_name = $2 AND c.table_name = $3 ORDER BY c.column_index',
    [duckDb, duckSchema, duckName],
  );
  return {
    database: shownDb,
    schema: shownSchema,
    name: shownName,
    sql: `${quote(duckDb)}.${quote(duckSchema)}.${quote(duckName)}`,
    duckDatabase: duckDb,
    temporary,
    oid: Number(columns[0]?.[4] ?? 0),
    columns: columns.map((row, i) => ({
      name: /^[A-Za-z_][A-Za-z0-9_$]*$/.test(String(row[0])) ? String(row[0]).toUpperCase() : String(row[0]),
      duckName: String(row[0]),
      type: String(row[1]),
      nullable: row[2] === true,
      hasDefault: row[3] === true,
      ordinal: i + 1,
    })),
  };
}

/** The table's columns the COPY names, in its order, or all of them. */
export function loadColumns(names: readonly string[] | undefined, target: LoadTarget): TargetColumn[] {
  if (!names) return target.columns;
  return names.map((name) => {
    const column = target.columns.find((c) => c.name === name) ?? target.columns.find((c) => c.name.toUpperCase() === name.toUpperCase());
    if (!column) throw new SqlError('000904', '42000', `SQL compilation error: error line 1 at position 0\ninvalid identifier '${name}'`);
    return column;
  });
}

export function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
