import type { SnowflakeMacro } from './macros';

// DuckDB macros behind the string rules in stringRules.ts, spread at the end of SNOWFLAKE_MACROS
// (so they may call the macros of macros.ts and those listed before them here). macros.ts passes
// its `macro` naming function in: importing it from here would make the two modules load each other.

/** Marks match boundaries; DuckDB text can hold it, Snowflake text practically never does. */
const MARK = 'chr(0)';

/**
 * SUBSTR(s, p[, l]) overloads for one kind of value: text counts characters, BINARY bytes.
 * Start 0 is 1, a negative start counts from the end, a start before the beginning or a
 * negative length gives an empty value, and a NULL anywhere gives NULL.
 */
function substrOverloads(macro: (name: string) => string, param: string, size: string, empty: string, slice: (from: string, length?: string) => string): string {
  const from = `${macro('substr_start')}(p, ${size})`;
  return [
      `(${param}, p) AS CASE WHEN p IS NULL THEN NULL WHEN ${from} < 1 THEN ${empty} ELSE ${slice(from)} END`,
      `(${param}, p, l) AS CASE WHEN p IS NULL OR l IS NULL THEN NULL WHEN l < 0 OR ${from} < 1 THEN ${empty} ELSE ${slice(from, 'l')} END`,
    ].join(', ');
  }

  /**
   * CHARINDEX(sub, s[, pos]) overloads for one kind of value, `found(from)` being the 1-based
   * position of sub in s searched from `from` (0: absent). A start beyond the end gives 0.
   */
  function charindexOverloads(params: [string, string], size: string, found: (from: string) => string): string {
    // Not greatest(pos, 1): DuckDB's greatest skips a NULL, and a NULL start must give NULL.
  const search = (pos: string): string => {
    const from = `CASE WHEN ${pos} < 1 THEN 1 ELSE ${pos} END`;
    return `CASE WHEN ${from} > ${size} + 1 THEN 0 ELSE ${found(from)} END`;
  };
    return `(${params.join(', ')}) AS ${search('1')}, (${params.join(', ')}, pos) AS ${search('pos')}`;
  }

  export function stringMacros(macro: (name: string) => string): SnowflakeMacro[] {
  return [
    {
      name: 'substr_start',
      why: "Snowflake SUBSTR's start in a value of n characters or bytes: 0 is 1, a negative start counts from the end (below 1: before the beginning).",
      body: `(p, n) AS CASE WHEN p > 0 THEN p WHEN p = 0 THEN 1 ELSE n + p + 1 END`,
    },
    {
      name: 'substr',
      why: 'Snowflake SUBSTR reads start 0 as 1, a negative start from the end (before the beginning: empty), a negative length as empty, and slices BINARY by bytes; DuckDB counts differently and has no BINARY substr.',
      // The BLOB overload comes first: an untyped parameter would take a BLOB too.
      body: [
        substrOverloads(macro, 's BLOB', 'octet_length(s)', `CAST('' AS BLOB)`, (from, length) => (length ? `s[${from} : ${from} + ${length} - 1]` : `s[${from}:]`)),
        substrOverloads(macro, 's', 'length(CAST(s AS VARCHAR))', `''`, (from, length) => `substr(CAST(s AS VARCHAR), ${from}${length ? `, ${length}` : ''})`),
      ].join(', '),
    },
    {
      name: 'charindex',
      why: 'Snowflake CHARINDEX/POSITION search from a start position (beyond the end: 0), return 0 when absent, and search BINARY byte by byte; DuckDB strpos has no start and no BINARY.',
      // BINARY: its hex digits, matched only at even offsets ('BC' is not a byte of X'ABCD').
      body: [
        charindexOverloads(['sub BLOB', 's BLOB'], 'octet_length(s)', (from) => {
          const hexTail = `substr(hex(s), 2 * ${from} - 1)`;
          return `CASE WHEN NOT regexp_matches(${hexTail}, '^(?:..)*?' || hex(sub)) THEN 0 ELSE length(regexp_extract(${hexTail}, '^((?:..)*?)' || hex(sub), 1)) // 2 + ${from} END`;
        }),
        charindexOverloads(['sub', 's'], 'length(s)', (from) => `CASE WHEN strpos(substr(s, ${from}), sub) = 0 THEN 0 ELSE strpos(substr(s, ${from}), sub) + ${from} - 1 END`),
      ].join(', '),
    },
    {
      name: 'reverse',
      why: 'Snowflake REVERSE reverses the text of any value (a DATE as its text) and the bytes of a BINARY; DuckDB reverse takes text only.',
      body: `(s BLOB) AS unhex(array_to_string(list_reverse(regexp_extract_all(hex(s), '..')), '')), (s) AS reverse(CAST(s AS VARCHAR))`,
    },
    {
      name: 'octet_length',
      why: "Snowflake OCTET_LENGTH counts a BINARY's bytes and the bytes of a text's UTF-8 (strlen); DuckDB's octet_length takes BLOB only.",
      // The BLOB overload comes first: an untyped parameter would take a BLOB too.
      body: `(s BLOB) AS octet_length(s), (s) AS strlen(CAST(s AS VARCHAR))`,
    },
    {
      name: 'length',
      why: "Snowflake LENGTH/LEN counts a BINARY's bytes and the characters of any other value's text (a VARIANT string's without its quotes); DuckDB's length takes text (and lists) only.",
      // A BINARY's text is its hex, two digits a byte. No typed BLOB overload: DuckDB picks a
      // macro's first overload for an aggregate argument (LENGTH(MAX(name))).
      body: `(s) AS length(${macro('to_varchar')}(s)) // CASE WHEN typeof(s) = 'BLOB' THEN 2 ELSE 1 END`,
    },
    {
      name: 'bit_length',
      why: 'Snowflake BIT_LENGTH is 8 × OCTET_LENGTH, for text and BINARY alike.',
      body: `(s) AS 8 * ${macro('octet_length')}(s)`,
    },
    {
      name: 'binary_from_text',
      why: "Snowflake casts text to BINARY by reading it as hex (BINARY_INPUT_FORMAT's default), an odd digit count an error; DuckDB's cast takes the text's own bytes. A BINARY stays as it is.",
      body: `(x BLOB) AS x, (x) AS CASE WHEN length(${macro('to_varchar')}(x)) % 2 = 1 THEN error('The following string is not a legal hex-encoded value: ''' || ${macro('to_varchar')}(x) || '''') ELSE unhex(${macro('to_varchar')}(x)) END`,
    },
    {
      name: 'try_binary_from_text',
      why: 'TRY_CAST to BINARY: the hex reading of binary_from_text, NULL for text that is not hex (TRY() does not catch error()).',
      body: `(x BLOB) AS x, (x) AS CASE WHEN length(${macro('to_varchar')}(x)) % 2 = 0 THEN TRY(unhex(${macro('to_varchar')}(x))) END`,
    },
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
