import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nextSignificant, previousSignificant } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { upperText } from '../../../sql/tokens';

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
  if (!(isTokenOf(first, 'word') && !NOT_OPERANDS.has(upperText(first.token))) && !isTokenOf(first, 'quotedIdent')) return undefined;
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

/**
 * The first node of the operand whose last node is nodes[last], read backwards: a literal, a
 * (dotted, quoted) name, a call, a parenthesised expression, with their postfixes (`::type`,
 * `:path`, `[i]`). Undefined for anything it cannot delimit for sure (CASE … END, …).
 */
export function operandStartBefore(nodes: SqlNode[], last: number): number | undefined {
  const node = nodes[last];
  let start: number;
  if (isGroup(node, '[')) {
    const base = previousSignificant(nodes, last - 1);
    return base < 0 ? undefined : operandStartBefore(nodes, base);
  }
  if (isGroup(node)) {
    const before = previousSignificant(nodes, last - 1);
    const name = nodes[before];
    const isCall = isTokenOf(name, 'word') && !NOT_OPERANDS.has(upperText(name.token));
    start = isCall ? before : last;
  } else if (isTokenOf(node, 'string')) {
    // A typed literal (DATE '…', INTERVAL '…') is not delimited here.
    if (isWord(nodes[previousSignificant(nodes, last - 1)], 'DATE', 'TIME', 'TIMESTAMP', 'INTERVAL', 'X')) return undefined;
    start = last;
  } else if (isTokenOf(node, 'number') || isTokenOf(node, 'quotedIdent')) {
    start = last;
  } else if (isTokenOf(node, 'word') && !NOT_OPERANDS.has(upperText(node.token))) {
    start = last;
  } else {
    return undefined;
  }
  // Dotted names (no spaces inside a qualified name): db.schema.t.col, schema.f(…).
  while (isPunct(nodes[start - 1], '.') && (isTokenOf(nodes[start - 2], 'word') || isTokenOf(nodes[start - 2], 'quotedIdent'))) start -= 2;
  // A postfix on an operand before it: `x::NUMBER(10, 2)`, `v:a.b`.
  const before = previousSignificant(nodes, start - 1);
  if (isPunct(nodes[before], '::', ':')) {
    const base = previousSignificant(nodes, before - 1);
    return base < 0 ? undefined : operandStartBefore(nodes, base);
  }
  return start;
}
