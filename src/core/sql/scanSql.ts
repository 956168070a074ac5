import { isDigit, isSpace, isWordPart, isWordStart } from './sqlCharacters';
import { SqlToken, SqlTokenKind } from './tokens';

// A forgiving Snowflake SQL lexer. It never throws: an unterminated string or comment
// simply runs to the end of the text, marked `unterminated` for runners to refuse, because
// editors hand us half-typed SQL all the time.

const MULTI_CHAR_PUNCT = ['::', '=>', '<=', '>=', '<>', '!=', '||', '->'];

/**
 * Splits `text` into tokens. `baseOffset` is added to every offset so that a caller that
 * scans one statement out of a bigger document gets document offsets back.
 */
export function scanSql(text: string, baseOffset = 0): SqlToken[] {
  const tokens: SqlToken[] = [];
  let pos = 0;
  const push = (kind: SqlTokenKind, end: number): void => {
    tokens.push({ kind, text: text.slice(pos, end), start: baseOffset + pos, end: baseOffset + end });
    pos = end;
  };
  // An unclosed token runs to the end of the text, marked, so a runner can refuse it.
  const pushClosedAt = (kind: SqlTokenKind, end: number): void => {
    if (end >= 0) return push(kind, end);
    push(kind, text.length);
    tokens[tokens.length - 1].unterminated = true;
  };

  while (pos < text.length) {
    const ch = text[pos];
    const next = text[pos + 1] ?? '';

    if (isSpace(ch)) {
      let end = pos + 1;
      while (end < text.length && isSpace(text[end])) end++;
      push('whitespace', end);
    } else if (ch === '/' && next === '/' && text[pos - 1] === ':') {
      // `file:///tmp/x.csv` (PUT, GET) is a URL, not a `//` comment.
      push('punct', pos + 2);
    } else if ((ch === '-' && next === '-') || (ch === '/' && next === '/')) {
      // Snowflake accepts `//` line comments as well as `--`.
      let end = pos + 2;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
      push('comment', end);
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', pos + 2);
      pushClosedAt('comment', close < 0 ? -1 : close + 2);
    } else if (ch === "'") {
      pushClosedAt('string', endOfSingleQuoted(text, pos));
    } else if (ch === '"') {
      pushClosedAt('quotedIdent', endOfDoubleQuoted(text, pos));
    } else if (ch === '$' && next === '$') {
      const close = text.indexOf('$$', pos + 2);
      pushClosedAt('dollarString', close < 0 ? -1 : close + 2);
    } else if (isWordStart(ch) || (ch === '$' && isWordPart(next))) {
      // `$1` is a positional column and `$name` a scripting variable: both behave like words.
      let end = pos + 1;
      while (end < text.length && isWordPart(text[end])) end++;
      push('word', end);
    } else if (isDigit(ch) || (ch === '.' && isDigit(next) && !followsOperand(tokens))) {
      push('number', endOfNumber(text, pos));
    } else {
      push('punct', pos + multiCharPunctLength(text, pos));
    }
  }
  return tokens;
}

/** 2 where one of MULTI_CHAR_PUNCT starts at `pos`, else 1. */
function multiCharPunctLength(text: string, pos: number): number {
  for (const punct of MULTI_CHAR_PUNCT) if (text.startsWith(punct, pos)) return 2;
  return 1;
}

/** `'it''s'` and `'it\'s'` are both one literal in Snowflake. */
function endOfSingleQuoted(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === "'" && text[i + 1] === "'") i += 2;
    else if (text[i] === "'") return i + 1;
    else i++;
  }
  return -1; // never closed
}

/** Identifiers escape a quote by doubling it: `"say ""hi"""`. */
function endOfDoubleQuoted(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === '"' && text[i + 1] === '"') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return -1; // never closed
}

/** Digits, an optional `.` and digits, then an exponent only if it has digits (`1e` is `1`, `e`). */
function endOfNumber(text: string, start: number): number {
  let end = start;
  while (isDigit(text[end] ?? '')) end++;
  if (text[end] === '.') end++;
  while (isDigit(text[end] ?? '')) end++;
  if (text[end] === 'e' || text[end] === 'E') {
    const sign = text[end + 1] === '+' || text[end + 1] === '-' ? 1 : 0;
    if (isDigit(text[end + 1 + sign] ?? '')) {
      end += 2 + sign;
      while (isDigit(text[end] ?? '')) end++;
    }
  }
  return Math.max(start + 1, end);
}

/** `t.5` is not a number: a dot right after an operand is a member access. */
function followsOperand(tokens: SqlToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return false;
  return last.kind === 'word' || last.kind === 'quotedIdent' || last.kind === 'number' || last.text === ')' || last.text === ']';
}
