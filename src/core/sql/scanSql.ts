import { SqlToken, SqlTokenKind } from './tokens';

// A forgiving Snowflake SQL lexer. It never throws: an unterminated string or comment
// simply runs to the end of the text, marked `unterminated` for runners to refuse, because
// editors hand us half-typed SQL all the time.

const MULTI_CHAR_PUNCT = ['::', '=>', '<=', '>=', '<>', '!=', '||', '->'];

const isWordStart = (ch: string): boolean => /[A-Za-z_\u0080-\uffff]/.test(ch);
const isWordPart = (ch: string): boolean => /[A-Za-z0-9_$\u0080-\uffff]/.test(ch);
const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

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

    if (/\s/.test(ch)) {
      let end = pos + 1;
      while (end < text.length && /\s/.test(text[end])) end++;
      push('whitespace', end);
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
      const multi = MULTI_CHAR_PUNCT.find((p) => text.startsWith(p, pos));
      push('punct', pos + (multi?.length ?? 1));
    }
  }
  return tokens;
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

function endOfNumber(text: string, start: number): number {
  const match = /^(\d*\.?\d*)([eE][+-]?\d+)?/.exec(text.slice(start));
  return start + Math.max(1, match?.[0].length ?? 1);
}

/** `t.5` is not a number: a dot right after an operand is a member access. */
function followsOperand(tokens: SqlToken[]): boolean {
  const last = tokens[tokens.length - 1];
  if (!last) return false;
  return last.kind === 'word' || last.kind === 'quotedIdent' || last.kind === 'number' || last.text === ')' || last.text === ']';
}
