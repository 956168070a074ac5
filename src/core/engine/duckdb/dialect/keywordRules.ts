import { isGroup, isPunct, isTrivia, isWord, nextSignificant, previousSignificant } from '../../../sql/nodes';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Single keywords Snowflake accepts and DuckDB does not.

const transientTableRule: SequenceRule<SequenceMatch> = {
  kind: 'sequence',
  name: 'TRANSIENT TABLE',
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

const bareLocalTimestampRule: SequenceRule<SequenceMatch> = {
  kind: 'sequence',
  name: 'LOCALTIMESTAMP',
  why: 'Snowflake reserves LOCALTIMESTAMP as the current timestamp; DuckDB does not know the word.',
  match(nodes, index) {
    if (!isWord(nodes[index], 'LOCALTIMESTAMP')) return undefined;
    if (isGroup(nodes[nextSignificant(nodes, index + 1)])) return undefined; // the function form has its own rule
    if (isPunct(nodes[previousSignificant(nodes, index - 1)], '.')) return undefined;
    return { end: index + 1 };
  },
  rewrite: () => 'CURRENT_TIMESTAMP',
};

export const keywordRules: SequenceRule<SequenceMatch>[] = [transientTableRule, bareLocalTimestampRule];
