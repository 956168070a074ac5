// Reading the value of a Snowflake string literal, and writing one back.

const BACKSLASH_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '0': '\0', '\\': '\\', "'": "'", '"': '"',
};

/** `'it''s\n'` → `it's` + newline. Snowflake honours both '' and backslash escapes. */
export function unquoteStringLiteral(literal: string): string {
  const closed = literal.length > 1 && literal.endsWith("'");
  const inner = literal.slice(1, closed ? -1 : undefined);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i];
    if (ch === '\\' && i + 1 < inner.length) {
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
