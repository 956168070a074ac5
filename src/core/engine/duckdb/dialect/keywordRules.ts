import { isGroup, isPunct, isTokenOf, isTrivia, isWord, nextSignificant, previousSignificant } from '../../../sql/nodes';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Single keywords Snowflake accepts and DuckDB does not.

const transientTableRule: SequenceRule<SequenceMatch> = {
  kind: 'sequence',
  name: 'TRANSIENT TABLE',
  triggers: ['TRANSIENT'],
  why: 'Transient only changes Snowflake Fail-safe retention; DuckDB has no such keyword.',
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'CREATE' || !isWord(nodes[index], 'TRANSIENT')) return undefined;
    if (!isWord(nodes[nextSignificant(nodes, index + 1)], 'TABLE', 'SCHEMA')) return undefined;
    let end = index + 1;
    while (end < nodes.length && isTrivia(nodes[end])) end++; // drop the space after it too
    return { end };
  },
  rewrite: () => '',
};

const viewKindRule: SequenceRule<SequenceMatch> = {
  kind: 'sequence',
  name: 'SECURE / MATERIALIZED VIEW',
  triggers: ['SECURE', 'MATERIALIZED'],
  why: "A secure view hides its definition from other roles and a materialized view is kept computed by Snowflake; both answer as a plain view, and DuckDB has neither keyword.",
  match(nodes, index, context) {
    if (context.depth !== 0 || context.statementKeyword !== 'CREATE' || !isWord(nodes[index], 'SECURE', 'MATERIALIZED')) return undefined;
    const next = nextSignificant(nodes, index + 1);
    // CREATE SECURE MATERIALIZED VIEW: both words go.
    if (!isWord(nodes[next], 'VIEW') && !(isWord(nodes[index], 'SECURE') && isWord(nodes[next], 'MATERIALIZED'))) return undefined;
    let end = index + 1;
    while (end < nodes.length && isTrivia(nodes[end])) end++;
    return { end };
  },
  rewrite: () => '',
};

const bareLocalTimestampRule: SequenceRule<SequenceMatch> = {
  kind: 'sequence',
  name: 'LOCALTIMESTAMP',
  triggers: ['LOCALTIMESTAMP'],
  why: 'Snowflake reserves LOCALTIMESTAMP as the current timestamp; DuckDB does not know the word.',
  match(nodes, index) {
    if (!isWord(nodes[index], 'LOCALTIMESTAMP')) return undefined;
    if (isGroup(nodes[nextSignificant(nodes, index + 1)])) return undefined; // the function form has its own rule
    if (isPunct(nodes[previousSignificant(nodes, index - 1)], '.')) return undefined;
    return { end: index + 1 };
  },
  rewrite: () => 'CURRENT_TIMESTAMP',
};

interface BinaryLiteralMatch extends SequenceMatch {
  hex: string;
}

const binaryLiteralRule: SequenceRule<BinaryLiteralMatch> = {
  kind: 'sequence',
  name: "X'hex' binary literal",
  triggers: ['X'],
  why: "Snowflake reads X'6162' as BINARY; DuckDB reads it as the text x6162. Snowpark writes bytes this way.",
  match(nodes, index) {
    const prefix = nodes[index];
    const literal = nodes[index + 1]; // no space allowed between X and the quote
    if (!isWord(prefix, 'X') || !isTokenOf(literal, 'string') || !/^'[0-9a-fA-F]*'$/.test(literal.token.text)) return undefined;
    return { end: index + 2, hex: literal.token.text };
  },
  rewrite: (match) => `from_hex(${match.hex})`,
};

export const keywordRules: SequenceRule<SequenceMatch>[] = [transientTableRule, viewKindRule, bareLocalTimestampRule, binaryLiteralRule];
