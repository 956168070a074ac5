import { untag } from '../runner/taggedValues';
import { QueryResult, TaggedValue } from '../runner/protocol';

// A procedure's return value, shown as Snowflake shows the result of CALL: one row, one
// column named after the procedure, typed by its RETURNS clause.

const SNOWFLAKE_NAMES: Array<[RegExp, string]> = [
  [/^(VARCHAR|STRING|TEXT|CHAR|CHARACTER)\b/, 'VARCHAR'],
  [/^(INT|INTEGER|BIGINT|SMALLINT|TINYINT|BYTEINT)$/, 'NUMBER(38,0)'],
  [/^(NUMBER|NUMERIC|DECIMAL)$/, 'NUMBER(38,0)'],
  [/^(FLOAT|FLOAT4|FLOAT8|DOUBLE|DOUBLE PRECISION|REAL)$/, 'FLOAT'],
  [/^(TIMESTAMP|DATETIME|TIMESTAMP_NTZ)\b/, 'TIMESTAMP_NTZ'],
  [/^(TIMESTAMP_LTZ|TIMESTAMP_TZ)\b/, 'TIMESTAMP_TZ'],
];

export function snowflakeReturnType(declared: string): string {
  const normal = declared.trim().toUpperCase().replace(/\s+/g, ' ').replace(/\s+NOT NULL$/, '');
  for (const [pattern, name] of SNOWFLAKE_NAMES) if (pattern.test(normal)) return name;
  const number = normal.match(/^(?:NUMBER|NUMERIC|DECIMAL)\((\d+)(?:,\s*(\d+))?\)$/);
  if (number) return `NUMBER(${number[1]},${number[2] ?? 0})`;
  return normal;
}

export function resultForReturnValue(procedureName: string, returnType: string, value: TaggedValue, queryId: string): QueryResult {
  const type = snowflakeReturnType(returnType);
  let cell = untag(value);
  if (cell !== null && ['VARIANT', 'OBJECT', 'ARRAY'].includes(type)) cell = JSON.stringify(cell, null, 2);
  return { queryId, columns: [{ name: procedureName, type }], data: [[cell]], rowCount: 1 };
}

/** An engine cell (channel encoding) as the plain JSON value argument coercion expects. */
export function cellToPlain(cell: unknown, type: string): unknown {
  if (cell === null || cell === undefined) return null;
  if (['VARIANT', 'OBJECT', 'ARRAY'].includes(type) && typeof cell === 'string') {
    try {
      return JSON.parse(cell);
    } catch {
      return cell;
    }
  }
  return cell;
}
