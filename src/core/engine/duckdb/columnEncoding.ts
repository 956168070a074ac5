import { DuckDBDataChunk, DuckDBType, DuckDBTypeId, JsonDuckDBValueConverter } from '@duckdb/node-api';

// Turns DuckDB result vectors into the channel's columnar cells (docs/channel-protocol.md).
// This is the hot path of every result transfer: numeric columns are read straight from
// the vectors' typed arrays, because DuckDB's generic per-value converters cost ~300 ns a
// value, too slow for the 100k-row goal.

type CellEncoder = (chunk: DuckDBDataChunk, column: number, out: unknown[]) => void;

interface TypedVector {
  items?: ArrayLike<number | bigint>;
  validity: { itemValid(index: number): boolean };
  itemCount: number;
  getItem(index: number): unknown;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MS_PER_DAY = 86_400_000;

function vectorOf(chunk: DuckDBDataChunk, column: number): TypedVector {
  return chunk.getColumnVector(column) as unknown as TypedVector;
}

const numbersFromTypedArray: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  const items = vector.items as ArrayLike<number>;
  for (let i = 0; i < vector.itemCount; i++) out.push(vector.validity.itemValid(i) ? items[i] : null);
};

const floats: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  const items = vector.items as ArrayLike<number>;
  for (let i = 0; i < vector.itemCount; i++) {
    if (!vector.validity.itemValid(i)) out.push(null);
    else out.push(Number.isFinite(items[i]) ? items[i] : Number.isNaN(items[i]) ? 'NaN' : items[i] > 0 ? 'inf' : '-inf');
  }
};

const bigIntegers: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  const items = vector.items as ArrayLike<bigint>;
  for (let i = 0; i < vector.itemCount; i++) {
    if (!vector.validity.itemValid(i)) out.push(null);
    else {
      const value = items[i];
      out.push(value <= MAX_SAFE && value >= MIN_SAFE ? Number(value) : value.toString());
    }
  }
};

const plainItems: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  for (let i = 0; i < vector.itemCount; i++) out.push(vector.getItem(i));
};

function isoDate(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

const dates: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  const items = vector.items as ArrayLike<number> | undefined;
  if (!items) return jsonCells(chunk, column, out);
  for (let i = 0; i < vector.itemCount; i++) out.push(vector.validity.itemValid(i) ? isoDate(items[i]) : null);
};

/** Everything else goes through DuckDB's JSON converter: correct, and rare enough. */
const jsonCells: CellEncoder = (chunk, column, out) => {
  for (const value of chunk.convertColumnValues(column, JsonDuckDBValueConverter)) out.push(value);
};

function variantText(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Snowpark shows VARIANT/OBJECT/ARRAY cells as JSON text indented by 2.
  const parsed = typeof value === 'string' ? safeParse(value) : value;
  return JSON.stringify(parsed, null, 2);
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const variants: CellEncoder = (chunk, column, out) => {
  for (const value of chunk.convertColumnValues(column, JsonDuckDBValueConverter)) out.push(variantText(value));
};

const timestamps = (withZone: boolean): CellEncoder => (chunk, column, out) => {
  for (const value of chunk.convertColumnValues(column, JsonDuckDBValueConverter)) {
    if (value === null || typeof value !== 'string') out.push(value);
    // DuckDB prints `2024-01-01 10:00:00.123+00`; Python's fromisoformat wants `+00:00`.
    else out.push(withZone ? value.replace(/([+-]\d\d)$/, '$1:00') : value);
  }
};

const blobs: CellEncoder = (chunk, column, out) => {
  const vector = vectorOf(chunk, column);
  for (let i = 0; i < vector.itemCount; i++) {
    const item = vector.getItem(i) as { bytes: Uint8Array } | null;
    out.push(item === null ? null : Buffer.from(item.bytes).toString('base64'));
  }
};

export function encoderFor(type: DuckDBType): CellEncoder {
  if (type.alias === 'JSON') return variants;
  switch (type.typeId) {
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
      return numbersFromTypedArray;
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return floats;
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
      return bigIntegers;
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.BOOLEAN:
      return plainItems;
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
      // HUGEINT and DECIMAL come out as exact strings, INTERVAL/UUID/TIME as text.
      return jsonCells;
  }
}

/** Encodes all chunks of a result, column by column. */
export function encodeColumns(types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): unknown[][] {
  return types.map((type, column) => {
    const encode = encoderFor(type);
    const out: unknown[] = [];
    for (const chunk of chunks) encode(chunk, column, out);
    return out;
  });
}
