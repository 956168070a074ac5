import { isPunct, isWord, nextSignificant, previousSignificant } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { quoteStringLiteral } from '../../../sql/literals';
import { SequenceContext, SequenceRule } from './ruleTypes';
import { FLATTEN_HELPER_PREFIX } from './orderedFlattenSql';
import { followsLeftTables, matchTableCall, TABLE_CALL_STARTS } from './tableCallMatch';
import { apartSelectList } from './apartSelectLists';

// FLATTEN after the tables it reads (`t, LATERAL FLATTEN(INPUT => t.v) f`) becomes FROM items
// that keep Snowflake's row order (orderedFlattenSql.ts). Two of them are helpers
// whose columns `SELECT *` must not show: the select list's bare `*` becomes `* NOT LIKE
// '<helper prefix>%'` (flattenHelperColumnsRule). Where a `*` of the query cannot be written
// so (`* EXCLUDE …`, OBJECT_CONSTRUCT(*)), FLATTEN keeps its one-subquery form, whose rows may
// come in another order. The outermost query's select list is translated apart from its FROM
// clause (outputColumnNames.ts); both read the whole query from apartSelectLists.ts.

/** The words that end a query at its own level (a set operation's next branch follows). */
export const QUERY_ENDS = ['UNION', 'INTERSECT', 'EXCEPT', 'MINUS'];

/** The SELECT of the query whose FROM clause holds nodes[index], at the same level; -1 when it is not in `nodes`. */
function querySelect(nodes: SqlNode[], index: number): number {
  for (let at = index - 1; at >= 0; at--) {
    if (isWord(nodes[at], 'SELECT')) return at;
    if (isWord(nodes[at], ...QUERY_ENDS)) return -1;
  }
  return -1;
}

/** The end of the select list that starts after nodes[select]: its FROM (not that of `IS DISTINCT FROM`), or the end of the query. */
function selectListEnd(nodes: SqlNode[], select: number): number {
  for (let at = select + 1; at < nodes.length; at++) {
    if (isWord(nodes[at], 'FROM') && !isWord(nodes[previousSignificant(nodes, at - 1)], 'DISTINCT')) return at;
    if (isWord(nodes[at], ...QUERY_ENDS)) return at;
  }
  return nodes.length;
}

/** `SELECT *`, `SELECT a, *`, `SELECT TOP 5 *`: a `*` item with nothing after it (not `* EXCLUDE …`, `t.*` or a product). */
function isBareStarItem(nodes: SqlNode[], index: number): boolean {
  const after = nextSignificant(nodes, index + 1);
  if (after < nodes.length && !isPunct(nodes[after], ',') && !isWord(nodes[after], 'FROM', 'INTO')) return false;
  const before = previousSignificant(nodes, index - 1);
  return isWord(nodes[before], 'SELECT', 'DISTINCT', 'ALL') || isPunct(nodes[before], ',') || isWord(nodes[previousSignificant(nodes, before - 1)], 'TOP');
}

/**
 * Whether a `*` in nodes[start, end) (a select list or an argument list inside it) would show
 * the helper columns without flattenHelperColumnsRule hiding them: `* EXCLUDE …`, `* ILIKE …`,
 * OBJECT_CONSTRUCT(*), `{*}`, HASH(*)… Bare `*` items (hidden), `t.*`, COUNT(*), products and
 * subqueries (queries of their own) do not.
 */
function showsHelperColumns(nodes: SqlNode[], start: number, end: number, topLevel: boolean): boolean {
  for (let at = start; at < end; at++) {
    const node = nodes[at];
    if (node.type === 'group') {
      if (isSubqueryGroup(node)) continue;
      const inCount = isWord(nodes[previousSignificant(nodes, at - 1)], 'COUNT');
      if (showsHelperColumns(node.children, 0, node.children.length, false) && !inCount) return true;
      continue;
    }
    if (!isPunct(node, '*')) continue;
    const before = previousSignificant(nodes, at - 1);
    if (isPunct(nodes[before], '.')) continue; // t.*
    // Not `a * b`, whose `*` follows an operand.
    const wildcard = before < start || isPunct(nodes[before], ',', '(') || isWord(nodes[before], 'SELECT', 'DISTINCT', 'ALL') || isWord(nodes[previousSignificant(nodes, before - 1)], 'TOP');
    if (!wildcard) continue;
    if (!(topLevel && isBareStarItem(nodes, at))) return true;
  }
  return false;
}

function isSubqueryGroup(node: GroupNode): boolean {
  const first = node.children[nextSignificant(node.children, 0)];
  return isWord(first, 'SELECT', 'WITH');
}

/**
 * Whether FLATTEN at nodes[index] can take the ordered form as far as `*` goes: its query's
 * select list shows no helper column.
 */
export function selectListAllowsHelpers(nodes: SqlNode[], index: number, context: SequenceContext): boolean {
  const select = querySelect(nodes, index);
  if (select >= 0) return !showsHelperColumns(nodes, select + 1, selectListEnd(nodes, select), true);
  // The FROM clause of a select list translated apart.
  const apart = apartSelectList(context);
  if (!apart || apart.nodes.indexOf(nodes[index]) < apart.end) return false;
  return !showsHelperColumns(apart.nodes, apart.start, apart.end, true);
}

/** Whether nodes[from …] (a query, up to a set operation's next branch) has a FLATTEN after other tables. */
function queryHasFlattenAfterTables(nodes: SqlNode[], from: number): boolean {
  for (let at = from; at < nodes.length; at++) {
    if (isWord(nodes[at], ...QUERY_ENDS)) return false;
    if (isWord(nodes[at], ...TABLE_CALL_STARTS) && matchTableCall(nodes, at, ['FLATTEN']) && followsLeftTables(nodes, at)) return true;
  }
  return false;
}

/**
 * `SELECT *` leaves out the columns of an ordered FLATTEN's helper FROM items:
 * `* NOT LIKE '<helper prefix>%'` is every other column. Tried in statements that mention FLATTEN only; it rewrites nothing elsewhere.
 */
export const flattenHelperColumnsRule: SequenceRule = {
  kind: 'sequence',
  name: 'SELECT * without FLATTEN helper columns',
  why: "An ordered lateral FLATTEN adds FROM items of its own (flattenSql.ts); Snowflake's `*` shows only the tables' and FLATTEN's columns.",
  textMayMatch: /flatten/i,
  match(nodes, index, context) {
    if (!isPunct(nodes[index], '*')) return undefined;
    // A `*` item of a select list translated apart from its FROM clause.
    const apart = apartSelectList(context);
    const at = apart ? apart.nodes.indexOf(nodes[index]) : -1;
    if (apart && at >= apart.start && at < apart.end) {
      return isBareStarItem(apart.nodes, at) && queryHasFlattenAfterTables(apart.nodes, apart.end) ? { end: index + 1 } : undefined;
    }
    const select = querySelect(nodes, index + 1);
    if (select < 0 || selectListEnd(nodes, select) < index || !isBareStarItem(nodes, index)) return undefined;
    return queryHasFlattenAfterTables(nodes, index + 1) ? { end: index + 1 } : undefined;
  },
  rewrite: () => `* NOT LIKE ${quoteStringLiteral(`${FLATTEN_HELPER_PREFIX}%`)}`,
};
