import type { SnowflakeMacro } from './macros';

// DuckDB macros behind TO_CHAR(number, '<format>') (numberToTextSql.ts): each takes a value
// apart into what a format model prints, as a struct
//   neg (the sign), over (it does not fit: '#'), i (integer digits), f (fraction digits), e (exponent).
// The layout itself (blanks, separators, sign places) is SQL compiled per format model.
// Intermediate values are bound by one-element list_transforms, so each is computed once.
// macros.ts passes its `macro` naming function in: importing it would be an import cycle.

export function numberToTextMacros(m: (name: string) => string): SnowflakeMacro[] {
  return [
    {
      name: 'fixed_digits',
      why: "A number rounded to a format's fraction digits (d = TRY_CAST(x AS DECIMAL(38, scale)), NULL when it does not fit), as digit text: i zero-padded to n digits.",
      body:
        `(x, d, n) AS CASE WHEN x IS NOT NULL THEN list_transform([CAST(abs(d) AS VARCHAR)], t_ -> ` +
        `{'neg': coalesce(d < 0, TRY_CAST(x AS DOUBLE) < 0), 'over': t_ IS NULL OR length(ltrim(split_part(t_, '.', 1), '0')) > n, ` +
        `'i': lpad(split_part(t_, '.', 1), n, '0'), 'f': split_part(t_, '.', 2), 'e': 0})[1] END`,
    },
    {
      name: 'hex_digits',
      why: 'X elements print a rounded integer (v) in n hexadecimal digits: its absolute value when the model has a sign element, else negative values in two\'s complement (modulus = 16^n).',
      body:
        `(x, v, n, modulus, signed) AS CASE WHEN x IS NOT NULL THEN ` +
        `{'neg': coalesce(v < 0, TRY_CAST(x AS DOUBLE) < 0), 'over': v IS NULL OR CASE WHEN signed OR v >= 0 THEN abs(v) >= modulus ELSE v < -modulus END, ` +
        `'i': lpad(to_hex(CASE WHEN signed OR v >= 0 THEN abs(v) ELSE v + modulus END), n, '0'), 'f': '', 'e': 0} END`,
    },
    {
      name: 'number_significand',
      // DECIMAL text is exact ('0.00123'); DOUBLE text is its shortest round-trip form, with an
      // exponent when large or small ('1.2e-05', '1e+20').
      why: "|x| as its significant digits (no leading zeros) and the power of ten of the first one, read exactly from the value's text.",
      body:
        `(x) AS list_transform([CAST(abs(x) AS VARCHAR)], t_ -> list_transform([split_part(t_, 'e', 1)], m_ -> list_transform([replace(m_, '.', '')], ds_ -> ` +
        `{'text': t_, 'finite': isfinite(TRY_CAST(x AS DOUBLE)), 'digits': ltrim(ds_, '0'), ` +
        `'e10': CASE WHEN strpos(m_, '.') > 0 THEN strpos(m_, '.') - 1 ELSE length(m_) END - 1 - (length(ds_) - length(ltrim(ds_, '0'))) + coalesce(TRY_CAST(split_part(t_, 'e', 2) AS INTEGER), 0)})[1])[1])[1]`,
    },
    {
      name: 'exponent_digits',
      // The significand's first n + f digits, rounded half away from zero on the next one; a
      // carry (9.99 → 10.0) moves the exponent up by one.
      why: 'EE…EEEEEEE: x normalised to n integer digits, the first not 0, and f fraction digits; shift 2 for %.',
      body:
        `(x, n, f, shift) AS CASE WHEN x IS NOT NULL THEN list_transform([${m('number_significand')}(x)], s_ -> list_transform([` +
        `TRY_CAST(substr(rpad(s_.digits, n + f + 1, '0'), 1, n + f) AS HUGEINT) + CASE WHEN substr(rpad(s_.digits, n + f + 1, '0'), n + f + 1, 1) >= '5' THEN 1 ELSE 0 END], r_ -> ` +
        `list_transform([length(CAST(r_ AS VARCHAR)) > n + f], c_ -> list_transform([lpad(CAST(CASE WHEN c_ THEN r_ // 10 ELSE r_ END AS VARCHAR), n + f, '0')], g_ -> ` +
        `{'neg': TRY_CAST(x AS DOUBLE) < 0, 'over': NOT s_.finite, 'i': substr(g_, 1, n), 'f': substr(g_, n + 1), ` +
        `'e': CASE WHEN s_.digits = '' THEN 0 ELSE s_.e10 + shift + CAST(c_ AS INTEGER) - (n - 1) END})[1])[1])[1])[1] END`,
    },
    {
      name: 'shift_point',
      why: "Positional number text with its decimal point moved k places right ('0.25', 2 → '25'): the % element.",
      body:
        `(t, k) AS CASE WHEN k = 0 THEN t ELSE list_transform([rpad(split_part(t, '.', 2), CAST(greatest(length(split_part(t, '.', 2)), k) AS INTEGER), '0')], f_ -> ` +
        `coalesce(nullif(ltrim(split_part(t, '.', 1) || substr(f_, 1, k), '0'), ''), '0') || CASE WHEN length(f_) > k THEN '.' || substr(f_, k + 1) ELSE '' END)[1] END`,
    },
    {
      name: 'text_minimal_digits',
      // TM9 prints a fixed-point value with every digit of its scale ('3987.000'); a DOUBLE
      // prints its shortest text, and in scientific notation (pos NULL) when DuckDB's text has an exponent.
      why: "TM9 / TME text of |x| (pos positional, sci scientific with the given exponent letter); shift 2 for %.",
      body:
        `(x, shift, letter) AS CASE WHEN x IS NOT NULL THEN list_transform([${m('number_significand')}(x)], s_ -> list_transform([rtrim(s_.digits, '0')], d_ -> ` +
        `{'neg': TRY_CAST(x AS DOUBLE) < 0, ` +
        `'pos': CASE WHEN NOT s_.finite THEN s_.text WHEN contains(s_.text, 'e') THEN NULL ` +
        `ELSE ${m('shift_point')}(CASE WHEN typeof(x) IN ('DOUBLE', 'FLOAT') THEN regexp_replace(s_.text, '\\.0$', '') ELSE s_.text END, shift) END, ` +
        `'sci': CASE WHEN NOT s_.finite THEN s_.text WHEN d_ = '' THEN '0' || letter || '0' ` +
        `ELSE substr(d_, 1, 1) || CASE WHEN length(d_) > 1 THEN '.' || substr(d_, 2) ELSE '' END || letter || CAST(s_.e10 + shift AS VARCHAR) END})[1])[1] END`,
    },
  ];
}
