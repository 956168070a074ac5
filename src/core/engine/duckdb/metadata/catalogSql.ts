import { quoteStringLiteral } from '../../../sql/literals';
import { MACRO_CATALOG, TOO_LONG } from '../dialect';
import { RESULTS_CATALOG } from '../resultRetention';
import { DuckSession, SESSION_CATALOG_PREFIX } from '../session/duckSession';

// DuckDB SQL over DuckDB's own catalog (duckdb_tables(), duckdb_columns() …) that SHOW,
// DESCRIBE and INFORMATION_SCHEMA share: which catalogs the user may see, object names as
// Snowflake would show them, and DuckDB column types as Snowflake type names.

/** Snowflake's unlimited VARCHAR and BINARY lengths: what it reports for a column without one. */
export const MAX_VARCHAR_LENGTH = 16777216;
export const MAX_BINARY_LENGTH = 8388608;

/**
 * The name as Snowflake stores it. The local catalog keeps identifiers as written, quoted or
 * not, so a name that is a valid unquoted identifier is shown upper case (as Snowflake stores
 * unquoted ones); a name only quotes could write (spaces, dashes …) is kept exactly.
 */
export function snowflakeName(expr: string): string {
  return `(CASE WHEN regexp_full_match(${expr}, '[A-Za-z_][A-Za-z0-9_$]*') THEN upper(${expr}) ELSE ${expr} END)`;
}

/**
 * Catalogs that are the engine's, not the user's: macros, retained results, DuckDB's own,
 * and every session's temporaries (a session sees its own through `sessionObjects`).
 */
export function userCatalog(expr: string): string {
  const hidden = [MACRO_CATALOG, RESULTS_CATALOG, 'system', 'temp', 'memory'].map(quoteStringLiteral).join(', ');
  return `(${expr} NOT IN (${hidden}) AND NOT starts_with(${expr}, ${quoteStringLiteral(SESSION_CATALOG_PREFIX)}))`;
}

/** DuckDB's default and built-in schemas, which a Snowflake database does not have. */
export function userSchema(expr: string): string {
  return `(${expr} NOT IN ('main', 'information_schema', 'pg_catalog'))`;
}

/** `expr AS "NAME", …` for a SELECT list of [name, expression] pairs. */
export function selectColumns(columns: ReadonlyArray<readonly [string, string]>): string {
  return columns.map(([name, expr]) => `${expr} AS "${name}"`).join(', ');
}

/**
 * Every schema of the user's databases, with INFORMATION_SCHEMA (which every Snowflake
 * database has) beside DuckDB's: db, name, comment, info (true for INFORMATION_SCHEMA).
 */
export function schemasSql(): string {
  return (
    `SELECT ${snowflakeName('database_name')} AS db, ${snowflakeName('schema_name')} AS name, comment, false AS info FROM duckdb_schemas() ` +
    `WHERE ${userCatalog('database_name')} AND ${userSchema('schema_name')} ` +
    `UNION ALL SELECT ${snowflakeName('database_name')}, 'INFORMATION_SCHEMA', 'Views describing the contents of schemas in this database', true ` +
    `FROM duckdb_databases() WHERE NOT internal AND ${userCatalog('database_name')}`
  );
}

/** A string literal of the value, or NULL. */
export function literal(value: string | null | undefined): string {
  return value === null || value === undefined ? 'NULL' : quoteStringLiteral(value);
}

/**
 * Every table and view the session may see, one row each, with Snowflake's names:
 * db, sch, name (display), duck_db, duck_schema, duck_name (to join on), is_view,
 * is_temporary, row_count, comment, text. The session's temporaries are shown in its current
 * schema, where Snowflake keeps a temporary table.
 */
export function objectsSql(session: DuckSession): string {
  const { database, schema } = session.context;
  const own = session.tempCatalog ? `database_name = ${literal(session.tempCatalog)}` : 'false';
  const permanent = (temporary: boolean): string =>
    temporary ? `${own}` : `${userCatalog('database_name')} AND ${userSchema('schema_name')}`;
  const location = (temporary: boolean): string =>
    temporary
      ? `${snowflakeName(literal(database))} AS db, ${snowflakeName(literal(schema))} AS sch`
      : `${snowflakeName('database_name')} AS db, ${snowflakeName('schema_name')} AS sch`;
  const tables = (temporary: boolean): string =>
    `SELECT ${location(temporary)}, ${snowflakeName('table_name')} AS name, database_name AS duck_db, schema_name AS duck_schema, ` +
    `table_name AS duck_name, false AS is_view, ${temporary} AS is_temporary, estimated_size::BIGINT AS row_count, comment, NULL::VARCHAR AS text ` +
    `FROM duckdb_tables() WHERE ${permanent(temporary)}`;
  const views = (temporary: boolean): string =>
    `SELECT ${location(temporary)}, ${snowflakeName('view_name')} AS name, database_name AS duck_db, schema_name AS duck_schema, ` +
    `view_name AS duck_name, true AS is_view, ${temporary} AS is_temporary, NULL::BIGINT AS row_count, comment, sql AS text ` +
    `FROM duckdb_views() WHERE NOT internal AND ${permanent(temporary)}`;
  return [tables(false), tables(true), views(false), views(true)].join(' UNION ALL ');
}

/**
 * The length of a string column of duckdb_columns() `c`: the one its length CHECK enforces
 * (dialect/stringLength.ts, recognised by Snowflake's message in it), else Snowflake's default.
 */
export function varcharLengthSql(c: string): string {
  return (
    `coalesce((SELECT max(TRY_CAST(regexp_extract(k.expression, '<= (\\d+)\\)\\)\\) THEN', 1) AS BIGINT)) FROM duckdb_constraints() AS k ` +
    `WHERE k.database_name = ${c}.database_name AND k.schema_name = ${c}.schema_name AND k.table_name = ${c}.table_name ` +
    `AND k.constraint_type = 'CHECK' AND list_distinct(k.constraint_column_names) = [${c}.column_name] AND contains(k.expression, '${TOO_LONG}')), ${MAX_VARCHAR_LENGTH})`
  );
}

/**
 * The Snowflake type DESCRIBE shows for a DuckDB column type (`data_type` of duckdb_columns()),
 * with `varcharLength` the SQL of a string column's length.
 */
export function describeTypeSql(type: string, varcharLength = String(MAX_VARCHAR_LENGTH)): string {
  return `(CASE
    WHEN ${type} = 'JSON' THEN 'VARIANT'
    WHEN ${type} LIKE 'DECIMAL(%' THEN replace(replace(${type}, 'DECIMAL', 'NUMBER'), ' ', '')
    WHEN ${type} LIKE '%[]' OR ${type} LIKE '%]' THEN 'ARRAY'
    WHEN ${type} LIKE 'STRUCT(%' OR ${type} LIKE 'MAP(%' THEN 'OBJECT'
    WHEN ${type} IN ('TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT') THEN 'NUMBER(38,0)'
    WHEN ${type} IN ('FLOAT', 'DOUBLE', 'REAL') THEN 'FLOAT'
    WHEN ${type} IN ('BOOLEAN', 'DATE') THEN ${type}
    WHEN ${type} IN ('TIME', 'TIME_NS', 'TIME WITH TIME ZONE') THEN 'TIME(9)'
    WHEN ${type} = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_TZ(9)'
    WHEN ${type} LIKE 'TIMESTAMP%' THEN 'TIMESTAMP_NTZ(9)'
    WHEN ${type} = 'BLOB' THEN 'BINARY(${MAX_BINARY_LENGTH})'
    ELSE 'VARCHAR(' || (${varcharLength}) || ')' END)`;
}

/** The Snowflake type family INFORMATION_SCHEMA.COLUMNS.DATA_TYPE shows (NUMBER, TEXT …). */
export function dataTypeSql(type: string): string {
  const full = describeTypeSql(type);
  return `(CASE WHEN ${full} LIKE 'VARCHAR%' THEN 'TEXT' WHEN ${full} LIKE 'BINARY%' THEN 'BINARY' ELSE regexp_replace(${full}, '\\(.*$', '') END)`;
}
