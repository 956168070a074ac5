import { QueryResult, ResultColumn } from '../runner/protocol';

// A result whose columns are already JSON text (see duckdb/columnEncoding.ts). The channel
// writes that text to Python as it is; Node-side readers (the CLI, the UI) get `data`
// parsed on first access only. Numbers outside ±2^53 are strings in that text, so parsing
// it in JS loses nothing.

const COLUMN_JSON = Symbol('snowpark-local.columnJson');

export function columnarResult(queryId: string, columns: ResultColumn[], rowCount: number, columnJson: string[]): QueryResult {
  let parsed: unknown[][] | undefined;
  const result = { queryId, columns, rowCount } as QueryResult & { [COLUMN_JSON]?: string[] };
  Object.defineProperty(result, 'data', {
    enumerable: true,
    get: () => (parsed ??= columnJson.map((text) => JSON.parse(text) as unknown[])),
  });
  Object.defineProperty(result, COLUMN_JSON, { value: columnJson, enumerable: false });
  return result;
}

/** The JSON text of each column, when the result was built by columnarResult. */
export function preEncodedColumns(result: unknown): string[] | undefined {
  return typeof result === 'object' && result !== null ? (result as { [COLUMN_JSON]?: string[] })[COLUMN_JSON] : undefined;
}

/** JSON text of a result, reusing pre-encoded columns instead of re-serialising them. */
export function resultJson(result: QueryResult): string {
  const columns = preEncodedColumns(result);
  if (!columns) return JSON.stringify(result);
  return `{"queryId":${JSON.stringify(result.queryId)},"columns":${JSON.stringify(result.columns)},"rowCount":${result.rowCount},"data":[${columns.join(',')}]}`;
}
