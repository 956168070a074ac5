import { isWord, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { windowCallAt } from './windowCall';

// Snowflake refuses the ranking and positional window functions over a window that orders
// nothing, PARTITION BY alone included: "Window function type [ROW_NUMBER] requires ORDER BY
// in window specification." (their reference pages write ORDER BY as required in OVER; Snowpark's
// test_window_function_should_fail_if_order_by_clause_is_not_specified expects the message).
// DuckDB numbers the rows in whatever order they come, so a handler that forgot its ORDER BY
// would pass locally and fail on Snowflake. Aggregates used as windows (SUM(x) OVER ()) need none.

const ORDER_REQUIRED = ['ROW_NUMBER', 'RANK', 'DENSE_RANK', 'PERCENT_RANK', 'CUME_DIST', 'NTILE', 'LAG', 'LEAD', 'FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'];

interface UnorderedWindowMatch extends SequenceMatch {
  name: SqlNode;
}

export const windowOrderRequiredRule: SequenceRule<UnorderedWindowMatch> = {
  kind: 'sequence',
  name: 'window ORDER BY required',
  why: 'Snowflake rejects ROW_NUMBER, RANK, LAG, FIRST_VALUE… over a window without ORDER BY at compile time; DuckDB runs them.',
  triggers: ORDER_REQUIRED,
  match(nodes, index) {
    const call = windowCallAt(nodes, index, ORDER_REQUIRED);
    if (!call || significantNodes(call.over.children).some((node) => isWord(node, 'ORDER'))) return undefined;
    return { name: nodes[index], end: index + 1 };
  },
  rewrite: ({ name }, translator) =>
    translator.fail(`Window function type [${name.type === 'token' ? name.token.text.toUpperCase() : ''}] requires ORDER BY in window specification.`, name),
};
