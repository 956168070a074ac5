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
  // The end of a window or ordered aggregate call: `f(x) OVER (…)`, `… WITHIN GROUP (…)`,
  // `… FILTER (…)`, `… IGNORE NULLS OVER (…)`: the operand is the whole call.
  const callBefore = isGroup(node) ? callBeforeSuffix(nodes, previousSignificant(nodes, last - 1)) : undefined;
  if (callBefore !== undefined) return callBefore < 0 ? undefined : operandStartBefore(nodes, callBefore);
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

/**
 * Where the call's argument list is, when nodes[wordAt] is the last word of a call's suffix
 * before a bracket (`OVER`, `GROUP` of WITHIN GROUP, `FILTER`), reading back over the other
 * suffixes (`IGNORE NULLS`, an earlier WITHIN GROUP (…)); undefined when it is not a suffix, -1
 * when the suffix has no call before it.
 */
function callBeforeSuffix(nodes: SqlNode[], wordAt: number): number | undefined {
  if (!isWord(nodes[wordAt], 'OVER', 'GROUP', 'FILTER')) return undefined;
  let at = previousSignificant(nodes, wordAt - 1);
  if (isWord(nodes[wordAt], 'GROUP')) {
    if (!isWord(nodes[at], 'WITHIN')) return undefined;
    at = previousSignificant(nodes, at - 1);
  }
  for (;;) {
    if (isWord(nodes[at], 'NULLS') && isWord(nodes[previousSignificant(nodes, at - 1)], 'IGNORE', 'RESPECT')) {
      at = previousSignificant(nodes, previousSignificant(nodes, at - 1) - 1);
      continue;
    }
    // An earlier suffix with its own bracket: `WITHIN GROUP (…) OVER (…)`, `FILTER (…) OVER (…)`.
    const earlier = isGroup(nodes[at]) ? callBeforeSuffix(nodes, previousSignificant(nodes, at - 1)) : undefined;
    if (earlier !== undefined) return earlier;
    return isGroup(nodes[at]) ? at : -1;
  }
}

/** The end of the window and ordered-aggregate suffixes after a call ending at nodes[end - 1]: `WITHIN GROUP (…)`, `FILTER (…)`, `IGNORE NULLS`, `OVER (…)` or `OVER name`. */
export function callSuffixEnd(nodes: SqlNode[], end: number): number {
  for (;;) {
    const at = nextSignificant(nodes, end);
    const next = nextSignificant(nodes, at + 1);
    if (isWord(nodes[at], 'WITHIN') && isWord(nodes[next], 'GROUP') && isGroup(nodes[nextSignificant(nodes, next + 1)])) {
      end = nextSignificant(nodes, next + 1) + 1;
    } else if (isWord(nodes[at], 'FILTER') && isGroup(nodes[next])) {
      end = next + 1;
    } else if (isWord(nodes[at], 'IGNORE', 'RESPECT') && isWord(nodes[next], 'NULLS')) {
      end = next + 1;
    } else if (isWord(nodes[at], 'OVER') && (isGroup(nodes[next]) || isTokenOf(nodes[next], 'word'))) {
      return next + 1;
    } else {
      return end;
    }
  }
}
