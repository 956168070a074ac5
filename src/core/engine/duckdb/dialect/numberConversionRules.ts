import { isTokenOf } from '../../../sql/nodes';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule } from './functionCall';
import { macro } from './macros';
import { compileNumberFormat } from './numberFormat';
import { Translator } from './translator';

// TO_NUMBER / TO_DECIMAL / TO_NUMERIC and their TRY_ forms:
// `( expr [, '<format>'] [, precision [, scale]] )`, NUMBER(38, 0) by default.

interface DecimalArguments {
  value: string;
  type: string;
  /** The format model's text, when one is given. */
  format?: string;
}

function decimalArguments(args: string[], call: CallMatch, translator: Translator): DecimalArguments {
  const formatNode = call.args[1]?.length === 1 ? call.args[1][0] : undefined;
  const format = isTokenOf(formatNode, 'string') ? unquoteStringLiteral(formatNode.token.text) : undefined;
  const [value, ...typeArgs] = format === undefined ? args : [args[0], ...args.slice(2)];
  if (typeArgs.length > 2) translator.fail(`${call.name} takes an expression, a format, a precision and a scale at most`, call.nameNode);
  const [precision = '38', scale = '0'] = typeArgs;
  return { value, format, type: `DECIMAL(${precision},${scale})` };
}

/** The format model as number text ('-3741.72') DuckDB casts, or NULL where the input does not match it. */
function formattedNumberText(value: string, format: string, call: CallMatch, translator: Translator): string {
  const compiled = compileNumberFormat(format);
  if ('unsupported' in compiled) return translator.fail(`${call.name} format '${format}' cannot be used: ${compiled.unsupported}`, call.args[1][0]);
  const text = `CAST(${value} AS VARCHAR)`;
  const alternatives = compiled.patterns.map(
    (pattern) => `${macro('number_text')}(${text}, ${quoteStringLiteral(pattern.regex)}, [${pattern.groups.map((g) => `'${g}'`).join(', ')}], ${pattern.hex})`,
  );
  return alternatives.length === 1 ? alternatives[0] : `COALESCE(${alternatives.join(', ')})`;
}

export const numberConversionRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'TO_NUMBER',
    why: "DuckDB has no TO_NUMBER/TO_DECIMAL/TO_NUMERIC: a cast to NUMBER(p, s) (default 38, 0) with Snowflake's errors, or a format model matched as a pattern.",
    functions: ['TO_NUMBER', 'TO_DECIMAL', 'TO_NUMERIC'],
    arity: [1, 4],
    rewrite(args, call, translator) {
      const { value, type, format } = decimalArguments(args, call, translator);
      if (format === undefined) return `${macro('decimal_or_error')}(TRY_CAST(${value} AS ${type}), ${value})`;
      const text = formattedNumberText(value, format, call, translator);
      return `${macro('formatted_decimal_or_error')}(TRY_CAST(${text} AS ${type}), ${text}, ${value}, ${quoteStringLiteral(format)})`;
    },
  }),
  functionRule({
    name: 'TRY_TO_NUMBER',
    why: 'DuckDB has no TRY_TO_NUMBER; a TRY_CAST to NUMBER(p, s) (default 38, 0), of the text a format model matched when one is given.',
    functions: ['TRY_TO_NUMBER', 'TRY_TO_DECIMAL', 'TRY_TO_NUMERIC'],
    arity: [1, 4],
    rewrite(args, call, translator) {
      const { value, type, format } = decimalArguments(args, call, translator);
      return `TRY_CAST(${format === undefined ? value : formattedNumberText(value, format, call, translator)} AS ${type})`;
    },
  }),
];
