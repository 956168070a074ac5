import { macro } from './macros';
import { TOO_LONG } from './typeMacros';

// Snowflake enforces a string type's declared length (VARCHAR(n), CHAR(n), STRING(n)…):
// storing a longer string fails with 100074 "String '…' is too long and would be truncated",
// and so does casting to a shorter type (data-type-conversion: Snowflake "doesn't cast
// VARCHAR(10) to VARCHAR(5), either implicitly or explicitly"). DuckDB's VARCHAR has no length,
// so a column gets a CHECK constraint and a cast goes through a macro, both raising
// Snowflake's message. The CHECK is written out in full (no macro) so a table in the workspace
// file never depends on the macro catalog; metadata/ reads the length back out of it.

export const STRING_TYPE_NAMES = [
  'STRING', 'TEXT', 'VARCHAR', 'VARCHAR2', 'CHAR', 'CHARACTER', 'NCHAR', 'NVARCHAR', 'NVARCHAR2', 'CHAR VARYING', 'CHARACTER VARYING', 'NCHAR VARYING',
];

/** The length of a VARCHAR declared without one. */
const UNLIMITED_LENGTH = 16777216;

/** CHAR without a length is CHAR(1) (data-types-text: "if the length is not specified, CHAR(1) is the default"). */
const ONE_CHARACTER_BY_DEFAULT = new Set(['CHAR', 'CHARACTER', 'NCHAR']);

/** The declared maximum length of a string type, or undefined when it has none (or is no string type). */
export function declaredStringLength(type: { name: string; params: string[] }): number | undefined {
  if (!STRING_TYPE_NAMES.includes(type.name)) return undefined;
  if (type.params.length === 0) return ONE_CHARACTER_BY_DEFAULT.has(type.name) ? 1 : undefined;
  const length = Number(type.params[0]);
  // VARCHAR(16777216) is what a VARCHAR without a length means: nothing to check.
  return Number.isInteger(length) && length > 0 && length !== UNLIMITED_LENGTH ? length : undefined;
}

/** The length a cast to a string type checks: only one written out (a bare `::CHAR` is left unchecked). */
export function declaredCastLength(type: { name: string; params: string[] }): number | undefined {
  return type.params.length > 0 ? declaredStringLength(type) : undefined;
}

/** The column constraint that rejects longer strings with Snowflake's message. */
export function lengthCheckSql(column: string, length: number): string {
  return ` CHECK (CASE WHEN ${column} IS NULL OR length(${column}) <= ${length} THEN true ELSE error('String ''' || ${column} || ''' ${TOO_LONG}') END)`;
}

/** `x::VARCHAR(n)` / CAST(x AS VARCHAR(n)): the value as VARCHAR, or Snowflake's error when longer than n. */
export function lengthCheckedCastSql(value: string, length: number): string {
  return `${macro('string_of_length')}(${value}, ${length})`;
}
