import { quoteStringLiteral } from '../../../sql/literals';
import { translateToDuckDb } from '../dialect';
import { castArgumentReferences, conversionType } from './argumentReferences';
import { countsOverlap, UdfDefinition } from './udfDefinition';

// A SQL UDF's overloads as one DuckDB macro (a table macro for RETURNS TABLE): each overload's
// body is the Snowflake body translated by the dialect, its arguments converted to their
// declared types (argumentReferences.ts) and its result CAST to the declared return type, as
// Snowflake converts it. DuckDB picks an overload by argument count; overloads that accept the
// same count are told apart by DuckDB parameter types instead.

/** Where the macro lives in DuckDB: catalog, schema and name, unquoted. */
export interface MacroTarget {
  catalog: string;
  schema: string;
  name: string;
}

/** The alias that marks where a translated expression ends (translateToDuckDb works on statements). */
const RESULT_ALIAS = 'snowpark_udf_result';
/** Snowflake's message for a NULL where the declared type says NOT NULL. */
export const NOT_NULL_MESSAGE = 'NULL result in a non-nullable column';

export function quotedName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function macroName(target: MacroTarget): string {
  return `${quotedName(target.catalog)}.${quotedName(target.schema)}.${quotedName(target.name)}`;
}

/** CREATE OR REPLACE MACRO with every overload of one kind (all scalar or all tabular). */
export function createMacroSql(target: MacroTarget, overloads: readonly UdfDefinition[]): string {
  const table = overloads[0].returns.kind === 'table';
  const parts = overloads.map((overload) => {
    // Typed parameters only where the count alone cannot choose: DuckDB matches typed
    // parameters strictly (no string for a DOUBLE), where Snowflake would convert.
    const typed = overloads.some((other) => other !== overload && countsOverlap(other.args, overload.args));
    const params = overload.args.map((argument) => parameterSql(argument.name, typed ? argument.type : undefined, argument.defaultSql)).join(', ');
    return `(${params}) AS ${table ? `TABLE (${tableBodySql(overload)})` : scalarBodySql(overload)}`;
  });
  return `CREATE OR REPLACE MACRO ${macroName(target)}${parts.join(', ')}`;
}

function parameterSql(name: string, type: string | undefined, defaultSql: string | undefined): string {
  const duckType = type === undefined ? undefined : duckDbTypeOf(type);
  return `${quotedName(name)}${duckType ? ` ${duckType}` : ''}${defaultSql === undefined ? '' : ` := ${translateExpression(defaultSql)}`}`;
}

/** The DuckDB type the dialect writes for a Snowflake type (its family, for a VARCHAR(n)), or undefined. */
function duckDbTypeOf(type: string): string | undefined {
  const convertTo = conversionType(type) ?? 'VARIANT';
  const cast = new RegExp(String.raw`^CAST\(NULL AS ([\s\S]+)\)$`).exec(translateExpression(`CAST(NULL AS ${convertTo})`));
  return cast?.[1];
}

/** `CAST((<body>) AS <returns>)`, NULL for a NULL argument when STRICT, an error for NULL when NOT NULL. */
function scalarBodySql(overload: UdfDefinition): string {
  if (overload.returns.kind !== 'scalar') throw new Error('a scalar overload was expected');
  let snowflake = `CAST((${castArgumentReferences(bodyText(overload.body), overload.args)}) AS ${overload.returns.type})`;
  if (overload.strict && overload.args.length) snowflake = `CASE WHEN ${anyArgumentNull(overload)} THEN NULL ELSE ${snowflake} END`;
  const duckdb = translateExpression(snowflake);
  return overload.returns.notNull ? `coalesce(${duckdb}, error(${quoteStringLiteral(NOT_NULL_MESSAGE)}))` : duckdb;
}

/** The body's rows as the declared columns, by position, each CAST to its declared type. */
function tableBodySql(overload: UdfDefinition): string {
  if (overload.returns.kind !== 'table') throw new Error('a tabular overload was expected');
  const columns = overload.returns.columns;
  const positions = columns.map((_column, i) => `"SNOWPARK_UDTF_C${i + 1}"`);
  const select = columns.map((column, i) => `CAST(snowpark_udtf.${positions[i]} AS ${column.type}) AS ${quotedName(column.name)}`).join(', ');
  const where = overload.strict && overload.args.length ? ` WHERE NOT (${anyArgumentNull(overload)})` : '';
  const snowflake = `SELECT ${select} FROM (${castArgumentReferences(bodyText(overload.body), overload.args)}) AS snowpark_udtf(${positions.join(', ')})${where}`;
  return translateStatement(snowflake);
}

function anyArgumentNull(overload: UdfDefinition): string {
  return overload.args.map((argument) => `${quotedName(argument.name)} IS NULL`).join(' OR ');
}

/** The body without the semicolon a query body may end with. */
function bodyText(body: string): string {
  return body.trim().replace(/;\s*$/, '');
}

/** Snowflake expression → DuckDB expression. */
export function translateExpression(snowflake: string): string {
  const sql = translateStatement(`SELECT ${snowflake} AS ${RESULT_ALIAS}`);
  // The dialect names output columns as Snowflake does (upper case, quoted).
  const expression = new RegExp(String.raw`^SELECT ([\s\S]*) AS "?${RESULT_ALIAS}"?$`, 'i').exec(sql);
  if (!expression) throw new Error(`the translated body has an unexpected shape: ${sql}`);
  return expression[1];
}

/** One Snowflake statement → DuckDB, refusing what an engine must evaluate first (SYSTEM$WAIT, RESULT_SCAN …). */
function translateStatement(snowflake: string): string {
  const translation = translateToDuckDb(snowflake);
  if (translation.deferred.length) {
    const names = [...new Set(translation.deferred.map((call) => call.fn))].join(', ');
    throw new UnsupportedBodyError(`${names} cannot be called inside a function body locally: the local engine evaluates it before a statement runs`);
  }
  return translation.sql;
}

/** A body the local engine cannot turn into a macro, with why. */
export class UnsupportedBodyError extends Error {}
