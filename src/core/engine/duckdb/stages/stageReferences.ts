// Snowflake writes stage locations unquoted: `FROM @my_stage/data/`, `@~/a//b`, `@%t`. The SQL
// tokenizer cannot read them (`//` starts a comment, `/` is division), so the statements that
// take a location (COPY INTO, SELECT … FROM @stage, PUT, GET) first turn every unquoted
// location into a string literal: `FROM '@my_stage/data/'`. Strings, quoted identifiers,
// $$ bodies and comments are copied as they are.

/** Characters that end an unquoted location: Snowflake's own rule is "up to white space". */
const LOCATION_END = /[\s,()';]/;

/** Whether the text may name a stage at all (the common statement has no `@`). */
export function mayReferenceStage(sql: string): boolean {
  return sql.includes('@');
}

/** Every unquoted `@location` as a string literal `'@location'` (quotes in it doubled). */
export function quoteStageReferences(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuotedOrComment(sql, i);
    if (skipped > i) {
      out += sql.slice(i, skipped);
      i = skipped;
      continue;
    }
    if (sql[i] === '@' && startsLocation(sql, i)) {
      const end = locationEnd(sql, i);
      out += `'${sql.slice(i, end).replace(/'/g, "''")}'`;
      i = end;
      continue;
    }
    out += sql[i];
    i++;
  }
  return out;
}

/** `@` begins a location after white space, a bracket, a comma or `=` (not inside a word: `a@b`). */
function startsLocation(sql: string, at: number): boolean {
  const before = sql[at - 1];
  return (before === undefined || /[\s(,=]/.test(before)) && at + 1 < sql.length && !/\s/.test(sql[at + 1]);
}

/** The end of an unquoted location: its double-quoted parts may hold anything. */
function locationEnd(sql: string, start: number): number {
  let i = start + 1;
  while (i < sql.length && !LOCATION_END.test(sql[i])) {
    if (sql[i] === '"') {
      const close = sql.indexOf('"', i + 1);
      i = close < 0 ? sql.length : close + 1;
    } else i++;
  }
  return i;
}

/** The end of a literal, quoted identifier, $$ body or comment starting at `start`, else `start`. */
function skipQuotedOrComment(sql: string, start: number): number {
  const ch = sql[start];
  const next = sql[start + 1];
  if (ch === "'") {
    let i = start + 1;
    while (i < sql.length) {
      if (sql[i] === '\\') i += 2;
      else if (sql[i] === "'" && sql[i + 1] === "'") i += 2;
      else if (sql[i] === "'") return i + 1;
      else i++;
    }
    return sql.length;
  }
  if (ch === '"') {
    const close = sql.indexOf('"', start + 1);
    return close < 0 ? sql.length : close + 1;
  }
  if (ch === '$' && next === '$') {
    const close = sql.indexOf('$$', start + 2);
    return close < 0 ? sql.length : close + 2;
  }
  // `file://` is a URL, not a `//` comment.
  if ((ch === '-' && next === '-') || (ch === '/' && next === '/' && sql[start - 1] !== ':')) {
    const close = sql.indexOf('\n', start);
    return close < 0 ? sql.length : close;
  }
  if (ch === '/' && next === '*') {
    const close = sql.indexOf('*/', start + 2);
    return close < 0 ? sql.length : close + 2;
  }
  return start;
}
