import type { SnowflakeMacro } from './macros';

// Macros behind OBJECT_CONSTRUCT(*) and the object constant {*} (objectWildcard.ts).

export const OBJECT_WILDCARD_MACROS: SnowflakeMacro[] = [
  {
    name: 'object_from_columns',
    why:
      "OBJECT_CONSTRUCT(*) keys are the column names as Snowflake shows them, sorted as Snowflake stores OBJECT keys; a NULL column is left out unless keep_null. The row comes in as the JSON of a struct of its columns.",
    // DuckDB keeps a column name as written; Snowflake upper-cases one written unquoted. A name
    // that could be unquoted is upper-cased; any other ("a.b") can only have been quoted.
    // A key is read with a quoted JSONPath step, so names with dots, spaces or quotes work.
    body:
      `(row_json, keep_null) AS CAST(to_json(map_from_entries(list_sort(list_filter(` +
      `list_transform(json_keys(row_json), k -> {'k': CASE WHEN regexp_matches(k, '^[A-Za-z_][A-Za-z0-9_$]*$') THEN upper(k) ELSE k END, 'v': coalesce(json_extract(row_json, '$."' || replace(k, '"', '\\"') || '"'), 'null'::JSON)}), ` +
      `p -> keep_null OR json_type(p.v) <> 'NULL')))) AS JSON)`,
  },
];
