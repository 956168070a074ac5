// Two markers Snowflake and DuckDB spell differently, rewritten before translation:
// - Snowflake binds positional values as `?` or `:1`, `:2` … (session.sql(q, params=[…])).
//   DuckDB takes `?` and `$1`, so `:N` becomes `$N`, when the statement has binds.
// - Snowflake's `$1`, `$2` … name a query's columns by position (`select $1 from values (1)`).
//   DuckDB spells those `#1`, and reads `$1` as a bind, so `$N` becomes `#N`.
// Only markers in SQL text change: string literals, quoted identifiers, $$ bodies and
// comments are copied as they are, `::` casts are left alone, and `x:1` (a path right after an
// expression) or `a$1` (part of a name) is not a marker.

const AFTER_VALUE = /[A-Za-z0-9_$)\]"]/;
const NAME_PART = /[A-Za-z0-9_$]/;
const DIGIT = /[0-9]/;

/** Whether the text may hold a marker to rewrite: most statements have neither. */
export function mayHoldMarkers(sql: string, withBinds: boolean): boolean {
  return sql.includes('$') || (withBinds && sql.includes(':'));
}

export function toDuckDbMarkers(sql: string, withBinds: boolean): string {
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
    const bind = withBinds && ch === ':' && !AFTER_VALUE.test(sql[i - 1] ?? '');
    const column = ch === '$' && !NAME_PART.test(sql[i - 1] ?? '');
    if ((bind || column) && DIGIT.test(sql[i + 1] ?? '')) {
      let end = i + 1;
      while (end < sql.length && DIGIT.test(sql[end])) end++;
      out += (bind ? '$' : '#') + sql.slice(i + 1, end);
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
