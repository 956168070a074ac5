import { quoteStringLiteral } from '../../../sql/literals';

// The DuckDB SQL behind Snowflake's FLATTEN as one LATERAL subquery: json_each gives one row
// per element or field; a recursive CTE walks deeper levels when RECURSIVE => TRUE. Used on its
// own in FROM (`TABLE(FLATTEN(…))`) and for RECURSIVE => TRUE; FLATTEN after the tables it
// reads takes the ordered form instead (orderedFlattenSql.ts).

export type FlattenMode = 'OBJECT' | 'ARRAY' | 'BOTH';

export interface FlattenOptions {
  /** The input as DuckDB JSON (PATH already applied). */
  input: string;
  /** The PATH argument as written ('' when absent): Snowflake's PATH column starts with it. */
  prefix: string;
  outer: boolean;
  recursive: boolean;
  mode: FlattenMode;
  /** SEQ: a number unique to the input row. */
  seq: string;
}

/** The JSON types MODE lets FLATTEN expand. */
function expandableTypes(mode: FlattenMode): string {
  if (mode === 'OBJECT') return "('OBJECT')";
  if (mode === 'ARRAY') return "('ARRAY')";
  return "('ARRAY', 'OBJECT')";
}

/**
 * KEY, PATH, INDEX, VALUE, THIS of element `e` (a json_each row) of container `thisSql`
 * whose own path is `parentPath` (SQL text).
 */
function elementColumns(thisSql: string, parentPath: string): string {
  const isArray = `json_type(${thisSql}) = 'ARRAY'`;
  // Snowflake's PATH: b[0] for an array element, a.c for a field; no leading dot at the top.
  // With no element (OUTER => TRUE over nothing) it is the container's own path.
  const path = `CASE WHEN e.key IS NULL THEN ${parentPath} WHEN ${isArray} THEN ${parentPath} || '[' || e.key || ']' WHEN ${parentPath} = '' THEN e.key ELSE ${parentPath} || '.' || e.key END`;
  return (
    `CASE WHEN ${isArray} THEN NULL ELSE e.key END AS KEY, ${path} AS PATH, ` +
    `CASE WHEN ${isArray} THEN CAST(e.key AS BIGINT) END AS INDEX, CAST(e.value AS JSON) AS VALUE, ${thisSql} AS THIS`
  );
}

/** One level: the rows of the input's own elements (the fast path, and RECURSIVE => FALSE). */
function flattenOneLevel(options: FlattenOptions): string {
  const prefix = quoteStringLiteral(options.prefix);
  const source = `(SELECT ${options.input} AS this) AS f_in`;
  const types = expandableTypes(options.mode);
  if (!options.outer) {
    // Elements come out in array (or key) order, as Snowflake gives them.
    return `SELECT ${options.seq} AS SEQ, ${elementColumns('f_in.this', prefix)} FROM ${source}, json_each(f_in.this) AS e WHERE json_type(f_in.this) IN ${types} ORDER BY e.id`;
  }
  // OUTER => TRUE: one row for an input that expands to nothing, KEY/INDEX/VALUE NULL and
  // PATH the PATH argument (the doc's FLATTEN('[]', OUTER => TRUE) shows PATH empty).
  const columns = `${options.seq} AS SEQ, ${elementColumns('f_in.this', prefix)}`;
  return `SELECT ${columns} FROM ${source} LEFT JOIN json_each(CASE WHEN json_type(f_in.this) IN ${types} THEN f_in.this END) AS e ON true ORDER BY e.id`;
}

/**
 * RECURSIVE => TRUE: every element at any depth, each level expanded only when MODE allows
 * its type. Rows come in document order (a parent before its elements), as the doc shows;
 * `f_order` is the list of json_each ids from the top, which sorts that way.
 */
function flattenRecursive(options: FlattenOptions): string {
  const types = expandableTypes(options.mode);
  const walk =
    `WITH RECURSIVE f_in AS (SELECT ${options.input} AS this), ` +
    `f_walk AS (` +
    `SELECT ${elementColumns('f_in.this', quoteStringLiteral(options.prefix))}, [e.id] AS f_order FROM f_in, json_each(f_in.this) AS e WHERE json_type(f_in.this) IN ${types} ` +
    `UNION ALL ` +
    `SELECT ${elementColumns('w.VALUE', 'w.PATH')}, list_append(w.f_order, e.id) FROM f_walk AS w, json_each(w.VALUE) AS e WHERE json_type(w.VALUE) IN ${types})`;
  const columns = `${options.seq} AS SEQ, w.KEY, w.PATH, w.INDEX, w.VALUE, w.THIS`;
  if (!options.outer) return `${walk} SELECT ${columns} FROM f_walk AS w ORDER BY w.f_order`;
  const outerColumns = `${options.seq} AS SEQ, w.KEY, coalesce(w.PATH, ${quoteStringLiteral(options.prefix)}) AS PATH, w.INDEX, w.VALUE, f_in.this AS THIS`;
  return `${walk} SELECT ${outerColumns} FROM f_in LEFT JOIN f_walk AS w ON true ORDER BY w.f_order`;
}

/** FLATTEN as a LATERAL subquery with Snowflake's columns SEQ, KEY, PATH, INDEX, VALUE, THIS. */
export function flattenSubquery(options: FlattenOptions): string {
  return `LATERAL (${options.recursive ? flattenRecursive(options) : flattenOneLevel(options)})`;
}
