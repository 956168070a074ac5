import { QueryResult, TaggedValue } from '../../runner/protocol';
import { SdkBind, SdkColumn } from './snowflakeSdk';

// snowflake-sdk rows (rowMode 'array', numbers and variants fetched as their exact text)
// → the channel's columnar QueryResult (docs/channel-protocol.md), typed by Snowflake's
// own column types so the shim decodes them exactly as it does for the local engine.

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

export function columnType(column: SdkColumn): string {
  switch (column.getType().toLowerCase()) {
    case 'fixed':
      return `NUMBER(${column.getPrecision() ?? 38},${column.getScale() ?? 0})`;
    case 'real':
      return 'FLOAT';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    case 'time':
      return 'TIME';
    case 'timestamp_ntz':
      return 'TIMESTAMP_NTZ';
    case 'timestamp_ltz':
      return 'TIMESTAMP_LTZ';
    case 'timestamp_tz':
      return 'TIMESTAMP_TZ';
    case 'binary':
      return 'BINARY';
    case 'variant':
      return 'VARIANT';
    case 'object':
      return 'OBJECT';
    case 'array':
      return 'ARRAY';
    default:
      return 'VARCHAR';
  }
}

export function toQueryResult(queryId: string, columns: SdkColumn[], rows: unknown[][]): QueryResult {
  const types = columns.map(columnType);
  const data = columns.map((_, c) => rows.map((row) => encodeCell(row[c], types[c])));
  return { queryId, columns: columns.map((column, c) => ({ name: column.getName(), type: types[c] })), data, rowCount: rows.length };
}

function encodeCell(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith('NUMBER(')) {
    const text = String(value);
    if (!type.endsWith(',0)')) return text;
    const big = BigInt(text);
    return big <= SAFE && big >= -SAFE ? Number(big) : text;
  }
  switch (type) {
    case 'FLOAT': {
      const text = String(value).toLowerCase();
      if (text === 'nan') return 'NaN';
      if (text === 'inf' || text === 'infinity') return 'inf';
      if (text === '-inf' || text === '-infinity') return '-inf';
      return Number(value);
    }
    case 'BOOLEAN':
      return value === true || value === 'true' || value === 'TRUE' || value === '1';
    case 'DATE':
      return dateText(sfEpochSeconds(value));
    case 'TIME':
      return typeof value === 'string' ? timeFromText(value) : timeText(sfTime(value));
    case 'TIMESTAMP_NTZ':
      return timestampText(sfEpochSeconds(value), sfNanos(value), 0, false);
    case 'TIMESTAMP_TZ':
    case 'TIMESTAMP_LTZ':
      return timestampText(sfEpochSeconds(value), sfNanos(value), sfOffsetMinutes(value), true);
    case 'BINARY':
      return Buffer.isBuffer(value) ? value.toString('base64') : Buffer.from(String(value), 'hex').toString('base64');
    case 'VARIANT':
    case 'OBJECT':
    case 'ARRAY':
      return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
    default:
      return String(value);
  }
}

// The SDK's dates carry the exact epoch seconds and nanoseconds beside the JS Date.
interface SfDate {
  getTime(): number;
  getEpochSeconds?: () => number;
  getNanoSeconds?: () => number;
  getTimezone?: () => string | number;
}

function sfEpochSeconds(value: unknown): number {
  const date = value as SfDate;
  return date.getEpochSeconds ? date.getEpochSeconds() : Math.floor(date.getTime() / 1000);
}

function sfNanos(value: unknown): number {
  const date = value as SfDate;
  return date.getNanoSeconds ? date.getNanoSeconds() : (date.getTime() % 1000) * 1e6;
}

function sfOffsetMinutes(value: unknown): number {
  const zone = (value as SfDate).getTimezone?.();
  return typeof zone === 'number' ? zone : 0;
}

function sfTime(value: unknown): { seconds: number; nanos: number } {
  const time = value as { getMidnightSeconds?: () => number; getNanoSeconds?: () => number };
  return { seconds: time.getMidnightSeconds?.() ?? 0, nanos: time.getNanoSeconds?.() ?? 0 };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * The SDK hands TIME columns over only as text in the session's TIME_OUTPUT_FORMAT
 * (Snowflake's default, HH24:MI:SS, drops the fraction; HH24:MI:SS.FF6 keeps it).
 */
function timeFromText(text: string): string {
  const match = /^(\d{1,2}):(\d{2}):(\d{2})(?:[.,](\d+))?/.exec(text.trim());
  if (!match) return text;
  const micros = (match[4] ?? '').padEnd(6, '0').slice(0, 6).replace(/0+$/, '');
  const fractionDigits = micros ? `.${micros}` : '';
  return `${match[1].padStart(2, '0')}:${match[2]}:${match[3]}${fractionDigits}`;
}

function dateText(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Microseconds, trailing zeros trimmed, as the local engine writes them (.5, .123456). */
function fraction(nanos: number): string {
  const micros = Math.floor(nanos / 1000);
  return micros ? `.${pad(micros, 6).replace(/0+$/, '')}` : '';
}

function timeText({ seconds, nanos }: { seconds: number; nanos: number }): string {
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}${fraction(nanos)}`;
}

function timestampText(epochSeconds: number, nanos: number, offsetMinutes: number, zoned: boolean): string {
  const wall = new Date((epochSeconds + offsetMinutes * 60) * 1000);
  const text =
    `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())} ` +
    `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}${fraction(nanos)}`;
  if (!zoned) return text;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${text}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** Tagged bind values → the SDK's binds (Snowflake converts text to the column's type). */
export function toSdkBind(value: TaggedValue): SdkBind {
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (Array.isArray(value)) return JSON.stringify(value);
  switch (value.$t) {
    case 'object':
    case 'json':
      return JSON.stringify(value.v);
    case 'bytes':
      return Buffer.from(value.v as string, 'base64').toString('hex');
    default:
      return String(value.v);
  }
}
