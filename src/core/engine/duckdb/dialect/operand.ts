import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nextSignificant } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';

// The end of one primary operand starting at nodes[index]: a (dotted, possibly quoted) name,
// optionally called `f(...)`, a literal, or a parenthesised expression. No operators.
// Postfix rules (paths, `[ ]`, `::`) use it to find what they apply to.

/** Words that start clauses or are operators, never an operand. */
const NOT_OPERANDS = new Set([
  'SELECT', 'FROM', 'WHERE', 'AND', 'OR', 'NOT', 'AS', 'ON', 'JOIN', 'GROUP', 'ORDER', 'BY', 'HAVING', 'LIMIT', 'UNION',
  'CASE', 'WHEN', 'THEN', 'ELSE', 'END', 'IS', 'IN', 'LIKE', 'ILIKE', 'RLIKE', 'BETWEEN', 'DISTINCT', 'OVER', 'WITHIN',
  'QUALIFY', 'INTERVAL', 'WITH', 'VALUES', 'SET', 'INTO', 'LATERAL', 'TABLE', 'EXISTS', 'ANY', 'ALL',
]);

export function operandEnd(nodes: SqlNode[], index: number): number | undefined {
  const first = nodes[index];
  if (isTokenOf(first, 'string') || isTokenOf(first, 'number')) return index + 1;
  if (isGroup(first)) return index + 1;
  if (!(isTokenOf(first, 'word') && !NOT_OPERANDS.has(first.token.text.toUpperCase())) && !isTokenOf(first, 'quotedIdent')) return undefined;
  let end = index + 1;
  // Dotted names: t.col, db.schema.t.col (no spaces inside a qualified name).
  while (isPunct(nodes[end], '.') && (isTokenOf(nodes[end + 1], 'word') || isTokenOf(nodes[end + 1], 'quotedIdent'))) end += 2;
  const after = nextSignificant(nodes, end);
  if (isTokenOf(first, 'word') && isGroup(nodes[after]) && end === index + 1) return after + 1; // a call
  if (isWord(first) && isGroup(nodes[after]) && end > index + 1) return after + 1; // schema.f(...)
  return end;
}

/** True when nodes[index] is the first node of an operand (not the tail of a dotted name or call). */
export function startsOperand(nodes: SqlNode[], index: number): boolean {
  let before = index - 1;
  while (before >= 0 && isTrivia(nodes[before])) before--;
  const previous = nodes[before];
  if (isPunct(previous, '.', ':', '::')) return false;
  return true;
}
