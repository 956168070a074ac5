// The character classes of Snowflake SQL text, shared by the scanner and by anything that
// reads a few characters without scanning (leadingKeyword). Every statement is scanned on
// its way to the engine, so they test char codes: a regular expression per character
// allocated more than the tokens themselves.

/** A word starts with a letter, `_` or any character outside ASCII (one UTF-16 unit). */
export function isWordStart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return isAsciiLetter(code) || code === 95 /* _ */ || code >= 0x80;
}

/** Digits and `$` may go on a word (`SYSTEM$WAIT`, `$1`). */
export function isWordPart(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return isWordStart(ch) || (code >= 48 && code <= 57) || code === 36 /* $ */;
}

/** What `\s` matches: ASCII whitespace by code, the rest by the regular expression. */
export function isSpace(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x80 ? code === 32 || (code >= 9 && code <= 13) : /\s/.test(ch);
}

export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}
