import { isTokenOf } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, matchCall, renameRule } from './functionCall';
import { macro } from './macros';
import { numberConversionRules } from './numberConversionRules';
import { namedArguments } from './tableCallMatch';

// Snowflake numeric and conversion functions DuckDB lacks or spells differently.

const INT64_MAX = '9223372036854775807';

/** Snowflake's bitwise functions on integers; BIGINT operands, as DuckDB has no `&` on DECIMAL. */
const bigint = (x: string): string => `CAST(${x} AS BIGINT)`;
const BITWISE_OPERATORS: Record<string, string> = { BITAND: '&', BITOR: '|', BITSHIFTLEFT: '<<', BITSHIFTRIGHT: '>>' };

const ROUND_ARGUMENTS = ['EXPR', 'SCALE', 'ROUNDING_MODE'];

/**
 * ROUND(expr [, scale [, 'mode']]), also by name. DuckDB's own round serves the common case; a
 * scale that is no integer literal goes through round_at (DuckDB needs it constant on a DECIMAL
 * and INTEGER-typed on a DOUBLE), and HALF_TO_EVEN through round_half_even.
 */
const roundRule: SequenceRule<CallMatch> = {
  kind: 'sequence',
  name: 'ROUND',
  why: "Snowflake ROUND takes a rounding_mode ('HALF_TO_EVEN'), named arguments and a scale from a column; DuckDB's does not.",
  triggers: ['ROUND'],
  match: (nodes, index) => matchCall(nodes, index, ['ROUND']),
  rewrite(call, translator, context) {
    const args = namedArguments(call, ROUND_ARGUMENTS, translator, context);
    const unknown = Object.keys(args).find((name) => !ROUND_ARGUMENTS.includes(name));
    if (unknown) translator.fail(`ROUND has no argument ${unknown} (it takes EXPR, SCALE and ROUNDING_MODE)`, call.nameNode);
    if (!args.EXPR) return translator.fail('ROUND needs EXPR => …', call.nameNode);
    if (!args.SCALE) return args.ROUNDING_MODE ? translator.fail('ROUND needs a SCALE before its ROUNDING_MODE', call.nameNode) : `round(${args.EXPR.sql})`;
    const constantScale = /^[-+]?\d+$/.test(args.SCALE.sql);
    const round = (name: string, value: string): string => `${name}(${value}, ${args.SCALE.sql})`;
    if (!args.ROUNDING_MODE) return round(constantScale ? 'round' : macro('round_at'), args.EXPR.sql);
    const modeNode = args.ROUNDING_MODE.nodes[0];
    const mode = args.ROUNDING_MODE.nodes.length === 1 && isTokenOf(modeNode, 'string') ? unquoteStringLiteral(modeNode.token.text).toUpperCase() : undefined;
    const value = `${macro('fixed_point')}(${args.EXPR.sql})`;
    if (mode === 'HALF_AWAY_FROM_ZERO') return round(constantScale ? 'round' : macro('round_at'), value);
    if (mode === 'HALF_TO_EVEN') return round(macro(constantScale ? 'round_half_even' : 'round_half_even_at'), value);
    return translator.fail("ROUND's rounding_mode must be 'HALF_AWAY_FROM_ZERO' or 'HALF_TO_EVEN'", modeNode);
  },
};

export const numericRules: SequenceRule<CallMatch>[] = [
  roundRule,
  ...numberConversionRules,
  functionRule({ name: 'NEGATE', why: 'DuckDB has no NEGATE; it is unary minus.', functions: ['NEGATE'], arity: [1, 1], rewrite: ([x]) => `(-(${x}))` }),
  functionRule({
    name: 'BITAND',
    why: 'DuckDB writes bitwise AND/OR/shifts as operators (&, |, <<, >>) and XOR as xor().',
    functions: ['BITAND', 'BITOR', 'BITXOR', 'BITSHIFTLEFT', 'BITSHIFTRIGHT'],
    arity: [2, 2],
    rewrite: ([a, b], call) => (call.name === 'BITXOR' ? `xor(${bigint(a)}, ${bigint(b)})` : `(${bigint(a)} ${BITWISE_OPERATORS[call.name]} ${bigint(b)})`),
  }),
  functionRule({ name: 'BITNOT', why: 'DuckDB writes bitwise NOT as the ~ operator.', functions: ['BITNOT'], arity: [1, 1], rewrite: ([x]) => `(~${bigint(x)})` }),
  functionRule({
    name: 'FLOOR/CEIL(x, scale)',
    why: 'Snowflake FLOOR/CEIL take a scale; DuckDB takes none.',
    functions: ['FLOOR', 'CEIL', 'CEILING'],
    arity: [1, 2],
    rewrite: ([value, scale], call) => (scale === undefined ? `${call.name === 'FLOOR' ? 'floor' : 'ceil'}(${value})` : `${macro(call.name === 'FLOOR' ? 'floor_scale' : 'ceil_scale')}(${value}, ${scale})`),
  }),
  functionRule({ name: 'SQUARE', why: 'DuckDB has no SQUARE.', functions: ['SQUARE'], arity: [1, 1], rewrite: ([x]) => `pow(${x}, 2)` }),
  functionRule({
    name: 'UNIFORM',
    why: 'DuckDB has no UNIFORM; the generator value is hashed into [min, max], integer when both bounds are.',
    functions: ['UNIFORM'],
    arity: [3, 3],
    rewrite: (args) => `${macro('uniform')}(${args.join(', ')})`,
  }),
  functionRule({
    name: 'RANDOM',
    why: 'Snowflake RANDOM is a signed 64-bit integer; DuckDB random() a double in [0, 1).',
    functions: ['RANDOM'],
    arity: [0, 1],
    rewrite: () => `CAST((random() * 2 - 1) * ${INT64_MAX}.0 * 0.999999 AS BIGINT)`,
  }),
  functionRule({ name: 'TO_DOUBLE', why: 'DuckDB has no TO_DOUBLE.', functions: ['TO_DOUBLE'], arity: [1, 1], rewrite: ([x]) => `CAST(${x} AS DOUBLE)` }),
  functionRule({
    name: 'TRY_TO_DOUBLE',
    why: 'DuckDB has no TRY_TO_DOUBLE.',
    functions: ['TRY_TO_DOUBLE'],
    arity: [1, 1],
    rewrite: ([value]) => `TRY_CAST(${value} AS DOUBLE)`,
  }),
  renameRule({ name: 'TO_BOOLEAN', why: "Snowflake accepts 'yes', 'on', 't', numbers…; errors on the rest.", functions: ['TO_BOOLEAN'], arity: [1, 1], to: macro('to_boolean') }),
  renameRule({ name: 'TRY_TO_BOOLEAN', why: 'TO_BOOLEAN with NULL instead of an error.', functions: ['TRY_TO_BOOLEAN'], arity: [1, 1], to: macro('try_to_boolean') }),
  functionRule({
    name: 'TO_BINARY',
    why: 'DuckDB has no TO_BINARY; Snowflake reads HEX by default, or BASE64 / UTF-8. TRY_TO_BINARY gives NULL for text that does not decode.',
    functions: ['TO_BINARY', 'TRY_TO_BINARY'],
    arity: [1, 2],
    rewrite([value, format], call) {
      const kind = (format ?? "'HEX'").replace(/'/g, '').toUpperCase();
      const tried = call.name === 'TRY_TO_BINARY';
      if (kind === 'UTF-8' || kind === 'UTF8') return `encode(${value})`;
      if (kind === 'BASE64') return tried ? `TRY(from_base64(${value}))` : `from_base64(${value})`;
      // DuckDB's unhex reads an odd digit count as if a 0 led it; Snowflake's HEX does not decode it.
      return tried ? `CASE WHEN length(${value}) % 2 = 0 THEN TRY(unhex(${value})) END` : `unhex(${value})`;
    },
  }),
  functionRule({
    name: 'UUID_STRING',
    why: 'DuckDB calls it uuid() and returns a UUID, not text; with a namespace and a name it is a version-5 UUID (uuidMacros.ts).',
    functions: ['UUID_STRING'],
    arity: [0, 2],
    rewrite: (args, call, translator) => {
      if (args.length === 1) return translator.fail('UUID_STRING takes 0 or 2 arguments (got 1)', call.nameNode);
      return args.length === 2 ? `${macro('uuid_v5')}(CAST(${args[0]} AS VARCHAR), ${args[1]})` : 'CAST(uuid() AS VARCHAR)';
    },
  }),
  functionRule({
    name: 'HASH',
    why: 'Snowflake HASH is a signed 64-bit integer; DuckDB hash() unsigned (values differ from Snowflake’s).',
    functions: ['HASH'],
    arity: [1, Number.MAX_SAFE_INTEGER],
    rewrite: (args) => `CAST(CAST(hash(${args.join(', ')}) AS HUGEINT) - ${INT64_MAX} - 1 AS BIGINT)`,
  }),
  functionRule({
    name: 'DIV0NULL',
    why: 'DuckDB has no DIV0NULL (divide, but 0 when the divisor is 0 or NULL).',
    functions: ['DIV0NULL'],
    arity: [2, 2],
    rewrite: ([dividend, divisor]) => `CASE WHEN (${divisor}) = 0 OR (${divisor}) IS NULL THEN 0 ELSE (${dividend}) / (${divisor}) END`,
  }),
];
