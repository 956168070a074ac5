import { isGroup, isPunct, isWord, nextSignificant, significantNodes, trimTrivia } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, matchCall } from './functionCall';

// Snowflake aggregates over bits and hashes: bitwise AND/OR/XOR of a group, and HASH_AGG.

const BIT_AGGREGATES: Record<string, string> = {
  BITAND_AGG: 'bit_and', BITANDAGG: 'bit_and', BIT_AND_AGG: 'bit_and', BIT_ANDAGG: 'bit_and',
  BITOR_AGG: 'bit_or', BITORAGG: 'bit_or', BIT_OR_AGG: 'bit_or', BIT_ORAGG: 'bit_or',
  BITXOR_AGG: 'bit_xor', BITXORAGG: 'bit_xor', BIT_XOR_AGG: 'bit_xor', BIT_XORAGG: 'bit_xor',
};

const TWO_TO_63 = '9223372036854775808';
const TWO_TO_64 = '18446744073709551616';

interface HashAggMatch extends SequenceMatch {
  call: CallMatch;
  /** An `OVER …` window right after the call, if there is one. */
  window?: SqlNode[];
}

/** `OVER (…)` or `OVER w` right after a call ending at `from`: the index just past it. */
function windowEnd(nodes: SqlNode[], from: number): number | undefined {
  const overAt = nextSignificant(nodes, from);
  if (!isWord(nodes[overAt], 'OVER')) return undefined;
  const windowAt = nextSignificant(nodes, overAt + 1);
  return isGroup(nodes[windowAt]) || isWord(nodes[windowAt]) ? windowAt + 1 : undefined;
}

/** The values HASH_AGG hashes per row: its arguments, or every column for `*` / `t.*`. */
function hashedValues(args: SqlNode[][], translate: (nodes: SqlNode[]) => string): string {
  if (args.length === 1) {
    const nodes = significantNodes(args[0]);
    const last = nodes[nodes.length - 1];
    if (isPunct(last, '*') && (nodes.length === 1 || isPunct(nodes[nodes.length - 2], '.'))) return `*COLUMNS(${translate(args[0])})`;
  }
  return args.map(translate).join(', ');
}

/**
 * `HASH_AGG([DISTINCT] a, b …)`, `HASH_AGG(*)`, optionally with a window. Each row's hash (NULLs
 * hash too) is summed modulo 2^64, so the answer depends on the rows, not their order, and no rows
 * give 0, as Snowflake documents. The values cannot be Snowflake's: its hash function is its own
 * (HASH differs the same way), so only equality of two HASH_AGGs is meaningful.
 */
const hashAggRule: SequenceRule<HashAggMatch> = {
  kind: 'sequence',
  name: 'HASH_AGG',
  why: 'DuckDB has no HASH_AGG: an order-independent signed 64-bit hash of a group\'s rows (NULLs included, 0 for none); its values differ from Snowflake\'s, as HASH\'s do.',
  triggers: ['HASH_AGG'],
  match(nodes, index) {
    const call = matchCall(nodes, index, ['HASH_AGG']);
    if (!call) return undefined;
    // The window goes inside the rewrite, on the sum the answer is made of.
    const end = windowEnd(nodes, call.end);
    return end === undefined ? { call, end: call.end } : { call, window: trimTrivia(nodes.slice(call.end, end)), end };
  },
  rewrite({ call, window }, translator, context) {
    if (call.args.length === 0 || call.args[0].length === 0) translator.fail('HASH_AGG takes at least one argument (or *)', call.nameNode);
    const inner = { ...context, depth: context.depth + 1 };
    const first = significantNodes(call.argList.children)[0];
    const distinct = isWord(first, 'DISTINCT');
    const args = call.args.map((arg, i) => (i === 0 && distinct ? trimTrivia(arg.slice(arg.indexOf(first) + 1)) : arg));
    const values = hashedValues(args, (nodes) => translator.translateSequence(nodes, inner));
    const over = window ? ` ${translator.translateSequence(window, context)}` : '';
    const sum = `sum(${distinct ? 'DISTINCT ' : ''}CAST(hash(${values}) AS HUGEINT))${over}`;
    // (s + 2^63) mod 2^64 - 2^63 reads the unsigned 64-bit sum as a signed one.
    return `CAST((COALESCE(${sum}, 0) + ${TWO_TO_63}) % ${TWO_TO_64} - ${TWO_TO_63} AS BIGINT)`;
  },
};

export const bitAggregateRules: SequenceRule<SequenceMatch>[] = [
  functionRule({
    name: 'BITAND_AGG',
    why: "DuckDB calls them bit_and/bit_or/bit_xor; Snowflake's take any number (rounded to an integer) and its aliases (BIT_AND_AGG, BITANDAGG…).",
    functions: Object.keys(BIT_AGGREGATES),
    arity: [1, 1],
    rewrite: ([value], call) => `${BIT_AGGREGATES[call.name]}(CAST(${value} AS BIGINT))`,
  }),
  hashAggRule,
] as SequenceRule<SequenceMatch>[];
