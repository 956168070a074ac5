// Snowflake binds positional values as `?` or `:1`, `:2` … (session.sql(q, params=[…])).
// DuckDB takes `?` and `$1`, so `:N` becomes `$N`. Only markers in SQL text change: string
// literals, quoted identifiers, $$ bodies and comments are copied as they are, `::` casts are
// left alone, and `x:1` (a path right after an expression) is not a marker.

const AFTER_VALUE = /[A-Za-z0-9_$)\]"]/;

export function toDuckDbBindMarkers(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipLiteral(sql, i);
    if (skipped > i) {
      out += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    const ch = sql[i];
    if (ch === ':' && sql[i + 1] === ':') {
      out += '::';
      i += 2;
      continue;
    }
    if (ch === ':' && /[0-9]/.test(sql[i + 1] ?? '') && !AFTER_VALUE.test(sql[i - 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && /[0-9]/.test(sql[end])) end++;
      out += '$' + sql.slice(i + 1, end);
      i = end;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** The end of a literal, quoted identifier or comment starting at `start`, else `start`. */
function skipLiteral(sql: string, start: number): number {
  const ch = sql[start];
  if (ch === "'") return endOfQuoted(sql, start, "'", true);
  if (ch === '"') return endOfQuoted(sql, start, '"', false);
  if (ch === '$' && sql[start + 1] === '$') {
    const close = sql.indexOf('$$', start + 2);
    return close < 0 ? sql.length : close + 2;
  }
  if (ch === '-' && sql[start + 1] === '-') {
    const close = sql.indexOf('\n', start);
    return close < 0 ? sql.length : close;
  }
  if (ch === '/' && sql[start + 1] === '*') {
    const close = sql.indexOf('*/', start + 2);
    return close < 0 ? sql.length : close + 2;
  }
  return start;
}

function endOfQuoted(sql: string, start: number, quote: string, backslashEscapes: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    if (backslashEscapes && sql[i] === '\\') i += 2;
    else if (sql[i] === quote && sql[i + 1] === quote) i += 2;
    else if (sql[i] === quote) return i + 1;
    else i++;
  }
  return sql.length;
}
