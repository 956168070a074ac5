// DuckDB macros for Snowflake functions DuckDB lacks or computes differently. They live in
// their own in-memory catalog, created once when the engine opens, so they never show up in
// (or get saved into) the user's database, and the rules call them fully qualified so that
// `USE` never hides them. Typed overloads pick the Snowflake result type by argument type
// (DATEADD on a DATE stays a DATE), which text rewriting alone cannot know. A macro may call only macros listed before it.

import { arrayMacros } from './arrayMacros';
import { jsonMacros } from './jsonMacros';
import { numericMacros } from './numericMacros';
import { numberToTextMacros } from './numberToTextMacros';
import { OBJECT_WILDCARD_MACROS } from './objectWildcardMacros';
import { stringMacros } from './stringMacros';
import { TYPE_MACROS } from './typeMacros';
import { textMacros } from './textMacros';
import { calendarMacros } from './calendarMacros';
import { autoDateMacros } from './autoDateFormats';
import { urlMacros } from './urlMacros';
import { uuidMacros } from './uuidMacros';
import { arrayUnionMacros } from './arrayUnionMacros';

export const MACRO_CATALOG = 'snowpark_local_fns';

/** The qualified name a rewrite uses to call one of these macros. */
export function macro(name: string): string {
  return `${MACRO_CATALOG}.main.${name}`;
}

export interface SnowflakeMacro {
  name: string;
  why: string;
  /** Everything after `CREATE MACRO <name>`: `(a, b) AS …` or several typed overloads. */
  body: string;
}

const m = macro;

export const SNOWFLAKE_MACROS: readonly SnowflakeMacro[] = [
  // Errors and conditionals
  {
    name: 'divisor',
    why: "Snowflake raises 'Division by zero' (100051) where DuckDB returns NULL.",
    body: `(d) AS CASE WHEN d = 0 THEN error('Division by zero') ELSE d END`,
  },
  {
    name: 'division_scale',
    why: "Snowflake's scale of NUMBER(p, s1) / NUMBER: max(s1, min(s1 + 6, 12)), 6 for integers; a macro sees s1 only in the type's name.",
    body: `(a) AS greatest(coalesce(TRY_CAST(regexp_extract(typeof(a), ',(\\d+)\\)', 1) AS INTEGER), 0), least(coalesce(TRY_CAST(regexp_extract(typeof(a), ',(\\d+)\\)', 1) AS INTEGER), 0) + 6, 12))`,
  },
  {
    name: 'divide',
    why:
      "Snowflake rounds a NUMBER quotient to the division scale (1/3 = 0.333333); DuckDB's is a DOUBLE with every digit. " +
      'The value is rounded; its type stays DOUBLE: typed overloads would pick the NUMBER type, but DuckDB cannot resolve them for aggregate arguments (SUM(x)/COUNT(*)).',
    body: `(a, b) AS CASE WHEN typeof(a) IN ('FLOAT', 'DOUBLE') OR typeof(b) IN ('FLOAT', 'DOUBLE') THEN a / ${m('divisor')}(b) ELSE round(a / ${m('divisor')}(b), ${m('division_scale')}(a)) END`,
  },
  {
    name: 'greatest_of',
    why: 'Snowflake GREATEST is NULL when any argument is NULL; DuckDB skips NULLs.',
    body: '(l) AS CASE WHEN list_count(l) = len(l) THEN list_max(l) END',
  },
  {
    name: 'least_of',
    why: 'Snowflake LEAST is NULL when any argument is NULL; DuckDB skips NULLs.',
    body: '(l) AS CASE WHEN list_count(l) = len(l) THEN list_min(l) END',
  },
  // Aggregates
  {
    name: 'tdigest_at',
    why: "A sorted list's 0-based element, extended by one step past either end (a t-digest's outer centroid edges).",
    body: '(l, i) AS CASE WHEN i < 0 THEN 2 * l[1] - l[2] WHEN i >= len(l) THEN 2 * l[len(l)] - l[len(l) - 1] ELSE l[i + 1] END',
  },
  {
    name: 'approx_percentile',
    why: "Snowflake APPROX_PERCENTILE is a t-digest; while every value is its own centroid it answers the midpoint of the values around rank ceil(p·n).",
    body: `(l, p) AS CASE WHEN len(l) = 0 THEN NULL WHEN len(l) = 1 THEN l[1] ELSE (${m('tdigest_at')}(l, CAST(ceil(p * len(l)) AS BIGINT) - 1) + ${m('tdigest_at')}(l, CAST(ceil(p * len(l)) AS BIGINT))) / 2 END`,
  },
  // Strings
  {
    name: 'split_part',
    why: 'Snowflake reads part 0 as 1 and an empty delimiter as "do not split".',
    body: `(s, d, n) AS CASE WHEN d = '' THEN CASE WHEN n IN (0, 1, -1) THEN s ELSE '' END ELSE split_part(s, d, CASE WHEN n = 0 THEN 1 ELSE n END) END`,
  },
  {
    name: 'strtok',
    why: 'Snowflake STRTOK splits on any delimiter character, never returns an empty token, and is NULL for a NULL argument or a part out of range.',
    // The ELSE branch keeps its own guard against '': DuckDB compiles a constant pattern ('[]') even where CASE does not take it.
    body: `(s, d := ' ', n := 1) AS CASE WHEN s IS NULL OR d IS NULL OR n IS NULL OR n < 1 THEN NULL WHEN d = '' THEN CASE WHEN s <> '' AND n = 1 THEN s END ELSE list_filter(regexp_split_to_array(s, '[' || regexp_escape(CASE WHEN d = '' THEN ' ' ELSE d END) || ']'), t -> t <> '')[n] END`,
  },
  {
    name: 'split',
    why: 'Snowflake SPLIT returns an ARRAY (VARIANT JSON here) of strings.',
    body: `(s, d) AS CAST(to_json(CASE WHEN d = '' THEN [s] ELSE string_split(s, d) END) AS JSON)`,
  },
  {
    name: 'initcap',
    why: "DuckDB has no INITCAP; Snowflake capitalises the first character and each one after a delimiter (whitespace and punctuation by default), lowercases the rest, and leaves a delimiter itself as it is (a letter can be one: INITCAP('apple', 'a') is 'aPple').",
    body: `(s, delims := ' \t\n\r\f\v!?@"^#$&~_,.:;+-*%/|\\[](){}<>') AS CASE WHEN delims IS NOT NULL THEN array_to_string(list_transform(range(1, length(s) + 1), i -> CASE WHEN contains(delims, substr(s, i, 1)) THEN substr(s, i, 1) WHEN i = 1 OR contains(delims, substr(s, i - 1, 1)) THEN upper(substr(s, i, 1)) ELSE lower(substr(s, i, 1)) END), '') END`,
  },
  {
    name: 'to_varchar',
    why:
      "A VARIANT string cast to text loses its JSON quotes in Snowflake; DuckDB keeps them. A BINARY is written in BINARY_OUTPUT_FORMAT's default, HEX, " +
      "read off DuckDB's text of it (printable ASCII as is, every other byte as \\xHH).",
    // No typed BLOB overload: DuckDB picks a macro's first overload for an aggregate argument
    // (CAST(COUNT(x) AS VARCHAR)), and hex() binds for neither every type nor through a dead branch.
    body:
      `(x) AS CASE WHEN typeof(x) = 'JSON' THEN json_extract_string(to_json(x), '$') ` +
      `WHEN typeof(x) = 'BLOB' THEN array_to_string(list_transform(regexp_extract_all(CAST(x AS VARCHAR), '\\\\x[0-9A-F]{2}|(?s:.)'), b -> CASE WHEN length(b) = 4 THEN substr(b, 3) ELSE hex(b) END), '') ` +
      `ELSE CAST(x AS VARCHAR) END`,
  },
  {
    name: 'to_char',
    why: "TO_CHAR/TO_VARCHAR without a format: a cast to text, except that a JSON null becomes the word 'null' (the cast gives NULL).",
    body: `(x) AS CASE WHEN typeof(x) = 'JSON' AND CAST(to_json(x) AS VARCHAR) = 'null' THEN 'null' ELSE ${m('to_varchar')}(x) END`,
  },
  // Dates and times
  ...autoDateMacros(m),
  {
    name: 'date_add',
    why: 'DATEADD with a date part keeps a DATE a DATE (DuckDB makes it a TIMESTAMP).',
    body: `(x DATE, i INTERVAL) AS CAST(x + i AS DATE), (x TIMESTAMP, i INTERVAL) AS x + i, (x TIMESTAMPTZ, i INTERVAL) AS x + i, (x VARCHAR, i INTERVAL) AS CAST(x AS TIMESTAMP) + i`,
  },
  {
    name: 'time_add',
    why: 'DATEADD with a time part turns a DATE into a TIMESTAMP and keeps a TIME a TIME.',
    body: `(x DATE, i INTERVAL) AS CAST(x AS TIMESTAMP) + i, (x TIMESTAMP, i INTERVAL) AS x + i, (x TIMESTAMPTZ, i INTERVAL) AS x + i, (x TIME, i INTERVAL) AS x + i, (x VARCHAR, i INTERVAL) AS CAST(x AS TIMESTAMP) + i`,
  },
  {
    name: 'date_trunc',
    why: 'Snowflake DATE_TRUNC returns the input type (a DATE stays a DATE, a TIME a TIME).',
    body: `(p VARCHAR, x DATE) AS CAST(date_trunc(p, x) AS DATE), (p VARCHAR, x TIMESTAMP) AS date_trunc(p, x), (p VARCHAR, x TIMESTAMPTZ) AS date_trunc(p, x), (p VARCHAR, x VARCHAR) AS date_trunc(p, CAST(x AS TIMESTAMP)), (p VARCHAR, x TIME) AS CAST(date_trunc(p, DATE '1970-01-01' + x) AS TIME)`,
  },
  {
    name: 'date_diff',
    why: 'Snowflake DATEDIFF counts boundaries crossed and accepts text dates.',
    body: `(p VARCHAR, a DATE, b DATE) AS date_diff(p, a, b), (p VARCHAR, a TIMESTAMP, b TIMESTAMP) AS date_diff(p, a, b), (p VARCHAR, a TIMESTAMPTZ, b TIMESTAMPTZ) AS date_diff(p, a, b), (p VARCHAR, a TIME, b TIME) AS date_diff(p, a, b), (p VARCHAR, a VARCHAR, b VARCHAR) AS date_diff(p, CAST(a AS TIMESTAMP), CAST(b AS TIMESTAMP))`,
  },
  {
    name: 'last_day',
    why: 'Snowflake LAST_DAY takes a part (month by default, also year, quarter, week) and returns a DATE.',
    body: `(x, p := 'month') AS CAST(CASE WHEN p = 'week' THEN date_trunc('week', CAST(x AS DATE)) + INTERVAL 6 DAY ELSE date_trunc(p, CAST(x AS DATE)) + to_months(CASE p WHEN 'year' THEN 12 WHEN 'quarter' THEN 3 ELSE 1 END) - INTERVAL 1 DAY END AS DATE)`,
  },
  {
    name: 'add_months',
    why: 'Snowflake ADD_MONTHS keeps the last day of a month the last day of the result month.',
    body: `(x DATE, n BIGINT) AS CASE WHEN x = last_day(x) THEN last_day(CAST(x + to_months(n) AS DATE)) ELSE CAST(x + to_months(n) AS DATE) END, (x TIMESTAMP, n BIGINT) AS CASE WHEN CAST(x AS DATE) = last_day(x) THEN CAST(last_day(x + to_months(n)) AS TIMESTAMP) + (x - date_trunc('day', x)) ELSE x + to_months(n) END, (x VARCHAR, n BIGINT) AS CASE WHEN CAST(x AS DATE) = last_day(CAST(x AS DATE)) THEN last_day(CAST(CAST(x AS DATE) + to_months(n) AS DATE)) ELSE CAST(CAST(x AS DATE) + to_months(n) AS DATE) END`,
  },
  {
    name: 'dayname',
    why: "Snowflake DAYNAME is the three-letter 'Mon'.",
    body: `(x) AS strftime(CAST(x AS TIMESTAMP), '%a')`,
  },
  {
    name: 'monthname',
    why: "Snowflake MONTHNAME is the three-letter 'Jan'.",
    body: `(x) AS strftime(CAST(x AS TIMESTAMP), '%b')`,
  },
  {
    name: 'next_day',
    why: 'DuckDB has no NEXT_DAY; Snowflake reads the day name from its first two letters.',
    body: `(x, d) AS CAST(CAST(x AS DATE) + (((${dayIndex('d')} - isodow(CAST(x AS DATE)) + 6) % 7) + 1) * INTERVAL 1 DAY AS DATE)`,
  },
  {
    name: 'previous_day',
    why: 'DuckDB has no PREVIOUS_DAY; Snowflake reads the day name from its first two letters.',
    body: `(x, d) AS CAST(CAST(x AS DATE) - (((isodow(CAST(x AS DATE)) - ${dayIndex('d')} + 6) % 7) + 1) * INTERVAL 1 DAY AS DATE)`,
  },
  {
    name: 'date_from_parts',
    why: 'Snowflake DATE_FROM_PARTS lets months and days overflow (month 13, day 0 or -1).',
    body: `(y, mo, d) AS CAST(make_date(CAST(y AS BIGINT), 1, 1) + to_months(CAST(mo AS BIGINT) - 1) + to_days(CAST(d AS BIGINT) - 1) AS DATE)`,
  },
  {
    name: 'time_from_parts',
    why: 'Snowflake TIME_FROM_PARTS lets parts overflow into the next unit.',
    body: `(h, mi, s, ns := 0) AS CAST(TIME '00:00:00' + to_hours(CAST(h AS BIGINT)) + to_minutes(CAST(mi AS BIGINT)) + to_seconds(CAST(s AS BIGINT)) + to_microseconds(CAST(ns AS BIGINT) // 1000) AS TIME)`,
  },
  {
    name: 'timestamp_from_parts',
    why: 'Snowflake TIMESTAMP_FROM_PARTS lets every part overflow into the next unit.',
    body: `(y, mo, d, h, mi, s, ns := 0) AS CAST(make_date(CAST(y AS BIGINT), 1, 1) + to_months(CAST(mo AS BIGINT) - 1) + to_days(CAST(d AS BIGINT) - 1) AS TIMESTAMP) + to_hours(CAST(h AS BIGINT)) + to_minutes(CAST(mi AS BIGINT)) + to_seconds(CAST(s AS BIGINT)) + to_microseconds(CAST(ns AS BIGINT) // 1000)`,
  },
  {
    name: 'epoch_to_timestamp',
    why: 'Epoch numbers with a scale (0 seconds … 9 nanoseconds) become wall-clock timestamps.',
    body: `(n, scale) AS make_timestamp(CAST(CASE WHEN scale <= 6 THEN n * (10 ** (6 - scale))::HUGEINT ELSE n // (10 ** (scale - 6))::HUGEINT END AS BIGINT))`,
  },
  {
    name: 'to_timestamp',
    why: 'Snowflake TO_TIMESTAMP(_NTZ) reads numbers (and digit strings) as epoch seconds, or ms/µs/ns by magnitude, and text in the AUTO formats (autoDateFormats.ts); a UTC offset in a string is ignored (wall-clock time).',
    body: [
      `(x VARCHAR) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+') THEN ${epochOfDigits('x')} ELSE CAST(substr(${m('auto_datetime_text')}(trim(x)), 1, 29) AS TIMESTAMP) END`,
      `(x BIGINT) AS ${m('epoch_to_timestamp')}(x, 0)`,
      `(x DOUBLE) AS make_timestamp(CAST(round(x * 1000000) AS BIGINT))`,
      `(x DATE) AS CAST(x AS TIMESTAMP)`,
      `(x TIMESTAMP) AS x`,
      `(x TIMESTAMPTZ) AS CAST(x AS TIMESTAMP)`,
    ].join(', '),
  },
  {
    name: 'to_timestamp_tz',
    why: "Snowflake TO_TIMESTAMP_TZ/LTZ keep the instant: a string's UTC offset counts, a string without one is in the session's zone, epoch numbers are UTC. Text is read in the AUTO formats.",
    body: [
      `(x VARCHAR) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+') THEN timezone('UTC', ${epochOfDigits('x')}) ELSE CAST(${m('auto_datetime_text')}(trim(x)) AS TIMESTAMPTZ) END`,
      `(x BIGINT) AS timezone('UTC', ${m('epoch_to_timestamp')}(x, 0))`,
      `(x DOUBLE) AS timezone('UTC', make_timestamp(CAST(round(x * 1000000) AS BIGINT)))`,
      `(x DATE) AS CAST(x AS TIMESTAMPTZ)`,
      `(x TIMESTAMP) AS CAST(x AS TIMESTAMPTZ)`,
      `(x TIMESTAMPTZ) AS x`,
    ].join(', '),
  },
  {
    name: 'to_date',
    why: 'Snowflake TO_DATE reads digit strings as epoch seconds, timestamps as their date, and text in the AUTO formats (a timestamp format too, its time dropped).',
    body: `(x VARCHAR) AS CASE WHEN regexp_full_match(trim(x), '-?[0-9]+') THEN CAST(${epochOfDigits('x')} AS DATE) ELSE CAST(substr(${m('auto_datetime_text')}(trim(x)), 1, 10) AS DATE) END, (x DATE) AS x, (x TIMESTAMP) AS CAST(x AS DATE), (x TIMESTAMPTZ) AS CAST(x AS DATE)`,
  },
  // Numbers
  {
    name: 'trunc_scale',
    why: 'Snowflake TRUNC(x, s) truncates toward zero at a scale, negative scales included.',
    body: `(x, s := 0) AS CASE WHEN s >= 0 THEN trunc(x * (10 ** s)) / (10 ** s) ELSE trunc(x / (10 ** (-s))) * (10 ** (-s)) END`,
  },
  {
    name: 'floor_scale',
    why: 'Snowflake FLOOR(x, s) floors at a scale.',
    body: `(x, s := 0) AS floor(x * (10 ** s)) / (10 ** s)`,
  },
  {
    name: 'ceil_scale',
    why: 'Snowflake CEIL(x, s) ceils at a scale.',
    body: `(x, s := 0) AS ceil(x * (10 ** s)) / (10 ** s)`,
  },
  {
    name: 'uniform',
    why: 'Snowflake UNIFORM(min, max, gen) maps a generator value into [min, max]; integers give integers.',
    body: `(lo BIGINT, hi BIGINT, g) AS lo + CAST(abs(hash(g)) % (hi - lo + 1) AS BIGINT), (lo DOUBLE, hi DOUBLE, g) AS lo + (abs(hash(g)) % 1000000000) / 1000000000.0 * (hi - lo)`,
  },
  {
    name: 'to_boolean',
    why: "Snowflake TO_BOOLEAN accepts 'yes'/'on'/'1'/'t'… and numbers, and errors on anything else.",
    body: `(x) AS CASE WHEN x IS NULL THEN NULL WHEN lower(trim(CAST(x AS VARCHAR))) IN ('true', 't', 'yes', 'y', 'on', '1') THEN true WHEN lower(trim(CAST(x AS VARCHAR))) IN ('false', 'f', 'no', 'n', 'off', '0') THEN false WHEN TRY_CAST(CAST(x AS VARCHAR) AS DOUBLE) IS NOT NULL THEN TRY_CAST(CAST(x AS VARCHAR) AS DOUBLE) <> 0 ELSE error('Boolean value ''' || CAST(x AS VARCHAR) || ''' is not recognized') END`,
  },
  {
    name: 'try_to_boolean',
    why: "Snowflake TRY_TO_BOOLEAN is TO_BOOLEAN with NULL instead of an error.",
    body: `(x) AS CASE WHEN lower(trim(CAST(x AS VARCHAR))) IN ('true', 't', 'yes', 'y', 'on', '1') THEN true WHEN lower(trim(CAST(x AS VARCHAR))) IN ('false', 'f', 'no', 'n', 'off', '0') THEN false END`,
  },
  // Semi-structured
  {
    name: 'object_construct',
    why: 'Snowflake OBJECT_CONSTRUCT drops pairs whose value is NULL; the pairs come in as a list of structs.',
    body: `(pairs) AS CAST(to_json(map_from_entries(list_sort(list_filter(pairs, p -> p.v IS NOT NULL)))) AS JSON)`,
  },
  {
    name: 'typeof',
    why: "Snowflake TYPEOF names a VARIANT's JSON type in its own words (INTEGER, DECIMAL, VARCHAR, OBJECT …).",
    // v is read once, bound by a one-element list_transform: a CASE on v itself would repeat it
    // per branch, and TYPEOF(TO_VARIANT(RANDOM())) would test a different value in each branch.
    // DuckDB types every non-integer number DOUBLE; Snowflake types it by how it is written: with
    // an exponent (or NaN/Infinity) DOUBLE, with a decimal point DECIMAL, an integer too big for
    // 64 bits still INTEGER.
    body:
      `(v) AS list_transform([CAST(v AS JSON)], j -> CASE WHEN json_type(j) = 'DOUBLE' THEN CASE WHEN regexp_matches(CAST(j AS VARCHAR), '[eEnN]') THEN 'DOUBLE' WHEN contains(CAST(j AS VARCHAR), '.') THEN 'DECIMAL' ELSE 'INTEGER' END ` +
      `ELSE (MAP {'BIGINT': 'INTEGER', 'UBIGINT': 'INTEGER', 'VARCHAR': 'VARCHAR', 'BOOLEAN': 'BOOLEAN', 'ARRAY': 'ARRAY', 'OBJECT': 'OBJECT', 'NULL': 'NULL_VALUE'})[json_type(j)] END)[1]`,
  },
  {
    name: 'array_slice',
    why: 'Snowflake ARRAY_SLICE is 0-based and end-exclusive, with negative positions from the end.',
    body: `(a, f, t) AS CAST(to_json(list_slice(CAST(a AS JSON[]), CASE WHEN f < 0 THEN f + json_array_length(a) ELSE f END + 1, CASE WHEN t < 0 THEN t + json_array_length(a) ELSE t END)) AS JSON)`,
  },
  ...numericMacros(m),
  ...numberToTextMacros(m),
  ...jsonMacros(m),
  ...arrayMacros(m),
  ...OBJECT_WILDCARD_MACROS,
  ...stringMacros(m),
  ...TYPE_MACROS,
  ...textMacros(),
  ...calendarMacros(),
  ...urlMacros(m),
  ...uuidMacros(m),
  ...arrayUnionMacros(),
];

/** 1 (Monday) … 7 (Sunday) from a Snowflake day name, read by its first two letters. */
function dayIndex(name: string): string {
  return `(strpos('motuwethfrsasu', lower(substr(${name}, 1, 2))) + 1) // 2`;
}

/** A string of digits as Snowflake reads it in TO_TIMESTAMP/TO_DATE: an epoch in seconds, ms, µs or ns by magnitude. */
function epochOfDigits(x: string): string {
  return `${macro('epoch_to_timestamp')}(CAST(${x} AS HUGEINT), ${magnitudeScale(`CAST(${x} AS HUGEINT)`)})`;
}

/** Snowflake's magnitude rule for integer strings: seconds, then ms, µs, ns. */
function magnitudeScale(n: string): string {
  return `CASE WHEN abs(${n}) < 31536000000 THEN 0 WHEN abs(${n}) < 31536000000000 THEN 3 WHEN abs(${n}) < 31536000000000000 THEN 6 ELSE 9 END`;
}

/** One SQL text that creates every macro; run once per engine. */
/** `CREATE OR REPLACE MACRO …` for each of `entries`, in one multi-statement text. */
export function macroDefinitionsSql(entries: readonly SnowflakeMacro[] = SNOWFLAKE_MACROS): string {
  return entries.map((entry) => `CREATE OR REPLACE MACRO ${macro(entry.name)}${entry.body};`).join('\n');
}

const CALL = new RegExp(`${MACRO_CATALOG}\\.main\\.(\\w+)`, 'g');
let callsByMacro: Map<string, { entry: SnowflakeMacro; calls: string[] }> | undefined;

/** The names of our macros a SQL text calls. */
function calledNames(sql: string): string[] {
  return [...sql.matchAll(CALL)].map((match) => match[1]);
}

/** The macros `sql` calls, with every macro those call in turn. */
export function macrosCalledBy(sql: string): SnowflakeMacro[] {
  callsByMacro ??= new Map(SNOWFLAKE_MACROS.map((entry) => [entry.name, { entry, calls: calledNames(entry.body) }]));
  const needed = new Map<string, SnowflakeMacro>();
  const pending = calledNames(sql);
  while (pending.length) {
    const known = callsByMacro.get(pending.pop()!);
    if (!known || needed.has(known.entry.name)) continue;
    needed.set(known.entry.name, known.entry);
    pending.push(...known.calls);
  }
  return [...needed.values()];
}
