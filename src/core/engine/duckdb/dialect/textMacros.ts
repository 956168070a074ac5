import type { SnowflakeMacro } from './macros';

// DuckDB macros behind textRules.ts and regexpRules.ts, spread into SNOWFLAKE_MACROS. They call
// no other macro (one that did would take macros.ts's `macro` as a parameter, as stringMacros does).

/** Marks match boundaries; DuckDB text can hold it, Snowflake text practically never does. */
const MARK = 'chr(0)';

/** Soundex digits of A…Z; `-` for H and W, which neither count nor separate equal digits. */
const SOUNDEX_CODES = '0123012-02245501262301-202';

/**
 * A Snowflake SOUNDEX code of the letters `s` (upper-case A–Z only). `first` is the digit the
 * first letter stands for when it comes to merging it with the next one: its own (SOUNDEX) or
 * one that merges with nothing (SOUNDEX_P123, and a first H or W, whose `-` would vanish).
 */
function soundexOf(s: string, keepSecond: string): string {
  const codes = `translate(${s}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '${SOUNDEX_CODES}')`;
  const first = `CASE WHEN ${keepSecond} OR substr(${codes}, 1, 1) = '-' THEN '9' ELSE substr(${codes}, 1, 1) END`;
  const sequence = `string_split(${first} || replace(substr(${codes}, 2), '-', ''), '')`;
  // Runs of one digit count once; vowels (0) separate runs and then drop out.
  const merged = `list_transform([${sequence}], d -> array_to_string(list_filter(d, (c, i) -> i = 1 OR c <> d[i - 1]), ''))[1]`;
  return `substr(${s}, 1, 1) || rpad(replace(substr(${merged}, 2), '0', ''), 3, '0')`;
}

/** `text` with each character replaced by chr(its index in `alphabet`): one byte per character. */
function oneBytePerCharacter(text: string, alphabet: string): string {
  return `array_to_string(list_transform(string_split(${text}, ''), c -> chr(list_position(${alphabet}, c))), '')`;
}

export function textMacros(): SnowflakeMacro[] {
  return [
    {
      name: 'soundex',
      why: 'DuckDB has no SOUNDEX. Letters only (others are skipped), H and W do not separate equal digits, vowels do; p123 keeps the second letter\'s digit when it equals the first\'s (SOUNDEX_P123).',
      body: `(x, p123) AS list_transform([upper(regexp_replace(CAST(x AS VARCHAR), '[^A-Za-z]', '', 'g'))], s -> CASE WHEN s = '' THEN '' ELSE ${soundexOf('s', 'p123')} END)[1]`,
    },
    {
      name: 'jarowinkler_similarity',
      why:
        "Snowflake's JAROWINKLER_SIMILARITY is case-insensitive, counts characters and answers a whole percentage (floored; 0 when a string is empty); " +
        "DuckDB's jaro_winkler_similarity is case-sensitive, counts bytes and answers 0–1. Each distinct character becomes one ASCII byte first " +
        '(past 127 distinct characters the bytes of the text are compared).',
      body: `(a, b) AS CASE WHEN a IS NULL OR b IS NULL THEN NULL WHEN a = '' OR b = '' THEN 0 ELSE
        list_transform([list_distinct(string_split(lower(a) || lower(b), ''))], cs ->
          CAST(floor(100 * CASE WHEN len(cs) > 127 THEN jaro_winkler_similarity(lower(a), lower(b))
            ELSE jaro_winkler_similarity(${oneBytePerCharacter('lower(a)', 'cs')}, ${oneBytePerCharacter('lower(b)', 'cs')}) END + 1e-9) AS BIGINT))[1] END`,
    },
    {
      name: 'hex_encode',
      why: 'Snowflake HEX_ENCODE encodes the bytes of a BINARY and the UTF-8 text of anything else (DuckDB hex of a number is the number in hex); case 0 is lower-case.',
      body: `(x BLOB, c) AS CASE WHEN c = 0 THEN lower(hex(x)) WHEN c IS NOT NULL THEN hex(x) END, (x, c) AS CASE WHEN c = 0 THEN lower(hex(CAST(x AS VARCHAR))) WHEN c IS NOT NULL THEN hex(CAST(x AS VARCHAR)) END`,
    },
    {
      name: 'regexp_instr',
      why:
        'Snowflake REGEXP_INSTR: the 1-based position of the n-th match from a position (0 if none), or just after it (option 1), or of a capture group g. ' +
        'Every match is marked and the text split at the marks ([gap, match, gap, …]), so the regex engine scans once; a group is re-matched inside its match ' +
        'and placed at the first place its text occurs there.',
      // f is an inline flag group such as '(?i)'; g is a constant (DuckDB needs group numbers constant).
      body: `(s, p, pos, n, opt, f, g) AS CASE
        WHEN s IS NULL OR p IS NULL OR pos IS NULL OR n IS NULL OR opt IS NULL THEN NULL
        WHEN pos < 1 THEN error('REGEXP_INSTR position must be a positive integer (got ' || pos || ')')
        WHEN n < 1 THEN error('REGEXP_INSTR occurrence must be a positive integer (got ' || n || ')')
        WHEN p = '' THEN 0
        WHEN contains(s, ${MARK}) THEN error('REGEXP_INSTR cannot search text that contains a NUL character in Snowpark Local')
        ELSE list_transform([string_split(regexp_replace(substr(s, pos), f || p, ${MARK} || '\\0' || ${MARK}, 'g'), ${MARK})], pieces ->
          CASE WHEN len(pieces) < 2 * n + 1 THEN 0
          ELSE pos + length(array_to_string(pieces[1 : 2 * n - 1], '')) + CASE
            WHEN g = 0 THEN CASE WHEN opt = 1 THEN length(pieces[2 * n]) ELSE 0 END
            ELSE list_transform([regexp_extract(pieces[2 * n], f || '^(?:' || p || ')', g)], grp ->
              strpos(pieces[2 * n], grp) - 1 + CASE WHEN opt = 1 THEN length(grp) ELSE 0 END)[1]
          END END)[1]
      END`,
    },
  ];
}
