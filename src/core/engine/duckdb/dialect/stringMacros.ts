import type { SnowflakeMacro } from './macros';

// DuckDB macros behind the string rules in stringRules.ts, spread at the end of SNOWFLAKE_MACROS
// (so they may call the macros of macros.ts and those listed before them here). macros.ts passes
// its `macro` naming function in: importing it from here would make the two modules load each other.

/** Marks match boundaries; DuckDB text can hold it, Snowflake text practically never does. */
const MARK = 'chr(0)';

export function stringMacros(macro: (name: string) => string): SnowflakeMacro[] {
  return [
  {
    name: 'splice_piece',
    why: "Two splits of one text into [gap, match, gap, match, …, gap]: a's pieces with b's n-th match in place of a's.",
    body: `(a, b, n) AS array_to_string(list_transform(range(1, len(a) + 1), i -> CASE WHEN i = 2 * n THEN b[i] ELSE a[i] END), '')`,
  },
  {
    name: 'regexp_replace_nth',
    why:
      'Snowflake REGEXP_REPLACE replaces only the n-th match (0: all) from a position; DuckDB replaces the first or all. ' +
      'Marking every match once with its own text and once with its replacement, then splicing the n-th, keeps the ' +
      "regex engine's own scan (empty matches, \\b, backreferences) instead of re-matching a cut-out piece.",
    // f is an inline flag group such as '(?i)' (DuckDB wants its options constant, and its 'm'
    // is not Snowflake's multi-line mode). An empty pattern matches nothing in Snowflake.
    body: `(s, p, r, pos, n, f) AS CASE
      WHEN s IS NULL OR p IS NULL OR r IS NULL OR pos IS NULL OR n IS NULL THEN NULL
      WHEN pos < 1 THEN error('REGEXP_REPLACE position must be a positive integer (got ' || pos || ')')
      WHEN n < 0 THEN error('REGEXP_REPLACE occurrence must be 0 (every match) or a positive integer (got ' || n || ')')
      WHEN p = '' THEN s
      WHEN n = 0 THEN substr(s, 1, pos - 1) || regexp_replace(substr(s, pos), f || p, r, 'g')
      WHEN contains(s, ${MARK}) THEN error('REGEXP_REPLACE with an occurrence other than 0 cannot search text that contains a NUL character in Snowpark Local')
      ELSE substr(s, 1, pos - 1) || ${macro('splice_piece')}(
        string_split(regexp_replace(substr(s, pos), f || p, ${MARK} || '\\0' || ${MARK}, 'g'), ${MARK}),
        string_split(regexp_replace(substr(s, pos), f || p, ${MARK} || r || ${MARK}, 'g'), ${MARK}),
        n)
    END`,
  },
  ];
}
