import { isGroup, isWord, nextSignificant } from '../../../sql/nodes';
import { GroupNode } from '../../../sql/tokenTree';
import { CallMatch, matchCall } from './functionCall';
import { SequenceRule } from './ruleTypes';

// APPROX_TOP_K(expr [, k [, counters]]) [OVER (PARTITION BY …)]
// (https://docs.snowflake.com/en/sql-reference/functions/approx_top_k): an ARRAY of [value,
// frequency] pairs, the k most frequent values (k defaults to 1), most frequent first. DuckDB's
// approx_top_k returns the values alone. Here the counts are exact (a histogram), which is what
// Snowflake's Space-Saving estimate gives while the distinct values fit its counters; `counters`
// only tunes that estimate and is not used. Values of equal frequency come smallest first.

interface ApproxTopKMatch extends CallMatch {
  /** The `( … )` of an OVER clause after the call: it goes on the aggregate inside the rewrite. */
  window?: GroupNode;
}

export const approxTopKRule: SequenceRule<ApproxTopKMatch> = {
  kind: 'sequence',
  name: 'APPROX_TOP_K',
  triggers: ['APPROX_TOP_K'],
  why: "Snowflake's APPROX_TOP_K answers [value, count] pairs, most frequent first; DuckDB's approx_top_k answers the values alone. The pairs come from DuckDB's histogram.",
  match(nodes, index) {
    const call = matchCall(nodes, index, ['APPROX_TOP_K']);
    if (!call) return undefined;
    const overAt = nextSignificant(nodes, call.end);
    const windowAt = nextSignificant(nodes, overAt + 1);
    const window = nodes[windowAt];
    return isWord(nodes[overAt], 'OVER') && isGroup(window, '(') ? { ...call, window, end: windowAt + 1 } : call;
  },
  rewrite(match, translator, context) {
    if (match.args.length < 1 || match.args.length > 3) translator.fail(`APPROX_TOP_K takes 1 to 3 arguments (got ${match.args.length})`, match.nameNode);
    const [value, k = '1'] = translator.translateArguments(match.argList.children, context);
    const over = match.window ? ` OVER ${translator.translateNode(match.window, context)}` : '';
    // Entries as {c: -count, k: value}, so the list sorts by count descending, then by value.
    const entries = `list_transform(map_entries(histogram(${value})${over}), e -> {'c': -e.value, 'k': e.key})`;
    return `CAST(to_json(list_transform(list_slice(list_sort(${entries}), 1, ${k}), e -> [to_json(e.k), to_json(-e.c)])) AS JSON)`;
  },
};
