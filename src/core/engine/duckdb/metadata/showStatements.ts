import { unquoteStringLiteral } from '../../../sql/literals';
import { DuckSession } from '../session/duckSession';
import { literal, objectsSql, schemasSql, snowflakeName, userCatalog } from './catalogSql';
import { columnListSql } from './columnListSql';
import { MetadataQuery } from './metadataQuery';
import { showSequencesSql, SHOW_SEQUENCES } from './sequenceSql';
import { nameParts, OBJECT_NAME, STRING_LITERAL } from './objectNames';

// SHOW [TERSE] TABLES | VIEWS | OBJECTS | SCHEMAS | DATABASES | COLUMNS | SEQUENCES [LIKE '…'] [IN …]
//      [STARTS WITH '…'] [LIMIT n [FROM '…']]
// answered with the columns Snowflake documents, in its order, from DuckDB's catalog
// (https://docs.snowflake.com/en/sql-reference/sql/show-tables and its siblings). What the
// local engine cannot know (creation time, bytes) is NULL; fixed properties (retention 1 day,
// change tracking OFF, …) take Snowflake's defaults. Column names are lower case, as
// Snowflake's SHOW output is, so RESULT_SCAN reads them as "name", "kind" ….

const SHOW = new RegExp(
  String.raw`^\s*show\s+(terse\s+)?(tables|views|objects|schemas|databases|columns|sequences)` +
    String.raw`(?:\s+like\s+(${STRING_LITERAL}))?` +
    String.raw`(?:\s+in\s+(account|(?:(database|schema|table|view)(?:\s+(${OBJECT_NAME}))?)|${OBJECT_NAME}))?` +
    String.raw`(?:\s+starts\s+with\s+(${STRING_LITERAL}))?` +
    String.raw`(?:\s+limit\s+(\d+)(?:\s+from\s+(${STRING_LITERAL}))?)?\s*;?\s*$`,
  'i',
);

type Kind = 'tables' | 'views' | 'objects' | 'schemas' | 'databases' | 'columns' | 'sequences';

/** Where SHOW looks, resolved against the session's current database and schema. */
interface Scope {
  database?: string;
  schema?: string;
  table?: string;
}

/** The DuckDB query answering a SHOW statement, or undefined when the statement is not one we answer. */
export function showQuery(sql: string, session: DuckSession): MetadataQuery | undefined {
  const match = SHOW.exec(sql);
  if (!match) return undefined;
  const [, terse, kindText, like, inText, inKeyword, inName, startsWith, limit, from] = match;
  const kind = kindText.toLowerCase() as Kind;
  const scope = scopeOf(kind, inText, inKeyword?.toLowerCase(), inName, session);
  const filters: string[] = [];
  if (like) filters.push(`name ILIKE ${literal(unquoteStringLiteral(like))} ESCAPE '\\'`);
  if (startsWith) filters.push(`starts_with(name, ${literal(unquoteStringLiteral(startsWith))})`);
  if (from) filters.push(`name >= ${literal(unquoteStringLiteral(from))}`);
  const body = bodyOf(kind, Boolean(terse), scope, session);
  const where = filters.length ? ` WHERE ${filters.join(' AND ')}` : '';
  const order = kind === 'columns' ? 'database_name, schema_name, table_name, ordinal' : kind === 'databases' ? 'name' : kind === 'schemas' ? 'database_name, name' : 'database_name, schema_name, name';
  const columns = body.columns.map((column) => `"${column}"`).join(', ');
  return {
    sql: `SELECT ${columns} FROM (${body.sql}) AS shown${where} ORDER BY ${order}${limit ? ` LIMIT ${Number(limit)}` : ''}`,
    columns: body.columns,
  };
}

function scopeOf(kind: Kind, inText: string | undefined, keyword: string | undefined, name: string | undefined, session: DuckSession): Scope {
  const { database, schema } = session.context;
  // Without IN, a session with a current database (always, locally) shows that database.
  if (!inText) return { database };
  if (inText.toLowerCase() === 'account') return {};
  const parts = nameParts(name ?? (keyword ? '' : inText));
  if (keyword === 'database' || (!keyword && (kind === 'schemas' || kind === 'databases'))) return { database: parts[0] ?? database };
  if (keyword === 'table' || keyword === 'view' || (!keyword && kind === 'columns')) {
    if (parts.length === 0) return { database, schema };
    const table = parts[parts.length - 1];
    return { database: parts.length === 3 ? parts[0] : database, schema: parts.length >= 2 ? parts[parts.length - 2] : schema, table };
  }
  // IN SCHEMA [[db.]schema], or a bare schema name.
  if (parts.length === 0) return { database, schema };
  return parts.length === 2 ? { database: parts[0], schema: parts[1] } : { database, schema: parts[0] };
}

/** Keeps the rows in scope; the row columns are named as the SHOW output names them. */
function scopeFilter(scope: Scope, databaseColumn: string, schemaColumn?: string, tableColumn?: string): string {
  const conditions = ['true'];
  if (scope.database !== undefined) conditions.push(`lower(${databaseColumn}) = lower(${literal(scope.database)})`);
  if (scope.schema !== undefined && schemaColumn) conditions.push(`lower(${schemaColumn}) = lower(${literal(scope.schema)})`);
  if (scope.table !== undefined && tableColumn) conditions.push(`lower(${tableColumn}) = lower(${literal(scope.table)})`);
  return conditions.join(' AND ');
}

interface Body {
  sql: string;
  columns: string[];
}

function bodyOf(kind: Kind, terse: boolean, scope: Scope, session: DuckSession): Body {
  switch (kind) {
    case 'tables':
    case 'views':
      return objects(kind, terse, scope, session);
    case 'objects':
      return tablesAndViews(terse, scope, session);
    case 'sequences':
      return { sql: showSequencesSql(session, scopeFilter(scope, 'database_name', 'schema_name')), columns: SHOW_SEQUENCES };
    case 'schemas':
      return schemas(terse, scope, session);
    case 'databases':
      return databases(terse, session);
    case 'columns':
      return columnListSql(session, scopeFilter(scope, 'o.db', 'o.sch', 'o.name'));
  }
}

const TERSE_COLUMNS = ['created_on', 'name', 'kind', 'database_name', 'schema_name'];
const NO_TIME = 'NULL::TIMESTAMPTZ';
const owner = (session: DuckSession): string => literal(session.context.role || null);

function objects(kind: 'tables' | 'views', terse: boolean, scope: Scope, session: DuckSession): Body {
  const views = kind === 'views';
  const source = `SELECT * FROM (${objectsSql(session)}) AS o WHERE is_view = ${views} AND ${scopeFilter(scope, 'db', 'sch')}`;
  // TERSE: "The kind column value is always TABLE" (show-tables); VIEW for views.
  const terseKind = views ? "'VIEW'" : "'TABLE'";
  if (terse) {
    return {
      sql: `SELECT ${NO_TIME} AS created_on, name, ${terseKind} AS kind, db AS database_name, sch AS schema_name FROM (${source})`,
      columns: TERSE_COLUMNS,
    };
  }
  if (views) {
    const columns = ['created_on', 'name', 'reserved', 'kind', 'database_name', 'schema_name', 'owner', 'comment', 'text', 'is_secure', 'is_materialized', 'owner_role_type', 'change_tracking'];
    return {
      sql:
        `SELECT ${NO_TIME} AS created_on, name, '' AS reserved, 'VIEW' AS kind, db AS database_name, sch AS schema_name, ${owner(session)} AS owner, ` +
        `coalesce(comment, '') AS comment, text, 'false' AS is_secure, 'false' AS is_materialized, 'ROLE' AS owner_role_type, 'OFF' AS change_tracking FROM (${source})`,
      columns,
    };
  }
  const columns = [
    'created_on', 'name', 'database_name', 'schema_name', 'kind', 'comment', 'cluster_by', 'rows', 'bytes', 'owner', 'retention_time',
    'change_tracking', 'search_optimization', 'search_optimization_progress', 'search_optimization_bytes', 'is_external',
    'enable_schema_evolution', 'owner_role_type', 'is_event', 'is_hybrid', 'is_iceberg', 'is_immutable',
  ];
  return {
    sql:
      `SELECT ${NO_TIME} AS created_on, name, db AS database_name, sch AS schema_name, CASE WHEN is_temporary THEN 'TEMPORARY' ELSE 'TABLE' END AS kind, ` +
      `coalesce(comment, '') AS comment, '' AS cluster_by, row_count AS rows, NULL::BIGINT AS bytes, ${owner(session)} AS owner, '1' AS retention_time, ` +
      `'OFF' AS change_tracking, 'OFF' AS search_optimization, NULL::VARCHAR AS search_optimization_progress, NULL::BIGINT AS search_optimization_bytes, ` +
      `'N' AS is_external, 'N' AS enable_schema_evolution, 'ROLE' AS owner_role_type, 'N' AS is_event, 'N' AS is_hybrid, 'N' AS is_iceberg, 'N' AS is_immutable ` +
      `FROM (${source})`,
    columns,
  };
}

/** SHOW OBJECTS (https://docs.snowflake.com/en/sql-reference/sql/show-objects): tables and views together. */
function tablesAndViews(terse: boolean, scope: Scope, session: DuckSession): Body {
  const source = `SELECT * FROM (${objectsSql(session)}) AS o WHERE ${scopeFilter(scope, 'db', 'sch')}`;
  // "kind: Object type: TABLE, VIEW" — a temporary table is a TABLE here.
  const kind = "CASE WHEN is_view THEN 'VIEW' ELSE 'TABLE' END";
  if (terse) {
    return { sql: `SELECT ${NO_TIME} AS created_on, name, ${kind} AS kind, db AS database_name, sch AS schema_name FROM (${source})`, columns: TERSE_COLUMNS };
  }
  // Columns in the order of the page's example output, then is_iceberg from its column table.
  const columns = [
    'created_on', 'name', 'database_name', 'schema_name', 'kind', 'comment', 'cluster_by', 'rows', 'bytes', 'owner', 'retention_time',
    'owner_role_type', 'budget', 'is_hybrid', 'is_dynamic', 'is_iceberg',
  ];
  return {
    sql:
      `SELECT ${NO_TIME} AS created_on, name, db AS database_name, sch AS schema_name, ${kind} AS kind, coalesce(comment, '') AS comment, ` +
      `'' AS cluster_by, row_count AS rows, NULL::BIGINT AS bytes, ${owner(session)} AS owner, CASE WHEN is_view THEN '0' ELSE '1' END AS retention_time, ` +
      `'ROLE' AS owner_role_type, NULL::VARCHAR AS budget, 'N' AS is_hybrid, 'N' AS is_dynamic, 'N' AS is_iceberg FROM (${source})`,
    columns,
  };
}

/** Every database has INFORMATION_SCHEMA in Snowflake; DuckDB's schemas are listed beside it. */
function schemas(terse: boolean, scope: Scope, session: DuckSession): Body {
  const { database, schema } = session.context;
  const scoped = `SELECT * FROM (${schemasSql()}) WHERE ${scopeFilter(scope, 'db')}`;
  if (terse) {
    return { sql: `SELECT ${NO_TIME} AS created_on, name, NULL::VARCHAR AS kind, db AS database_name, NULL::VARCHAR AS schema_name FROM (${scoped})`, columns: TERSE_COLUMNS };
  }
  const current = `CASE WHEN lower(db) = lower(${literal(database)}) AND lower(name) = lower(${literal(schema)}) THEN 'Y' ELSE 'N' END`;
  return {
    sql:
      `SELECT ${NO_TIME} AS created_on, name, 'N' AS is_default, ${current} AS is_current, db AS database_name, ` +
      `CASE WHEN info THEN '' ELSE ${owner(session)} END AS owner, coalesce(comment, '') AS comment, '' AS options, '1' AS retention_time, ` +
      `'ROLE' AS owner_role_type, NULL::VARCHAR AS object_visibility FROM (${scoped})`,
    columns: ['created_on', 'name', 'is_default', 'is_current', 'database_name', 'owner', 'comment', 'options', 'retention_time', 'owner_role_type', 'object_visibility'],
  };
}

function databases(terse: boolean, session: DuckSession): Body {
  const source = `SELECT ${snowflakeName('database_name')} AS name, comment FROM duckdb_databases() WHERE NOT internal AND ${userCatalog('database_name')}`;
  if (terse) {
    return { sql: `SELECT ${NO_TIME} AS created_on, name, NULL::VARCHAR AS kind, NULL::VARCHAR AS database_name, NULL::VARCHAR AS schema_name FROM (${source})`, columns: TERSE_COLUMNS };
  }
  const current = `CASE WHEN lower(name) = lower(${literal(session.context.database)}) THEN 'Y' ELSE 'N' END`;
  return {
    sql:
      `SELECT ${NO_TIME} AS created_on, name, 'N' AS is_default, ${current} AS is_current, '' AS origin, ${owner(session)} AS owner, ` +
      `coalesce(comment, '') AS comment, '' AS options, '1' AS retention_time, 'STANDARD' AS kind, 'ROLE' AS owner_role_type, ` +
      `NULL::VARCHAR AS object_visibility, NULL::VARCHAR AS data_quality_monitoring_settings FROM (${source})`,
    columns: ['created_on', 'name', 'is_default', 'is_current', 'origin', 'owner', 'comment', 'options', 'retention_time', 'kind', 'owner_role_type', 'object_visibility', 'data_quality_monitoring_settings'],
  };
}
