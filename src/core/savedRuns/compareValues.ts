import { TaggedValue } from '../runner/protocol';

// How a saved run's expected value compares with what came back. Expected values are
// plain JSON (what a person writes); actual ones keep what the run knows of their types:
// - numbers Snowflake calls NUMBER/DECIMAL/FLOAT (and Python Decimals) compare by numeric
//   value, whether the expectation writes them as JSON numbers or as text: 1.5 = "1.50";
// - dates, times, timestamps and binary compare as the text Snowflake shows: "2024-01-31";
// - VARIANT/OBJECT/ARRAY compare as JSON (key order never matters);
// - everything else (strings, booleans, null, a Python int or float) compares exactly.

export interface Difference {
  /** Where, e.g. `returns.total`, `rows[2].AMOUNT`, `columns`. */
  path: string;
  expected: unknown;
  actual: unknown;
  /** Said when the two values alone do not make it clear (a missing row, a wrong kind). */
  note?: string;
}

const NUMERIC_TAGS = new Set(['decimal', 'int', 'float']);
const VARIANT_TYPES = /^(VARIANT|OBJECT|ARRAY)\b/;
const NUMBER_TYPES = /^(NUMBER|DECIMAL|NUMERIC|INT|INTEGER|BIGINT|SMALLINT|TINYINT|BYTEINT|FLOAT|DOUBLE|REAL)\b/;

/** An engine cell with its column's type, as a tagged value the comparison understands. */
export function cellAsTagged(cell: unknown, columnType: string): TaggedValue {
  if (cell === null || cell === undefined) return null;
  const type = columnType.toUpperCase();
  if (VARIANT_TYPES.test(type) && typeof cell === 'string') {
    try {
      return { $t: 'json', v: JSON.parse(cell) };
    } catch {
      return cell;
    }
  }
  if (NUMBER_TYPES.test(type) && (typeof cell === 'number' || typeof cell === 'string')) return { $t: 'decimal', v: String(cell) };
  return cell as TaggedValue;
}

export function compareValue(expected: unknown, actual: TaggedValue, path: string, out: Difference[]): void {
  if (actual !== null && typeof actual === 'object' && !Array.isArray(actual)) {
    if (actual.$t === 'json') return comparePlain(expected, actual.v, path, out);
    if (actual.$t === 'object') {
      if (!isPlainObject(expected)) return void out.push({ path, expected, actual: plainOf(actual) });
      for (const key of new Set([...Object.keys(expected), ...Object.keys(actual.v)])) {
        const child = `${path}.${key}`;
        if (!(key in actual.v)) out.push({ path: child, expected: expected[key], actual: undefined, note: 'missing' });
        else if (!(key in expected)) out.push({ path: child, expected: undefined, actual: plainOf(actual.v[key]), note: 'not expected' });
        else compareValue(expected[key], actual.v[key], child, out);
      }
      return;
    }
    if (NUMERIC_TAGS.has(actual.$t)) {
      if (!numbersEqual(expected, actual.v)) out.push({ path, expected, actual: actual.v });
      return;
    }
    if (expected !== actual.v) out.push({ path, expected, actual: actual.v });
    return;
  }
  if (Array.isArray(actual)) {
    if (!Array.isArray(expected)) return void out.push({ path, expected, actual: plainOf(actual) });
    if (expected.length !== actual.length) {
      out.push({ path, expected, actual: plainOf(actual), note: `${expected.length} items expected, ${actual.length} returned` });
      return;
    }
    actual.forEach((item, index) => compareValue(expected[index], item, `${path}[${index}]`, out));
    return;
  }
  comparePlain(expected, actual, path, out);
}

/** Plain JSON on both sides: deep equality, objects by key, numbers exactly (-0 = 0). */
export function comparePlain(expected: unknown, actual: unknown, path: string, out: Difference[]): void {
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    expected.forEach((item, index) => comparePlain(item, actual[index], `${path}[${index}]`, out));
    return;
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const child = `${path}.${key}`;
      if (!(key in actual)) out.push({ path: child, expected: expected[key], actual: undefined, note: 'missing' });
      else if (!(key in expected)) out.push({ path: child, expected: undefined, actual: actual[key], note: 'not expected' });
      else comparePlain(expected[key], actual[key], child, out);
    }
    return;
  }
  if (expected === actual || (typeof expected === 'number' && typeof actual === 'number' && (expected === actual || (isNaN(expected) && isNaN(actual))))) return;
  out.push({ path, expected, actual });
}

/** A tagged value as the plain JSON an expectation would hold (decimals and dates as text). */
export function plainOf(value: TaggedValue): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(plainOf);
  if (value.$t === 'object') return Object.fromEntries(Object.entries(value.v).map(([key, inner]) => [key, plainOf(inner)]));
  return value.v;
}

export function numbersEqual(expected: unknown, actualText: string): boolean {
  const left = canonicalNumber(expected);
  const right = canonicalNumber(actualText);
  return left !== undefined && left === right;
}

const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/** `1.50`, 1.5, "15e-1" → "15e-1": digits without leading or trailing zeros, and an exponent. */
export function canonicalNumber(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    value = String(value);
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (['NaN', 'inf', 'Infinity', '-inf', '-Infinity'].includes(text)) return text.replace(/^(-?)inf$/, '$1Infinity');
  const match = NUMBER_TEXT.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const fraction = match[3] ?? '';
  let digits = (match[2] + fraction).replace(/^0+/, '');
  let exponent = Number(match[4] ?? 0) - fraction.length;
  if (digits === '') return '0';
  while (digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    exponent++;
  }
  return `${match[1] === '-' ? '-' : ''}${digits}e${exponent}`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
