import { isGroup, isPunct, isWord, nextSignificant, previousSignificant } from '../../../sql/nodes';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// The bare CURRENT_TIMESTAMP / CURRENT_DATE keywords. DuckDB binds them like column names that
// fall back to a function, so `SELECT CURRENT_TIMESTAMP` — which the output-name rule aliases
// "CURRENT_TIMESTAMP" — fails ("referenced that exists in the SELECT clause"). As function calls
// they never clash, and they still answer in the session's TimeZone (Snowflake's TIMEZONE).

const FUNCTION_OF: Record<string, string> = {
  CURRENT_TIMESTAMP: 'get_current_timestamp()',
  CURRENT_DATE: 'current_date()',
};

export const currentTimeKeywordRule: SequenceRule<SequenceMatch & { word: string }> = {
  kind: 'sequence',
  name: 'CURRENT_TIMESTAMP keyword',
  triggers: Object.keys(FUNCTION_OF),
  why: 'A bare CURRENT_TIMESTAMP/CURRENT_DATE next to its own output name fails in DuckDB; the function form does not.',
  match(nodes, index) {
    const node = nodes[index];
    if (!isWord(node, ...Object.keys(FUNCTION_OF))) return undefined;
    if (isGroup(nodes[nextSignificant(nodes, index + 1)])) return undefined; // the function form has its own rule
    if (isPunct(nodes[previousSignificant(nodes, index - 1)], '.')) return undefined;
    return { word: node.token.text.toUpperCase(), end: index + 1 };
  },
  rewrite: ({ word }) => FUNCTION_OF[word],
};
