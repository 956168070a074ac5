import type { SnowflakeMacro } from './macros';

// PARSE_JSON as Snowflake reads JSON text. DuckDB's JSON cast only validates the text and keeps
// it as written, so these macros add what Snowflake does on top: OBJECT keys sorted (at every
// depth), a duplicate key an error (or, with 'd', the last value kept), missing array elements
// (`[1, ,2]`, `[1, ]`) read as null, blank text as NULL and upper-case `NULL` as JSON null.
//
// DuckDB macros cannot recurse, so the key sorting is one macro per nesting depth, each calling
// the one below; deeper than JSON_SORT_DEPTH, objects keep their keys as written. Each level
// names the level below only once, so the expanded expression grows linearly with the depth.

/** Nesting depth down to which OBJECT keys are sorted and duplicate keys detected. */
export const JSON_SORT_DEPTH = 8;

/** JSON whitespace, for "blank text is NULL". */
const JSON_BLANK = `' ' || chr(9) || chr(10) || chr(13)`;

/** The name of the macro that sorts keys down to `depth` levels. */
const sortedAt = (depth: number): string => `json_sorted_${depth}`;

export function jsonMacros(m: (name: string) => string): SnowflakeMacro[] {
  const levels: SnowflakeMacro[] = [{ name: sortedAt(0), why: 'Below the sorted depth a value is kept as it is.', body: '(j, dup) AS j' }];
  for (let depth = 1; depth <= JSON_SORT_DEPTH; depth++) {
    levels.push({
      name: sortedAt(depth),
      why: `One nesting level of PARSE_JSON's key sorting (${depth} levels deep).`,
      // j is an object or array whose text holds a `{`. Its children become {k, v} entries (an
      // array's with no key): one JSON parse gives an object's keys and values, duplicates
      // included. Only a child whose text holds a `{` goes down a level; the rest are kept.
      // The entries are bound to c by a one-element list_transform, so the OBJECT and ARRAY
      // branches share them without expanding the level below twice.
      body:
        `(j, dup) AS CASE WHEN starts_with(j, '{') OR starts_with(j, '[') THEN list_transform([list_transform(` +
        `CASE WHEN starts_with(j, '{') THEN map_entries(json_transform(j, '"MAP(VARCHAR, JSON)"')) ELSE list_transform(CAST(j AS JSON[]), e -> {'key': CAST(NULL AS VARCHAR), 'value': e}) END, ` +
        `p -> {'k': p.key, 'v': CASE WHEN contains(p.value, '{') THEN ${m(sortedAt(depth - 1))}(p.value, dup) ELSE p.value END})], ` +
        `c -> CASE WHEN starts_with(j, '{') THEN ${m('json_object_of')}(c, dup) ELSE '[' || array_to_string(list_transform(c, p -> coalesce(p.v, 'null')), ',') || ']' END)[1] ELSE j END`,
    });
  }
  return [
    {
      name: 'json_duplicate_key',
      why: "Snowflake's error for an object with a key twice (100069), naming the key.",
      body: `(keys) AS error('Error parsing JSON: duplicate object attribute "' || list_filter(keys, (k, i) -> list_position(keys, k) < i)[1] || '" (PARSE_JSON(text, ''d'') keeps the last value instead)')`,
    },
    {
      name: 'json_object_of',
      why: 'OBJECT text from its {k, v} entries as written: keys sorted, a duplicate key an error or (dup) its last value kept.',
      body:
        // Written out as text: building a DuckDB MAP and serialising it costs several times more.
        `(entries, dup) AS '{' || array_to_string(list_transform(list_sort(CASE WHEN len(list_distinct(list_transform(entries, p -> p.k))) = len(entries) THEN entries ` +
        `WHEN dup THEN list_filter(entries, (p, i) -> NOT list_contains(list_transform(list_slice(entries, i + 1, len(entries)), q -> q.k), p.k)) ` +
        `ELSE ${m('json_duplicate_key')}(list_transform(entries, p -> p.k)) END), p -> to_json(p.k) || ':' || coalesce(p.v, 'null')), ',') || '}'`,
    },
    ...levels,
    {
      name: 'json_relaxed',
      why: "Snowflake reads a missing array element (`[1, ,2]`, `[, 1]`, `[1, ]`) as undefined (null here) and TRUE/FALSE/NULL in any case. Only the text outside JSON strings is touched.",
      // The text is cut into JSON strings and the runs between them; if the cut does not cover
      // the text (an unterminated string), it is left as it is for the JSON parser to reject.
      body:
        `(t) AS list_transform([regexp_extract_all(t, '"(?:[^"\\\\]|\\\\.)*"|[^"]+')], parts -> CASE WHEN len(array_to_string(parts, '')) <> len(t) THEN t ELSE array_to_string(list_transform(parts, p -> CASE WHEN starts_with(p, '"') THEN p ELSE ` +
        `regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(p, '\\[(\\s*),', '[null\\1,', 'g'), ',(\\s*),', ',null\\1,', 'g'), ',(\\s*),', ',null\\1,', 'g'), ',(\\s*)\\]', ',null\\1]', 'g'), ` +
        `'\\b(?i:true)\\b', 'true', 'g'), '\\b(?i:false)\\b', 'false', 'g'), '\\b(?i:null)\\b', 'null', 'g') END), '') END)[1]`,
    },
    {
      name: 'json_path',
      why: "A Snowflake path held in a column (a.b[0], a:b, ['k'], \"k\") as a DuckDB JSONPath, step by step as jsonPathOf (semiStructuredRules.ts) converts a literal one.",
      // Steps: [index], ['key'], ["key"], "key" or a bare key, after an optional `.` or `:`.
      body:
        String.raw`(p) AS '$' || array_to_string(list_transform(regexp_extract_all(p, '\s*(\[\s*\d+\s*\]|\[\s*''(?:[^'']|'''')*''\s*\]|\[\s*"(?:[^"]|"")*"\s*\]|[.:]?"(?:[^"]|"")*"|[.:]?[^.:\[\]"]+)', 1), ` +
        String.raw`t -> CASE WHEN regexp_full_match(t, '\[\s*\d+\s*\]') THEN '[' || regexp_extract(t, '\d+') || ']' ELSE '."' || replace(CASE ` +
        String.raw`WHEN regexp_matches(t, '^\[\s*''') THEN replace(regexp_extract(t, '''((?:[^'']|'''')*)''', 1), '''''', '''') ` +
        String.raw`WHEN contains(t, '"') THEN replace(regexp_extract(t, '"((?:[^"]|"")*)"', 1), '""', '"') ` +
        String.raw`ELSE regexp_replace(t, '^[.:]', '') END, '"', '\"') || '"' END), '')`,
    },
    {
      name: 'parse_json',
      why: 'Snowflake PARSE_JSON: blank text is NULL, `NULL` in any case is JSON null, missing array elements are null, OBJECT keys sorted, duplicate keys an error unless dup.',
      // Cheapest test first: a scalar is only validated; an array without objects is only
      // compacted; only text with a `{` pays for the key sorting.
      body:
        `(t, dup) AS CASE WHEN t IS NULL OR trim(t, ${JSON_BLANK}) = '' THEN NULL ` +
        `WHEN NOT regexp_matches(t, '[\\[{]') THEN CASE WHEN lower(trim(t, ${JSON_BLANK})) IN ('null', 'true', 'false') THEN CAST(lower(trim(t, ${JSON_BLANK})) AS JSON) ELSE CAST(t AS JSON) END ` +
        // The relaxed forms are looked for only where cheap signs of them show.
        `ELSE list_transform([CASE WHEN regexp_matches(t, ',\\s*[,\\]]|\\[\\s*,|[TFN](?i:rue|alse|ull)\\b') THEN ${m('json_relaxed')}(t) ELSE t END], f -> ` +
        `CASE WHEN contains(f, '{') THEN CAST(${m(sortedAt(JSON_SORT_DEPTH))}(CAST(trim(f, ${JSON_BLANK}) AS JSON), dup) AS JSON) ELSE json(f) END)[1] END`,
    },
  ];
}
