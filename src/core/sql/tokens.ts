// The one token shape every SQL module in Snowpark Local shares. The splitter, the
// discovery parsers and the DuckDB dialect all read these, so that "inside a string",
// "inside a comment" and "inside a quoted identifier" mean the same thing everywhere.

export type SqlTokenKind =
  | 'word' //          unquoted identifier or keyword; may contain `$` (SYSTEM$WAIT) or be `$1`
  | 'quotedIdent' //   "Mixed Case" identifier, quotes included in `text`
  | 'string' //        '...' literal, quotes included; '' and \' escapes stay as written
  | 'dollarString' //  $$...$$ block, dollars included
  | 'number'
  | 'punct' //         operators and brackets; `::`, `=>`, `<=`, `>=`, `<>`, `!=`, `||`, `->` are one token
  | 'comment' //       -- ..., // ..., /* ... */ (without the line break that ends a line comment)
  | 'whitespace';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Exactly the source characters, so joining every token's text gives back the input. */
  text: string;
  /** Absolute offset of the first character (input offset + the base given to the scanner). */
  start: number;
  /** Absolute offset just after the last character. */
  end: number;
  /** A string, quoted identifier, $$ block or block comment that the text never closes. */
  unterminated?: true;
  /** `text` upper-cased, kept by upperText() on first ask. */
  upper?: string;
}

/**
 * The token's text upper-cased, computed once: the dialect asks it of the same word many
 * times (its rule index key, whether it can start an operand, …), and each ask was a copy.
 */
export function upperText(token: SqlToken): string {
  return (token.upper ??= token.text.toUpperCase());
}

/** Whitespace and comments: tokens that never change what a statement means. */
export function isTriviaToken(token: SqlToken): boolean {
  return token.kind === 'whitespace' || token.kind === 'comment';
}
