import { isGroup, isWord, nextSignificant } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { CallMatch, functionRule, matchCall, renameRule } from './functionCall';
import { macro } from './macros';
import { AnySequenceRule, SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { Translator } from './translator';

// Snowflake ARRAY functions DuckDB lacks or has under the same name with list semantics. ARRAYs
// are DuckDB JSON here; the bigger rewrites are macros (arrayMacros.ts), which also say how
// VARIANT values compare and why a NULL element comes out as a JSON null.
//
// An inline rewrite keeps its arguments outside its lambdas: unlike a macro's, a lambda written
// into the text would capture a column of the same name as its parameter.

const json = (sql: string): string => `CAST(${sql} AS JSON)`;
const asList = (array: string): string => `CAST(${array} AS JSON[])`;

export interface AggregateCallMatch extends SequenceMatch {
  call: CallMatch;
  over?: GroupNode;
}

/** `NAME(…) [OVER (…)]`: an ARRAY aggregate, its window kept apart to go inside the JSON conversion. */
export function matchAggregateCall(nodes: SqlNode[], index: number, name: string): AggregateCallMatch | undefined {
  const call = matchCall(nodes, index, [name]);
  if (!call) return undefined;
  const overWord = nextSignificant(nodes, call.end);
  const overAt = nextSignificant(nodes, overWord + 1);
  const over = nodes[overAt];
  return isWord(nodes[overWord], 'OVER') && isGroup(over) ? { call, over, end: overAt + 1 } : { call, end: call.end };
}

/** ` OVER (…)` translated, or '' for a plain aggregate. */
export function windowClause(over: GroupNode | undefined, translator: Translator, context: SequenceContext): string {
  return over ? ` OVER (${translator.translateSequence(over.children, { ...context, depth: context.depth + 1 }).trim()})` : '';
}

/** ARRAY_UNIQUE_AGG(x) [OVER (…)]: the OVER clause has to go inside the JSON conversion. */
const arrayUniqueAggRule: SequenceRule<AggregateCallMatch> = {
  kind: 'sequence',
  name: 'ARRAY_UNIQUE_AGG',
  why: 'Snowflake ARRAY_UNIQUE_AGG is the distinct non-NULL values as an ARRAY (JSON here, [] for none), as an aggregate or over a window.',
  triggers: ['ARRAY_UNIQUE_AGG'],
  match: (nodes, index) => matchAggregateCall(nodes, index, 'ARRAY_UNIQUE_AGG'),
  rewrite({ call, over }, translator, context) {
    const args = translator.translateArguments(call.argList.children, context);
    if (args.length !== 1) return translator.fail(`ARRAY_UNIQUE_AGG takes 1 argument (got ${args.length})`, call.nameNode);
    const window = windowClause(over, translator, context);
    return json(`to_json(COALESCE(list(DISTINCT ${args[0]}) FILTER (WHERE (${args[0]}) IS NOT NULL)${window}, []))`);
  },
};

/** ARRAYS_ZIP's objects: `$n` holds the nth array's element, JSON null past its end. */
function arraysZipSql(arrays: string[]): string {
  // The lists are bound as one struct and zipped once: a list of lists read by index inside a
  // per-element lambda is copied for every element (minutes for 20,000 elements).
  const lists = arrays.map((array, i) => `'l${i + 1}': ${asList(array)}`).join(', ');
  const anyNull = arrays.map((_, i) => `s.l${i + 1} IS NULL`).join(' OR ');
  const fields = arrays.map((_, i) => `'$${i + 1}', z[${i + 1}]`).join(', ');
  return (
    `list_transform([{${lists}}], s -> CASE WHEN ${anyNull} THEN NULL ` +
    `ELSE list_transform([list_zip(${arrays.map((_, i) => `s.l${i + 1}`).join(', ')})], zipped -> ` +
    // Empty arrays give one empty object (the page's example), not an empty ARRAY.
    `CASE WHEN len(zipped) = 0 THEN CAST('[{}]' AS JSON) ELSE ${json(`to_json(list_transform(zipped, z -> json_object(${fields})))`)} END)[1] END)[1]`
  );
}

export const arrayRules: AnySequenceRule[] = [
  functionRule({
    name: 'ARRAY_SORT',
    why: "DuckDB's array_sort is for lists; Snowflake sorts VARIANTs, NULL elements last ascending and first descending unless nulls_first says otherwise.",
    functions: ['ARRAY_SORT'],
    arity: [1, 3],
    rewrite: ([array, ascending = 'true', nullsFirst = `NOT (${ascending})`]) => `${macro('array_sort')}(${array}, ${ascending}, ${nullsFirst})`,
  }),
  functionRule({
    name: 'ARRAY_COMPACT',
    why: 'Drops the NULL elements (SQL NULL and JSON null, which an ARRAY here does not tell apart).',
    functions: ['ARRAY_COMPACT'],
    arity: [1, 1],
    rewrite: ([array]) => json(`to_json(list_filter(${macro('array_elements')}(${array}), e -> e IS NOT NULL))`),
  }),
  functionRule({
    name: 'ARRAY_CONSTRUCT_COMPACT',
    why: 'ARRAY_CONSTRUCT without the SQL NULL arguments; a JSON null argument stays.',
    functions: ['ARRAY_CONSTRUCT_COMPACT'],
    arity: [0, Number.MAX_SAFE_INTEGER],
    rewrite: (values) => (values.length === 0 ? json("'[]'") : json(`to_json(list_filter([${values.map((v) => `to_json(${v})`).join(', ')}], e -> e IS NOT NULL))`)),
  }),
  renameRule({ name: 'ARRAY_POSITION', why: "Snowflake's is 0-based, compares VARIANTs and is NULL when the value is absent; DuckDB's is a 1-based list function.", functions: ['ARRAY_POSITION'], arity: [2, 2], to: macro('array_position') }),
  renameRule({ name: 'ARRAY_REMOVE', why: 'Removes the elements equal to a VARIANT (5 = 5.00, not the string 5); NULL for a NULL value.', functions: ['ARRAY_REMOVE'], arity: [2, 2], to: macro('array_remove') }),
  renameRule({ name: 'ARRAY_REMOVE_AT', why: 'Removes the element at a 0-based position, negative from the end.', functions: ['ARRAY_REMOVE_AT'], arity: [2, 2], to: macro('array_remove_at') }),
  renameRule({ name: 'ARRAY_INSERT', why: 'Inserts at a 0-based position, negative from the end, padding with NULL (undefined) elements past either end.', functions: ['ARRAY_INSERT'], arity: [3, 3], to: macro('array_insert') }),
  renameRule({ name: 'ARRAY_EXCEPT', why: 'Multiset difference: each copy in the second ARRAY removes one copy from the first; NULLs count as values.', functions: ['ARRAY_EXCEPT'], arity: [2, 2], to: macro('array_except') }),
  renameRule({ name: 'ARRAY_INTERSECTION', why: 'Multiset intersection: a value appears as often as in the ARRAY that has fewer copies; NULLs count as values.', functions: ['ARRAY_INTERSECTION'], arity: [2, 2], to: macro('array_intersection') }),
  renameRule({ name: 'ARRAY_MIN', why: 'The lowest non-NULL element, compared as VARIANTs (DuckDB list_min would compare JSON text).', functions: ['ARRAY_MIN'], arity: [1, 1], to: macro('array_min') }),
  renameRule({ name: 'ARRAY_MAX', why: 'The highest non-NULL element, compared as VARIANTs (DuckDB list_max would compare JSON text).', functions: ['ARRAY_MAX'], arity: [1, 1], to: macro('array_max') }),
  renameRule({ name: 'ARRAY_FLATTEN', why: 'One level of nested ARRAYs concatenated; NULL if an element is NULL, an error if one is not an ARRAY.', functions: ['ARRAY_FLATTEN'], arity: [1, 1], to: macro('array_flatten') }),
  renameRule({ name: 'ARRAYS_TO_OBJECT', why: 'An OBJECT from an ARRAY of keys and one of values; a NULL key drops its pair.', functions: ['ARRAYS_TO_OBJECT'], arity: [2, 2], to: macro('arrays_to_object') }),
  functionRule({
    name: 'ARRAY_GENERATE_RANGE',
    why: 'Integers from start up to (not including) stop by step, as an ARRAY; a step of 0 is an error, not an empty range.',
    functions: ['ARRAY_GENERATE_RANGE'],
    arity: [2, 3],
    rewrite: ([start, stop, step = '1']) =>
      json(`to_json(range(CAST(${start} AS BIGINT), CAST(${stop} AS BIGINT), CASE WHEN (${step}) = 0 THEN CAST(error('ARRAY_GENERATE_RANGE: step must not be 0') AS BIGINT) ELSE CAST(${step} AS BIGINT) END))`),
  }),
  functionRule({ name: 'ARRAY_REVERSE', why: 'Arrays are JSON: reverse as a list, back to JSON.', functions: ['ARRAY_REVERSE'], arity: [1, 1], rewrite: ([array]) => json(`to_json(list_reverse(${asList(array)}))`) }),
  functionRule({
    name: 'ARRAYS_ZIP',
    why: 'An ARRAY of OBJECTs, the nth holding each input\'s nth element under $1, $2…, as long as the longest input.',
    functions: ['ARRAYS_ZIP'],
    arity: [1, Number.MAX_SAFE_INTEGER],
    rewrite: arraysZipSql,
  }),
  arrayUniqueAggRule,
];
