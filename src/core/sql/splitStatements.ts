import { LineIndex } from './lineIndex';
import { scanSql } from './scanSql';
import { isTriviaToken, SqlToken } from './tokens';

export interface SqlStatement {
  /** The statement without surrounding whitespace, leading/trailing comments or its ';'. */
  text: string;
  /** Offset in the document of `text`'s first character. */
  startOffset: number;
  /** Offset just after `text`'s last character: text === document.slice(startOffset, endOffset). */
  endOffset: number;
  /** 0-based line of the first non-blank character. */
  startLine: number;
  startColumn: number;
}

/**
 * Splits a worksheet at top-level `;`. Semicolons inside strings, quoted identifiers,
 * `$$` blocks and comments do not split. Empty and comment-only statements are dropped.
 *
 * Known limit: a Snowflake Scripting block written without `$$` (`BEGIN ... END;`) is split
 * at its inner semicolons, as SnowSQL also does.
 *
 * `tokens`: the text's tokens, when the caller has scanned it already.
 */
export function splitStatements(text: string, tokens: readonly SqlToken[] = scanSql(text)): SqlStatement[] {
  const lines = new LineIndex(text);
  const statements: SqlStatement[] = [];
  let first = -1; // offset of the current statement's first significant token
  let last = -1; //  end offset of its last significant token

  const finish = (): void => {
    if (first >= 0) {
      const position = lines.positionAt(first);
      statements.push({
        text: text.slice(first, last),
        startOffset: first,
        endOffset: last,
        startLine: position.line,
        startColumn: position.column,
      });
    }
    first = -1;
    last = -1;
  };

  for (const token of tokens) {
    if (token.kind === 'punct' && token.text === ';') finish();
    else if (!isTriviaToken(token)) {
      if (first < 0) first = token.start;
      last = token.end;
    }
  }
  finish();
  return statements;
}
