import { argumentType } from '../../../procedures/procedureMetadata';

// What a Snowflake SQL UDF declares (https://docs.snowflake.com/en/sql-reference/sql/create-function),
// in the shape the local engine stores with its DuckDB macro (udfCatalog.ts) and shows in
// SHOW USER FUNCTIONS, DESCRIBE FUNCTION and GET_DDL. Names are Snowflake values: unquoted
// upper-cased, quoted exact; types are as written, upper-cased.

export interface UdfArgument {
  name: string;
  type: string;
  /** The DEFAULT expression's Snowflake SQL, for an optional argument. */
  defaultSql?: string;
}

export type UdfReturns =
  | { kind: 'scalar'; type: string; notNull: boolean }
  | { kind: 'table'; columns: Array<{ name: string; type: string }> };

export interface UdfDefinition {
  args: UdfArgument[];
  returns: UdfReturns;
  /** The body as written between the quotes or dollars: a Snowflake expression or query. */
  body: string;
  secure: boolean;
  /** RETURNS NULL ON NULL INPUT (or STRICT): NULL whenever an argument is NULL. */
  strict: boolean;
  volatility: 'VOLATILE' | 'IMMUTABLE';
  memoizable: boolean;
  comment?: string;
  /** ISO time of the CREATE, shown as SHOW's created_on. */
  createdOn: string;
}

/** The argument types as Snowflake compares signatures: `NUMBER,VARCHAR` (INT is NUMBER, STRING is VARCHAR …). */
export function signatureKey(types: readonly string[]): string {
  return types.map(argumentType).join(',');
}

/** `(NUMBER, VARCHAR)`, as Snowflake names a function's signature in messages. */
export function signatureText(types: readonly string[]): string {
  return `(${types.map(argumentType).join(', ')})`;
}

/** How many arguments a call may pass: the required ones up to all of them. */
export function argumentCounts(args: readonly UdfArgument[]): [min: number, max: number] {
  return [args.filter((argument) => argument.defaultSql === undefined).length, args.length];
}

/** Whether two argument lists accept a call with the same number of arguments. */
export function countsOverlap(a: readonly UdfArgument[], b: readonly UdfArgument[]): boolean {
  const [minA, maxA] = argumentCounts(a);
  const [minB, maxB] = argumentCounts(b);
  return minA <= maxB && minB <= maxA;
}

/** The type family of a declared type (argumentType): NUMBER, FLOAT, VARCHAR, VARIANT … */
export function typeFamily(type: string): string {
  return argumentType(type);
}
