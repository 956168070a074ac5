import { isTokenOf } from '../../../sql/nodes';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { AnySequenceRule } from './ruleTypes';
import { CallMatch, functionRule, renameRule } from './functionCall';
import { macro } from './macros';
import { Translator } from './translator';
import { objectConstructSql, semiStructuredConstantRule } from './semiStructuredConstants';
import { objectFromWildcard } from './objectWildcard';

// VARIANT, OBJECT and ARRAY are DuckDB JSON values. These rules build, read and test them the
// way Snowflake does: objects drop NULL values, text comes out without JSON quotes, and so on.

const json = (sql: string): string => `CAST(${sql} AS JSON)`;
const asList = (array: string): string => `CAST(${array} AS JSON[])`;
const jsonType = (value: string): string => `json_type(${json(value)})`;

/**
 * Snowflake's `a.b[0]` path text → a DuckDB JSONPath ('$."a"."b"[0]'). Steps are separated by `.`
 * or `:`; a key may be "double-quoted" or bracketed (['k'], ["k"]). The json_path macro
 * (jsonMacros.ts) does the same at run time, for a path held in a column.
 */
export function jsonPathOf(path: string): string {
  let out = '$';
  // A quoted key doubles its quote inside: ['it''s'], "say ""hi""".
  const re = /\s*(?:\[\s*(\d+)\s*\]|\[\s*'((?:[^']|'')*)'\s*\]|\[\s*"((?:[^"]|"")*)"\s*\]|[.:]?"((?:[^"]|"")*)"|[.:]?([^.:[\]"]+))/gy;
  let match: RegExpExecArray | null;
  while ((match = re.exec(path)) !== null && match[0] !== '') {
    if (match[1] !== undefined) out += `[${match[1]}]`;
    else out += `."${(match[2]?.replace(/''/g, "'") ?? (match[3] ?? match[4])?.replace(/""/g, '"') ?? match[5]).replace(/"/g, '\\"')}"`;
  }
  return out;
}

/** The JSONPath of a path argument: converted now when it is a literal, at run time (json_path macro) otherwise. */
function pathOf(call: CallMatch, index: number, translated: string): string {
  const arg = call.args[index];
  if (arg.length === 1 && isTokenOf(arg[0], 'string')) return quoteStringLiteral(jsonPathOf(unquoteStringLiteral(arg[0].token.text)));
  return `${macro('json_path')}(${translated})`;
}

/** True when the call's argument at `index` is one string literal. */
const isStringLiteral = (call: CallMatch, index: number): boolean => call.args[index]?.length === 1 && isTokenOf(call.args[index][0], 'string');

/** PARSE_JSON's optional parameter: 'd' allows duplicate keys (the last value wins), 's' (the default) does not. */
function allowsDuplicateKeys(call: CallMatch, translator: Translator): 'true' | 'false' {
  const arg = call.args[1];
  if (!arg) return 'false';
  const mode = arg.length === 1 && isTokenOf(arg[0], 'string') ? unquoteStringLiteral(arg[0].token.text).toLowerCase() : undefined;
  if (mode === 'd') return 'true';
  if (mode === 's') return 'false';
  return translator.fail(`${call.name}'s second argument must be the string constant 'd' (allow duplicate keys) or 's' (strict)`, arg[0]);
}

/** IS_<type>(v) tests on a VARIANT's JSON type. */
const IS_TYPE: Record<string, string[]> = {
  IS_ARRAY: ['ARRAY'],
  IS_OBJECT: ['OBJECT'],
  IS_INTEGER: ['BIGINT', 'UBIGINT'],
  IS_DECIMAL: ['BIGINT', 'UBIGINT'],
  IS_DOUBLE: ['BIGINT', 'UBIGINT', 'DOUBLE'],
  IS_REAL: ['BIGINT', 'UBIGINT', 'DOUBLE'],
  IS_VARCHAR: ['VARCHAR'],
  IS_CHAR: ['VARCHAR'],
  IS_BOOLEAN: ['BOOLEAN'],
  IS_NULL_VALUE: ['NULL'],
};

/** AS_<type>(v): the value when the VARIANT holds that type, else NULL. */
const AS_TYPE: Record<string, [types: string[], cast: string]> = {
  AS_VARCHAR: [['VARCHAR'], 'VARCHAR'],
  AS_CHAR: [['VARCHAR'], 'VARCHAR'],
  AS_INTEGER: [['BIGINT', 'UBIGINT'], 'BIGINT'],
  AS_NUMBER: [['BIGINT', 'UBIGINT'], 'DECIMAL(38,0)'],
  AS_DECIMAL: [['BIGINT', 'UBIGINT'], 'DECIMAL(38,0)'],
  AS_DOUBLE: [['BIGINT', 'UBIGINT', 'DOUBLE'], 'DOUBLE'],
  AS_REAL: [['BIGINT', 'UBIGINT', 'DOUBLE'], 'DOUBLE'],
  AS_BOOLEAN: [['BOOLEAN'], 'BOOLEAN'],
  AS_ARRAY: [['ARRAY'], 'JSON'],
  AS_OBJECT: [['OBJECT'], 'JSON'],
};

const inList = (types: string[]): string => types.map((t) => `'${t}'`).join(', ');

export const semiStructuredRules: AnySequenceRule[] = [
  functionRule({
    name: 'PARSE_JSON',
    why: "Snowflake VARIANT is DuckDB JSON; the parse_json macro reads the text as Snowflake does (keys sorted, duplicate keys an error unless 'd', relaxed arrays).",
    functions: ['PARSE_JSON'],
    arity: [1, 2],
    rewrite: ([text], call, translator) => `${macro('parse_json')}(${text}, ${allowsDuplicateKeys(call, translator)})`,
  }),
  functionRule({
    name: 'TRY_PARSE_JSON',
    why: 'PARSE_JSON, with NULL for text that is not JSON. A duplicate key keeps its last value here (Snowflake: NULL).',
    functions: ['TRY_PARSE_JSON'],
    arity: [1, 2],
    // DuckDB's TRY() refuses the error() that reports a duplicate key, so only text the JSON
    // parser rejects (after the relaxed forms are filled in) becomes NULL.
    rewrite([text], call, translator) {
      allowsDuplicateKeys(call, translator);
      return `${macro('parse_json')}(CASE WHEN json_valid(${macro('json_relaxed')}(${text})) THEN ${text} END, true)`;
    },
  }),
  functionRule({ name: 'TO_VARIANT', why: 'A value becomes a VARIANT (JSON) with to_json, strings quoted.', functions: ['TO_VARIANT'], arity: [1, 1], rewrite: ([v]) => json(`to_json(${v})`) }),
  functionRule({ name: 'TO_JSON', why: "Snowflake TO_JSON is the VARIANT's JSON text (VARCHAR).", functions: ['TO_JSON'], arity: [1, 1], rewrite: ([v]) => `CAST(to_json(${v}) AS VARCHAR)` }),
  functionRule({ name: 'TO_OBJECT', why: 'An OBJECT is a JSON object here.', functions: ['TO_OBJECT'], arity: [1, 1], rewrite: ([v]) => json(`to_json(${v})`) }),
  functionRule({
    name: 'TO_ARRAY',
    why: 'Snowflake TO_ARRAY keeps an ARRAY and wraps anything else in a one-element ARRAY.',
    functions: ['TO_ARRAY'],
    arity: [1, 1],
    rewrite: ([v]) => `CASE WHEN (${v}) IS NULL THEN NULL WHEN ${jsonType(`to_json(${v})`)} = 'ARRAY' THEN ${json(`to_json(${v})`)} ELSE ${json(`json_array(${v})`)} END`,
  }),
  functionRule({
    name: 'OBJECT_CONSTRUCT',
    why: 'Snowflake OBJECT_CONSTRUCT drops NULL values and sorts keys; OBJECT_CONSTRUCT(*) builds the object from the columns.',
    functions: ['OBJECT_CONSTRUCT'],
    arity: [0, Number.MAX_SAFE_INTEGER],
    rewrite(pairs, call, translator) {
      const wildcard = pairs.length === 1 ? objectFromWildcard(call.args[0], false, translator) : undefined;
      if (wildcard) return wildcard;
      if (pairs.length % 2 !== 0) translator.fail('OBJECT_CONSTRUCT takes key, value pairs or a wildcard (*)', call.nameNode);
      const entries: Array<[string, string]> = [];
      for (let i = 0; i < pairs.length; i += 2) entries.push([pairs[i], pairs[i + 1]]);
      return objectConstructSql(entries);
    },
  }),
  functionRule({
    name: 'OBJECT_CONSTRUCT_KEEP_NULL',
    why: 'Keeps NULL values as JSON null and sorts keys as OBJECT_CONSTRUCT does; OBJECT_CONSTRUCT_KEEP_NULL(*) builds the object from the columns.',
    functions: ['OBJECT_CONSTRUCT_KEEP_NULL'],
    arity: [0, Number.MAX_SAFE_INTEGER],
    rewrite(pairs, call, translator) {
      const wildcard = pairs.length === 1 ? objectFromWildcard(call.args[0], true, translator) : undefined;
      if (wildcard) return wildcard;
      if (pairs.length % 2 !== 0) translator.fail('OBJECT_CONSTRUCT_KEEP_NULL takes key, value pairs or a wildcard (*)', call.nameNode);
      const entries: Array<[string, string]> = [];
      for (let i = 0; i < pairs.length; i += 2) entries.push([pairs[i], pairs[i + 1]]);
      return objectConstructSql(entries, true);
    },
  }),
  functionRule({
    name: 'ARRAY_SIZE',
    why: 'Snowflake ARRAY_SIZE is NULL for a non-array; DuckDB json_array_length returns 0.',
    functions: ['ARRAY_SIZE'],
    arity: [1, 1],
    rewrite: ([v]) => `CASE WHEN ${jsonType(v)} = 'ARRAY' THEN json_array_length(${json(v)}) END`,
  }),
  functionRule({ name: 'GET', why: 'Element by index or field by name: DuckDB spells it ->.', functions: ['GET'], arity: [2, 2], rewrite: ([v, key]) => `(${json(v)} -> ${key})` }),
  functionRule({
    name: 'GET_PATH',
    why: "Snowflake paths ('a.b[0]') become DuckDB JSONPath ('$.\"a\".\"b\"[0]'): a literal now, a path from a column at run time.",
    functions: ['GET_PATH', 'JSON_EXTRACT_PATH_TEXT'],
    arity: [2, 2],
    rewrite: ([v, path], call) => `${call.name === 'GET_PATH' ? 'json_extract' : 'json_extract_string'}(${json(v)}, ${pathOf(call, 1, path)})`,
  }),
  functionRule({
    name: 'ARRAY_CONTAINS',
    why: 'Compares JSON values, as Snowflake compares VARIANTs.',
    functions: ['ARRAY_CONTAINS'],
    arity: [2, 2],
    // A JSON null element comes out of a JSON[] cast as SQL NULL (of a json_array) or as 'null'
    // (of parsed text): both are read as 'null', so a JSON null value finds either.
    rewrite: ([value, array]) => `list_contains(list_transform(${asList(array)}, e -> coalesce(e, 'null')), ${json(`to_json(${value})`)})`,
  }),
  functionRule({ name: 'ARRAY_APPEND', why: 'Arrays are JSON: append as a list, back to JSON.', functions: ['ARRAY_APPEND'], arity: [2, 2], rewrite: ([a, v]) => json(`to_json(list_append(${asList(a)}, ${json(`to_json(${v})`)}))`) }),
  functionRule({ name: 'ARRAY_PREPEND', why: 'Arrays are JSON: prepend as a list, back to JSON.', functions: ['ARRAY_PREPEND'], arity: [2, 2], rewrite: ([a, v]) => json(`to_json(list_prepend(${json(`to_json(${v})`)}, ${asList(a)}))`) }),
  functionRule({
    name: 'ARRAY_CAT',
    why: "Arrays are JSON: concatenate as lists; NULL if either is NULL (DuckDB's list_concat skips a NULL list).",
    functions: ['ARRAY_CAT'],
    arity: [2, 2],
    rewrite: ([a, b]) => `CASE WHEN (${a}) IS NULL OR (${b}) IS NULL THEN NULL ELSE ${json(`to_json(list_concat(${asList(a)}, ${asList(b)}))`)} END`,
  }),
  renameRule({ name: 'ARRAY_SLICE', why: 'Snowflake slices are 0-based and end-exclusive.', functions: ['ARRAY_SLICE'], arity: [3, 3], to: macro('array_slice') }),
  functionRule({
    name: 'ARRAY_TO_STRING',
    why: "Elements are joined as text, strings without their JSON quotes; DuckDB's array_to_string wants a constant separator, so any other is joined by list_reduce.",
    functions: ['ARRAY_TO_STRING'],
    arity: [2, 2],
    rewrite([a, sep], call) {
      const texts = `list_transform(${asList(a)}, e -> coalesce(json_extract_string(e, '$'), ''))`;
      if (isStringLiteral(call, 1)) return `array_to_string(${texts}, ${sep})`;
      // Each element follows a separator, the first one's is cut off: an empty ARRAY gives '', a NULL separator NULL.
      return `substr(list_reduce(${texts}, (acc, e) -> acc || (${sep}) || e, ''), length(${sep}) + 1)`;
    },
  }),
  functionRule({
    name: 'ARRAY_DISTINCT',
    why: 'DuckDB list_distinct does not keep first-seen order; this does, as Snowflake does.',
    functions: ['ARRAY_DISTINCT'],
    arity: [1, 1],
    rewrite: ([a]) => json(`to_json(list_filter(${asList(a)}, (e, i) -> list_position(${asList(a)}, e) = i))`),
  }),
  functionRule({ name: 'OBJECT_KEYS', why: 'Snowflake returns the keys as an ARRAY, sorted as OBJECTs are.', functions: ['OBJECT_KEYS'], arity: [1, 1], rewrite: ([o]) => json(`to_json(list_sort(json_keys(${json(o)})))`) }),
  functionRule({
    name: 'OBJECT_INSERT',
    why: 'A JSON merge patch adds (or, with the update flag, replaces) the key.',
    functions: ['OBJECT_INSERT'],
    arity: [3, 4],
    rewrite: ([o, k, v]) => json(`json_merge_patch(${json(o)}, json_object(${k}, to_json(${v})))`),
  }),
  functionRule({
    name: 'OBJECT_DELETE',
    why: 'A JSON merge patch with null values removes keys.',
    functions: ['OBJECT_DELETE'],
    arity: [2, Number.MAX_SAFE_INTEGER],
    rewrite: ([o, ...keys]) => json(`json_merge_patch(${json(o)}, json_object(${keys.map((k) => `${k}, NULL`).join(', ')}))`),
  }),
  renameRule({ name: 'TYPEOF', why: "Snowflake names VARIANT types its own way (INTEGER, VARCHAR, OBJECT…).", functions: ['TYPEOF'], arity: [1, 1], to: macro('typeof') }),
  functionRule({
    name: 'IS_<type>',
    why: "Tests a VARIANT's JSON type.",
    functions: Object.keys(IS_TYPE),
    arity: [1, 1],
    rewrite: ([v], call) => `(${jsonType(v)} IN (${inList(IS_TYPE[call.name])}))`,
  }),
  functionRule({
    name: 'AS_<type>',
    why: 'The value when the VARIANT holds that type, else NULL.',
    functions: Object.keys(AS_TYPE),
    arity: [1, 1],
    rewrite: ([v], call) => {
      const [types, cast] = AS_TYPE[call.name];
      const value = cast === 'VARCHAR' ? `json_extract_string(${json(v)}, '$')` : cast === 'JSON' ? json(v) : `CAST(${json(v)} AS ${cast})`;
      return `CASE WHEN ${jsonType(v)} IN (${inList(types)}) THEN ${value} END`;
    },
  }),
  semiStructuredConstantRule,
  functionRule({ name: 'STRIP_NULL_VALUE', why: 'A JSON null becomes SQL NULL.', functions: ['STRIP_NULL_VALUE'], arity: [1, 1], rewrite: ([v]) => `CASE WHEN ${jsonType(v)} = 'NULL' THEN NULL ELSE ${json(v)} END` }),
  functionRule({
    name: 'ARRAYS_OVERLAP',
    why: 'Whether two ARRAYs share an element, comparing JSON values as ARRAY_CONTAINS does (a JSON null matches a JSON null).',
    functions: ['ARRAYS_OVERLAP'],
    arity: [2, 2],
    rewrite: ([a, b]) => `(len(list_intersect(list_transform(${asList(a)}, e -> coalesce(e, 'null')), list_transform(${asList(b)}, e -> coalesce(e, 'null')))) > 0)`,
  }),
  functionRule({
    name: 'CHECK_JSON',
    why: 'NULL for valid JSON (or a NULL input), else a message saying what is wrong; DuckDB only says whether it is valid.',
    functions: ['CHECK_JSON'],
    arity: [1, 1],
    rewrite: ([text]) => `CASE WHEN (${text}) IS NULL OR json_valid(CAST(${text} AS VARCHAR)) THEN NULL ELSE 'invalid JSON text' END`,
  }),
  functionRule({
    name: 'STRTOK_TO_ARRAY',
    why: 'Tokens between any of the delimiter characters (a blank by default), empty tokens dropped, as an ARRAY.',
    functions: ['STRTOK_TO_ARRAY'],
    arity: [1, 2],
    rewrite: ([text, delimiters = "' '"]) =>
      json(
        `to_json(CASE WHEN (${delimiters}) = '' THEN list_filter([${text}], t -> t <> '') ` +
          `ELSE list_filter(string_split_regex(${text}, '[' || regexp_escape(${delimiters}) || ']'), t -> t <> '') END)`,
      ),
  }),
];
