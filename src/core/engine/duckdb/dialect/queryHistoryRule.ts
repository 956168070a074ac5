import { isWord, significantNodes, splitAtCommas, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode, TokenNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { matchQualifiedTableCall, namedArguments } from './tableCallMatch';
import { DeferredFunction } from './translation';

// `TABLE([db.]INFORMATION_SCHEMA.QUERY_HISTORY[_BY_SESSION|_BY_USER|_BY_WAREHOUSE](…))`: the
// statements run so far live in the job layer, not in DuckDB, so the engine supplies the
// table (queryHistoryTable.ts), as it does for RESULT_SCAN. Arguments are named (`=>`) or
// positional in the documented order; each is a constant expression, translated here and
// evaluated by the engine. https://docs.snowflake.com/en/sql-reference/functions/query_history

/** The arguments every one of them takes, in the documented order (the engine reads them in it). */
const HISTORY_ARGUMENTS = ['END_TIME_RANGE_START', 'END_TIME_RANGE_END', 'RESULT_LIMIT', 'INCLUDE_CLIENT_GENERATED_STATEMENT'];
/** The argument naming what a QUERY_HISTORY_BY_* function filters on; it comes first. */
const DIMENSION_ARGUMENT: Record<string, string> = {
  QUERY_HISTORY_BY_SESSION: 'SESSION_ID',
  QUERY_HISTORY_BY_USER: 'USER_NAME',
  QUERY_HISTORY_BY_WAREHOUSE: 'WAREHOUSE_NAME',
};

const FUNCTIONS = new Set<string>(['QUERY_HISTORY', ...Object.keys(DIMENSION_ARGUMENT)]);

interface QueryHistoryMatch extends SequenceMatch {
  fn: DeferredFunction;
  nameNode: TokenNode;
  argList: GroupNode;
}

const queryHistoryRule: SequenceRule<QueryHistoryMatch> = {
  kind: 'sequence',
  name: 'QUERY_HISTORY',
  triggers: ['TABLE'],
  why: 'INFORMATION_SCHEMA.QUERY_HISTORY(_BY_SESSION/_BY_USER/_BY_WAREHOUSE) reads the statements the job layer recorded; the engine supplies that table.',
  match(nodes, index) {
    const call = matchQualifiedTableCall(nodes, index);
    const parts = call?.name.parts ?? [];
    const fn = parts[parts.length - 1];
    if (!call || !FUNCTIONS.has(fn) || parts[parts.length - 2] !== 'INFORMATION_SCHEMA' || parts.length > 3) return undefined;
    return { fn: fn as DeferredFunction, nameNode: call.nameNodes[call.nameNodes.length - 1] as TokenNode, argList: call.argList, end: call.end };
  },
  rewrite({ fn, nameNode, argList }, translator, context) {
    const dimension = DIMENSION_ARGUMENT[fn];
    const order: string[] = dimension ? [dimension, ...HISTORY_ARGUMENTS] : [...HISTORY_ARGUMENTS];
    const args = splitAtCommas(argList.children).map(trimTrivia);
    const call = { name: fn, nameNode, argList, args: args.length === 1 && args[0].length === 0 ? [] : args, end: 0 };
    seenOnce(call.args, fn, translator);
    const given = namedArguments(call, order, translator, context);
    const unknown = Object.keys(given).find((key) => !order.includes(key));
    if (unknown) translator.fail(`invalid argument '${unknown}' for function '${fn}': it takes ${order.join(', ')}`, nameNode);
    // The engine's order (queryHistoryTable.ts): the time range, the limit, the flag, then the dimension.
    const sqlOf = (key: string | undefined): string | null => (key && given[key] && !isNull(given[key].nodes) ? given[key].sql : null);
    return translator.defer(fn, [...HISTORY_ARGUMENTS.map(sqlOf), sqlOf(dimension)]);
  },
};

/** A positional NULL leaves an argument at its default, as an omitted one does. */
function isNull(nodes: SqlNode[]): boolean {
  const significant = significantNodes(nodes);
  return significant.length === 1 && isWord(significant[0], 'NULL');
}

/** `RESULT_LIMIT => 1, RESULT_LIMIT => 2` names one argument twice. */
function seenOnce(args: SqlNode[][], fn: string, translator: Parameters<typeof queryHistoryRule.rewrite>[1]): void {
  const seen = new Set<string>();
  for (const arg of args) {
    const [first, second] = significantNodes(arg);
    if (!isWord(first) || second?.type !== 'token' || second.token.text !== '=>') continue;
    const key = first.token.text.toUpperCase();
    if (seen.has(key)) translator.fail(`argument '${key}' is given more than once to function '${fn}'`, first);
    seen.add(key);
  }
}

export const queryHistoryRules: SequenceRule<QueryHistoryMatch>[] = [queryHistoryRule];
