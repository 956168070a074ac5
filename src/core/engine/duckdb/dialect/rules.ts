import { deferredRules } from './deferredRules';
import { functionRules } from './functionRules';
import { keywordRules } from './keywordRules';
import { outputColumnNamesRule } from './outputColumnNames';
import { AnySequenceRule, DialectRule } from './ruleTypes';
import { RuleSet } from './translator';
import { typePositionRules } from './typePositionRules';
import { typeRules } from './typeRules';

// The whole Snowflake → DuckDB dialect, in one table. Order matters only among sequence
// rules: deferred calls first (their arguments must stay constants, untranslated), then
// the places types are written, then functions and keywords.

const sequenceRules: AnySequenceRule[] = [...deferredRules, ...typePositionRules, ...functionRules, ...keywordRules];

export const ruleSet: RuleSet = {
  statement: [outputColumnNamesRule],
  sequence: sequenceRules,
  type: typeRules,
};

/** Every rule, for documentation and for the test that checks each one has a test. */
export const dialectRules: readonly DialectRule[] = [...ruleSet.statement, ...ruleSet.sequence, ...ruleSet.type];
