import { isGroup, isPunct, isTokenOf, isWord, nodesText, significantNodes } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { macro } from './macros';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';

// OBJECT_CONSTRUCT(*) and the object constant {*}: an OBJECT of the row's columns. DuckDB
// unpacks the columns into struct_pack's arguments with *COLUMNS(…), which also takes
// EXCLUDE and a qualifier; ILIKE becomes a filter on the column names.

/**
 * DuckDB for a wildcard argument — `*`, `t.*`, `* ILIKE 'p%'`, `* EXCLUDE c`,
 * `t.* EXCLUDE (a, b)` — or undefined when the argument is not a wildcard.
 */
export function objectFromWildcard(argument: SqlNode[], keepNull: boolean, translator: Translator): string | undefined {
  const nodes = significantNodes(argument);
  const star = nodes.findIndex((node) => isPunct(node, '*'));
  if (star < 0 || !isQualifier(nodes.slice(0, star))) return undefined;
  const qualifier = nodesText(nodes.slice(0, star)).replace(/\s+/g, '');
  const rest = nodes.slice(star + 1);
  let columns: string;
  if (rest.length === 0) columns = `${qualifier}*`;
  else if (isWord(rest[0], 'ILIKE') && rest.length === 2 && isTokenOf(rest[1], 'string')) {
    // A name filter sees every column in scope, so it cannot keep a qualifier's table apart.
    if (qualifier) return translator.fail(`${nodesText(nodes)}: a qualified wildcard with ILIKE is not supported in Snowpark Local; write * ILIKE …`, nodes[0]);
    columns = `c -> c ILIKE ${rest[1].token.text}`;
  } else if (isWord(rest[0], 'EXCLUDE') && rest.length === 2 && (isWord(rest[1]) || isTokenOf(rest[1], 'quotedIdent') || isGroup(rest[1]))) {
    const excluded = isGroup(rest[1]) ? nodesText((rest[1] as GroupNode).children) : nodesText([rest[1]]);
    columns = `${qualifier}* EXCLUDE (${excluded})`;
  } else {
    return translator.fail('A wildcard takes ILIKE \'pattern\' or EXCLUDE column(s), not both (Snowflake allows only one)', rest[0]);
  }
  return `${macro('object_from_columns')}(to_json(struct_pack(*COLUMNS(${columns}))), ${keepNull})`;
}

/** Nothing, or `name .` / `a . b .` before the star. */
function isQualifier(nodes: SqlNode[]): boolean {
  if (nodes.length === 0) return true;
  return nodes.length % 2 === 0 && nodes.every((node, i) => (i % 2 === 0 ? isWord(node) || isTokenOf(node, 'quotedIdent') : isPunct(node, '.')));
}

interface ObjectConstantMatch extends SequenceMatch {
  group: GroupNode;
}

/** `{* EXCLUDE c}`: an OBJECT constant with a wildcard, the same as OBJECT_CONSTRUCT(* EXCLUDE c). */
export const objectConstantWildcardRule: SequenceRule<ObjectConstantMatch> = {
  kind: 'sequence',
  name: 'OBJECT constant with a wildcard',
  triggers: ['{'],
  why: 'DuckDB has no {*} constant; it is OBJECT_CONSTRUCT(*) (NULL columns left out, keys upper-cased and sorted).',
  match(nodes, index) {
    const group = nodes[index];
    if (!isGroup(group, '{')) return undefined;
    const first = significantNodes(group.children).findIndex((node) => isPunct(node, '*'));
    return first >= 0 && isQualifier(significantNodes(group.children).slice(0, first)) ? { group, end: index + 1 } : undefined;
  },
  rewrite: ({ group }, translator) => objectFromWildcard(group.children, false, translator) ?? nodesText([group]),
};
