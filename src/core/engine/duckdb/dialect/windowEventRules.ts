import { isWord, nextSignificant } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { macro } from './macros';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { windowCallAt } from './windowCall';

// Snowflake window functions DuckDB lacks, written as the window aggregates they amount to.
// - RATIO_TO_REPORT(x) OVER (w): x over the sum of x in its partition, NULL when that sum is 0.
//   An ORDER BY in w is allowed "but does not affect the calculation" (its reference page), so it
//   is dropped: kept, it would make the SUM a running total.
// - CONDITIONAL_TRUE_EVENT(b) OVER (w): how many rows so far in the partition, this one included,
//   had b TRUE (a non-zero number is TRUE, NULL is not). Rows count one by one, ties included
//   (the doc's two rows with O_COL 13 get 1 and 2), so the frame is ROWS, not RANGE.

const FUNCTIONS = ['RATIO_TO_REPORT', 'CONDITIONAL_TRUE_EVENT'];
const SO_FAR = 'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW';

interface WindowCallMatch extends SequenceMatch {
  name: string;
  args: GroupNode;
  over: GroupNode;
}

const windowEventRule: SequenceRule<WindowCallMatch> = {
  kind: 'sequence',
  name: 'RATIO_TO_REPORT',
  why: 'DuckDB has no RATIO_TO_REPORT or CONDITIONAL_TRUE_EVENT; each is a SUM over the same window.',
  triggers: FUNCTIONS,
  match(nodes, index) {
    const call = windowCallAt(nodes, index, FUNCTIONS);
    if (!call) return undefined;
    return { name: (nodes[index] as Extract<SqlNode, { type: 'token' }>).token.text.toUpperCase(), args: call.args, over: call.over, end: call.overAt + 1 };
  },
  rewrite({ name, args, over }, translator, context) {
    const [value, ...extra] = translator.translateArguments(args.children, context);
    if (value === undefined || extra.length > 0) return translator.fail(`${name} takes one argument`, args);
    const inner = { ...context, depth: context.depth + 1 };
    const orderAt = over.children.findIndex((node, i) => isWord(node, 'ORDER') && isWord(over.children[nextSignificant(over.children, i + 1)], 'BY'));
    if (name === 'RATIO_TO_REPORT') {
      const partition = translator.translateSequence(orderAt < 0 ? over.children : over.children.slice(0, orderAt), inner).trim();
      return `${macro('divide')}(${value}, NULLIF(SUM(${value}) OVER (${partition}), 0))`;
    }
    if (orderAt < 0) return translator.fail('CONDITIONAL_TRUE_EVENT needs an ORDER BY in its OVER clause', over);
    const window = translator.translateSequence(over.children, inner).trim();
    return `SUM(CASE WHEN CAST(${value} AS BOOLEAN) THEN 1 ELSE 0 END) OVER (${window} ${SO_FAR})`;
  },
};

export const windowEventRules: SequenceRule<SequenceMatch>[] = [windowEventRule] as SequenceRule<SequenceMatch>[];
