import { isGroup, isPunct, isTokenOf, isWord, nextSignificant, splitAtCommas, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';

// A VARIANT path compared with a string constant: `v:status = 'active'`, `v:s IN ('a', 'b')`,
// `v:s LIKE 'a%'`. Snowflake answers them (a VARIANT is compared with the constant as a
// VARIANT string; LIKE reads the VARIANT as text); DuckDB would parse 'active' as JSON and fail,
// or match LIKE against the JSON text with its quotes. The rule for paths
// (operatorRules.ts) asks here what follows a path.

const COMPARISONS = ['=', '!=', '<>', '<', '>', '<=', '>='];
const TEXT_MATCHES = ['LIKE', 'ILIKE', 'RLIKE', 'REGEXP'];

export interface StringComparison {
  /** The comparison operator and what sits between it and the constants (`NOT IN`, `=`). */
  operator: SqlNode[];
  /** The string constants, one for a comparison, several in an IN list. */
  constants: SqlNode[];
  /** An IN list: the constants go back in brackets. */
  inList: boolean;
  end: number;
}

/**
 * `= 'text'`, `<> 'text'`, `[NOT] IN ('a', 'b')` right after a path at nodes[from]: only string
 * constants that stand alone (not `'a' || x`, which is an expression of its own).
 */
export function stringComparisonAt(nodes: SqlNode[], from: number): StringComparison | undefined {
  const at = nextSignificant(nodes, from);
  const node = nodes[at];
  if (isPunct(node, ...COMPARISONS)) {
    const constantAt = nextSignificant(nodes, at + 1);
    if (!isTokenOf(nodes[constantAt], 'string') || !endsOperand(nodes, constantAt + 1)) return undefined;
    return { operator: nodes.slice(from, constantAt), constants: [nodes[constantAt]], inList: false, end: constantAt + 1 };
  }
  const inAt = isWord(node, 'NOT') ? nextSignificant(nodes, at + 1) : at;
  if (!isWord(nodes[inAt], 'IN')) return undefined;
  const listAt = nextSignificant(nodes, inAt + 1);
  const list = nodes[listAt];
  if (!isGroup(list, '(')) return undefined;
  const items = splitAtCommas(list.children).map((item) => significantNodes(item));
  if (!items.length || !items.every((item) => item.length === 1 && isTokenOf(item[0], 'string'))) return undefined;
  return { operator: nodes.slice(from, listAt), constants: items.map((item) => item[0]), inList: true, end: listAt + 1 };
}

/** `LIKE`, `NOT ILIKE`, `RLIKE`… right after a path: the path is matched as text. */
export function matchedAsTextAt(nodes: SqlNode[], from: number): boolean {
  let at = nextSignificant(nodes, from);
  if (isWord(nodes[at], 'NOT')) at = nextSignificant(nodes, at + 1);
  return isWord(nodes[at], ...TEXT_MATCHES);
}

/** Nothing after the constant that would make it part of a larger operand. */
function endsOperand(nodes: SqlNode[], from: number): boolean {
  const after = nodes[nextSignificant(nodes, from)];
  if (after === undefined || isPunct(after, ',', ';')) return true;
  if (after.type === 'group') return false;
  return isWord(after) && !isWord(after, 'COLLATE', 'IS', 'ESCAPE');
}
