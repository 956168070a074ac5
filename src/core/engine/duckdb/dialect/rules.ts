import { deferredRules } from './deferredRules';
import { deferredVariantCastRule } from './deferredVariantCast';
import { functionRules } from './functionRules';
import { keywordRules } from './keywordRules';
import { sampleRules } from './sampleRules';
import { windowFrameRules } from './windowFrameRules';
import { windowEventRules } from './windowEventRules';
import { windowOrderRequiredRule } from './windowOrderRequired';
import { tableCopyRules } from './tableCopyRules';
import { tableOptionsRule } from './tableOptionRules';
import { alterTableOptionsRule } from './alterTableOptions';
import { alterTableSwapRule } from './alterTableSwap';
import { timeTravelRule, unsupportedStatementsRule } from './unsupportedFeatures';
import { aggregateRules } from './aggregateRules';
import { conditionalRules } from './conditionalRules';
import { dateRules } from './dateRules';
import { numericRules } from './numericRules';
import { operatorRules } from './operatorRules';
import { semiStructuredRules } from './semiStructuredRules';
import { regexpRules } from './regexpRules';
import { textRules } from './textRules';
import { timeSliceRules } from './timeSliceRules';
import { bitAggregateRules } from './bitAggregateRules';
import { mathRules } from './mathRules';
import { objectPickRules } from './objectPickRules';
import { mapRules } from './mapRules';
import { arrayRules } from './arrayRules';
import { stringRules } from './stringRules';
import { tableFunctionRules } from './tableFunctionRules';
import { userTableFunctionRule } from './userTableFunctionRule';
import { objectConstantWildcardRule } from './objectWildcard';
import { outputColumnNamesRule } from './outputColumnNames';
import { AnySequenceRule, DialectRule } from './ruleTypes';
import { RuleSet } from './translator';
import { RuleIndex } from './ruleIndex';
import { typePositionRules } from './typePositionRules';
import { typeRules } from './typeRules';
import { valuesRules } from './valuesRules';
import { sequenceObjectRules } from './sequenceRules';
import { currentTimeKeywordRule } from './currentTimeRules';
import { asofJoinRule } from './asofJoinRule';
import { connectByRules } from './connectByRule';
import { queryHistoryRules } from './queryHistoryRule';

// The whole Snowflake → DuckDB dialect, in one table. Order matters only among sequence
// rules: deferred calls first (their arguments must stay constants, untranslated), then
// operators and postfix paths (they wrap whole operands, calls included), table functions,
// the places types are written, then functions and keywords.

const sequenceRules: AnySequenceRule[] = [
  deferredVariantCastRule,
  ...deferredRules,
  ...queryHistoryRules,
  windowOrderRequiredRule,
  ...windowFrameRules,
  ...windowEventRules,
  ...tableCopyRules,
  tableOptionsRule,
  timeTravelRule,
  ...operatorRules,
  ...tableFunctionRules,
  userTableFunctionRule,
  objectConstantWildcardRule,
  ...valuesRules,
  ...sequenceObjectRules,
  ...typePositionRules,
  ...functionRules,
  ...conditionalRules,
  ...stringRules,
  ...dateRules,
  ...numericRules,
  ...aggregateRules,
  ...semiStructuredRules,
  ...regexpRules,
  ...textRules,
  ...timeSliceRules,
  ...bitAggregateRules,
  ...mathRules,
  ...objectPickRules,
  ...mapRules,
  ...arrayRules,
  ...keywordRules,
  currentTimeKeywordRule,
  ...sampleRules,
  asofJoinRule,
  ...connectByRules,
];

export const ruleSet: RuleSet = {
  statement: [unsupportedStatementsRule, alterTableSwapRule, alterTableOptionsRule, outputColumnNamesRule],
  sequence: new RuleIndex(sequenceRules),
  type: typeRules,
};

/** Every rule, for documentation and for the test that checks each one has a test. */
export const dialectRules: readonly DialectRule[] = [...ruleSet.statement, ...sequenceRules, ...ruleSet.type];
