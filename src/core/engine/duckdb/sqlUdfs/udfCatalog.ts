import { literal, userCatalog, userSchema } from '../metadata/catalogSql';
import { DuckSession } from '../session/duckSession';
import { UdfDefinition } from './udfDefinition';

// A SQL UDF is a DuckDB macro in the workspace database (or the session's temporaries), and its
// Snowflake definition travels with it as the macro's comment: one JSON document per macro
// listing its overloads. So the definition lives and dies with the macro (a dropped schema or
// database takes both, a reopened file has both) and SHOW/DESCRIBE/GET_DDL read it back.

const MARKER = 'snowparkLocalSqlUdf';

/** One DuckDB macro's overloads: a scalar or a table macro of one name. */
export interface StoredFunctions {
  /** The DuckDB catalog, schema and macro name (the Snowflake name: unquoted upper-cased). */
  catalog: string;
  schema: string;
  name: string;
  kind: 'scalar' | 'table';
  overloads: UdfDefinition[];
}

/** The comment that records the overloads on their macro. */
export function definitionsComment(overloads: readonly UdfDefinition[]): string {
  return JSON.stringify({ [MARKER]: 1, overloads });
}

/** The overloads a macro's comment records, or undefined for a macro that is no SQL UDF. */
export function definitionsFrom(comment: unknown): UdfDefinition[] | undefined {
  if (typeof comment !== 'string' || !comment.includes(MARKER)) return undefined;
  try {
    const parsed = JSON.parse(comment) as { [MARKER]?: number; overloads?: UdfDefinition[] };
    return parsed[MARKER] === 1 && Array.isArray(parsed.overloads) ? parsed.overloads : undefined;
  } catch {
    return undefined;
  }
}

/**
 * SQL listing stored UDF macros: catalog, schema, name, kind ('macro' | 'table_macro'), comment.
 * duckdb_functions() has one row per overload; DISTINCT gives one per macro.
 */
export function storedFunctionsSql(where: string): string {
  return (
    'SELECT DISTINCT database_name, schema_name, function_name, function_type, comment FROM duckdb_functions() ' +
    `WHERE function_type IN ('macro', 'table_macro') AND comment LIKE ${literal(`{"${MARKER}"%`)} AND (${where}) ORDER BY 1, 2, 3, 4`
  );
}

/** Rows of storedFunctionsSql as stored functions (rows that are no UDF are left out). */
export function storedFunctionsFrom(rows: readonly unknown[][]): StoredFunctions[] {
  return rows.flatMap(([catalog, schema, name, type, comment]) => {
    const overloads = definitionsFrom(comment);
    return overloads ? [{ catalog: String(catalog), schema: String(schema), name: String(name), kind: type === 'table_macro' ? ('table' as const) : ('scalar' as const), overloads }] : [];
  });
}

/** The functions a session can see: every user database's, and its own temporary ones. */
export function visibleFunctionsFilter(session: DuckSession): string {
  const own = session.tempCatalog ? ` OR database_name = ${literal(session.tempCatalog)}` : '';
  return `(${userCatalog('database_name')} AND ${userSchema('schema_name')})${own}`;
}

/** Whether a stored macro is one of the session's temporary functions. */
export function isTemporary(stored: Pick<StoredFunctions, 'catalog'>, session: DuckSession): boolean {
  return stored.catalog === session.tempCatalog;
}
