import { GroupNode, SqlNode } from './tokenTree';
import { isGroup, isWord, nextSignificant, nodesText } from './nodes';

// Where a data type is written (procedure arguments, RETURNS, CAST ... AS, `::`, column
// definitions) it is one or more words plus an optional parameter list. Both the procedure
// parser and the DuckDB dialect need to know where the type ends.

export interface TypeSpan {
  /** Upper-cased words of the type name joined by one space: `DOUBLE PRECISION`. */
  name: string;
  /** `(10,2)` in `NUMBER(10,2)`, `(INT)` in `ARRAY(INT)`. */
  params?: GroupNode;
  start: number;
  /** Index just after the last node of the type. */
  end: number;
}

/** Second (and later) words that continue a multi-word type name, keyed by what precedes them. */
const CONTINUATIONS: Array<{ after: RegExp; word: string }> = [
  { after: /^DOUBLE$/, word: 'PRECISION' },
  { after: /^(N?CHAR|CHARACTER)$/, word: 'VARYING' },
  { after: /^(TIMESTAMP|TIME)$/, word: 'WITH' },
  { after: /^(TIMESTAMP|TIME)$/, word: 'WITHOUT' },
  { after: /\bWITH(OUT)?$/, word: 'LOCAL' },
  { after: /\bWITH(OUT)?( LOCAL)?$/, word: 'TIME' },
  { after: /\bWITH(OUT)?( LOCAL)? TIME$/, word: 'ZONE' },
];

export function readTypeSpan(nodes: SqlNode[], index: number): TypeSpan | undefined {
  const first = nodes[index];
  if (!isWord(first)) return undefined;
  let name = first.token.text.toUpperCase();
  let end = index + 1;
  for (;;) {
    const next = nextSignificant(nodes, end);
    const candidate = nodes[next];
    const continuation = CONTINUATIONS.find((c) => c.after.test(name) && isWord(candidate, c.word));
    if (!continuation) break;
    name += ` ${continuation.word}`;
    end = next + 1;
  }
  const maybeParams = nextSignificant(nodes, end);
  if (isGroup(nodes[maybeParams])) {
    return { name, params: nodes[maybeParams] as GroupNode, start: index, end: maybeParams + 1 };
  }
  return { name, start: index, end };
}

/** A written type as one comparable text, upper-cased with whitespace runs collapsed: `number(10, 2)` → `NUMBER(10, 2)`. */
export function typeText(nodes: SqlNode[]): string {
  return nodesText(nodes).replace(/\s+/g, ' ').trim().toUpperCase();
}
