import { unquoteStringLiteral } from '../../../sql/literals';
import { dialectRules } from '../dialect';
import { literal } from './catalogSql';
import { MetadataQuery } from './metadataQuery';
import { STRING_LITERAL } from './objectNames';

// SHOW FUNCTIONS [LIKE …] [IN …] (https://docs.snowflake.com/en/sql-reference/sql/show-functions):
// the built-ins the local engine can run (every Snowflake function the dialect translates, and
// Snowflake functions DuckDB runs unchanged: the list below, kept only where DuckDB really has
// the function), then the user's SQL UDFs (showUserFunctions.ts answers SHOW USER FUNCTIONS).
// Built-ins' signatures and descriptions are not known locally: arguments and description are
// empty, argument counts NULL.

export const SHOW_FUNCTIONS = new RegExp(String.raw`^\s*show\s+functions(?:\s+like\s+(${STRING_LITERAL}))?(?:\s+in\s+[\s\S]*?)?\s*;?\s*$`, 'i');

export const SHOW_FUNCTIONS_COLUMNS = [
  'created_on', 'name', 'schema_name', 'is_builtin', 'is_aggregate', 'is_ansi', 'min_num_arguments', 'max_num_arguments', 'arguments', 'description',
  'catalog_name', 'is_table_function', 'valid_for_clustering', 'is_secure', 'is_external_function', 'language', 'is_memoizable', 'is_data_metric',
];
export const SHOW_USER_FUNCTIONS_COLUMNS = [
  'created_on', 'name', 'schema_name', 'is_builtin', 'is_aggregate', 'is_ansi', 'min_num_arguments', 'max_num_arguments', 'arguments', 'description',
  'catalog_name', 'is_table_function', 'valid_for_clustering', 'is_secure', 'secrets', 'external_access_integrations', 'is_external_function', 'language',
  'is_memoizable', 'is_data_metric',
];

/** Words some dialect rules start at that are keywords or clauses, not functions. */
const NOT_FUNCTIONS = new Set(['ADD', 'DATE', 'LATERAL', 'REGEXP', 'SAMPLE', 'TABLE', 'TABLESAMPLE', 'TIME', 'TRANSIENT', 'TYPE', 'VALUES', 'X']);

/** Snowflake functions with the same name and meaning in DuckDB, which the dialect passes through. */
const SAME_IN_DUCKDB = [
  'ABS', 'ACOS', 'ACOSH', 'ANY_VALUE', 'APPROX_COUNT_DISTINCT', 'ASCII', 'ASIN', 'ASINH', 'ATAN', 'ATAN2', 'ATANH', 'AVG', 'BIT_LENGTH', 'CBRT', 'CHR',
  'COALESCE', 'CONTAINS', 'COS', 'COSH', 'COT', 'COVAR_POP', 'COVAR_SAMP', 'CUME_DIST', 'DAYOFMONTH', 'DAYOFWEEK', 'DAYOFYEAR', 'DEGREES', 'DENSE_RANK',
  'EXP', 'FACTORIAL', 'HOUR', 'IFNULL', 'KURTOSIS', 'LEFT', 'LENGTH', 'LN', 'LOWER', 'LTRIM', 'MAX', 'MD5', 'MEDIAN', 'MIN', 'MINUTE', 'MODE', 'MONTH',
  'NTILE', 'NULLIF', 'OCTET_LENGTH', 'PERCENT_RANK', 'PI', 'POW', 'POWER', 'QUARTER', 'RADIANS', 'RANK', 'REPEAT', 'RIGHT', 'ROW_NUMBER', 'RTRIM',
  'SECOND', 'SIGN', 'SIN', 'SINH', 'SQRT', 'STDDEV', 'STDDEV_POP', 'STDDEV_SAMP', 'SUM', 'TAN', 'TANH', 'TRANSLATE', 'TRIM', 'UNICODE', 'UPPER',
  'VARIANCE', 'VAR_POP', 'VAR_SAMP', 'WEEK', 'YEAR',
];

let builtIns: Set<string> | undefined;

/** Upper-cased names of the Snowflake built-ins the local engine knows (a UDF may not take one). */
export function builtInFunctionNames(): Set<string> {
  return (builtIns ??= new Set([...dialectFunctionNames(), ...SAME_IN_DUCKDB]));
}

/** Every function name the dialect translates (the words its call rules start at). */
function dialectFunctionNames(): string[] {
  const names = new Set<string>();
  for (const rule of dialectRules) {
    for (const trigger of ('triggers' in rule ? rule.triggers : undefined) ?? []) if (/^[A-Z_][A-Z0-9_$]*$/.test(trigger) && !NOT_FUNCTIONS.has(trigger)) names.add(trigger);
  }
  return [...names];
}

/** SHOW FUNCTIONS, with `userFunctions` (a SELECT of the user's UDFs in these columns) after the built-ins. */
export function showFunctionsQuery(sql: string, userFunctions?: string): MetadataQuery | undefined {
  const match = SHOW_FUNCTIONS.exec(sql);
  if (!match) return undefined;
  const [, like] = match;
  const filter = like ? ` WHERE name ILIKE ${literal(unquoteStringLiteral(like))} ESCAPE '\\'` : '';
  const names = (list: readonly string[]): string => list.map((name) => `(${literal(name)})`).join(', ');
  const duckdb = "SELECT upper(function_name) AS name, bool_or(function_type = 'aggregate') AS aggregate, bool_or(function_type = 'table') AS tabular FROM duckdb_functions() GROUP BY 1";
  const builtIn =
    `WITH dialect(name) AS (VALUES ${names(dialectFunctionNames())}), native(name) AS (VALUES ${names(SAME_IN_DUCKDB)}), ` +
    `listed AS (SELECT name FROM dialect UNION SELECT n.name FROM native AS n WHERE n.name IN (SELECT name FROM (${duckdb}))) ` +
    `SELECT NULL::TIMESTAMPTZ AS created_on, l.name, NULL::VARCHAR AS schema_name, 'Y' AS is_builtin, CASE WHEN d.aggregate THEN 'Y' ELSE 'N' END AS is_aggregate, ` +
    `'N' AS is_ansi, NULL::BIGINT AS min_num_arguments, NULL::BIGINT AS max_num_arguments, '' AS arguments, '' AS description, NULL::VARCHAR AS catalog_name, ` +
    `CASE WHEN d.tabular THEN 'Y' ELSE 'N' END AS is_table_function, 'N' AS valid_for_clustering, 'N' AS is_secure, 'N' AS is_external_function, ` +
    `'SQL' AS language, 'N' AS is_memoizable, 'N' AS is_data_metric FROM listed AS l LEFT JOIN (${duckdb}) AS d ON d.name = l.name`;
  const all = userFunctions ? `(${builtIn}) UNION ALL (${userFunctions})` : builtIn;
  const columns = SHOW_FUNCTIONS_COLUMNS.map((column) => `"${column}"`).join(', ');
  return { sql: `SELECT ${columns} FROM (${all}) AS shown${filter} ORDER BY name, is_builtin DESC`, columns: SHOW_FUNCTIONS_COLUMNS };
}
