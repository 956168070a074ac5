import { DuckSession } from '../session/duckSession';
import { dataTypeSql, literal, MAX_BINARY_LENGTH, objectsSql, selectColumns as select, snowflakeName, varcharLengthSql } from './catalogSql';
import { schemataSql, sequencesInfoSql, viewsSql } from './informationSchemaViews';

// [<db>.]INFORMATION_SCHEMA.TABLES and .COLUMNS (and VIEWS, SCHEMATA, SEQUENCES:
// informationSchemaViews.ts) with Snowflake's columns, in its order
// (https://docs.snowflake.com/en/sql-reference/info-schema/tables, …/info-schema/columns),
// instead of DuckDB's own information_schema (lower-case values, DuckDB type names, every
// attached catalog). The reference is replaced by a subquery over DuckDB's catalog in the
// translated SQL, so WHERE, ORDER BY, joins and aliases work on it as on any table.

const REFERENCE =
  /'(?:[^']|'')*'|--[^\n]*|\/\*[\s\S]*?\*\/|(?<![\w$."])(?:("(?:[^"]|"")+"|[A-Za-z_][\w$]*)\s*\.\s*)?(?:information_schema|"INFORMATION_SCHEMA")\s*\.\s*(tables|columns|views|schemata|sequences|"TABLES"|"COLUMNS"|"VIEWS"|"SCHEMATA"|"SEQUENCES")(?![\w$"])(\s*)([A-Za-z_]\w*)?/gi;

/** Words after a table reference that are not its alias: the reference gets a name of its own. */
const NOT_AN_ALIAS = new Set([
  'where', 'order', 'group', 'having', 'qualify', 'window', 'limit', 'offset', 'union', 'except', 'intersect', 'minus',
  'join', 'inner', 'left', 'right', 'full', 'cross', 'natural', 'on', 'using', 'positional', 'asof', 'anti', 'semi',
]);

/** The DuckDB SQL with every INFORMATION_SCHEMA.TABLES/COLUMNS/VIEWS/SCHEMATA/SEQUENCES reference answered Snowflake's way. */
export function rewriteInformationSchema(sql: string, session: DuckSession): string {
  if (!/information_schema/i.test(sql)) return sql;
  return sql.replace(REFERENCE, (whole: string, database: string | undefined, view: string | undefined, space: string, next: string | undefined) => {
    if (!view) return whole;
    const catalog = database === undefined ? session.context.database : database.startsWith('"') ? database.slice(1, -1).replace(/""/g, '"') : database;
    const name = view.replace(/"/g, '').toUpperCase();
    const subquery = VIEWS[name](catalog, session);
    const aliased = next !== undefined && !NOT_AN_ALIAS.has(next.toLowerCase());
    return `(${subquery}) ${aliased ? '' : `AS "${name}"`}${space}${next ?? ''}`;
  });
}

/** Each supported view's subquery, by its upper-case name. */
const VIEWS: Record<string, (catalog: string, session: DuckSession) => string> = {
  TABLES: (catalog, session) => tablesSql(catalog, session),
  COLUMNS: (catalog, session) => columnsSql(catalog, session),
  VIEWS: viewsSql,
  SCHEMATA: schemataSql,
  SEQUENCES: sequencesInfoSql,
};

function tablesSql(catalog: string, session: DuckSession): string {
  // Table properties; a view has none.
  const table = (yes: string, no: string): string => `CASE WHEN is_view THEN ${no} ELSE ${yes} END`;
  const columns: Array<readonly [string, string]> = [
    ['TABLE_CATALOG', 'db'],
    ['TABLE_SCHEMA', 'sch'],
    ['TABLE_NAME', 'name'],
    ['TABLE_OWNER', literal(session.context.role || null)],
    ['TABLE_TYPE', "CASE WHEN is_view THEN 'VIEW' WHEN is_temporary THEN 'TEMPORARY TABLE' ELSE 'BASE TABLE' END"],
    ['IS_TRANSIENT', table("'NO'", 'NULL')],
    ['CLUSTERING_KEY', 'NULL::VARCHAR'],
    ['ROW_COUNT', 'row_count'],
    ['BYTES', 'NULL::BIGINT'],
    ['RETENTION_TIME', table('1', 'NULL')],
    ...['SELF_REFERENCING_COLUMN_NAME', 'REFERENCE_GENERATION', 'USER_DEFINED_TYPE_CATALOG', 'USER_DEFINED_TYPE_SCHEMA', 'USER_DEFINED_TYPE_NAME', 'IS_INSERTABLE_INTO', 'IS_TYPED', 'COMMIT_ACTION'].map(
      (name) => [name, 'NULL::VARCHAR'] as const,
    ),
    ['CREATED', 'NULL::TIMESTAMPTZ'],
    ['LAST_ALTERED', 'NULL::TIMESTAMPTZ'],
    ['LAST_DDL', 'NULL::TIMESTAMPTZ'],
    ['LAST_DDL_BY', 'NULL::VARCHAR'],
    ['AUTO_CLUSTERING_ON', table('false', 'NULL')],
    ['COMMENT', 'comment'],
    ['IS_TEMPORARY', "CASE WHEN is_temporary THEN 'YES' ELSE 'NO' END"],
    ['IS_ICEBERG', "'NO'"],
    ['IS_DYNAMIC', "'NO'"],
    ['IS_IMMUTABLE', "'NO'"],
    ['IS_HYBRID', "'NO'"],
  ];
  return `SELECT ${select(columns)} FROM (${objectsSql(session)}) WHERE lower(db) = lower(${literal(catalog)})`;
}

function columnsSql(catalog: string, session: DuckSession): string {
  const family = dataTypeSql('c.data_type');
  const decimal = "c.data_type LIKE 'DECIMAL(%'";
  const length = `CASE ${family} WHEN 'TEXT' THEN ${varcharLengthSql('c')} WHEN 'BINARY' THEN ${MAX_BINARY_LENGTH} END`;
  const notApplicable = (names: string[], type: string): Array<readonly [string, string]> => names.map((name) => [name, `NULL::${type}`] as const);
  const columns: Array<readonly [string, string]> = [
    ['TABLE_CATALOG', 'o.db'],
    ['TABLE_SCHEMA', 'o.sch'],
    ['TABLE_NAME', 'o.name'],
    ['COLUMN_NAME', snowflakeName('c.column_name')],
    ['ORDINAL_POSITION', 'c.column_index'],
    ['COLUMN_DEFAULT', 'c.column_default'],
    ['IS_NULLABLE', "CASE WHEN c.is_nullable THEN 'YES' ELSE 'NO' END"],
    ['DATA_TYPE', family],
    ['CHARACTER_MAXIMUM_LENGTH', length],
    ['CHARACTER_OCTET_LENGTH', length],
    ['NUMERIC_PRECISION', `CASE WHEN ${decimal} THEN c.numeric_precision WHEN ${family} = 'NUMBER' THEN 38 END`],
    ['NUMERIC_PRECISION_RADIX', `CASE WHEN ${family} = 'NUMBER' THEN 10 END`],
    ['NUMERIC_SCALE', `CASE WHEN ${decimal} THEN c.numeric_scale WHEN ${family} = 'NUMBER' THEN 0 END`],
    ['DATETIME_PRECISION', 'NULL::BIGINT'],
    ['INTERVAL_TYPE', 'NULL::VARCHAR'],
    ['INTERVAL_PRECISION', 'NULL::BIGINT'],
    ...notApplicable(
      ['CHARACTER_SET_CATALOG', 'CHARACTER_SET_SCHEMA', 'CHARACTER_SET_NAME', 'COLLATION_CATALOG', 'COLLATION_SCHEMA', 'COLLATION_NAME', 'DOMAIN_CATALOG', 'DOMAIN_SCHEMA', 'DOMAIN_NAME', 'UDT_CATALOG', 'UDT_SCHEMA', 'UDT_NAME', 'SCOPE_CATALOG', 'SCOPE_SCHEMA', 'SCOPE_NAME'],
      'VARCHAR',
    ),
    ['MAXIMUM_CARDINALITY', 'NULL::BIGINT'],
    ['DTD_IDENTIFIER', 'NULL::VARCHAR'],
    ['IS_SELF_REFERENCING', 'NULL::VARCHAR'],
    ['IS_IDENTITY', "'NO'"],
    ...notApplicable(['IDENTITY_GENERATION', 'IDENTITY_START', 'IDENTITY_INCREMENT', 'IDENTITY_MAXIMUM', 'IDENTITY_MINIMUM', 'IDENTITY_CYCLE', 'IDENTITY_ORDERED', 'SCHEMA_EVOLUTION_RECORD'], 'VARCHAR'),
    ['COMMENT', 'c.comment'],
    ['DATA_TYPE_ALIAS', 'NULL::VARCHAR'],
    ['EXPRESSION', 'NULL::VARCHAR'],
    ['KIND', "'COLUMN'"],
  ];
  return (
    `SELECT ${select(columns)} FROM (${objectsSql(session)}) AS o JOIN duckdb_columns() AS c ` +
    `ON c.database_name = o.duck_db AND c.schema_name = o.duck_schema AND c.table_name = o.duck_name WHERE lower(o.db) = lower(${literal(catalog)})`
  );
}
