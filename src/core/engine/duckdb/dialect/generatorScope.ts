import { isGroup, isWord, nextSignificant } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';

// SEQ4/SEQ8 read GENERATOR's row column only in the query whose FROM holds the GENERATOR: an
// outer query over it (Snowpark's session.range(3).select(seq4())) cannot see that column.

/** Whether a bracket's contents are a query of their own (a subquery: SELECT or WITH first). */
export function isSubquery(children: SqlNode[]): boolean {
  const first = children[nextSignificant(children, 0)];
  return isWord(first, 'SELECT') || isWord(first, 'WITH');
}

/** True when this query itself calls GENERATOR(…): at its own level or in brackets that are not queries of their own. */
export function queryReadsGenerator(nodes: SqlNode[]): boolean {
  return nodes.some(
    (node, i) =>
      (isWord(node, 'GENERATOR') && isGroup(nodes[nextSignificant(nodes, i + 1)])) ||
      (node.type === 'group' && !isSubquery(node.children) && queryReadsGenerator(node.children)),
  );
}
