import { isWord, significantNodes } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { windowCallAt } from './windowCall';

// Snowflake's FIRST_VALUE, LAST_VALUE and NTH_VALUE default to the whole window, "ROWS BETWEEN
// UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING" (their reference pages, usage notes: "this
// deviates from the ANSI standard"); DuckDB follows ANSI (RANGE … CURRENT ROW). The frame is
// written out whenever the OVER clause orders rows and names no frame.

const VALUE_FUNCTIONS = ['FIRST_VALUE', 'LAST_VALUE', 'NTH_VALUE'];
const WHOLE_WINDOW = 'ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING';

interface ValueWindowMatch extends SequenceMatch {
  nodes: SqlNode[];
  index: number;
  overAt: number;
  over: GroupNode;
}

const valueWindowFrameRule: SequenceRule<ValueWindowMatch> = {
  kind: 'sequence',
  name: 'FIRST_VALUE default frame',
  why: 'Snowflake FIRST_VALUE/LAST_VALUE/NTH_VALUE default to the whole window; DuckDB to RANGE … CURRENT ROW.',
  triggers: VALUE_FUNCTIONS,
  match(nodes, index) {
    const call = windowCallAt(nodes, index, VALUE_FUNCTIONS);
    if (!call) return undefined;
    const words = significantNodes(call.over.children);
    if (!words.some((node) => isWord(node, 'ORDER')) || words.some((node) => isWord(node, 'ROWS', 'RANGE', 'GROUPS'))) return undefined;
    return { nodes, index, overAt: call.overAt, over: call.over, end: call.overAt + 1 };
  },
  rewrite(match, translator, context) {
    // The call and OVER keyword go through the other rules (IGNORE NULLS moves inside).
    const call = translator.translateSequence(match.nodes.slice(match.index, match.overAt), context);
    const inner = translator.translateSequence(match.over.children, { ...context, depth: context.depth + 1 });
    return `${call}(${inner.trimEnd()} ${WHOLE_WINDOW})`;
  },
};

export const windowFrameRules: SequenceRule<SequenceMatch>[] = [valueWindowFrameRule] as SequenceRule<SequenceMatch>[];
