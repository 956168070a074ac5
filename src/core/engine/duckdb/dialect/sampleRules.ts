import { isGroup, isTokenOf, isWord, nextSignificant, nodesText, previousSignificant, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Snowflake's `SAMPLE | TABLESAMPLE [method] ( p | n ROWS ) [SEED | REPEATABLE (s)]` after a FROM
// item (docs: sql-reference/constructs/sample). DuckDB spells it `TABLESAMPLE method(p%)` or
// `reservoir(n ROWS)` with `REPEATABLE (s)`; its Bernoulli sampler takes no row count.

const METHODS: Record<string, string> = { BERNOULLI: 'bernoulli', ROW: 'bernoulli', SYSTEM: 'system', BLOCK: 'system' };

/** Words a SAMPLE keyword cannot follow when it samples a FROM item. */
const NOT_FROM_ITEMS = ['SELECT', 'DISTINCT', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'BY', 'HAVING', 'QUALIFY', 'WHEN', 'THEN', 'ELSE', 'IN', 'IS', 'LIKE', 'RETURN'];

interface SampleMatch extends SequenceMatch {
  method: string;
  size: SqlNode[];
  rows: boolean;
  seed?: SqlNode[];
}

const sampleClauseRule: SequenceRule<SampleMatch> = {
  kind: 'sequence',
  name: 'SAMPLE clause',
  why: 'Snowflake SAMPLE (p) is a percentage and SAMPLE (n ROWS) a row count; DuckDB needs TABLESAMPLE with a % or ROWS and its own method names.',
  triggers: ['SAMPLE', 'TABLESAMPLE'],
  match(nodes, index) {
    if (!isWord(nodes[index], 'SAMPLE', 'TABLESAMPLE')) return undefined;
    // After a FROM item: a name, a quoted name or a parenthesised subquery, or at the start of
    // the text after a subquery another rule translated apart. Not a call `sample(x)` in a select
    // list or after an operator, nor `x.sample(…)`.
    const before = nodes[previousSignificant(nodes, index - 1)];
    if (before !== undefined && !isTokenOf(before, 'quotedIdent') && !isGroup(before) && !(isTokenOf(before, 'word') && !isWord(before, ...NOT_FROM_ITEMS))) return undefined;
    let at = nextSignificant(nodes, index + 1);
    let method = 'bernoulli';
    const methodNode = nodes[at];
    if (isWord(methodNode, ...Object.keys(METHODS))) {
      method = METHODS[methodNode.token.text.toUpperCase()];
      at = nextSignificant(nodes, at + 1);
    }
    const group = nodes[at];
    if (!isGroup(group)) return undefined;
    const inside = significantNodes(group.children);
    const rows = isWord(inside[inside.length - 1], 'ROWS');
    const size = rows ? inside.slice(0, -1) : inside;
    let end = at + 1;
    let seed: SqlNode[] | undefined;
    const seedAt = nextSignificant(nodes, end);
    const seedGroupAt = nextSignificant(nodes, seedAt + 1);
    const seedGroup = nodes[seedGroupAt];
    if (isWord(nodes[seedAt], 'SEED', 'REPEATABLE') && isGroup(seedGroup)) {
      seed = significantNodes(seedGroup.children);
      end = seedGroupAt + 1;
    }
    // Snowflake takes a literal probability or row count only.
    if (size.length !== 1 || !isTokenOf(size[0], 'number')) return undefined;
    return { method, size, rows, seed, end };
  },
  rewrite(match, translator, context) {
    const size = translator.translateSequence(match.size, context);
    if (match.rows && match.method === 'system') translator.fail('SYSTEM | BLOCK sampling does not support a fixed number of rows', match.size[0]);
    const sampler = match.rows ? `reservoir(${size} ROWS)` : `${match.method}(${size}%)`;
    return `TABLESAMPLE ${sampler}${match.seed ? ` REPEATABLE (${nodesText(match.seed)})` : ''}`;
  },
};

export const sampleRules: SequenceRule<SequenceMatch>[] = [sampleClauseRule] as SequenceRule<SequenceMatch>[];
