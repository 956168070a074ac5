import { isTokenOf, isWord } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { SqlNode } from '../../../sql/tokenTree';

// Snowflake date and time parts, as a bare keyword (`day`) or a string ('day'), with their
// documented synonyms ("Supported date and time parts"), mapped to the one DuckDB name.

const SYNONYMS: Record<string, string> = {
  YEAR: 'year', Y: 'year', YY: 'year', YYY: 'year', YYYY: 'year', YR: 'year', YEARS: 'year', YRS: 'year',
  MONTH: 'month', MM: 'month', MON: 'month', MONS: 'month', MONTHS: 'month',
  DAY: 'day', D: 'day', DD: 'day', DAYS: 'day', DAYOFMONTH: 'day',
  DAYOFWEEK: 'dayofweek', WEEKDAY: 'dayofweek', DOW: 'dayofweek', DW: 'dayofweek',
  DAYOFWEEKISO: 'isodow', WEEKDAY_ISO: 'isodow', DOW_ISO: 'isodow', DW_ISO: 'isodow',
  DAYOFYEAR: 'dayofyear', YEARDAY: 'dayofyear', DOY: 'dayofyear', DY: 'dayofyear',
  WEEK: 'week', W: 'week', WK: 'week', WEEKOFYEAR: 'week', WOY: 'week', WY: 'week',
  WEEKISO: 'week', WEEK_ISO: 'week', WEEKOFYEARISO: 'week', WEEKOFYEAR_ISO: 'week',
  QUARTER: 'quarter', Q: 'quarter', QTR: 'quarter', QTRS: 'quarter', QUARTERS: 'quarter',
  YEAROFWEEK: 'isoyear', YEAROFWEEKISO: 'isoyear',
  HOUR: 'hour', H: 'hour', HH: 'hour', HR: 'hour', HOURS: 'hour', HRS: 'hour',
  MINUTE: 'minute', M: 'minute', MI: 'minute', MIN: 'minute', MINUTES: 'minute', MINS: 'minute',
  SECOND: 'second', S: 'second', SEC: 'second', SECONDS: 'second', SECS: 'second',
  MILLISECOND: 'millisecond', MS: 'millisecond', MSEC: 'millisecond', MILLISECONDS: 'millisecond',
  MICROSECOND: 'microsecond', US: 'microsecond', USEC: 'microsecond', MICROSECONDS: 'microsecond',
  NANOSECOND: 'nanosecond', NS: 'nanosecond', NSEC: 'nanosecond', NANOSEC: 'nanosecond', NSECOND: 'nanosecond',
  NANOSECONDS: 'nanosecond', NANOSECS: 'nanosecond', NSECONDS: 'nanosecond',
  EPOCH_SECOND: 'epoch', EPOCH: 'epoch', EPOCH_SECONDS: 'epoch',
  EPOCH_MILLISECOND: 'epoch_ms', EPOCH_MILLISECONDS: 'epoch_ms',
  EPOCH_MICROSECOND: 'epoch_us', EPOCH_MICROSECONDS: 'epoch_us',
  EPOCH_NANOSECOND: 'epoch_ns', EPOCH_NANOSECONDS: 'epoch_ns',
  TIMEZONE_HOUR: 'timezone_hour', TZH: 'timezone_hour', TIMEZONE_MINUTE: 'timezone_minute', TZM: 'timezone_minute',
};

/** Parts that keep a DATE a DATE when added or truncated. */
export const DATE_ONLY_PARTS = new Set(['year', 'quarter', 'month', 'week', 'day']);

/** The DuckDB part name for a part written as one keyword or one string literal, if it is one. */
export function readDatePart(arg: SqlNode[]): string | undefined {
  if (arg.length !== 1) return undefined;
  const [node] = arg;
  let text: string | undefined;
  if (isWord(node)) text = node.token.text;
  else if (isTokenOf(node, 'string')) text = unquoteStringLiteral(node.token.text);
  return text === undefined ? undefined : SYNONYMS[text.trim().toUpperCase()];
}

/** A DuckDB interval of `n` parts, for DATEADD. */
export function intervalOf(part: string, n: string): string | undefined {
  const count = `CAST(${n} AS BIGINT)`;
  switch (part) {
    case 'year': return `to_years(${count})`;
    case 'quarter': return `to_months(3 * ${count})`;
    case 'month': return `to_months(${count})`;
    case 'week': return `to_days(7 * ${count})`;
    case 'day': return `to_days(${count})`;
    case 'hour': return `to_hours(${count})`;
    case 'minute': return `to_minutes(${count})`;
    case 'second': return `to_seconds(${count})`;
    case 'millisecond': return `to_milliseconds(${count})`;
    case 'microsecond': return `to_microseconds(${count})`;
    case 'nanosecond': return `to_microseconds(${count} // 1000)`;
    default: return undefined;
  }
}

/**
 * DATE_PART / EXTRACT of one (DuckDB-named) part. Snowflake's epoch parts are whole numbers
 * (DuckDB's `epoch` has a fraction, and it knows no `epoch_ms` specifier), and its NANOSECOND is
 * the fraction of the second only (DuckDB's microseconds count the seconds too).
 */
export function datePartSql(part: string, value: string): string {
  switch (part) {
    case 'epoch': return `(epoch_us(${value}) // 1000000)`;
    case 'epoch_ms': return `(epoch_us(${value}) // 1000)`;
    case 'epoch_us': return `epoch_us(${value})`;
    case 'epoch_ns': return `(epoch_us(${value}) * 1000)`;
    case 'nanosecond': return `(date_part('microseconds', ${value}) % 1000000 * 1000)`;
    default: return `date_part('${part}', ${value})`;
  }
}
