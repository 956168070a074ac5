import { quoteStringLiteral } from '../../../sql/literals';
import type { SnowflakeMacro } from './macros';

// Snowflake's AUTO input format, the default of DATE_INPUT_FORMAT and TIMESTAMP_INPUT_FORMAT:
// a string is accepted when it matches one of the formats listed under "Supported formats for
// AUTO detection" (https://docs.snowflake.com/en/sql-reference/date-time-input-output), and no
// other. TO_DATE also reads strings in a timestamp format (dropping the time), and a timestamp
// conversion reads a date-only format as midnight (same page: "When a date-only format is used,
// the associated time is assumed to be midnight on that day"). DuckDB's own cast reads ISO forms
// only, and some Snowflake rejects, so the formats below are compiled into regular expressions.
//
// Digit counts follow the page's "Using the correct number of digits": YYYY 1–4 digits, MM, DD,
// HH, MI, SS, TZH, TZM 1–2, FF 1–9. MON reads an abbreviated or full month name, DY a day name
// (not checked against the date). An offset right after a digit needs its sign. Beyond the list,
// Z (ISO 8601's zero offset) is read where TZH:TZM stands, as the local engine read it before,
// and blanks around the text are trimmed.

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD-MON-YYYY', 'MM/DD/YYYY'];

export const TIMESTAMP_FORMATS = [
  // ISO ("T" is the literal letter T between date and time)
  'YYYY-MM-DD"T"HH24:MI:SS.FFTZH:TZM',
  'YYYY-MM-DD HH24:MI:SS.FFTZH:TZM',
  'YYYY-MM-DD HH24:MI:SS.FFTZH',
  'YYYY-MM-DD HH24:MI:SS.FF TZH:TZM',
  'YYYY-MM-DD HH24:MI:SS.FF TZHTZM',
  'YYYY-MM-DD HH24:MI:SS TZH:TZM',
  'YYYY-MM-DD HH24:MI:SS TZHTZM',
  'YYYY-MM-DD"T"HH24:MI:SS.FF',
  'YYYY-MM-DD HH24:MI:SS.FF',
  'YYYY-MM-DD"T"HH24:MI:SS',
  'YYYY-MM-DD HH24:MI:SS',
  'YYYY-MM-DD"T"HH24:MI',
  'YYYY-MM-DD HH24:MI',
  'YYYY-MM-DD"T"HH24',
  'YYYY-MM-DD HH24',
  'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM',
  'YYYY-MM-DD HH24:MI:SSTZH:TZM',
  'YYYY-MM-DD HH24:MI:SSTZH',
  'YYYY-MM-DD"T"HH24:MITZH:TZM',
  'YYYY-MM-DD HH24:MITZH:TZM',
  // Internet (RFC)
  'DY, DD MON YYYY HH24:MI:SS TZHTZM',
  'DY, DD MON YYYY HH24:MI:SS.FF TZHTZM',
  'DY, DD MON YYYY HH12:MI:SS AM TZHTZM',
  'DY, DD MON YYYY HH12:MI:SS.FF AM TZHTZM',
  'DY, DD MON YYYY HH24:MI:SS',
  'DY, DD MON YYYY HH24:MI:SS.FF',
  'DY, DD MON YYYY HH12:MI:SS AM',
  'DY, DD MON YYYY HH12:MI:SS.FF AM',
  // Other
  'MM/DD/YYYY HH24:MI:SS',
  'DY MON DD HH24:MI:SS TZHTZM YYYY',
];

/** Text in YYYY-MM-DD or YYYY-MM-DD HH24:MI:SS[.FF] with full-width fields, which auto_plain_iso_text reads. */
export const PLAIN_ISO = String.raw`\d{4}-\d\d-\d\d( \d\d:\d\d:\d\d(\.\d{1,9})?)?`;

/** The parts a format can capture, in the order the canonical-text macro takes them. */
const FIELDS = ['y', 'mo', 'mon', 'd', 'h', 'ampm', 'mi', 's', 'f', 'tz'] as const;
export type Field = (typeof FIELDS)[number];

/** Format elements, longest first, as a regular expression and the part it captures. */
const ELEMENTS: Array<{ element: string; pattern: (signed: string) => string; field?: Field }> = [
  // ISO 8601 writes a zero offset as Z, which stands where TZH:TZM can.
  { element: 'TZH:TZM', pattern: (sign) => `(${sign}\\d{1,2}:\\d{1,2}|Z)`, field: 'tz' },
  { element: 'TZHTZM', pattern: (sign) => `(${sign}\\d{4})`, field: 'tz' },
  { element: 'TZH', pattern: (sign) => `(${sign}\\d{1,2})`, field: 'tz' },
  { element: 'HH24', pattern: () => '(\\d{1,2})', field: 'h' },
  { element: 'HH12', pattern: () => '(\\d{1,2})', field: 'h' },
  { element: 'YYYY', pattern: () => '(\\d{1,4})', field: 'y' },
  { element: 'MON', pattern: () => '([A-Za-z]{3,9})', field: 'mon' },
  { element: 'MM', pattern: () => '(\\d{1,2})', field: 'mo' },
  { element: 'MI', pattern: () => '(\\d{1,2})', field: 'mi' },
  { element: 'DD', pattern: () => '(\\d{1,2})', field: 'd' },
  { element: 'DY', pattern: () => '(?i:mon|tue|wed|thu|fri|sat|sun)' },
  { element: 'SS', pattern: () => '(\\d{1,2})', field: 's' },
  { element: 'FF', pattern: () => '(\\d{1,9})', field: 'f' },
  { element: 'AM', pattern: () => '((?i:am|pm))', field: 'ampm' },
  { element: '"T"', pattern: () => 'T' },
];

export interface CompiledFormat {
  regex: string;
  /** The part each capture group holds, in group order. */
  fields: Field[];
}

/** A Snowflake format as a whole-string regular expression with one group per captured part. */
export function compileAutoFormat(format: string): CompiledFormat {
  let regex = '';
  const fields: Field[] = [];
  for (let at = 0; at < format.length; ) {
    const element = ELEMENTS.find((candidate) => format.startsWith(candidate.element, at));
    if (!element) {
      regex += format[at].replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      at++;
      continue;
    }
    // After a blank an offset's sign is optional; right after a digit it is required.
    regex += element.pattern(format[at - 1] === ' ' ? '[+-]?' : '[+-]');
    if (element.field) fields.push(element.field);
    at += element.element.length;
  }
  return { regex, fields };
}

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** SQL list literal of strings. */
const listOf = (items: string[]): string => `[${items.map(quoteStringLiteral).join(', ')}]`;

/**
 * One CASE branch: when `t` matches `format`, its captured parts laid out as `y|mo|mon|d|h|ampm|mi|s|f|tz`
 * (absent ones empty) by the match's replacement text, so the parts are read back by one expression
 * for every format instead of one per format (a format captures at most 9 groups, \1 to \9).
 */
function branch(format: string): string {
  const { regex, fields } = compileAutoFormat(format);
  const pattern = quoteStringLiteral(`^${regex}$`);
  const layout = FIELDS.map((field) => (fields.includes(field) ? `\\${fields.indexOf(field) + 1}` : '')).join('|');
  return `WHEN regexp_full_match(t, ${pattern}) THEN regexp_replace(t, ${pattern}, ${quoteStringLiteral(layout)})`;
}

export function autoDateMacros(m: (name: string) => string): SnowflakeMacro[] {
  const digits = (part: string): string => `CAST(coalesce(nullif(${part}, ''), '0') AS INTEGER)`;
  return [
    {
      name: 'auto_offset_text',
      why: "A captured UTC offset (+07:00, +0700, +07, 0700, Z) as DuckDB reads one, '+07:00'; '' when there is none.",
      body:
        `(tz) AS CASE WHEN tz = '' THEN '' WHEN tz = 'Z' THEN '+00:00' ELSE CASE WHEN starts_with(tz, '-') THEN '-' ELSE '+' END || list_transform([ltrim(tz, '+-')], z -> ` +
        `CASE WHEN contains(z, ':') THEN lpad(split_part(z, ':', 1), 2, '0') || ':' || lpad(split_part(z, ':', 2), 2, '0') ` +
        `WHEN length(z) = 4 THEN substr(z, 1, 2) || ':' || substr(z, 3, 2) ELSE lpad(z, 2, '0') || ':00' END)[1] END`,
    },
    {
      name: 'auto_wall_text',
      why: "Checked parts as 'YYYY-MM-DD HH:MI:SS.FFFFFFFFF' (always 29 characters), NULL when a part is out of range (month 13, February 30, second 60).",
      body:
        `(y, month, d, hour, mi, s, f) AS CASE WHEN month BETWEEN 1 AND 12 AND hour BETWEEN 0 AND 23 AND ${digits('mi')} < 60 AND ${digits('s')} < 60 THEN ` +
        `list_transform([lpad(y, 4, '0') || '-' || lpad(CAST(month AS VARCHAR), 2, '0') || '-' || lpad(d, 2, '0') || ' ' || lpad(CAST(hour AS VARCHAR), 2, '0') || ':' || ` +
        `lpad(coalesce(nullif(mi, ''), '0'), 2, '0') || ':' || lpad(coalesce(nullif(s, ''), '0'), 2, '0') || '.' || rpad(f, 9, '0')], w -> CASE WHEN TRY_CAST(w AS TIMESTAMP) IS NOT NULL THEN w END)[1] END`,
    },
    {
      name: 'auto_parts_text',
      why: 'The parts one AUTO format captured (absent ones empty) as canonical text: the wall clock, then the offset if one was written.',
      body:
        `(y, mo, mon, d, h, ampm, mi, s, f, tz) AS ${m('auto_wall_text')}(y, ` +
        `CASE WHEN mon = '' THEN ${digits('mo')} ELSE coalesce(list_position(${listOf(MONTHS.map((name) => name.slice(0, 3)))}, lower(mon)), list_position(${listOf(MONTHS)}, lower(mon))) END, d, ` +
        `CASE WHEN ampm = '' THEN ${digits('h')} WHEN ${digits('h')} BETWEEN 1 AND 12 THEN ${digits('h')} % 12 + CASE WHEN upper(ampm) = 'PM' THEN 12 ELSE 0 END END, ` +
        `mi, s, f) || ${m('auto_offset_text')}(tz)`,
    },
    {
      name: 'auto_plain_iso_text',
      why: "The common case of auto_datetime_text, about 15 times faster: 'YYYY-MM-DD' or 'YYYY-MM-DD HH:MI:SS[.FF]' with every field at full width (formats of the AUTO list) padded to the canonical text, NULL when a field is out of range (DuckDB's cast alone would read hour 24 as the next day).",
      body: `(t) AS list_transform([rpad(CASE WHEN length(t) = 10 THEN t || ' 00:00:00' ELSE t END || CASE WHEN length(t) <= 19 THEN '.' ELSE '' END, 29, '0')], c -> CASE WHEN substr(c, 12, 2) < '24' AND TRY_CAST(c AS TIMESTAMP) IS NOT NULL THEN c END)[1]`,
    },
    {
      name: 'auto_datetime_text',
      why:
        "Snowflake's AUTO detection: text in one of the documented date or timestamp formats as 'YYYY-MM-DD HH:MI:SS.FFFFFFFFF[+HH:MM]' " +
        '(the offset only when one was written), NULL for any other text.',
      body: `(t) AS CASE WHEN regexp_full_match(t, ${quoteStringLiteral(PLAIN_ISO)}) THEN ${m('auto_plain_iso_text')}(t) ELSE list_transform([string_split(CASE ${[...DATE_FORMATS, ...TIMESTAMP_FORMATS].map(branch).join(' ')} END, '|')], p -> ${m('auto_parts_text')}(${FIELDS.map((_, i) => `p[${i + 1}]`).join(', ')}))[1] END`,
    },
    {
      name: 'recognized',
      why:
        "Snowflake's error for text a conversion does not recognize (Date '…' is not recognized, 100040; Timestamp …, 100035) where v is NULL and src is not. " +
        "It is raised by a failing cast whose text errorMapping.ts reads back: error() would make the expression volatile, and DuckDB then refuses an alias that names it (SELECT TO_DATE(x) AS d, LAST_DAY(d)).",
      // v is bound once by a one-element list_transform: it is the whole conversion.
      body: `(v, src, kind) AS list_transform([v], r -> CASE WHEN r IS NULL AND src IS NOT NULL THEN CAST(kind || ' ''' || CAST(src AS VARCHAR) || ''' is not recognized' AS DATE) ELSE r END)[1]`,
    },
  ];
}
