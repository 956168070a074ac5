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
    get: () => (parsed ??= columnJson.map((text) => plainColumn(JSON.parse(text)))),
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

interface BinaryColumn {
  $b: string;
  v: string;
  nulls: number[];
}

const TYPED_ARRAYS: Record<string, (buffer: ArrayBuffer, offset: number, length: number) => ArrayLike<number | bigint>> = {
  b: (buffer, offset, length) => new Int8Array(buffer, offset, length),
  h: (buffer, offset, length) => new Int16Array(buffer, offset, length),
  i: (buffer, offset, length) => new Int32Array(buffer, offset, length),
  q: (buffer, offset, length) => new BigInt64Array(buffer, offset, length),
  B: (buffer, offset, length) => new Uint8Array(buffer, offset, length),
  H: (buffer, offset, length) => new Uint16Array(buffer, offset, length),
  I: (buffer, offset, length) => new Uint32Array(buffer, offset, length),
  Q: (buffer, offset, length) => new BigUint64Array(buffer, offset, length),
  f: (buffer, offset, length) => new Float32Array(buffer, offset, length),
  d: (buffer, offset, length) => new Float64Array(buffer, offset, length),
};

const WIDTH: Record<string, number> = { b: 1, h: 2, i: 4, q: 8, B: 1, H: 2, I: 4, Q: 8, f: 4, d: 8 };

/** A column as JS values: binary columns decoded, 64-bit integers beyond ±2^53 as strings. */
function plainColumn(column: unknown): unknown[] {
  if (Array.isArray(column)) return column;
  const binary = column as BinaryColumn;
  const bytes = Buffer.from(binary.v, 'base64');
  // Copy into an aligned buffer: a typed array view needs its offset to be a multiple of its width.
  const aligned = new Uint8Array(bytes.length);
  aligned.set(bytes);
  const items = TYPED_ARRAYS[binary.$b](aligned.buffer, 0, bytes.length / WIDTH[binary.$b]);
  const values: unknown[] = new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item === 'bigint') {
      values[i] = item <= BigInt(Number.MAX_SAFE_INTEGER) && item >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(item) : item.toString();
    } else if (binary.$b === 'f' || binary.$b === 'd') {
      values[i] = Number.isFinite(item) ? item : Number.isNaN(item) ? 'NaN' : item > 0 ? 'inf' : '-inf';
    } else {
      values[i] = item;
    }
  }
  for (const row of binary.nulls) values[row] = null;
  return values;
}
