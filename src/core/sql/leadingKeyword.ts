// The first word of a text's first statement, read without scanning the whole text: the
// statement path asks "could this be a CREATE PROCEDURE or a CALL?" of every statement, and
// almost all of them are answered by their first word.

import { isAsciiLetter, isSpace, isWordPart } from './sqlCharacters';

/**
 * The upper-cased first word of the first non-empty statement in `text`, skipping
 * whitespace, comments (`--`, `//`, `/* *\/`) and empty statements (`;`), as
 * splitStatements does. '' when that statement does not start with a word (`(select …)`,
 * a string) or there is none.
 */
export function leadingKeyword(text: string): string {
  let pos = 0;
  while (pos < text.length) {
    const ch = text[pos];
    const next = text[pos + 1];
    if (ch === ';' || isSpace(ch)) {
      pos++;
    } else if ((ch === '-' && next === '-') || (ch === '/' && next === '/')) {
      while (pos < text.length && text[pos] !== '\n' && text[pos] !== '\r') pos++;
    } else if (ch === '/' && next === '*') {
      const close = text.indexOf('*/', pos + 2);
      if (close < 0) return '';
      pos = close + 2;
    } else {
      let end = pos;
      while (end < text.length && isAsciiLetter(text.charCodeAt(end))) end++;
      // A word that goes on past its letters (`call_log`, `create$x`) is not a keyword.
      if (end < text.length && isWordPart(text[end])) return '';
      return text.slice(pos, end).toUpperCase();
    }
  }
  return '';
}
