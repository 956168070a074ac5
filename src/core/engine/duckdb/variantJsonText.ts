// A VARIANT's JSON text indented by 2, as Snowpark shows it, with its numbers' digits kept.
// PARSE_JSON keeps a number written without an exponent as an exact NUMBER of up to 38 digits
// (https://docs.snowflake.com/en/sql-reference/functions/parse_json, Usage notes), and DuckDB's
// JSON keeps the text as written; only JavaScript's JSON.parse would round such a number to a
// double (12345678901234567890 → 12345678901234567000). So those numbers are set aside as
// written while the rest is parsed and indented, then put back.

/** JSON strings (skipped) and numbers, in document order. */
const STRING_OR_NUMBER = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** A double holds 15 significant digits for sure; NUMBER holds 38. */
const DOUBLE_DIGITS = 15;
const NUMBER_DIGITS = 38;

/** Stands in for a kept number inside the parsed value; never in a text that is processed. */
const MARK = '\u0000snowpark-local-number:';

/** True for a number written without an exponent whose digits a double would not all keep. */
function needsExactDigits(token: string): boolean {
  if (token.startsWith('"') || /[eE]/.test(token)) return false;
  const significant = token.replace(/[-.]/g, '').replace(/^0+/, '').length;
  return significant > DOUBLE_DIGITS && significant <= NUMBER_DIGITS;
}

/** `text` (valid JSON) indented by 2 spaces; undefined when it is not JSON. */
export function indentVariantJson(text: string): string | undefined {
  const kept: string[] = [];
  const marked = text.includes(MARK)
    ? text
    : text.replace(STRING_OR_NUMBER, (token) => {
        if (!needsExactDigits(token)) return token;
        kept.push(token);
        return JSON.stringify(MARK + (kept.length - 1));
      });
  let parsed: unknown;
  try {
    parsed = JSON.parse(marked);
  } catch {
    return undefined;
  }
  const indented = JSON.stringify(parsed, null, 2);
  if (!kept.length) return indented;
  const placeholder = new RegExp(`${JSON.stringify(MARK).slice(0, -1).replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(\\d+)"`, 'g');
  return indented.replace(placeholder, (_match, index: string) => kept[Number(index)]);
}
