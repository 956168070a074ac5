import type { SnowflakeMacro } from './macros';

// DuckDB macros for Snowflake's numeric conversions (TO_NUMBER with a format model, range
// errors) and rounding modes. A function of the name qualifier, not a constant list: macros.ts
// spreads these into its own list, and importing its `macro` here would be an import cycle.

/** Snowflake scales run from -38 to 38; DuckDB's ROUND on a DECIMAL needs its scale constant. */
const SCALES = Array.from({ length: 77 }, (_, i) => i - 38);

/** `CASE s WHEN -38 THEN f(x, -38) … END`: a call with a constant scale for whatever s holds. */
function byConstantScale(call: (scale: number) => string): string {
  const cases = SCALES.map((scale) => `WHEN ${scale} THEN ${call(scale)}`).join(' ');
  return `CASE WHEN s IS NULL THEN NULL WHEN s < -38 THEN ${call(-38)} WHEN s > 38 THEN ${call(38)} ELSE CASE s ${cases} END END`;
}

const FLOAT_WITH_ROUNDING_MODE = "Invalid argument types for function 'ROUND': a rounding_mode needs a fixed-point NUMBER, not FLOAT";

export function numericMacros(m: (name: string) => string): SnowflakeMacro[] {
  return [
    {
      name: 'hex_to_hugeint',
      why: 'The X format element reads up to 32 hexadecimal digits; DuckDB reads 0x… text only into 64 bits.',
      body: `(h) AS CASE WHEN length(h) <= 32 THEN CAST(CAST(('0x' || substr(lpad(h, 32, '0'), 1, 16)) AS UBIGINT) AS HUGEINT) * 18446744073709551616 + CAST(('0x' || substr(lpad(h, 32, '0'), 17, 16)) AS UBIGINT) END`,
    },
    {
      name: 'number_text_of',
      why: "The sign, integer, fraction and exponent groups a format model matched, as number text DuckDB casts ('-03741.72').",
      body: `(g, hex) AS CASE WHEN g['s'] = '-' THEN '-' ELSE '' END || CASE WHEN hex THEN CAST(${m('hex_to_hugeint')}(g['i']) AS VARCHAR) ELSE '0' || replace(g['i'], ',', '') || CASE WHEN g['f'] <> '' THEN '.' || g['f'] ELSE '' END || CASE WHEN g['e'] <> '' THEN 'e' || g['e'] ELSE '' END END`,
    },
    {
      name: 'number_text',
      why: 'Text matched against one alternative of a compiled format model (numberFormat.ts); NULL when it does not match.',
      body: `(s, re, names, hex) AS CASE WHEN regexp_full_match(s, re) THEN ${m('number_text_of')}(regexp_extract(s, re, names), hex) END`,
    },
    {
      name: 'decimal_or_error',
      why: "TO_NUMBER without a format: Snowflake tells text that is no number (100038) from a number too wide for NUMBER(p, s) (100039); DuckDB's cast error says neither.",
      body: `(v, src) AS CASE WHEN v IS NOT NULL OR src IS NULL THEN v WHEN TRY_CAST(CAST(src AS VARCHAR) AS DOUBLE) IS NULL THEN error('Numeric value ''' || CAST(src AS VARCHAR) || ''' is not recognized') ELSE error('Numeric value ''' || CAST(src AS VARCHAR) || ''' is out of range') END`,
    },
    {
      name: 'formatted_decimal_or_error',
      why: "TO_NUMBER with a format: text the model does not match fails with Snowflake's 100140, a number too wide for NUMBER(p, s) with 100039.",
      body: `(v, text, src, fmt) AS CASE WHEN src IS NULL THEN NULL WHEN text IS NULL THEN error('Can''t parse ''' || CAST(src AS VARCHAR) || ''' as number with format ''' || fmt || '''') WHEN v IS NULL THEN error('Numeric value ''' || CAST(src AS VARCHAR) || ''' is out of range') ELSE v END`,
    },
    {
      name: 'fixed_point',
      why: 'Snowflake takes a rounding_mode for fixed-point numbers only and rejects a FLOAT.',
      body: `(x) AS CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN error('${FLOAT_WITH_ROUNDING_MODE.replace(/'/g, "''")}') ELSE x END`,
    },
    {
      name: 'round_half_even',
      // In a tie, x lies halfway between r = round(x, s) (away from zero) and 2x - r; exactly one
      // of them is even at scale s. Exact DECIMAL arithmetic throughout (DuckDB's round_even
      // answers a DOUBLE), s being constant at each call.
      why: "ROUND(x, s, 'HALF_TO_EVEN'): ties go to the even neighbour.",
      body: `(x, s) AS round(CASE WHEN round(x + x - round(x, s), s) = x + x - round(x, s) AND round(round(x, s) * 0.5, s) <> round(x, s) * 0.5 THEN x + x - round(x, s) ELSE round(x, s) END, s)`,
    },
    {
      name: 'round_at',
      why: "ROUND(x, s) with a scale from a column: DuckDB's ROUND on a DECIMAL takes a constant scale only (and on a DOUBLE an INTEGER one).",
      body: `(x, s) AS ${byConstantScale((scale) => `round(x, ${scale})`)}`,
    },
    {
      name: 'round_half_even_at',
      why: "ROUND(x, s, 'HALF_TO_EVEN') with a scale from a column.",
      body: `(x, s) AS ${byConstantScale((scale) => `${m('round_half_even')}(x, ${scale})`)}`,
    },
    {
      name: 'one_byte_chars',
      why: 'Text re-spelt one byte per character from an alphabet, so that byte-counting functions count characters.',
      // string_split('', '') is [''], not [].
      body: `(s, alphabet) AS CASE WHEN s = '' THEN '' ELSE array_to_string(list_transform(string_split(s, ''), ch -> chr(list_position(alphabet, ch))), '') END`,
    },
    {
      // DuckDB's levenshtein counts UTF-8 bytes ('ß' is 2). Up to 127 distinct characters in the
      // two strings each get one byte; beyond that some take two and the distance may overcount.
      name: 'editdistance',
      why: 'Snowflake EDITDISTANCE counts character edits; DuckDB levenshtein counts byte edits.',
      body: `(a, b) AS levenshtein(${m('one_byte_chars')}(a, list_sort(list_distinct(string_split(a || b, '')))), ${m('one_byte_chars')}(b, list_sort(list_distinct(string_split(a || b, '')))))`,
    },
  ];
}
