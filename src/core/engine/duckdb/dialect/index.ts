// Snowflake SQL → DuckDB SQL. The engine imports from here and nowhere deeper.
export { translateToDuckDb, fillDeferred } from './translateToDuckDb';
export { DeferredCall, DeferredFunction, Translation } from './translation';
export { DialectError } from './dialectError';
export { dialectRules } from './rules';
export { DialectRule } from './ruleTypes';
export { translateDateFormat, DATE_FORMAT_ELEMENTS } from './dateFormat';
export { MACRO_CATALOG, macroDefinitionsSql, macrosCalledBy, SNOWFLAKE_MACROS } from './macros';
export { TOO_LONG } from './typeMacros';
