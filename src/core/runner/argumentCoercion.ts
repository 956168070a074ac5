import { TaggedValue } from './protocol';

// Arguments arrive as JSON (CLI --args, the "Run with arguments…" prompt, CALL literals)
// and must reach the handler as the Python types Snowflake would pass for the declared
// SQL types. Errors name the argument and its type, so the user knows what to fix.

export interface DeclaredArgument {
  name: string;
  /** A Snowflake SQL type (NUMBER(10,2), VARCHAR …) or a Python annotation (int, str …). */
  type?: string;
  hasDefault?: boolean;
}

export class ArgumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArgumentError';
  }
}

type Coercer = (value: unknown, label: string, type: string) => TaggedValue;

const INTEGER_TYPES = /^(INT|INTEGER|BIGINT|SMALLINT|TINYINT|BYTEINT)$/;
const NUMBER_TYPE = /^(NUMBER|NUMERIC|DECIMAL)(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?$/;
const FLOAT_TYPES = /^(FLOAT|FLOAT4|FLOAT8|DOUBLE|DOUBLE PRECISION|REAL)$/;
const TEXT_TYPES = /^(VARCHAR|STRING|TEXT|CHAR|CHARACTER|NCHAR|NVARCHAR)(\(\d+\))?$/;
const TIMESTAMP_TYPES = /^(TIMESTAMP|DATETIME|TIMESTAMP_NTZ|TIMESTAMP_LTZ|TIMESTAMP_TZ)(\(\d+\))?$/;

function fail(label: string, type: string, value: unknown, hint: string): never {
  throw new ArgumentError(`argument ${label} ${type}: ${JSON.stringify(value)} ${hint}`);
}

const toInteger: Coercer = (value, label, type) => {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^[+-]?\d+(\.0+)?$/.test(text) && !(typeof value === 'number' && Number.isInteger(value))) {
    fail(label, type, value, 'is not a whole number');
  }
  const digits = text.replace(/\.0+$/, '');
  const big = BigInt(digits);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) && big >= BigInt(Number.MIN_SAFE_INTEGER) ? Number(big) : { $t: 'int', v: big.toString() };
};

const toDecimal = (scale: number): Coercer => (value, label, type) => {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) fail(label, type, value, 'is not a number');
  return scale === 0 ? toInteger(text.includes('.') ? String(Math.round(Number(text))) : text, label, type) : { $t: 'decimal', v: text };
};

const toFloat: Coercer = (value, label, type) => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'nan') return { $t: 'float', v: 'NaN' };
    if (text === 'inf' || text === 'infinity') return { $t: 'float', v: 'inf' };
    if (text === '-inf' || text === '-infinity') return { $t: 'float', v: '-inf' };
    if (text !== '' && Number.isFinite(Number(text))) return Number(text);
  }
  return fail(label, type, value, 'is not a number');
};

const toText: Coercer = (value, label, type) => {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(label, type, value, 'is not text');
};

const toBoolean: Coercer = (value, label, type) => {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (['true', 't', 'yes', 'y', 'on', '1'].includes(text)) return true;
  if (['false', 'f', 'no', 'n', 'off', '0'].includes(text)) return false;
  return fail(label, type, value, "is not a boolean (use true or false)");
};

const toDate: Coercer = (value, label, type) => {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) && !Number.isNaN(Date.parse(value.trim()))) {
    return { $t: 'date', v: value.trim() };
  }
  return fail(label, type, value, 'is not a date (use YYYY-MM-DD)');
};

const toTimestamp: Coercer = (value, label, type) => {
  const text = typeof value === 'string' ? value.trim().replace('T', ' ') : '';
  const match = text.match(/^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?))?\s*(Z|[+-]\d{2}:?\d{2})?$/);
  if (!match || Number.isNaN(Date.parse(match[1]))) return fail(label, type, value, 'is not a timestamp (use YYYY-MM-DD HH:MM:SS)');
  const time = match[2] ? (match[2].length === 5 ? `${match[2]}:00` : match[2]) : '00:00:00';
  const zone = match[3] === 'Z' ? '+00:00' : match[3];
  const withZone = /^TIMESTAMP_(LTZ|TZ)/i.test(type.trim()) || zone !== undefined;
  if (withZone) return { $t: 'timestamp_tz', v: `${match[1]} ${time}${zone ?? '+00:00'}` };
  return { $t: 'timestamp', v: `${match[1]} ${time}` };
};

function toTagged(value: unknown): TaggedValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { $t: 'float', v: Number.isNaN(value) ? 'NaN' : value > 0 ? 'inf' : '-inf' };
  if (Array.isArray(value)) return value.map(toTagged);
  if (typeof value === 'object') {
    const object: { [key: string]: TaggedValue } = {};
    for (const [key, inner] of Object.entries(value as object)) object[key] = toTagged(inner);
    return { $t: 'object', v: object };
  }
  throw new ArgumentError(`cannot pass ${typeof value} to Python`);
}

const toVariant: Coercer = (value) => toTagged(value);

const toStructured = (shape: 'object' | 'array'): Coercer => (value, label, type) => {
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      return fail(label, type, value, `is not JSON (give an ${shape === 'object' ? 'object like {"k": 1}' : 'array like [1, 2]'})`);
    }
  }
  if (shape === 'array' ? !Array.isArray(parsed) : typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return fail(label, type, value, `is not an ${shape}`);
  }
  return toTagged(parsed);
};

function coercerFor(type: string | undefined): Coercer {
  if (!type) return toVariant;
  const normal = type.trim().toUpperCase().replace(/\s+/g, ' ');
  const number = normal.match(NUMBER_TYPE);
  if (number) return number[3] && Number(number[3]) > 0 ? toDecimal(Number(number[3])) : toDecimal(0);
  if (INTEGER_TYPES.test(normal) || normal === 'INT' || type.trim() === 'int') return toInteger;
  if (FLOAT_TYPES.test(normal) || type.trim() === 'float') return toFloat;
  if (TEXT_TYPES.test(normal) || type.trim() === 'str') return toText;
  if (normal === 'BOOLEAN' || normal === 'BOOL') return toBoolean;
  if (normal === 'DATE' || type.trim() === 'date' || type.trim() === 'datetime.date') return toDate;
  if (TIMESTAMP_TYPES.test(normal) || type.trim() === 'datetime' || type.trim() === 'datetime.datetime') return toTimestamp;
  if (normal === 'OBJECT' || normal === 'DICT') return toStructured('object');
  if (normal === 'ARRAY' || normal === 'LIST') return toStructured('array');
  return toVariant;
}

/** Checks the count and converts each argument; `procedure` names the target in errors. */
export function coerceArguments(procedure: string, declared: readonly DeclaredArgument[] | undefined, values: readonly unknown[]): TaggedValue[] {
  if (!declared) return values.map(toTagged);
  const required = declared.filter((argument) => !argument.hasDefault).length;
  if (values.length < required || values.length > declared.length) {
    const signature = declared.map((argument) => `${argument.name}${argument.type ? ' ' + argument.type : ''}`).join(', ');
    const expected = required === declared.length ? `${declared.length}` : `${required} to ${declared.length}`;
    throw new ArgumentError(`${procedure}(${signature}) takes ${expected} argument${declared.length === 1 ? '' : 's'}; ${values.length} given`);
  }
  return values.map((value, index) => {
    const argument = declared[index];
    if (value === null || value === undefined) return null;
    return coercerFor(argument.type)(value, `${index + 1} (${argument.name})`, argument.type ?? 'VARIANT');
  });
}
