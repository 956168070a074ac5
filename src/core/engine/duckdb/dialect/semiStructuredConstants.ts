import { isGroup, isPunct, isTokenOf, previousSignificant, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { macro } from './macros';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Snowflake's ARRAY and OBJECT constants, `[1, 'a']` and `{'k': v}`, mean ARRAY_CONSTRUCT and
// OBJECT_CONSTRUCT. Left alone, DuckDB reads them as a LIST and a STRUCT, which then fail or
// differ as soon as they meet a VARIANT function (a LIST of strings is not JSON text).

/** ARRAY_CONSTRUCT: a JSON array of the values (a SQL NULL becomes null). */
export const arrayConstructSql = (items: string[]): string => `json_array(${items.join(', ')})`;

/** OBJECT_CONSTRUCT from key/value SQL pairs: NULL values dropped (kept as JSON null with `keepNull`), keys sorted. */
export function objectConstructSql(pairs: Array<[key: string, value: string]>, keepNull = false): string {
  if (pairs.length === 0) return `CAST('{}' AS JSON)`;
  const entries = `[${pairs.map(([k, v]) => `{'k': CAST(${k} AS VARCHAR), 'v': to_json(${v})}`).join(', ')}]`;
  // A NULL map value comes out of to_json as null.
  return keepNull ? `CAST(to_json(map_from_entries(list_sort(${entries}))) AS JSON)` : `${macro('object_construct')}(${entries})`;
}

/** Words after which a `[` starts a value, not a subscript of the operand before it. */
const VALUE_STARTERS = new Set(['SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'HAVING', 'WHEN', 'THEN', 'ELSE', 'RETURN', 'IN', 'IS', 'LIKE', 'ILIKE', 'BETWEEN', 'DISTINCT', 'BY', 'SET', 'VALUES']);

/** True when the group at nodes[index] is a value of its own, not `x[0]` or `f(x)[1]`. */
function startsValue(nodes: SqlNode[], index: number): boolean {
  const previous = nodes[previousSignificant(nodes, index - 1)];
  if (previous === undefined) return true;
  if (isGroup(previous) || isGroup(previous, '[') || isGroup(previous, '{')) return false;
  if (isTokenOf(previous, 'word')) return VALUE_STARTERS.has(previous.token.text.toUpperCase());
  if (isTokenOf(previous, 'punct')) return !isPunct(previous, '.', ':', '::');
  return false;
}

interface ConstantMatch extends SequenceMatch {
  group: GroupNode;
}

export const semiStructuredConstantRule: SequenceRule<ConstantMatch> = {
  kind: 'sequence',
  name: 'ARRAY and OBJECT constants',
  why: "Snowflake's `[v, …]` is ARRAY_CONSTRUCT and `{'k': v, …}` OBJECT_CONSTRUCT; DuckDB would read a LIST and a STRUCT.",
  triggers: ['[', '{'],
  match(nodes, index) {
    const group = nodes[index];
    if (!(isGroup(group, '[') || isGroup(group, '{')) || !startsValue(nodes, index)) return undefined;
    // `{* …}` / `{t.*}` wildcards are another rule's; leave them.
    if (group.open.text === '{' && group.children.some((child) => isPunct(child, '*'))) return undefined;
    return { group, end: index + 1 };
  },
  rewrite({ group }, translator, context) {
    const inner = { ...context, depth: context.depth + 1 };
    const parts = splitAtCommas(group.children).map(trimTrivia).filter((part) => part.length > 0);
    if (group.open.text === '[') return arrayConstructSql(parts.map((part) => translator.translateSequence(part, inner)));
    const pairs = parts.map((part): [string, string] => {
      const colon = part.findIndex((node) => isPunct(node, ':'));
      if (colon <= 0 || colon === part.length - 1) translator.fail("An OBJECT constant takes 'key': value pairs", part[0]);
      return [translator.translateSequence(trimTrivia(part.slice(0, colon)), inner), translator.translateSequence(trimTrivia(part.slice(colon + 1)), inner)];
    });
    return objectConstructSql(pairs);
  },
};
