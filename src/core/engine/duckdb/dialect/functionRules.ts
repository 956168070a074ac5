import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule } from './functionCall';
import { toCharWithFormat } from './toCharFormat';
import { arrayConstructSql } from './semiStructuredConstants';
import { macro } from './macros';
import { isTokenOf } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';

// Snowflake scalar functions DuckDB does not have, rewritten into plain SQL DuckDB runs.
// Operands are parenthesised where the rewrite puts them next to an operator, so that
// `DIV0(a + 1, b)` stays `(a + 1) / (b)`.

export const functionRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'IFF',
    why: 'DuckDB has no IFF; CASE is the portable form.',
    functions: ['IFF'],
    arity: [3, 3],
    rewrite: ([condition, whenTrue, whenFalse]) => `CASE WHEN ${condition} THEN ${whenTrue} ELSE ${whenFalse} END`,
  }),
  functionRule({
    name: 'NVL',
    why: 'DuckDB has no NVL.',
    functions: ['NVL'],
    arity: [2, 2],
    rewrite: ([value, fallback]) => `COALESCE(${value}, ${fallback})`,
  }),
  functionRule({
    name: 'NVL2',
    why: 'DuckDB has no NVL2.',
    functions: ['NVL2'],
    arity: [3, 3],
    rewrite: ([value, ifNotNull, ifNull]) => `CASE WHEN (${value}) IS NOT NULL THEN ${ifNotNull} ELSE ${ifNull} END`,
  }),
  functionRule({
    name: 'ZEROIFNULL',
    why: 'DuckDB has no ZEROIFNULL.',
    functions: ['ZEROIFNULL'],
    arity: [1, 1],
    rewrite: ([value]) => `COALESCE(${value}, 0)`,
  }),
  functionRule({
    name: 'DIV0',
    why: 'DuckDB has no DIV0 (divide, but 0 when the divisor is 0).',
    functions: ['DIV0'],
    arity: [2, 2],
    rewrite: ([dividend, divisor]) => `CASE WHEN (${divisor}) = 0 THEN 0 ELSE (${dividend}) / (${divisor}) END`,
  }),
  functionRule({
    name: 'CURRENT_TIMESTAMP()',
    why: 'DuckDB spells the current timestamp as the bare keyword, without parentheses.',
    functions: ['CURRENT_TIMESTAMP', 'SYSDATE', 'LOCALTIMESTAMP', 'GETDATE'],
    arity: [0, 1],
    // The function form: the bare keyword clashes with an output column of the same name.
    rewrite: () => 'get_current_timestamp()',
  }),
  functionRule({
    name: 'CURRENT_DATE()',
    why: 'DuckDB spells the current date as the bare keyword.',
    functions: ['CURRENT_DATE'],
    arity: [0, 0],
    rewrite: () => 'CURRENT_DATE',
  }),
  functionRule({
    name: 'CURRENT_TIME()',
    why: 'DuckDB spells the current time as the bare keyword.',
    functions: ['CURRENT_TIME', 'LOCALTIME'],
    arity: [0, 1],
    rewrite: () => 'CURRENT_TIME',
  }),
  functionRule({
    name: 'TO_VARCHAR',
    why: 'DuckDB has no TO_VARCHAR/TO_CHAR; a cast, strftime for a date format, or SQL compiled from a numeric format model.',
    functions: ['TO_VARCHAR', 'TO_CHAR'],
    arity: [1, 2],
    rewrite([value, format], call, translator) {
      // BINARY_OUTPUT_FORMAT (HEX) for a BINARY, a VARIANT string without its quotes.
      if (format === undefined) return `${macro('to_char')}(${value})`;
      const formatNode = call.args[1][0];
      if (call.args[1].length !== 1 || !isTokenOf(formatNode, 'string')) {
        return translator.fail(`${call.name} needs its format as a string literal in Snowpark Local`, formatNode);
      }
      const formatText = unquoteStringLiteral(formatNode.token.text);
      const translated = toCharWithFormat(value, formatText);
      if ('unsupported' in translated) {
        return translator.fail(`${call.name} format '${formatText}' is not supported in Snowpark Local: ${translated.unsupported}.`, formatNode);
      }
      return translated.sql;
    },
  }),
  functionRule({
    name: 'ARRAY_CONSTRUCT',
    why: 'Snowflake ARRAY is DuckDB JSON; json_array builds one from values.',
    functions: ['ARRAY_CONSTRUCT'],
    arity: [0, Number.MAX_SAFE_INTEGER],
    rewrite: arrayConstructSql,
  }),
];
