import { isGroup, isWord, nextSignificant, significantNodes, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';
import { CallMatch, functionRule, matchCall, renameRule } from './functionCall';
import { macro } from './macros';
import { approxTopKRule } from './approxTopKRule';
import { arrayUnionAggRule } from './arrayUnionAggRule';

// Snowflake aggregates DuckDB lacks, names differently, or writes with WITHIN GROUP.

interface WithinGroupMatch extends SequenceMatch {
  call: CallMatch;
  /** The `ORDER BY …` text inside WITHIN GROUP ( … ), if present. */
  orderBy?: SqlNode[];
  /** The window of `… OVER (…)`: it belongs to the aggregate inside the rewrite, not to its wrapper. */
  over?: GroupNode;
}

/** `NAME(args) [WITHIN GROUP (ORDER BY …)] [OVER (…)]` for one of `names`. */
function matchWithinGroup(nodes: SqlNode[], index: number, names: string[]): WithinGroupMatch | undefined {
  const call = matchCall(nodes, index, names);
  if (!call) return undefined;
  const match: WithinGroupMatch = { call, end: call.end };
  const withinAt = nextSignificant(nodes, call.end);
  const groupAt = nextSignificant(nodes, withinAt + 1);
  const listAt = nextSignificant(nodes, groupAt + 1);
  if (isWord(nodes[withinAt], 'WITHIN') && isWord(nodes[groupAt], 'GROUP') && isGroup(nodes[listAt])) {
    match.orderBy = trimTrivia((nodes[listAt] as GroupNode).children);
    match.end = listAt + 1;
  }
  const overAt = nextSignificant(nodes, match.end);
  const windowAt = nextSignificant(nodes, overAt + 1);
  if (isWord(nodes[overAt], 'OVER') && isGroup(nodes[windowAt])) {
    match.over = nodes[windowAt] as GroupNode;
    match.end = windowAt + 1;
  }
  return match;
}

/** ` OVER (…)` translated, or '' for a plain aggregate. */
function windowOf(match: WithinGroupMatch, translator: Translator, context: SequenceContext): string {
  return match.over ? ` OVER ${translator.translateNode(match.over, context)}` : '';
}

/** The call's arguments translated, with a leading DISTINCT kept apart. */
function argumentsOf(match: WithinGroupMatch, translate: (nodes: SqlNode[]) => string): { distinct: boolean; args: string[]; order: string } {
  const first = significantNodes(match.call.argList.children)[0];
  const distinct = isWord(first, 'DISTINCT');
  const args = match.call.args.map((arg, i) => translate(i === 0 && distinct ? trimTrivia(arg.slice(arg.indexOf(first) + 1)) : arg));
  return { distinct, args, order: match.orderBy ? ` ${translate(match.orderBy)}` : '' };
}

const listAggRule: SequenceRule<WithinGroupMatch> = {
  kind: 'sequence',
  name: 'LISTAGG',
  triggers: ['LISTAGG'],
  why: "Snowflake LISTAGG's separator defaults to '' and its order is WITHIN GROUP; DuckDB string_agg takes ORDER BY inside.",
  match: (nodes, index) => matchWithinGroup(nodes, index, ['LISTAGG']),
  rewrite(match, translator, context) {
    const inner = { ...context, depth: context.depth + 1 };
    const { distinct, args, order } = argumentsOf(match, (nodes) => translator.translateSequence(nodes, inner));
    return `COALESCE(string_agg(${distinct ? 'DISTINCT ' : ''}CAST(${args[0]} AS VARCHAR), ${args[1] ?? "''"}${order})${windowOf(match, translator, context)}, '')`;
  },
};

const arrayAggRule: SequenceRule<WithinGroupMatch> = {
  kind: 'sequence',
  name: 'ARRAY_AGG',
  triggers: ['ARRAY_AGG', 'ARRAYAGG'],
  why: 'Snowflake ARRAY_AGG skips NULLs, returns an ARRAY (JSON here, [] for no rows) and orders WITHIN GROUP.',
  match: (nodes, index) => matchWithinGroup(nodes, index, ['ARRAY_AGG', 'ARRAYAGG']),
  rewrite(match, translator, context) {
    const inner = { ...context, depth: context.depth + 1 };
    const { distinct, args, order } = argumentsOf(match, (nodes) => translator.translateSequence(nodes, inner));
    // The window goes after the FILTER, on the aggregate itself.
    return `CAST(to_json(COALESCE(list(${distinct ? 'DISTINCT ' : ''}${args[0]}${order}) FILTER (WHERE (${args[0]}) IS NOT NULL)${windowOf(match, translator, context)}, [])) AS JSON)`;
  },
};

/** `COUNT([DISTINCT] a, b, …)` with two or more arguments. */
const multiCountRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'COUNT(a, b, …)',
  why: 'Snowflake COUNT takes several arguments and skips rows where any is NULL; DuckDB COUNT takes one.',
  triggers: ['COUNT'],
  match: (nodes, index) => {
    const call = matchCall(nodes, index, ['COUNT']);
    return call && call.args.length > 1 ? call : undefined;
  },
  rewrite(call, translator, context) {
    const first = significantNodes(call.argList.children)[0];
    const distinct = isWord(first, 'DISTINCT');
    const inner = { ...context, depth: context.depth + 1 };
    const args = call.args.map((arg, i) => translator.translateSequence(i === 0 && distinct ? trimTrivia(arg.slice(arg.indexOf(first) + 1)) : arg, inner));
    const allPresent = args.map((arg) => `(${arg}) IS NOT NULL`).join(' AND ');
    return `count(${distinct ? 'DISTINCT ' : ''}CASE WHEN ${allPresent} THEN ${distinct ? `row(${args.join(', ')})` : '1'} END)`;
  },
};

/** `CORR(a, b)` not followed by OVER (a window call keeps DuckDB's answer). */
const corrRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'CORR',
  why: 'Snowflake answers NULL where the correlation is undefined (one pair, a constant column); DuckDB answers NaN.',
  triggers: ['CORR'],
  match: (nodes, index) => {
    const call = matchCall(nodes, index, ['CORR']);
    return call && call.args.length === 2 && !isWord(nodes[nextSignificant(nodes, call.end)], 'OVER') ? call : undefined;
  },
  rewrite(call, translator, context) {
    const [a, b] = translator.translateArguments(call.argList.children, context);
    return `NULLIF(corr(${a}, ${b}), CAST('NaN' AS DOUBLE))`;
  },
};

/** `AVG([DISTINCT] x)` not followed by OVER (a window average keeps DuckDB's). */
const averageRule: SequenceRule<WithinGroupMatch> = {
  kind: 'sequence',
  name: 'AVG',
  why:
    "Snowflake's AVG of a NUMBER(p, s) is a NUMBER rounded to scale max(s, min(s + 6, 12)) (6 for integers: AVG(1, 2) = 1.500000); DuckDB's is a DOUBLE with every digit. " +
    'It is SUM / COUNT through the divide macro, which rounds to that scale (the value right, the type still DOUBLE); NULLIF keeps an empty group NULL instead of a division by zero.',
  triggers: ['AVG'],
  match(nodes, index) {
    const call = matchCall(nodes, index, ['AVG']);
    if (!call || call.args.length !== 1 || isWord(nodes[nextSignificant(nodes, call.end)], 'OVER')) return undefined;
    return { call, end: call.end };
  },
  rewrite(match, translator, context) {
    const inner = { ...context, depth: context.depth + 1 };
    const { distinct, args } = argumentsOf(match, (nodes) => translator.translateSequence(nodes, inner));
    const value = `${distinct ? 'DISTINCT ' : ''}${macro('numeric_input')}(${args[0]})`;
    return `${macro('divide')}(sum(${value}), NULLIF(count(${value}), 0))`;
  },
};

export const aggregateRules: SequenceRule<SequenceMatch>[] = [
  averageRule,
  multiCountRule,
  corrRule,
  functionRule({
    name: 'COUNT_IF',
    why: 'Snowflake COUNT_IF counts the rows where the condition is TRUE, so a NULL condition counts 0 (DuckDB answers NULL).',
    functions: ['COUNT_IF'],
    arity: [1, 1],
    rewrite: ([condition]) => `count(*) FILTER (WHERE CAST(${condition} AS BOOLEAN))`,
  }),
  functionRule({
    name: 'APPROX_PERCENTILE',
    why: "DuckDB's approx_quantile is a different sketch; the t-digest answer is computed from the sorted values (exact while each value is its own centroid).",
    functions: ['APPROX_PERCENTILE'],
    arity: [2, 2],
    rewrite: ([value, share]) => `${macro('approx_percentile')}(list_sort(list(CAST(${value} AS DOUBLE)) FILTER (WHERE (${value}) IS NOT NULL)), ${share})`,
  }),
  listAggRule,
  arrayAggRule,
  approxTopKRule,
  arrayUnionAggRule,
  functionRule({
    name: 'OBJECT_AGG',
    why: 'Snowflake OBJECT_AGG skips pairs with a NULL key or value and sorts keys; a filtered list of pairs becomes the object.',
    functions: ['OBJECT_AGG'],
    arity: [2, 2],
    rewrite: ([key, value]) =>
      `CAST(COALESCE(to_json(map_from_entries(list_sort(list({'k': CAST(${key} AS VARCHAR), 'v': to_json(${value})}) FILTER (WHERE (${key}) IS NOT NULL AND (${value}) IS NOT NULL)))), '{}') AS JSON)`,
  }),
  functionRule({
    name: 'BOOLAND_AGG',
    why: "DuckDB calls them bool_and/bool_or and takes booleans only; Snowflake converts as TO_BOOLEAN does (non-zero numbers, 'yes'…) and rejects other text with 100037.",
    functions: ['BOOLAND_AGG', 'BOOLOR_AGG', 'BOOLXOR_AGG'],
    arity: [1, 1],
    rewrite([value], call) {
      const truth = `${macro('to_boolean')}(${value})`;
      return call.name === 'BOOLXOR_AGG' ? `(count(*) FILTER (WHERE ${truth}) = 1)` : `${call.name === 'BOOLAND_AGG' ? 'bool_and' : 'bool_or'}(${truth})`;
    },
  }),
  renameRule({ name: 'SKEW', why: 'DuckDB calls the sample skewness skewness.', functions: ['SKEW'], arity: [1, 1], to: 'skewness' }),
  renameRule({ name: 'VARIANCE_POP', why: 'DuckDB calls it var_pop.', functions: ['VARIANCE_POP'], arity: [1, 1], to: 'var_pop' }),
  renameRule({ name: 'VARIANCE_SAMP', why: 'DuckDB calls it var_samp.', functions: ['VARIANCE_SAMP'], arity: [1, 1], to: 'var_samp' }),
] as SequenceRule<SequenceMatch>[];
