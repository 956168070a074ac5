import { SqlError } from '../engine/sqlError';
import { LineIndex } from '../sql/lineIndex';
import { scanSql } from '../sql/scanSql';
import { splitStatements } from '../sql/splitStatements';
import { SqlToken } from '../sql/tokens';

// Checks Snowflake makes before running anything, made here for every engine: the embedded
// one would otherwise run what Snowflake refuses, with real harm (issue 10 items 6, 7).

const CLOSERS: Record<string, { what: string; closeWith: string }> = {
  dollarString: { what: '$$ block', closeWith: '$$' },
  string: { what: 'string literal', closeWith: "'" },
  quotedIdent: { what: 'quoted identifier', closeWith: '"' },
  comment: { what: '/* comment', closeWith: '*/' },
};

export interface StatementOrigin {
  file?: string;
  /** 0-based line of the statement in its file. */
  line?: number;
}

/** Throws Snowflake's error for an unterminated token or for several statements in one. */
export function checkOneCompleteStatement(sql: string, queryId: string, origin: StatementOrigin = {}): void {
  // Every statement passes here: one scan serves both checks.
  const tokens = scanSql(sql);
  const unterminated = unterminatedError(sql, queryId, origin, tokens);
  if (unterminated) throw unterminated.error;
  const count = splitStatements(sql, tokens).length;
  if (count > 1) {
    throw new SqlError(
      '000008',
      '0A000',
      `Actual statement count ${count} did not match the desired statement count 1. ` +
        'One call runs one statement, as on Snowflake: call session.sql() once per statement.',
      queryId,
    );
  }
}

/** The error for a string, identifier, $$ block or comment that `sql` never closes, and its 1-based line. */
export function unterminatedError(
  sql: string,
  queryId: string,
  origin: StatementOrigin = {},
  tokens: readonly SqlToken[] = scanSql(sql),
): { error: SqlError; line: number } | undefined {
  const open = tokens.find((token) => token.unterminated);
  if (!open) return undefined;
  const closer = CLOSERS[open.kind];
  const line = (origin.line ?? 0) + new LineIndex(sql).positionAt(open.start).line + 1;
  const where = origin.file ? `${origin.file}:${line}` : `line ${line}`;
  const message =
    `SQL compilation error:\nUnterminated ${closer.what} starting at ${where}: everything after it became part of it. ` +
    `Close it with ${closer.closeWith}.`;
  return { error: new SqlError('001003', '42000', message, queryId), line };
}
