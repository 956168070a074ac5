import { DuckDBDataChunk, DuckDBType, DuckDBTypeId, JsonDuckDBValueConverter } from '@duckdb/node-api';
import { indentVariantJson } from './variantJsonText';

// Turns DuckDB result vectors into the channel's columnar cells (docs/channel-protocol.md),
// as JSON text, one string per column. This is the hot path of every result transfer, so
// numeric columns are written straight from the vectors' typed arrays with the native
// TypedArray.join, nulls are read from the validity bitmap as 32-bit words, and no boxed
// JS value is made for them at all. DuckDB's per-value converters cost ~300 ns a value
// plus the garbage they leave, too slow for 100k-row results. The exact package version is
// pinned in package.json because `items`, `dataView` and `validity.data` are the vectors'
// own fields.

interface RawVector {
  items?: ArrayLike<number | bigint> & { buffer: ArrayBufferLike; byteOffset: number; length: number; join(separator: string): string };
  dataView?: DataView;
  validity: { data: BigUint64Array | null };
  itemCount: number;
  getItem(index: number): unknown;
}

/** Writes one chunk of one column as JSON items separated by commas (no brackets). */
type ChunkWriter = (vector: RawVector, chunk: DuckDBDataChunk, column: number) => string;

const HIGH_WORD_SAFE = 0x200000; // |value| < 2^53 ⇔ the high 32 bits are within ±2^21

function vectorOf(chunk: DuckDBDataChunk, column: number): RawVector {
  return chunk.getColumnVector(column) as unknown as RawVector;
}

/** A validity bitmap as 32-bit words: BigInt bit tests cost ~50 ns each. */
function validWords(vector: RawVector): Uint32Array | undefined {
  const data = vector.validity.data;
  return data ? new Uint32Array(data.buffer, data.byteOffset, data.length * 2) : undefined;
}

function isValid(words: Uint32Array, index: number): boolean {
  return ((words[index >>> 5] >>> (index & 31)) & 1) === 1;
}

function itemsWithNulls(count: number, words: Uint32Array | undefined, write: (index: number) => string): string {
  const parts = new Array<string>(count);
  for (let i = 0; i < count; i++) parts[i] = words && !isValid(words, i) ? 'null' : write(i);
  return parts.join(',');
}

const smallNumbers: ChunkWriter = (vector) => {
  const items = vector.items!;
  const words = validWords(vector);
  if (!words) return items.join(',');
  return itemsWithNulls(items.length, words, (i) => String(items[i]));
};

const floats: ChunkWriter = (vector) => {
  const items = vector.items as unknown as Float64Array;
  const words = validWords(vector);
  let allFinite = true;
  for (let i = 0; i < items.length && allFinite; i++) allFinite = Number.isFinite(items[i]);
  if (!words && allFinite) return items.join(',');
  return itemsWithNulls(items.length, words, (i) => {
    const value = items[i];
    if (Number.isFinite(value)) return String(value);
    return Number.isNaN(value) ? '"NaN"' : value > 0 ? '"inf"' : '"-inf"';
  });
};

/** BIGINT: exact integers; the rare one outside ±2^53 goes as a string so JS stays exact. */
const bigIntegers = (unsigned: boolean): ChunkWriter => (vector) => {
  const items = vector.items!;
  const halves = new Int32Array(items.buffer, items.byteOffset, items.length * 2);
  const words = validWords(vector);
  let allSafe = true;
  for (let i = 0; i < items.length && allSafe; i++) {
    const high = halves[2 * i + 1];
    allSafe = unsigned ? high >= 0 && high < HIGH_WORD_SAFE : high >= -HIGH_WORD_SAFE && high < HIGH_WORD_SAFE;
  }
  if (!words && allSafe) {
    // Rebuilt as doubles from the two halves: exact below 2^53, and joining a Float64Array
    // makes no BigInt per cell (BigInt64Array.join did, and the GC paid for it).
    const values = new Float64Array(items.length);
    for (let i = 0; i < items.length; i++) values[i] = halves[2 * i + 1] * 4294967296 + (halves[2 * i] >>> 0);
    return values.join(',');
  }
  return itemsWithNulls(items.length, words, (i) => {
    const high = halves[2 * i + 1];
    const safe = unsigned ? high >= 0 && high < HIGH_WORD_SAFE : high >= -HIGH_WORD_SAFE && high < HIGH_WORD_SAFE;
    return safe ? String(items[i]) : `"${String(items[i])}"`;
  });
};

function scaledText(value: number | bigint, scale: number): string {
  if (scale === 0) return String(value);
  const negative = value < 0;
  const digits = (negative ? -value : value).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** DECIMAL(p,s) up to 18 digits: read the scaled integers, write exact text (ints when s = 0). */
const decimals = (width: number, scale: number): ChunkWriter => {
  const bytes = width <= 4 ? 2 : width <= 9 ? 4 : 8;
  return (vector, chunk, column) => {
    const view = vector.dataView;
    if (!view) return jsonCells(vector, chunk, column);
    const words = validWords(vector);
    return itemsWithNulls(vector.itemCount, words, (i) => {
      const value = bytes === 2 ? view.getInt16(i * 2, true) : bytes === 4 ? view.getInt32(i * 4, true) : view.getBigInt64(i * 8, true);
      const text = scaledText(value, scale);
      return scale === 0 && bytes < 8 ? text : scale === 0 ? bigIntText(value as bigint) : `"${text}"`;
    });
  };
};

function bigIntText(value: bigint): string {
  return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER) ? String(value) : `"${value}"`;
}

const MS_PER_DAY = 86_400_000;

const dates: ChunkWriter = (vector, chunk, column) => {
  const items = vector.items as ArrayLike<number> | undefined;
  if (!items) return jsonCells(vector, chunk, column);
  const words = validWords(vector);
  return itemsWithNulls(vector.itemCount, words, (i) => `"${new Date(items[i] * MS_PER_DAY).toISOString().slice(0, 10)}"`);
};

const strings: ChunkWriter = (vector) => {
  const out = new Array<string | null>(vector.itemCount);
  for (let i = 0; i < vector.itemCount; i++) out[i] = vector.getItem(i) as string | null;
  const text = JSON.stringify(out);
  return text.slice(1, -1);
};

const booleans: ChunkWriter = (vector) => {
  const out = new Array<boolean | null>(vector.itemCount);
  for (let i = 0; i < vector.itemCount; i++) out[i] = vector.getItem(i) as boolean | null;
  return JSON.stringify(out).slice(1, -1);
};

/** Everything else goes through DuckDB's JSON converter: correct, and rare enough. */
const jsonCells: ChunkWriter = (_vector, chunk, column) => JSON.stringify(chunk.convertColumnValues(column, JsonDuckDBValueConverter)).slice(1, -1);

/** Snowpark shows VARIANT/OBJECT/ARRAY cells as JSON text indented by 2. */
export function variantTexts(chunk: DuckDBDataChunk, column: number): (string | null)[] {
  return chunk.convertColumnValues(column, JsonDuckDBValueConverter).map((value) => {
    if (value === null || value === undefined) return null;
    if (typeof value === 'string') return indentVariantJson(value) ?? JSON.stringify(value, null, 2);
    return JSON.stringify(value, null, 2);
  });
}

const variants: ChunkWriter = (_vector, chunk, column) => JSON.stringify(variantTexts(chunk, column)).slice(1, -1);

const timestamps = (withZone: boolean): ChunkWriter => (_vector, chunk, column) => {
  const cells = chunk.convertColumnValues(column, JsonDuckDBValueConverter).map((value) =>
    // DuckDB prints `2024-01-01 10:00:00.123+00`; Python's fromisoformat wants `+00:00`.
    typeof value === 'string' && withZone ? value.replace(/([+-]\d\d)$/, '$1:00') : value,
  );
  return JSON.stringify(cells).slice(1, -1);
};

const blobs: ChunkWriter = (vector) => {
  const cells = new Array<string | null>(vector.itemCount);
  for (let i = 0; i < vector.itemCount; i++) {
    const item = vector.getItem(i) as { bytes: Uint8Array } | null;
    cells[i] = item === null ? null : Buffer.from(item.bytes).toString('base64');
  }
  return JSON.stringify(cells).slice(1, -1);
};

/** VARIANT/OBJECT/ARRAY-like columns (JSON, lists, structs, maps…): cells are indented JSON text. */
export function shownAsJsonText(type: DuckDBType): boolean {
  return writerFor(type) === variants;
}

export function writerFor(type: DuckDBType): ChunkWriter {
  if (type.alias === 'JSON') return variants;
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      return smallNumbers;
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return floats;
    case DuckDBTypeId.BIGINT:
      return bigIntegers(false);
    case DuckDBTypeId.UBIGINT:
      return bigIntegers(true);
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = type as unknown as { width: number; scale: number };
      return width <= 18 ? decimals(width, scale) : jsonCells;
    }
    case DuckDBTypeId.VARCHAR:
      return strings;
    case DuckDBTypeId.BOOLEAN:
      return booleans;
    case DuckDBTypeId.DATE:
      return dates;
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
      return timestamps(false);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return timestamps(true);
    case DuckDBTypeId.BLOB:
      return blobs;
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
    case DuckDBTypeId.STRUCT:
    case DuckDBTypeId.MAP:
    case DuckDBTypeId.UNION:
    case DuckDBTypeId.VARIANT:
      return variants;
    default:
      // HUGEINT and wide DECIMAL come out as exact strings, INTERVAL/UUID/TIME as text.
      return jsonCells;
  }
}

/**
 * Fixed-width numeric columns travel as their raw little-endian bytes, base64 in the JSON:
 * `{"$b": "q", "v": "<base64>", "nulls": [row, …]}` with Python's array type codes. Python
 * reads them with array.frombytes(...).tolist(), so no number is formatted in Node or
 * parsed in Python, and 64-bit integers stay exact. This halves the cost of a large result.
 */
const BINARY_CODES: Partial<Record<DuckDBTypeId, string>> = {
  [DuckDBTypeId.TINYINT]: 'b',
  [DuckDBTypeId.SMALLINT]: 'h',
  [DuckDBTypeId.INTEGER]: 'i',
  [DuckDBTypeId.BIGINT]: 'q',
  [DuckDBTypeId.UTINYINT]: 'B',
  [DuckDBTypeId.USMALLINT]: 'H',
  [DuckDBTypeId.UINTEGER]: 'I',
  [DuckDBTypeId.UBIGINT]: 'Q',
  [DuckDBTypeId.FLOAT]: 'f',
  [DuckDBTypeId.DOUBLE]: 'd',
};

/** Columns shorter than this stay plain JSON: the wrapper would cost more than it saves. */
const BINARY_MIN_ROWS = 256;

function binaryColumn(code: string, chunks: readonly DuckDBDataChunk[], column: number): string | undefined {
  const parts: Buffer[] = [];
  const nulls: number[] = [];
  let row = 0;
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const vector = vectorOf(chunk, column);
    const items = vector.items;
    if (!items) return undefined;
    parts.push(Buffer.from(items.buffer, items.byteOffset, items.length * (items as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT));
    const words = validWords(vector);
    if (words) for (let i = 0; i < items.length; i++) if (!isValid(words, i)) nulls.push(row + i);
    row += items.length;
  }
  return `{"$b":"${code}","v":"${Buffer.concat(parts).toString('base64')}","nulls":[${nulls.join(',')}]}`;
}

/** One column of a result as JSON array text. */
export function encodeColumnAsJson(type: DuckDBType, chunks: readonly DuckDBDataChunk[], column: number, rows: number): string {
  const code = type.alias === undefined ? BINARY_CODES[type.typeId] : undefined;
  const binary = code && rows >= BINARY_MIN_ROWS ? binaryColumn(code, chunks, column) : undefined;
  if (binary) return binary;
  const write = writerFor(type);
  const parts: string[] = [];
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const part = write(vectorOf(chunk, column), chunk, column);
    if (part.length) parts.push(part);
  }
  return `[${parts.join(',')}]`;
}

/** Encodes all chunks of a result as one JSON array text per column. */
export function encodeColumnsAsJson(types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): string[] {
  const rows = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
  return types.map((type, column) => encodeColumnAsJson(type, chunks, column, rows));
}
