import { compileAutoFormat, DATE_FORMATS, Field, MONTHS, PLAIN_ISO, TIMESTAMP_FORMATS } from './autoDateFormats';

// The AUTO detection of autoDateFormats.ts, done while translating when the text is a constant
// (TO_DATE('01/02/2024'), TO_TIMESTAMP('2024-01-01 10:00:00')): the SQL macro binds 33
// regular expressions into every query that calls it (about 20 ms a query), a constant needs
// none. Only text this recognises as a valid date or timestamp is answered here; anything
// else (no format matches, February 30, hour 24, epoch digits) goes to the macro as before,
// which gives NULL or Snowflake's error.

interface LiteralFormat {
  regex: RegExp;
  fields: Field[];
}

/** `(?i:mon|tue)` (RE2's case-insensitive group) as JavaScript can read it: `(?:[mM][oO][nN]|…)`. */
function javaScriptPattern(pattern: string): string {
  return pattern.replace(/\(\?i:([^)]*)\)/g, (_group, body: string) => `(?:${body.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`)})`);
}

let formats: LiteralFormat[] | undefined;

function literalFormats(): LiteralFormat[] {
  formats ??= [...DATE_FORMATS, ...TIMESTAMP_FORMATS].map((format) => {
    const { regex, fields } = compileAutoFormat(format);
    return { regex: new RegExp(`^${javaScriptPattern(regex)}$`), fields };
  });
  return formats;
}

const PLAIN_ISO_REGEX = new RegExp(`^${PLAIN_ISO}$`);

const pad = (value: number | string, width: number): string => String(value).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'YYYY-MM-DD HH:MI:SS.FFFFFFFFF' when the parts make a valid wall clock; undefined otherwise. */
function wallText(year: number, month: number, day: number, hour: number, minute: number, second: number, fraction: string): string | undefined {
  // Year 0 and beyond: left to the macro (DuckDB's own range rules).
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)} ${pad(hour, 2)}:${pad(minute, 2)}:${pad(second, 2)}.${fraction.padEnd(9, '0')}`;
}

/** A captured offset (+07:00, +0700, +07, 0700, Z) as '+07:00'. */
function offsetText(tz: string): string {
  if (tz === '') return '';
  if (tz === 'Z') return '+00:00';
  const sign = tz.startsWith('-') ? '-' : '+';
  const digits = tz.replace(/^[+-]/, '');
  if (digits.includes(':')) {
    const [hours, minutes] = digits.split(':');
    return `${sign}${pad(hours, 2)}:${pad(minutes, 2)}`;
  }
  return digits.length === 4 ? `${sign}${digits.slice(0, 2)}:${digits.slice(2)}` : `${sign}${pad(digits, 2)}:00`;
}

function monthOf(parts: Partial<Record<Field, string>>): number {
  if (!parts.mon) return Number(parts.mo ?? 0);
  const name = parts.mon.toLowerCase();
  const abbreviated = MONTHS.findIndex((month) => month.slice(0, 3) === name);
  return (abbreviated >= 0 ? abbreviated : MONTHS.indexOf(name)) + 1;
}

function hourOf(parts: Partial<Record<Field, string>>): number {
  const hour = Number(parts.h || 0);
  if (!parts.ampm) return hour;
  if (hour < 1 || hour > 12) return 99;
  return (hour % 12) + (parts.ampm.toUpperCase() === 'PM' ? 12 : 0);
}

/**
 * Text in one of Snowflake's AUTO formats as 'YYYY-MM-DD HH:MI:SS.FFFFFFFFF[+HH:MM]' (the offset
 * only when one was written), as the auto_datetime_text macro gives it; undefined for anything
 * the macro must judge.
 */
export function autoDatetimeTextOf(text: string): string | undefined {
  const t = text.trim();
  if (PLAIN_ISO_REGEX.test(t)) {
    const [date, time = '00:00:00'] = t.split(' ');
    const [clock, fraction = ''] = time.split('.');
    const [year, month, day] = date.split('-').map(Number);
    const [hour, minute, second] = clock.split(':').map(Number);
    return wallText(year, month, day, hour, minute, second, fraction);
  }
  // As the macro's CASE: the first format that matches decides, valid or not.
  for (const format of literalFormats()) {
    const match = format.regex.exec(t);
    if (!match) continue;
    const parts: Partial<Record<Field, string>> = {};
    format.fields.forEach((field, i) => (parts[field] = match[i + 1]));
    const wall = wallText(Number(parts.y), monthOf(parts), Number(parts.d), hourOf(parts), Number(parts.mi || 0), Number(parts.s || 0), parts.f ?? '');
    return wall === undefined ? undefined : wall + offsetText(parts.tz ?? '');
  }
  return undefined;
}
