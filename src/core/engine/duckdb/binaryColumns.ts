import { DuckDBDataChunk, DuckDBType, DuckDBTypeId, DuckDBTimestampTZValue } from '@duckdb/node-api';
import duckdbBindings from '@duckdb/node-bindings';
import { AttachmentWriter, ByteRange } from '../../runner/attachments';
import { shownAsJsonText, variantTexts } from './columnEncoding';

// Result columns as raw little-endian arrays for a binary frame (docs/channel-protocol.md,
// "Binary result frames"). Python turns each array into values with one C-level call
// (memoryview.cast(...).tolist(), bytes.decode, map), so no number or date is formatted in
// Node nor parsed in Python. A column this module cannot carry exactly returns undefined and
// goes as JSON text instead, the way every column went before.

export interface BinaryColumnHeader {
  /** The encoding: an array type code (b h i q B H I Q f d ?), or date/time/timestamp/timestamp_tz/decimal/int128/str/bytes. */
  $a: string;
  rows: number;
  data: ByteRange;
  /** One byte per row, 1 = a value, 0 = NULL; absent when no row is NULL. */
  valid?: ByteRange;
  /** str/bytes: uint32 byte offsets, rows + 1 of them, into `data`. */
  offsets?: ByteRange;
  /** str: `data` is the texts joined by NUL (no text holds one); no offsets. */
  separated?: boolean;
  /** decimal: digits after the point; `data` holds the unscaled integers (width in `width`). */
  scale?: number;
  width?: number;
  /** timestamp_tz: the zone offset, in minutes, the JSON path prints these instants in. */
  offsetMinutes?: number;
}

interface RawVector {
  items?: { buffer: ArrayBufferLike; byteOffset: number; byteLength: number; length: number };
  dataView?: DataView;
  validity: { data: BigUint64Array | null };
  itemCount: number;
  getItem(index: number): unknown;
}

const vectorOf = (chunk: DuckDBDataChunk, column: number): RawVector => chunk.getColumnVector(column) as unknown as RawVector;

const ARRAY_CODES: Partial<Record<DuckDBTypeId, [string, number]>> = {
  [DuckDBTypeId.TINYINT]: ['b', 1],
  [DuckDBTypeId.SMALLINT]: ['h', 2],
  [DuckDBTypeId.INTEGER]: ['i', 4],
  [DuckDBTypeId.BIGINT]: ['q', 8],
  [DuckDBTypeId.UTINYINT]: ['B', 1],
  [DuckDBTypeId.USMALLINT]: ['H', 2],
  [DuckDBTypeId.UINTEGER]: ['I', 4],
  [DuckDBTypeId.UBIGINT]: ['Q', 8],
  [DuckDBTypeId.FLOAT]: ['f', 4],
  [DuckDBTypeId.DOUBLE]: ['d', 8],
  [DuckDBTypeId.BOOLEAN]: ['?', 1],
};

// Python's date and datetime cover years 1–9999: a column with anything outside (DuckDB's
// infinities, BC dates) goes as JSON text, which fails or succeeds exactly as it did before.
const MIN_DAYS = -719_162; // 0001-01-01
const MAX_DAYS = 2_932_896; // 9999-12-31
const MICROS_PER_DAY = 86_400_000_000;
// With a day of margin: the check reads int64s as doubles, which round by a few microseconds.
const MIN_MICROS = (MIN_DAYS + 1) * MICROS_PER_DAY;
const MAX_MICROS = MAX_DAYS * MICROS_PER_DAY;

interface FixedWidth {
  data: Buffer;
  valid: Uint8Array | undefined;
}

/** The bytes behind a vector's values, whichever of `items`/`dataView` it exposes. */
function rawBytes(vector: RawVector): Uint8Array | undefined {
  const source = vector.items ?? vector.dataView;
  return source ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength) : undefined;
}

/** All chunks' values back to back, NULL slots zeroed (so Python never reads garbage), plus validity. */
function fixedWidth(chunks: readonly DuckDBDataChunk[], column: number, rows: number, width: number): FixedWidth | undefined {
  // Every byte is overwritten below: each chunk copies its values, NULL slots are zeroed.
  const data = Buffer.allocUnsafe(rows * width);
  let valid: Uint8Array | undefined;
  let row = 0;
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const vector = vectorOf(chunk, column);
    const bytes = rawBytes(vector);
    const count = chunk.rowCount;
    if (!bytes || bytes.byteLength < count * width) return undefined;
    data.set(bytes.subarray(0, count * width), row * width);
    const words = validWords(vector);
    if (words) {
      for (let i = 0; i < count; i++) {
        if (((words[i >>> 5] >>> (i & 31)) & 1) === 1) continue;
        valid ??= new Uint8Array(rows).fill(1);
        valid[row + i] = 0;
        data.fill(0, (row + i) * width, (row + i + 1) * width);
      }
    }
    row += count;
  }
  return { data, valid };
}

function validWords(vector: RawVector): Uint32Array | undefined {
  const words = vector.validity.data;
  return words ? new Uint32Array(words.buffer, words.byteOffset, words.length * 2) : undefined;
}

function withinDays(data: Buffer): boolean {
  const days = new Int32Array(data.buffer, data.byteOffset, data.length / 4);
  for (let i = 0; i < days.length; i++) if (days[i] < MIN_DAYS || days[i] > MAX_DAYS) return false;
  return true;
}

/** Every int64 (read approximately, as a double) within [low, high]. */
function withinInt64(data: Buffer, low: number, high: number): boolean {
  const halves = new Int32Array(data.buffer, data.byteOffset, data.length / 4);
  for (let i = 0; i < halves.length; i += 2) {
    const value = halves[i + 1] * 4294967296 + (halves[i] >>> 0);
    if (value < low || value > high) return false;
  }
  return true;
}

type Cell = Uint8Array | null;

/**
 * Texts as one UTF-8 block. When no text holds a NUL, NUL separates them (`separated`) and
 * Python splits the decoded block in one call; otherwise, and for bytes, rows + 1 uint32 offsets
 * bound each cell. NULLs are empty cells marked invalid.
 */
function variableWidth(cells: readonly Cell[], texts: boolean, out: AttachmentWriter): Pick<BinaryColumnHeader, 'data' | 'offsets' | 'valid' | 'separated'> {
  const rows = cells.length;
  let valid: Uint8Array | undefined;
  let total = 0;
  let separable = texts;
  for (let i = 0; i < rows; i++) {
    const cell = cells[i];
    if (cell === null) (valid ??= new Uint8Array(rows).fill(1))[i] = 0;
    else {
      total += cell.length;
      if (separable && cell.indexOf(0) !== -1) separable = false;
    }
  }
  const validity = valid ? { valid: out.add(valid) } : {};
  if (separable) {
    // Zero-filled, so the gaps left between cells are the NUL separators.
    const block = Buffer.alloc(total + Math.max(rows - 1, 0));
    let at = 0;
    for (const cell of cells) {
      if (cell !== null) block.set(cell, at);
      at += (cell?.length ?? 0) + 1;
    }
    return { data: out.add(block), separated: true, ...validity };
  }
  const block = Buffer.allocUnsafe(total);
  const offsets = new Uint32Array(rows + 1);
  let at = 0;
  for (let i = 0; i < rows; i++) {
    const cell = cells[i];
    if (cell !== null) {
      block.set(cell, at);
      at += cell.length;
    }
    offsets[i + 1] = at;
  }
  return { data: out.add(block), offsets: out.add(offsets), ...validity };
}

/**
 * A VARCHAR/BLOB cell's bytes read from DuckDB's 16-byte string_t in place: length, then the
 * bytes inline (up to 12) or a pointer. Decoding to a JS string and encoding back to UTF-8, as
 * vector.getItem would make us, cost more than all the rest of a text column.
 */
function stringBytes(view: DataView, inline: Uint8Array, index: number): Uint8Array {
  const at = index * 16;
  const length = view.getUint32(at, true);
  if (length <= 12) return inline.subarray(at + 4, at + 4 + length);
  return duckdbBindings.get_data_from_pointer(view.buffer as ArrayBuffer, view.byteOffset + at + 8, length);
}

function stringCells(chunks: readonly DuckDBDataChunk[], column: number): Cell[] | undefined {
  const cells: Cell[] = [];
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const vector = vectorOf(chunk, column);
    const view = vector.dataView;
    if (!view || view.byteLength < chunk.rowCount * 16) return undefined;
    const inline = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    const words = validWords(vector);
    for (let i = 0; i < chunk.rowCount; i++) {
      cells.push(words && ((words[i >>> 5] >>> (i & 31)) & 1) === 0 ? null : stringBytes(view, inline, i));
    }
  }
  return cells;
}

/**
 * The common case of a VARCHAR column, no text holding a NUL, written straight from DuckDB's
 * string_t vectors into one NUL-separated block: two passes (lengths, then bytes) and no
 * object per cell. Undefined when some text holds a NUL (the caller then uses offsets).
 */
function separatedTexts(chunks: readonly DuckDBDataChunk[], column: number, rows: number, out: AttachmentWriter): BinaryColumnHeader | undefined {
  let total = 0;
  let valid: Uint8Array | undefined;
  let row = 0;
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const vector = vectorOf(chunk, column);
    const view = vector.dataView;
    if (!view || view.byteLength < chunk.rowCount * 16) return undefined;
    const words = validWords(vector);
    for (let i = 0; i < chunk.rowCount; i++, row++) {
      if (words && ((words[i >>> 5] >>> (i & 31)) & 1) === 0) (valid ??= new Uint8Array(rows).fill(1))[row] = 0;
      else total += view.getUint32(i * 16, true);
    }
  }
  // Zero-filled, so the gaps left between cells are the NUL separators.
  const block = Buffer.alloc(total + Math.max(rows - 1, 0));
  let at = 0;
  row = 0;
  for (const chunk of chunks) {
    if (chunk.rowCount === 0) continue;
    const view = vectorOf(chunk, column).dataView!;
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < chunk.rowCount; i++, row++) {
      if (valid && valid[row] === 0) {
        at += 1;
        continue;
      }
      const length = view.getUint32(i * 16, true);
      if (length <= 12) {
        const from = i * 16 + 4;
        for (let k = 0; k < length; k++) {
          const byte = bytes[from + k];
          if (byte === 0) return undefined;
          block[at + k] = byte;
        }
      } else {
        const text = duckdbBindings.get_data_from_pointer(view.buffer as ArrayBuffer, view.byteOffset + i * 16 + 8, length);
        if (text.indexOf(0) !== -1) return undefined;
        block.set(text, at);
      }
      at += length + 1;
    }
  }
  return { $a: 'str', rows, data: out.add(block), separated: true, ...(valid ? { valid: out.add(valid) } : {}) };
}

function textColumn(cells: Cell[] | undefined, rows: number, out: AttachmentWriter): BinaryColumnHeader | undefined {
  return cells && { $a: 'str', rows, ...variableWidth(cells, true, out) };
}

function variantColumn(chunks: readonly DuckDBDataChunk[], column: number, rows: number, out: AttachmentWriter): BinaryColumnHeader | undefined {
  const texts = chunks.flatMap((chunk) => (chunk.rowCount ? variantTexts(chunk, column) : []));
  return textColumn(texts.map((text) => (text === null ? null : Buffer.from(text, 'utf8'))), rows, out);
}

function fixedColumn(kind: string, chunks: readonly DuckDBDataChunk[], column: number, rows: number, width: number, out: AttachmentWriter, accept?: (data: Buffer) => boolean): BinaryColumnHeader | undefined {
  const values = fixedWidth(chunks, column, rows, width);
  if (!values || (accept && !accept(values.data))) return undefined;
  return { $a: kind, rows, data: out.add(values.data), ...(values.valid ? { valid: out.add(values.valid) } : {}) };
}

/** One column as a binary column header (its arrays added to `out`), or undefined for JSON text. */
export function encodeBinaryColumn(type: DuckDBType, chunks: readonly DuckDBDataChunk[], column: number, rows: number, out: AttachmentWriter): BinaryColumnHeader | undefined {
  if (shownAsJsonText(type)) return variantColumn(chunks, column, rows, out);
  if (type.alias !== undefined) return undefined;
  const array = ARRAY_CODES[type.typeId];
  if (array) return fixedColumn(array[0], chunks, column, rows, array[1], out);
  switch (type.typeId) {
    case DuckDBTypeId.DECIMAL: {
      const { width, scale } = type as unknown as { width: number; scale: number };
      const bytes = width <= 4 ? 2 : width <= 9 ? 4 : width <= 18 ? 8 : 16;
      const header = fixedColumn('decimal', chunks, column, rows, bytes, out);
      return header && { ...header, width: bytes, scale };
    }
    case DuckDBTypeId.HUGEINT: {
      const header = fixedColumn('decimal', chunks, column, rows, 16, out);
      return header && { ...header, width: 16, scale: 0 };
    }
    case DuckDBTypeId.DATE:
      return fixedColumn('date', chunks, column, rows, 4, out, withinDays);
    case DuckDBTypeId.TIME:
      return fixedColumn('time', chunks, column, rows, 8, out, (data) => withinInt64(data, 0, MICROS_PER_DAY - 1));
    case DuckDBTypeId.TIMESTAMP:
      return fixedColumn('timestamp', chunks, column, rows, 8, out, (data) => withinInt64(data, MIN_MICROS, MAX_MICROS));
    case DuckDBTypeId.TIMESTAMP_TZ: {
      // The JSON path prints instants in the Node process's zone offset; so does this one.
      const offsetMinutes = DuckDBTimestampTZValue.timezoneOffsetInMinutes;
      const header = fixedColumn('timestamp_tz', chunks, column, rows, 8, out, (data) => withinInt64(data, MIN_MICROS, MAX_MICROS));
      return header && { ...header, offsetMinutes };
    }
    case DuckDBTypeId.VARCHAR:
      return separatedTexts(chunks, column, rows, out) ?? textColumn(stringCells(chunks, column), rows, out);
    case DuckDBTypeId.BLOB: {
      const cells = stringCells(chunks, column);
      return cells && { $a: 'bytes', rows, ...variableWidth(cells, false, out) };
    }
    default:
      return undefined;
  }
}
