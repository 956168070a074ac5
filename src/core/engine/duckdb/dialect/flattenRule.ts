import { isPunct, isWord, nodeStart, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { SequenceRule } from './ruleTypes';
import { CallMatch } from './functionCall';
import { jsonPathOf } from './semiStructuredRules';
import { Translator } from './translator';
import { FlattenMode, flattenSubquery } from './flattenSql';
import { flattenOverLeftRows } from './orderedFlattenSql';
import { QUERY_ENDS, selectListAllowsHelpers } from './flattenHelperColumns';
import { followsLeftTables, matchTableCall, namedArguments, TABLE_CALL_STARTS, TableCallMatch } from './tableCallMatch';

// Snowflake's FLATTEN: a LATERAL subquery (flattenSql.ts) or, after the tables it reads, FROM
// items that keep Snowflake's row order (orderedFlattenSql.ts).

interface FlattenMatch extends TableCallMatch {
  /** The ordered form (flattenOverLeftRows): the offset of the FROM clause's first such FLATTEN, whose LIST column it reads. */
  listOwner?: number;
}

/** FLATTEN after other tables, not RECURSIVE => TRUE (a walk of any depth that stays a lateral subquery). */
function orderedFlattenAt(nodes: SqlNode[], index: number, call: CallMatch): boolean {
  if (!followsLeftTables(nodes, index)) return false;
  return !call.args.some((arg, position) => {
    const parts = significantNodes(arg);
    if (isWord(parts[0], 'RECURSIVE') && isPunct(parts[1], '=>')) return isWord(parts[2], 'TRUE');
    return position === 3 && !isPunct(parts[1], '=>') && isWord(parts[0], 'TRUE');
  });
}

export const flattenRule: SequenceRule<FlattenMatch> = {
  kind: 'sequence',
  name: 'FLATTEN',
  triggers: TABLE_CALL_STARTS,
  why:
    "DuckDB has no FLATTEN; json_each gives one row per element or field (a recursive CTE for RECURSIVE => TRUE), shaped into Snowflake's SEQ, KEY, PATH, INDEX, VALUE, THIS. " +
    'After the tables it reads (`t, LATERAL FLATTEN(INPUT => t.v)`), UNNESTs of the element lists that DuckDB runs in place, so the rows come in Snowflake\'s order (a lateral join would shuffle each row\'s elements).',
  match(nodes, index, context) {
    const match = matchTableCall(nodes, index, ['FLATTEN']);
    if (!match) return undefined;
    if (!orderedFlattenAt(nodes, index, match.call) || !selectListAllowsHelpers(nodes, index, context)) return match;
    // The same query's first ordered FLATTEN (its other FLATTENs have the same select list).
    let listOwner = nodeStart(match.call.nameNode);
    for (let at = index - 1; at >= 0 && !isWord(nodes[at], 'SELECT', ...QUERY_ENDS); at--) {
      const earlier = isWord(nodes[at], ...TABLE_CALL_STARTS) ? matchTableCall(nodes, at, ['FLATTEN']) : undefined;
      if (earlier && orderedFlattenAt(nodes, at, earlier.call)) listOwner = nodeStart(earlier.call.nameNode);
    }
    return { ...match, listOwner };
  },
  rewrite({ call, listOwner }, translator, context) {
    const args = namedArguments(call, ['INPUT', 'PATH', 'OUTER', 'RECURSIVE', 'MODE'], translator, context);
    if (!args.INPUT) return translator.fail('FLATTEN needs INPUT => …', call.nameNode);
    let input = `CAST(${args.INPUT.sql} AS JSON)`;
    let prefix = '';
    if (args.PATH) {
      const pathNode = args.PATH.nodes[0];
      prefix = pathNode.type === 'token' ? unquoteStringLiteral(pathNode.token.text) : '';
      input = `json_extract(${input}, ${quoteStringLiteral(jsonPathOf(prefix))})`;
    }
    const options = {
      input,
      prefix,
      outer: booleanArgument(args.OUTER, 'OUTER', translator),
      recursive: booleanArgument(args.RECURSIVE, 'RECURSIVE', translator),
      mode: modeArgument(args.MODE, translator),
      seq: '1',
    };
    // The call's offset tells its helper FROM items from another FLATTEN's.
    if (listOwner !== undefined) return flattenOverLeftRows(options, nodeStart(call.nameNode), listOwner);
    return flattenSubquery(options);
  },
};

/** A TRUE/FALSE constant argument (absent: FALSE). */
function booleanArgument(arg: { sql: string; nodes: SqlNode[] } | undefined, name: string, translator: Translator): boolean {
  if (arg === undefined || /^\s*false\s*$/i.test(arg.sql)) return false;
  if (/^\s*true\s*$/i.test(arg.sql)) return true;
  return translator.fail(`FLATTEN ${name} must be TRUE or FALSE`, arg.nodes[0]);
}

/** MODE => 'OBJECT' | 'ARRAY' | 'BOTH' (absent: BOTH). */
function modeArgument(arg: { sql: string; nodes: SqlNode[] } | undefined, translator: Translator): FlattenMode {
  if (arg === undefined) return 'BOTH';
  const node = arg.nodes[0];
  const mode = arg.nodes.length === 1 && node.type === 'token' && node.token.text.startsWith("'") ? unquoteStringLiteral(node.token.text).toUpperCase() : '';
  if (mode === 'OBJECT' || mode === 'ARRAY' || mode === 'BOTH') return mode;
  return translator.fail("FLATTEN MODE must be 'OBJECT', 'ARRAY' or 'BOTH'", node);
}
