import { SequenceRule } from './ruleTypes';
import { macro } from './macros';
import { AggregateCallMatch, matchAggregateCall, windowClause } from './arrayRules';

/** ARRAY_UNION_AGG(arrays) [OVER (…)]: the group's ARRAYs gathered as lists, their multiset union taken by a macro. */
export const arrayUnionAggRule: SequenceRule<AggregateCallMatch> = {
  kind: 'sequence',
  name: 'ARRAY_UNION_AGG',
  why: "DuckDB has no multiset union aggregate; the group's non-NULL ARRAYs become a list of lists (an empty ARRAY for none) and a macro keeps each value's largest count in one ARRAY.",
  triggers: ['ARRAY_UNION_AGG'],
  match: (nodes, index) => matchAggregateCall(nodes, index, 'ARRAY_UNION_AGG'),
  rewrite({ call, over }, translator, context) {
    const args = translator.translateArguments(call.argList.children, context);
    if (args.length !== 1) return translator.fail(`ARRAY_UNION_AGG takes 1 argument (got ${args.length})`, call.nameNode);
    const arrays = `COALESCE(list(CAST(${args[0]} AS JSON[])) FILTER (WHERE (${args[0]}) IS NOT NULL)${windowClause(over, translator, context)}, [])`;
    return `${macro('array_union_of')}(${arrays})`;
  },
};
