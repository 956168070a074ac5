import { unquoteStringLiteral } from '../../../sql/literals';
import { DuckSession } from '../session/duckSession';
import { isTemporary, storedFunctionsFrom, storedFunctionsSql, visibleFunctionsFilter } from '../sqlUdfs/udfCatalog';
import { argumentCounts, typeFamily, UdfDefinition } from '../sqlUdfs/udfDefinition';
import { literal } from './catalogSql';
import { CatalogLookup } from './describeTable';
import { MetadataQuery } from './metadataQuery';
import { nameParts, OBJECT_NAME, STRING_LITERAL } from './objectNames';
import { SHOW_FUNCTIONS, SHOW_FUNCTIONS_COLUMNS, SHOW_USER_FUNCTIONS_COLUMNS, showFunctionsQuery } from './showFunctions';

// SHOW USER FUNCTIONS [LIKE '…'] [IN ACCOUNT | DATABASE [d] | SCHEMA [[d.]s] | s]
// (https://docs.snowflake.com/en/sql-reference/sql/show-user-functions): one row per overload of
// the SQL UDFs the session can see, read from the definitions stored with their macros
// (sqlUdfs/udfCatalog.ts); a temporary function shows in the current schema. Without IN, the
// current database, as SHOW OBJECTS. SHOW FUNCTIONS lists the same rows after the built-ins.

const SHOW_USER_FUNCTIONS = new RegExp(
  String.raw`^\s*show\s+user\s+functions(?:\s+like\s+(${STRING_LITERAL}))?` +
    String.raw`(?:\s+in\s+(account|(?:(database|schema)(?:\s+(${OBJECT_NAME}))?)|${OBJECT_NAME}))?\s*;?\s*$`,
  'i',
);

/** SHOW USER FUNCTIONS, or SHOW FUNCTIONS with the user's functions; undefined for other statements. */
export async function userFunctionsShowQuery(sql: string, session: DuckSession, lookup: CatalogLookup): Promise<MetadataQuery | undefined> {
  if (SHOW_FUNCTIONS.test(sql)) {
    const rows = (await visibleUserFunctions(session, lookup)).filter((row) => sameName(row.database, session.context.database));
    return showFunctionsQuery(sql, rows.length ? rowsSql(rows, SHOW_FUNCTIONS_COLUMNS) : undefined);
  }
  const match = SHOW_USER_FUNCTIONS.exec(sql);
  if (!match) return undefined;
  const [, like, inText, inKeyword, inName] = match;
  const inScope = scopeOf(inText, inKeyword?.toLowerCase(), inName, session);
  const rows = (await visibleUserFunctions(session, lookup)).filter(inScope);
  const columns = SHOW_USER_FUNCTIONS_COLUMNS;
  const where = like ? ` WHERE "name" ILIKE ${literal(unquoteStringLiteral(like))} ESCAPE '\\'` : '';
  const body = rows.length ? rowsSql(rows, columns) : `SELECT ${columns.map((column) => `NULL::VARCHAR AS "${column}"`).join(', ')} WHERE false`;
  return { sql: `SELECT * FROM (${body}) AS shown${where} ORDER BY "name", "arguments"`, columns };
}

/** One overload as SHOW shows it. */
interface FunctionRow {
  database: string;
  schema: string;
  name: string;
  overload: UdfDefinition;
}

/** Every overload of every UDF the session can see. */
async function visibleUserFunctions(session: DuckSession, lookup: CatalogLookup): Promise<FunctionRow[]> {
  const stored = storedFunctionsFrom(await lookup(storedFunctionsSql(visibleFunctionsFilter(session)), []));
  return stored.flatMap((functions) => {
    const [database, schema] = isTemporary(functions, session) ? [session.context.database, session.context.schema] : [displayed(functions.catalog), displayed(functions.schema)];
    return functions.overloads.map((overload) => ({ database, schema, name: functions.name, overload }));
  });
}

/** A DuckDB name as Snowflake shows it: a plain identifier upper-cased (catalogSql.ts snowflakeName). */
function displayed(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_$]*$/.test(name) ? name.toUpperCase() : name;
}

function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** Which rows IN … keeps, resolved against the session's current database and schema. */
function scopeOf(inText: string | undefined, keyword: string | undefined, name: string | undefined, session: DuckSession): (row: FunctionRow) => boolean {
  const { database, schema } = session.context;
  if (!inText) return (row) => sameName(row.database, database);
  if (inText.toLowerCase() === 'account') return () => true;
  const parts = nameParts(name ?? (keyword ? '' : inText));
  if (keyword === 'database') {
    const db = parts[0] ?? database;
    return (row) => sameName(row.database, db);
  }
  const [db, sch] = parts.length === 2 ? parts : [database, parts[0] ?? schema];
  return (row) => sameName(row.database, db) && sameName(row.schema, sch);
}

/** `AREA_OF_CIRCLE(FLOAT) RETURN FLOAT`, an optional argument marked DEFAULT (as SHOW PROCEDURES prints it). */
export function argumentsText(name: string, overload: UdfDefinition): string {
  const args = overload.args.map((argument) => `${argument.defaultSql === undefined ? '' : 'DEFAULT '}${typeFamily(argument.type)}`);
  const returns = overload.returns;
  const returned = returns.kind === 'table' ? `TABLE (${returns.columns.map((column) => `${column.name} ${typeFamily(column.type)}`).join(', ')})` : typeFamily(returns.type);
  return `${name}(${args.join(', ')}) RETURN ${returned}`;
}

/** The rows as a DuckDB SELECT with `columns`, in that order. */
function rowsSql(rows: readonly FunctionRow[], columns: readonly string[]): string {
  const selects = rows.map((row) => {
    const [min, max] = argumentCounts(row.overload.args);
    const flag = (value: boolean): string => (value ? "'Y'" : "'N'");
    const values: Record<string, string> = {
      created_on: `${literal(row.overload.createdOn)}::TIMESTAMPTZ`,
      name: literal(row.name),
      schema_name: literal(row.schema),
      is_builtin: "'N'",
      is_aggregate: "'N'",
      is_ansi: "'N'",
      min_num_arguments: `${min}::BIGINT`,
      max_num_arguments: `${max}::BIGINT`,
      arguments: literal(argumentsText(row.name, row.overload)),
      description: literal(row.overload.comment ?? 'user-defined function'),
      catalog_name: literal(row.database),
      is_table_function: flag(row.overload.returns.kind === 'table'),
      valid_for_clustering: "'N'",
      is_secure: flag(row.overload.secure),
      secrets: 'NULL::VARCHAR',
      external_access_integrations: 'NULL::VARCHAR',
      is_external_function: "'N'",
      language: "'SQL'",
      is_memoizable: flag(row.overload.memoizable),
      is_data_metric: "'N'",
    };
    return `SELECT ${columns.map((column) => `${values[column] ?? 'NULL::VARCHAR'} AS "${column}"`).join(', ')}`;
  });
  return selects.join(' UNION ALL ');
}
