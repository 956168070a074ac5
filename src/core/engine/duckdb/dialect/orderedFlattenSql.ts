import { quoteStringLiteral } from '../../../sql/literals';
import { FlattenOptions } from './flattenSql';

// FLATTEN after the tables whose columns it reads, as FROM items that DuckDB expands in place,
// so that the rows come in Snowflake's order (the lateral subquery of flattenSql.ts does not
// keep it).

/**
 * The first words of the column names of the FROM items flattenOverLeftRows adds. They are
 * DuckDB's business only: `SELECT *` leaves them out (`* NOT LIKE`, flattenHelperColumns.ts).
 */
export const FLATTEN_HELPER_PREFIX = 'snowpark_local$flatten';
const HELPER_LIST = `"${FLATTEN_HELPER_PREFIX}$list"`;
const HELPER_INPUT = `"${FLATTEN_HELPER_PREFIX}$input"`;

/**
 * FLATTEN after the tables whose columns it reads (`t, LATERAL FLATTEN(INPUT => t.v) f`, what
 * Snowpark's DataFrame.flatten and join_table_function send): each input row's elements in
 * element order (INDEX 0, 1, 2 …; an object's fields in json_each's order), input rows in their
 * order, as Snowflake returns them. Not for RECURSIVE => TRUE (flattenSubquery).
 *
 * DuckDB turns a LATERAL subquery that reads the left side into a hash join, which returns an
 * input row's elements reversed or interleaved with other rows' (and its ORDER BY does not
 * survive). One kind of LATERAL it plans without a join: a subquery that only UNNESTs, when
 * the lateral reads a LIST column of the left side (the optimizer's unnest rewrite; the left
 * rows are then unnested where they stand, in order, as `SELECT t.*, unnest(l) FROM t` would).
 * So three FROM items take the place of the one:
 *  1. a constant row with an empty LIST column, which gives the left side that LIST column (one
 *     per FROM clause: later FLATTENs read the first one's, `listId`; with a cross join of
 *     its own each, DuckDB may order the joins so that an earlier FLATTEN's is not rewritten);
 *  2. UNNEST of `[input]`: the input evaluated once per left row (one row each);
 *  3. UNNEST of the input's element values (json_extract '$[*]' or '$.*'), keys (json_keys),
 *     indexes and THIS, side by side, under the user's alias. PATH and SEQ come from those.
 * The subqueries read the left side only inside UNNEST's argument: DuckDB's rewrite leaves any
 * other reference to it unresolved (an internal binder error), so THIS is a list too.
 */
export function flattenOverLeftRows(options: FlattenOptions, id: number, listId: number): string {
  const listItem = `"flatten$${listId}$list"`;
  const inputItem = `"flatten$${id}"`;
  const emptyList = `${listItem}.${HELPER_LIST}`;
  const x = `${inputItem}.${HELPER_INPUT}`;
  const arrays = options.mode !== 'OBJECT';
  const objects = options.mode !== 'ARRAY';
  const isArray = `json_type(${x}) = 'ARRAY'`;
  const isObject = `json_type(${x}) = 'OBJECT'`;

  // The elements MODE lets FLATTEN expand (NULL for any other input); an object's values come in
  // the order of its keys.
  const branches = [arrays ? `WHEN ${isArray} THEN json_extract(${x}, '$[*]')` : '', objects ? `WHEN ${isObject} THEN json_extract(${x}, '$.*')` : '']
    .filter((branch) => branch)
    .join(' ');
  const elements = `CASE ${branches} END`;
  // OUTER => TRUE: one row with no element for an input that expands to nothing.
  const values = options.outer ? `coalesce(nullif(${elements}, CAST([] AS JSON[])), [CAST(NULL AS JSON)])` : elements;
  const rowCount = options.outer ? `greatest(coalesce(len(${elements}), 0), 1)` : `len(${elements})`;
  const keys = objects ? `CASE WHEN ${isObject} THEN json_keys(${x}) END` : 'CAST(NULL AS VARCHAR[])';
  const indexes = arrays ? `CASE WHEN ${isArray} THEN range(CAST(json_array_length(${x}) AS BIGINT)) END` : 'CAST(NULL AS BIGINT[])';
  const containers = `list_resize([${x}], ${rowCount}, ${x})`;

  // Lists of unequal length unnest side by side, the shorter ones padded with NULL: KEY for an
  // array element, INDEX for an object field and both for OUTER's empty row are NULL.
  const unnested =
    `SELECT unnest(list_concat(${emptyList}, ${values})) AS VALUE, unnest(${keys}) AS KEY, ` +
    `unnest(${indexes}) AS INDEX, unnest(${containers}) AS THIS`;
  const prefix = quoteStringLiteral(options.prefix);
  // Snowflake's PATH: b[0] for an array element, a.c for a field (no leading dot at the top);
  // the PATH argument alone for OUTER's empty row.
  const path =
    options.prefix === ''
      ? `CASE WHEN u.INDEX IS NOT NULL THEN '[' || u.INDEX || ']' ELSE coalesce(u.KEY, '') END`
      : `CASE WHEN u.INDEX IS NOT NULL THEN ${prefix} || '[' || u.INDEX || ']' WHEN u.KEY IS NULL THEN ${prefix} ELSE ${prefix} || '.' || u.KEY END`;
  return (
    (listId === id ? `(SELECT CAST([] AS JSON[]) AS ${HELPER_LIST}) AS ${listItem}, ` : '') +
    `LATERAL (SELECT unnest(list_concat(${emptyList}, [${options.input}])) AS ${HELPER_INPUT}) AS ${inputItem}, ` +
    `LATERAL (SELECT ${options.seq} AS SEQ, u.KEY, ${path} AS PATH, u.INDEX, u.VALUE, u.THIS FROM (${unnested}) AS u)`
  );
}
