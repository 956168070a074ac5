// Reading the value of a Snowflake string literal, and writing one back.

const BACKSLASH_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', '\\': '\\', "'": "'", '"': '"',
};

/** `\uhhhh` and `\xhh` escapes: the letter and how many hex digits follow it. */
const HEX_ESCAPES: Record<string, number> = { u: 4, x: 2 };

/** `'it''s\n'` → `it's` + newline. Snowflake honours both '' and backslash escapes (\u0394 and \xA9 too). */
export function unquoteStringLiteral(literal: string): string {
  const closed = literal.length > 1 && literal.endsWith("'");
  const inner = literal.slice(1, closed ? -1 : undefined);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    const digits = HEX_ESCAPES[inner[i + 1]];
    const hex = ch === '\\' && digits ? inner.slice(i + 2, i + 2 + digits) : '';
    if (hex.length === digits && /^[0-9a-f]+$/i.test(hex)) {
      out += String.fromCharCode(parseInt(hex, 16));
      i += 1 + digits;
    } else if (ch === '\\' && i + 1 < inner.length) {
      const escaped = inner[++i];
      out += BACKSLASH_ESCAPES[escaped] ?? escaped;
    } else if (ch === "'" && inner[i + 1] === "'") {
      out += "'";
      i++;
    } else out += ch;
  }
  return out;
}

/** The body of a `$$ ... $$` block: everything between the dollars, untouched. */
export function unquoteDollarString(literal: string): string {
  const closed = literal.length >= 4 && literal.endsWith('$$');
  return literal.slice(2, closed ? -2 : undefined);
}

/** A literal DuckDB (and Snowflake) read back as `value`: quotes doubled, nothing else escaped. */
export function quoteStringLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
