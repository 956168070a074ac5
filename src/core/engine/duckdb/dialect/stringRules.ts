import { isTokenOf, isWord, trimTrivia } from '../../../sql/nodes';
import { unquoteStringLiteral } from '../../../sql/literals';
import { AnySequenceRule, SequenceContext } from './ruleTypes';
import { CallMatch, functionRule, renameRule } from './functionCall';
import { collationRules } from './collationRules';
import { macro } from './macros';
import { Translator } from './translator';
import { regexParametersAt } from './regexParameters';

// Snowflake string functions DuckDB lacks, names differently, or answers differently.

/** A constant string argument's value, or undefined when it is not a plain literal. */
function literalValue(call: CallMatch, index: number): string | undefined {
  const arg = call.args[index];
  return arg?.length === 1 && isTokenOf(arg[0], 'string') ? unquoteStringLiteral(arg[0].token.text) : undefined;
}

/** Snowflake regex parameters → DuckDB options; `e` (extract a group) is handled by the caller. */
function regexOptions(params: string | undefined): string {
  return `'${(params ?? '').replace(/[^cimsn]/g, '')}'`;
}

/**
 * Snowflake regex parameters as an RE2 inline flag group to put before the pattern: of `c` and
 * `i` the last one wins, `m` is multi-line `^`/`$`, `s` lets `.` match a newline, and `e` is no
 * matching flag. DuckDB's own option letters differ (its `m` is not multi-line mode) and must be
 * constants, so the flags travel in the pattern. Undefined when the parameters are NULL (the
 * call is then NULL).
 */
function regexFlagGroup(call: CallMatch, index: number, translator: Translator): string | undefined {
  return regexParametersAt(call, index, translator)?.flags;
}

/** `POSITION(a IN b)`'s two operands, translated; a single operand when there is no top-level IN. */
function positionInOperands(call: CallMatch, translator: Translator, context: SequenceContext): string[] {
  const nodes = call.args[0];
  const at = nodes.findIndex((node) => isWord(node, 'IN'));
  const inner = { ...context, depth: context.depth + 1 };
  if (at < 0) return [translator.translateSequence(nodes, inner)];
  return [nodes.slice(0, at), nodes.slice(at + 1)].map((side) => translator.translateSequence(trimTrivia(side), inner));
}

export const stringRules: AnySequenceRule[] = [
  functionRule({
    name: 'CONCAT',
    why: 'Snowflake CONCAT is NULL when any argument is NULL (as `||` is); DuckDB CONCAT skips NULLs.',
    functions: ['CONCAT'],
    arity: [1, Number.MAX_SAFE_INTEGER],
    rewrite: (args) => `(${args.map((a) => `CAST(${a} AS VARCHAR)`).join(' || ')})`,
  }),
  functionRule({
    name: 'CONCAT_WS',
    why: 'Snowflake CONCAT_WS is NULL when any argument is NULL; DuckDB skips NULLs.',
    functions: ['CONCAT_WS'],
    arity: [2, Number.MAX_SAFE_INTEGER],
    rewrite: ([separator, ...items]) => `(${items.map((a) => `CAST(${a} AS VARCHAR)`).join(` || (${separator}) || `)})`,
  }),
  renameRule({ name: 'SUBSTR', why: 'Snowflake SUBSTR reads start 0 as 1 and a negative length as empty.', functions: ['SUBSTR', 'SUBSTRING'], arity: [2, 3], to: macro('substr') }),
  renameRule({ name: 'SPLIT', why: 'Snowflake SPLIT returns an ARRAY (JSON here), DuckDB a list.', functions: ['SPLIT'], arity: [2, 2], to: macro('split') }),
  renameRule({ name: 'SPLIT_PART', why: 'Part 0 is part 1, and an empty delimiter does not split.', functions: ['SPLIT_PART'], arity: [3, 3], to: macro('split_part') }),
  renameRule({ name: 'STRTOK', why: 'DuckDB has no STRTOK.', functions: ['STRTOK'], arity: [1, 3], to: macro('strtok') }),
  renameRule({ name: 'PARSE_URL', why: "DuckDB has no PARSE_URL; a macro (urlMacros.ts) reads the URL's parts into an OBJECT.", functions: ['PARSE_URL'], arity: [1, 2], to: macro('parse_url') }),
  functionRule({
    name: 'REPLACE',
    why: 'Snowflake REPLACE without a replacement removes the text; DuckDB needs three arguments.',
    functions: ['REPLACE'],
    arity: [2, 3],
    rewrite: ([s, from, to]) => `replace(${s}, ${from}, ${to ?? "''"})`,
  }),
  functionRule({
    name: 'REGEXP_REPLACE',
    why: "Snowflake replaces every match by default (occurrence 0) or only the n-th; DuckDB the first, or all with 'g'.",
    functions: ['REGEXP_REPLACE'],
    arity: [2, 6],
    rewrite([s, pattern, replacement = "''", position = '1', occurrence = '0'], call, translator) {
      const flags = regexFlagGroup(call, 5, translator);
      if (flags === undefined) return 'CAST(NULL AS VARCHAR)';
      return `${macro('regexp_replace_nth')}(CAST(${s} AS VARCHAR), ${pattern}, ${replacement}, ${position}, ${occurrence}, '${flags}')`;
    },
  }),
  functionRule({
    name: 'REGEXP_COUNT',
    why: 'DuckDB has no REGEXP_COUNT.',
    functions: ['REGEXP_COUNT'],
    arity: [2, 4],
    // DuckDB needs regex options as constants, so this is inlined rather than a macro.
    rewrite: ([s, p, pos = '1'], call) => `len(regexp_extract_all(substr(${s}, ${pos}), ${p}, 0, ${regexOptions(literalValue(call, 3))}))`,
  }),
  functionRule({
    name: 'REGEXP_SUBSTR',
    why: 'DuckDB has no REGEXP_SUBSTR (n-th match from a position, optional group).',
    functions: ['REGEXP_SUBSTR'],
    arity: [2, 6],
    rewrite([s, p, pos = '1', occ = '1', , group], call) {
      const params = literalValue(call, 4);
      const chosen = group ?? (params?.includes('e') ? '1' : '0');
      return `regexp_extract_all(substr(${s}, ${pos}), ${p}, ${chosen}, ${regexOptions(params)})[${occ}]`;
    },
  }),
  functionRule({
    name: 'REGEXP_LIKE',
    why: 'Snowflake REGEXP_LIKE/RLIKE must match the whole string; DuckDB regexp_matches finds a substring.',
    functions: ['REGEXP_LIKE', 'RLIKE'],
    arity: [2, 3],
    rewrite: ([s, p], call) => `regexp_full_match(${s}, ${p}, ${regexOptions(literalValue(call, 2))})`,
  }),
  renameRule({ name: 'LPAD', why: "Snowflake's pad text defaults to a space; DuckDB requires it.", functions: ['LPAD'], arity: [2, 3], to: 'lpad', defaults: ["' '"] }),
  renameRule({ name: 'RPAD', why: "Snowflake's pad text defaults to a space; DuckDB requires it.", functions: ['RPAD'], arity: [2, 3], to: 'rpad', defaults: ["' '"] }),
  renameRule({ name: 'INITCAP', why: 'DuckDB has no INITCAP.', functions: ['INITCAP'], arity: [1, 2], to: macro('initcap') }),
  renameRule({ name: 'REVERSE', why: 'Snowflake REVERSE reads any value as text (a DATE too) and reverses BINARY by bytes.', functions: ['REVERSE'], arity: [1, 1], to: macro('reverse') }),
  renameRule({ name: 'LENGTH', why: "Bytes of a BINARY, characters of any other value's text; DuckDB's length takes neither a BLOB nor a number.", functions: ['LENGTH', 'LEN'], arity: [1, 1], to: macro('length') }),
  renameRule({ name: 'OCTET_LENGTH', why: "Bytes of a BINARY, or of a text's UTF-8; DuckDB's octet_length takes BLOB only.", functions: ['OCTET_LENGTH'], arity: [1, 1], to: macro('octet_length') }),
  renameRule({ name: 'BIT_LENGTH', why: "Snowflake's is 8 × OCTET_LENGTH, of a BINARY too; DuckDB's bit_length takes text or BIT only.", functions: ['BIT_LENGTH'], arity: [1, 1], to: macro('bit_length') }),
  renameRule({ name: 'STARTSWITH', why: 'DuckDB spells it starts_with.', functions: ['STARTSWITH'], arity: [2, 2], to: 'starts_with' }),
  renameRule({ name: 'ENDSWITH', why: 'DuckDB spells it ends_with.', functions: ['ENDSWITH'], arity: [2, 2], to: 'ends_with' }),
  functionRule({
    name: 'CHARINDEX',
    why: 'Snowflake CHARINDEX/POSITION take an optional start position; DuckDB position does not.',
    functions: ['CHARINDEX', 'POSITION'],
    arity: [1, 3],
    rewrite(args, call, translator, context) {
      // POSITION(a IN b) goes through the same macro: DuckDB's position() has no BINARY form.
      const operands = args.length === 1 && call.name === 'POSITION' ? positionInOperands(call, translator, context) : args;
      if (operands.length < 2) translator.fail(`${call.name} takes 2 or 3 arguments`, call.nameNode);
      return `${macro('charindex')}(${operands.join(', ')})`;
    },
  }),
  functionRule({
    name: 'SHA2',
    why: 'Snowflake SHA2 defaults to 256 bits; DuckDB has sha256 only.',
    functions: ['SHA2', 'SHA2_HEX'],
    arity: [1, 2],
    rewrite([value, bits], call, translator) {
      if (bits !== undefined && bits !== '256') translator.fail(`${call.name} with ${bits} bits is not supported in Snowpark Local (256 is)`, call.args[1][0]);
      return `sha256(CAST(${value} AS VARCHAR))`;
    },
  }),
  renameRule({ name: 'SHA1', why: 'Snowflake SHA1_HEX is DuckDB sha1.', functions: ['SHA1', 'SHA1_HEX'], arity: [1, 1], to: 'sha1' }),
  renameRule({ name: 'MD5', why: 'Snowflake MD5_HEX is DuckDB md5.', functions: ['MD5_HEX'], arity: [1, 1], to: 'md5' }),
  functionRule({
    name: 'EDITDISTANCE',
    why: 'DuckDB calls it levenshtein and counts bytes; Snowflake counts characters, caps it at an optional maximum (a negative one counts as 0), NULL when any argument is.',
    functions: ['EDITDISTANCE'],
    arity: [2, 3],
    rewrite: ([a, b, max]) =>
      max === undefined ? `${macro('editdistance')}(${a}, ${b})` : `${macro('least_of')}([${macro('editdistance')}(${a}, ${b}), ${macro('greatest_of')}([${max}, 0])])`,
  }),
  ...collationRules,
  functionRule({
    name: 'BASE64_ENCODE',
    why: "DuckDB encodes BLOBs: the text's UTF-8 bytes are encoded (line wrapping and other alphabets are not supported).",
    functions: ['BASE64_ENCODE'],
    arity: [1, 1],
    rewrite: ([text]) => `to_base64(encode(CAST(${text} AS VARCHAR)))`,
  }),
  functionRule({
    name: 'BASE64_DECODE_STRING',
    why: 'DuckDB decodes to a BLOB; the bytes are read back as UTF-8 text. The TRY_ form gives NULL for input that is not base64.',
    functions: ['BASE64_DECODE_STRING', 'TRY_BASE64_DECODE_STRING'],
    arity: [1, 1],
    rewrite: ([text], call) =>
      call.name === 'BASE64_DECODE_STRING' ? `decode(from_base64(${text}))` : `TRY(decode(from_base64(${text})))`,
  }),
  functionRule({
    name: 'HEX_DECODE_STRING',
    why: 'DuckDB unhex gives a BLOB; the bytes are read back as UTF-8 text. The TRY_ form gives NULL for input that is not hex.',
    functions: ['HEX_DECODE_STRING', 'TRY_HEX_DECODE_STRING'],
    arity: [1, 1],
    rewrite: ([text], call) => (call.name === 'HEX_DECODE_STRING' ? `decode(unhex(${text}))` : `TRY(decode(unhex(${text})))`),
  }),
];
