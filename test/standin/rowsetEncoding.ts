import { QueryResult, TaggedValue } from '../../src/core/runner/protocol';

// The stand-in's side of Snowflake's JSON result format ("queryResultFormat": "json"):
// a rowtype per column and a rowset of rows whose cells are strings in Snowflake's raw
// encodings (what snowflake-sdk's column converters parse):
//   fixed: "123" / "12.50"          real: "1.5", "NaN", "inf"      boolean: "1" / "0"
//   date: days since 1970-01-01      time: seconds since midnight, fraction to 9 digits
//   timestamp_ntz: epoch seconds with fraction; timestamp_tz: "<epoch.frac> <offset+1440>"
//   binary: upper-case hex           variant/object/array: JSON text

export interface RowType {
  name: string;
  type: string;
  precision: number | null;
  scale: number | null;
  nullable: boolean;
  length: number | null;
  byteLength: number | null;
  database: string;
  schema: string;
  table: string;
  collation: null;
}

export function rowtypeOf(result: QueryResult): RowType[] {
  return result.columns.map((column) => {
    const number = /^NUMBER\((\d+),(\d+)\)$/.exec(column.type);
    const base = { name: column.name, nullable: true, database: '', schema: '', table: '', collation: null, length: null, byteLength: null };
    if (number) return { ...base, type: 'fixed', precision: Number(number[1]), scale: Number(number[2]) };
    const simple: Record<string, string> = {
      FLOAT: 'real',
      BOOLEAN: 'boolean',
      DATE: 'date',
      TIME: 'time',
      TIMESTAMP_NTZ: 'timestamp_ntz',
      TIMESTAMP_LTZ: 'timestamp_ltz',
      TIMESTAMP_TZ: 'timestamp_tz',
      BINARY: 'binary',
      VARIANT: 'variant',
      OBJECT: 'object',
      ARRAY: 'array',
    };
    const type = simple[column.type] ?? 'text';
    const scale = type === 'time' || type.startsWith('timestamp') ? 9 : null;
    return { ...base, type, precision: scale === null ? null : 0, scale, length: type === 'text' ? 16_777_216 : null };
  });
}

export function rowsetOf(result: QueryResult): Array<Array<string | null>> {
  const types = rowtypeOf(result).map((column) => column.type);
  const rows: Array<Array<string | null>> = [];
  for (let r = 0; r < result.rowCount; r++) rows.push(result.columns.map((_, c) => rawCell(result.data[c][r], types[c])));
  return rows;
}

function rawCell(value: unknown, type: string): string | null {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'boolean':
      return value ? '1' : '0';
    case 'date':
      return String(Math.round(Date.parse(`${value}T00:00:00Z`) / 86_400_000));
    case 'time': {
      const [clock, fraction = ''] = String(value).split('.');
      const [h, m, s] = clock.split(':').map(Number);
      return `${h * 3600 + m * 60 + s}.${fraction.padEnd(9, '0').slice(0, 9)}`;
    }
    case 'timestamp_ntz':
      return epochText(String(value), 0);
    case 'timestamp_tz':
    case 'timestamp_ltz': {
      const match = /^(.*?)([+-])(\d\d):?(\d\d)$/.exec(String(value));
      const offset = match ? (match[2] === '-' ? -1 : 1) * (Number(match[3]) * 60 + Number(match[4])) : 0;
      const epoch = epochText(match ? match[1] : String(value), offset);
      return type === 'timestamp_tz' ? `${epoch} ${offset + 1440}` : epoch;
    }
    case 'binary':
      return Buffer.from(String(value), 'base64').toString('hex').toUpperCase();
    default:
      return typeof value === 'string' ? value : String(value);
  }
}

/** "2024-01-31 13:45:00.123456" at the given UTC offset → "1706708700.123456000". */
function epochText(wall: string, offsetMinutes: number): string {
  const [date, clock = '00:00:00'] = wall.trim().split(/[ T]/);
  const [seconds, fraction = ''] = clock.split('.');
  const epochMs = Date.parse(`${date}T${seconds}Z`) - offsetMinutes * 60_000;
  return `${Math.floor(epochMs / 1000)}.${fraction.padEnd(9, '0').slice(0, 9)}`;
}

/** Snowflake's JSON bind map ({"1": {type: "FIXED", value: "3"}}) → the engine's tagged binds. */
export function bindsOf(bindings: Record<string, { type: string; value: string | null }> | undefined): TaggedValue[] | undefined {
  if (!bindings) return undefined;
  return Object.keys(bindings)
    .sort((a, b) => Number(a) - Number(b))
    .map((key) => {
      const { type, value } = bindings[key];
      if (value === null) return null;
      if (type === 'FIXED') return Number.isSafeInteger(Number(value)) ? Number(value) : { $t: 'int', v: value };
      if (type === 'REAL') return Number(value);
      if (type === 'BOOLEAN') return value === 'true';
      return value;
    });
}
