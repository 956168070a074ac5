import { isPunct, isTokenOf, isWord, nextSignificant, nodeText } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';

// The START/INCREMENT options Snowflake writes in CREATE SEQUENCE and in an AUTOINCREMENT /
// IDENTITY column, and the DuckDB sequence options they become.

/** `START [WITH] [=] n` / `INCREMENT [BY] [=] n`: the value's node index, skipping the optional words. */
export function optionValueAt(nodes: SqlNode[], keywordAt: number): number {
  let at = nextSignificant(nodes, keywordAt + 1);
  if (isWord(nodes[at], 'WITH', 'BY')) at = nextSignificant(nodes, at + 1);
  if (isPunct(nodes[at], '=')) at = nextSignificant(nodes, at + 1);
  return at;
}

/** A signed number starting at nodes[at]: its text and the index after it. */
export function numberAt(nodes: SqlNode[], at: number): { text: string; end: number } | undefined {
  if (isPunct(nodes[at], '-', '+')) {
    const digits = nextSignificant(nodes, at + 1);
    return isTokenOf(nodes[digits], 'number') ? { text: nodeText(nodes[at]) + nodeText(nodes[digits]), end: digits + 1 } : undefined;
  }
  return isTokenOf(nodes[at], 'number') ? { text: nodeText(nodes[at]), end: at + 1 } : undefined;
}

/**
 * DuckDB's options for a Snowflake sequence. A descending DuckDB sequence defaults to values
 * below zero (MAXVALUE -1); a Snowflake one may start anywhere, so the bounds are the full range.
 */
export function sequenceOptionsSql(start: string, step: string): string {
  const bounds = step.trim().startsWith('-') ? ' MINVALUE -9223372036854775807 MAXVALUE 9223372036854775807' : '';
  return `START WITH ${start} INCREMENT BY ${step}${bounds}`;
}

