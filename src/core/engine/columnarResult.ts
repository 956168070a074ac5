import { QueryResult, ResultColumn } from '../runner/protocol';

// A result the engine keeps in its own columnar form (see duckdb/columnEncoding.ts and
// duckdb/binaryColumns.ts). The channel asks it for its reply frame, built straight from the
// engine's vectors; Node-side readers (the CLI, the UI) get `data` as JS values, encoded and
// parsed on first access only. Numbers outside ±2^53 are strings there, so JS loses nothing.

const REPLY_FRAME = Symbol('snowpark-local.replyFrame');
const BATCHES = Symbol('snowpark-local.batches');

type ReplyFramer = (id: number, result: QueryResult) => Buffer;

/**
 * The rows of a kept result from `fromRow` on, about `maxRows` of them in whole engine
 * chunks, as a result of their own whose frame says `done`; undefined when `fromRow` is not
 * where a chunk starts (a reader only ever asks where its last batch ended).
 */
export type BatchSlicer = (fromRow: number, maxRows: number) => QueryResult | undefined;

export function columnarResult(
  queryId: string,
  columns: ResultColumn[],
  rowCount: number,
  columnJson: () => string[],
  replyFrame: ReplyFramer,
  batches?: BatchSlicer,
): QueryResult {
  let parsed: unknown[][] | undefined;
  const result = { queryId, columns, rowCount } as QueryResult;
  Object.defineProperty(result, 'data', {
    enumerable: true,
    get: () => (parsed ??= columnJson().map((text) => plainColumn(JSON.parse(text)))),
  });
  Object.defineProperty(result, REPLY_FRAME, { value: replyFrame, enumerable: false });
  if (batches) Object.defineProperty(result, BATCHES, { value: batches, enumerable: false });
  return result;
}

/**
 * A finished result a batch at a time (AsyncJob.result("row_iterator")): sliced in the
 * engine's own form when it kept one, else from its plain rows (Snowflake, DML counts).
 */
export function resultBatch(result: QueryResult, fromRow: number, maxRows: number): (QueryResult & { done: boolean }) | undefined {
  const slicer = (result as { [BATCHES]?: BatchSlicer })[BATCHES];
  if (slicer) return slicer(fromRow, maxRows) as (QueryResult & { done: boolean }) | undefined;
  if (fromRow > result.rowCount) return undefined;
  const end = Math.min(result.rowCount, fromRow + maxRows);
  return { ...result, rowCount: end - fromRow, data: result.data.map((column) => column.slice(fromRow, end)), done: end >= result.rowCount };
}

/** The whole reply frame for request `id` when `result` came from columnarResult, else undefined. */
export function columnarReplyFrame(id: number, result: unknown): Buffer | undefined {
  if (typeof result !== 'object' || result === null) return undefined;
  const framer = (result as { [REPLY_FRAME]?: ReplyFramer })[REPLY_FRAME];
  return framer?.(id, result as QueryResult);
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
