import type { SnowflakeMacro } from './macros';

// Snowflake's ARRAY functions on ARRAYs held as DuckDB JSON. Each works on the JSON[] list of the
// elements. A JSON[] cast makes a JSON null element SQL NULL, so an ARRAY here cannot tell
// Snowflake's SQL NULL element (`undefined`) from a JSON null: both are read as SQL NULL, and
// `null` is what comes out.
//
// VARIANT values compare as Snowflake compares them, not as JSON text: 5, 5.00 and 5e0 are equal
// numbers, '5' is a string and differs from them. Values of different types never compare
// equal; their order (Snowflake leaves it unspecified) is numbers, strings, booleans, arrays,
// objects.
//
// A list is read once and bound by a one-element list_transform where a body needs it several
// times, so an array argument (itself often a call) is not expanded more than once.

export function arrayMacros(m: (name: string) => string): SnowflakeMacro[] {
  const key = m('variant_key');
  const order = m('variant_order');
  const elements = m('array_elements');
  const asJson = (list: string): string => `CAST(to_json(${list}) AS JSON)`;
  const bag = (isExcept: boolean): string =>
    `(a, b) AS list_transform([{'l': CAST(a AS JSON[]), 'kb': list_transform(CAST(b AS JSON[]), e -> ${key}(e))}], s -> CASE WHEN s.l IS NOT NULL AND s.kb IS NOT NULL THEN ` +
    `${asJson(`list_transform(${m('bag_kept')}(list_transform(s.l, e -> ${key}(e)), s.kb, ${isExcept}), i -> s.l[i])`)} END)[1]`;
  return [
    {
      name: 'array_elements',
      why: "An ARRAY's elements as a JSON[] list, JSON null read as SQL NULL (a JSON[] cast of text keeps it as 'null').",
      body: `(a) AS list_transform(CAST(a AS JSON[]), e -> CASE WHEN json_type(e) <> 'NULL' THEN e END)`,
    },
    {
      name: 'variant_key',
      why: 'Text equal for VARIANTs Snowflake calls equal: numbers by value (5 = 5.00 = 5e0), strings without quotes, anything else by its JSON text; a NULL element has a key too, so NULL-safe functions find it.',
      // Integers up to 2^53 written as DOUBLE (5.00) take the integer's key; past that a DOUBLE
      // keeps its own (a 64-bit integer would lose digits as a DOUBLE).
      body:
        `(e) AS CASE WHEN e IS NULL OR json_type(e) = 'NULL' THEN 'null' ` +
        `WHEN json_type(e) IN ('BIGINT', 'UBIGINT') THEN 'n' || CAST(CAST(e AS HUGEINT) AS VARCHAR) ` +
        `WHEN json_type(e) = 'DOUBLE' THEN 'n' || CASE WHEN CAST(e AS DOUBLE) = round(CAST(e AS DOUBLE)) AND abs(CAST(e AS DOUBLE)) < 9007199254740992 ` +
        `THEN CAST(CAST(CAST(e AS DOUBLE) AS HUGEINT) AS VARCHAR) ELSE CAST(CAST(e AS DOUBLE) AS VARCHAR) END ` +
        `WHEN json_type(e) = 'VARCHAR' THEN 's' || json_extract_string(e, '$') ` +
        `ELSE lower(json_type(e)) || CAST(json(e) AS VARCHAR) END`,
    },
    {
      name: 'variant_order',
      why: 'A sort key for a non-NULL VARIANT: its type (numbers, strings, booleans, arrays, objects), then numbers by value, strings by their bytes, booleans false first, arrays and objects by JSON text.',
      body:
        `(e) AS {'t': CASE json_type(e) WHEN 'VARCHAR' THEN 2 WHEN 'BOOLEAN' THEN 3 WHEN 'ARRAY' THEN 4 WHEN 'OBJECT' THEN 5 ELSE 1 END, ` +
        `'n': CASE WHEN json_type(e) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(e AS DOUBLE) WHEN json_type(e) = 'BOOLEAN' THEN CAST(CAST(e AS BOOLEAN) AS DOUBLE) ELSE 0 END, ` +
        `'s': CASE WHEN json_type(e) = 'VARCHAR' THEN json_extract_string(e, '$') WHEN json_type(e) IN ('ARRAY', 'OBJECT') THEN CAST(json(e) AS VARCHAR) ELSE '' END}`,
    },
    {
      name: 'array_sorted_values',
      why: "A list's non-NULL elements in VARIANT order, ascending or descending; ties keep a fixed order (by JSON text).",
      body: `(l, ascending) AS list_transform(CASE WHEN ascending THEN list_sort(list_transform(list_filter(l, e -> e IS NOT NULL), e -> {'k': ${order}(e), 'e': e})) ELSE list_reverse_sort(list_transform(list_filter(l, e -> e IS NOT NULL), e -> {'k': ${order}(e), 'e': e})) END, p -> p.e)`,
    },
    {
      name: 'array_sort',
      why: 'Snowflake ARRAY_SORT: the elements in VARIANT order, the NULL elements all first or all last; NULL when any argument is NULL.',
      body:
        `(a, ascending, nulls_first) AS list_transform([${elements}(a)], l -> CASE WHEN l IS NOT NULL AND ascending IS NOT NULL AND nulls_first IS NOT NULL THEN ` +
        `list_transform([${m('array_sorted_values')}(l, ascending)], s -> ${asJson('CASE WHEN nulls_first THEN list_concat(list_filter(l, e -> e IS NULL), s) ELSE list_concat(s, list_filter(l, e -> e IS NULL)) END')})[1] END)[1]`,
    },
    {
      name: 'array_min',
      why: 'Snowflake ARRAY_MIN: the lowest non-NULL element in VARIANT order, NULL when there is none.',
      body: `(a) AS list_min(list_transform(list_filter(${elements}(a), e -> e IS NOT NULL), e -> {'k': ${order}(e), 'e': e})).e`,
    },
    {
      name: 'array_max',
      why: 'Snowflake ARRAY_MAX: the highest non-NULL element in VARIANT order, NULL when there is none.',
      body: `(a) AS list_max(list_transform(list_filter(${elements}(a), e -> e IS NOT NULL), e -> {'k': ${order}(e), 'e': e})).e`,
    },
    {
      name: 'array_position',
      why: "Snowflake ARRAY_POSITION: the 0-based index of the first element equal to the value as a VARIANT (a NULL value finds the first NULL), NULL when none is.",
      body: `(v, a) AS list_position(list_transform(CAST(a AS JSON[]), e -> ${key}(e)), ${key}(to_json(v))) - 1`,
    },
    {
      name: 'array_remove',
      why: 'Snowflake ARRAY_REMOVE: the elements not equal to the value as VARIANTs (NULL elements stay); NULL for a NULL value.',
      body: `(a, v) AS CASE WHEN v IS NOT NULL THEN list_transform([${key}(to_json(v))], r -> ${asJson(`list_filter(CAST(a AS JSON[]), e -> ${key}(e) <> r)`)})[1] END`,
    },
    {
      name: 'array_remove_at',
      why: 'Snowflake ARRAY_REMOVE_AT: without the element at a 0-based position (negative: from the end); a position past either end removes nothing.',
      body: `(a, pos) AS list_transform([CAST(a AS JSON[])], l -> CASE WHEN pos IS NOT NULL THEN ${asJson('list_filter(l, (e, i) -> i - 1 <> CASE WHEN pos < 0 THEN pos + len(l) ELSE pos END)')} END)[1]`,
    },
    {
      name: 'array_insert',
      why: "Snowflake ARRAY_INSERT: the value at a 0-based position (negative: from the end); past either end, NULL (undefined) elements fill the gap between it and the array.",
      body:
        `(a, pos, v) AS list_transform([CAST(a AS JSON[])], l -> CASE WHEN l IS NOT NULL AND pos IS NOT NULL THEN list_transform([CAST(CASE WHEN pos < 0 THEN pos + len(l) ELSE pos END AS BIGINT)], p -> ${asJson(
          'CASE WHEN p < 0 THEN list_concat([to_json(v)], list_transform(range(-p), x -> CAST(NULL AS JSON)), l) ' +
            'WHEN p > len(l) THEN list_concat(l, list_transform(range(p - len(l)), x -> CAST(NULL AS JSON)), [to_json(v)]) ' +
            'ELSE list_concat(list_slice(l, 1, p), [to_json(v)], list_slice(l, p + 1, len(l))) END',
        )})[1] END)[1]`,
    },
    {
      name: 'bag_kept',
      why: 'The 1-based indexes of the keys in ka that ARRAY_EXCEPT (is_except) or ARRAY_INTERSECTION keeps against kb, in order, by multiset rules.',
      // One sort of both key lists, tagged by side, puts each key's copies in one run: ka's
      // first, in index order, then kb's. A run with na copies from ka and nb from kb keeps ka's
      // copies after the first nb (EXCEPT) or the first min(na, nb) (INTERSECTION). Sorting
      // keeps this O(n log n); comparing each element with all the others would be O(n²). Runs
      // read c by index: a list_slice of c would copy it once per run.
      body:
        `(ka, kb, is_except) AS list_transform([list_sort(list_concat(list_transform(ka, (k, i) -> {'k': k, 's': 0, 'i': i}), list_transform(kb, k -> {'k': k, 's': 1, 'i': 0})))], c -> ` +
        `list_transform([list_filter(range(1, len(c) + 1), j -> j = 1 OR c[j - 1].k <> c[j].k)], starts -> ` +
        `list_sort(flatten(list_transform(starts, (st, r) -> list_transform([{'st': st, 'n': coalesce(starts[r + 1], len(c) + 1) - st}], run -> ` +
        `list_transform([len(list_filter(range(run.st, run.st + run.n), j -> c[j].s = 0))], na -> ` +
        `list_transform(CASE WHEN is_except THEN range(run.st + run.n - na, run.st + na) ELSE range(run.st, run.st + least(na, run.n - na)) END, j -> c[j].i))[1])[1]))))[1])[1]`,
    },
    {
      name: 'array_except',
      why: 'Snowflake ARRAY_EXCEPT with bag semantics: an element stays unless the second array holds as many copies of it as came so far (NULLs are values).',
      body: bag(true),
    },
    {
      name: 'array_intersection',
      why: 'Snowflake ARRAY_INTERSECTION with bag semantics: an element stays while the second array holds as many copies of it as came so far (NULLs are values).',
      body: bag(false),
    },
    {
      name: 'array_flatten',
      why: "Snowflake ARRAY_FLATTEN: the element arrays concatenated; NULL if an element is NULL, Snowflake's error 100107 if one is not an ARRAY.",
      // TRY_CAST: DuckDB may fold the ELSE branch of a constant array before the CASE runs.
      body:
        `(a) AS list_transform([CAST(a AS JSON[])], l -> CASE WHEN l IS NULL OR list_bool_or(list_transform(l, e -> e IS NULL OR json_type(e) = 'NULL')) THEN NULL ` +
        `WHEN list_bool_or(list_transform(l, e -> json_type(e) <> 'ARRAY')) THEN error('100107 (22000): Not an array: ''Input argument to ARRAY_FLATTEN is not an array of arrays''') ` +
        `ELSE ${asJson('flatten(list_transform(l, e -> TRY_CAST(e AS JSON[])))')} END)[1]`,
    },
    {
      name: 'arrays_to_object',
      why: "Snowflake ARRAYS_TO_OBJECT: keys from one ARRAY, values from the other; a NULL key drops its pair, a NULL value is a JSON null; keys sorted, as OBJECTs are here; Snowflake's errors 215001 and 215002.",
      body:
        `(keys, vals) AS list_transform([{'k': CAST(keys AS JSON[]), 'v': CAST(vals AS JSON[])}], s -> CASE WHEN s.k IS NULL OR s.v IS NULL THEN NULL ` +
        `WHEN len(s.k) <> len(s.v) THEN error('215001 (22000): Key array and value array had unequal lengths in ARRAYS_TO_OBJECT') ` +
        `WHEN list_bool_or(list_transform(s.k, e -> json_type(e) NOT IN ('VARCHAR', 'NULL'))) THEN error('215002 (22000): Key supplied for ARRAYS_TO_OBJECT does not have string type') ` +
        `ELSE ${asJson(`map_from_entries(list_sort(list_filter(list_transform(s.k, (e, i) -> {'k': json_extract_string(e, '$'), 'v': coalesce(s.v[i], CAST('null' AS JSON))}), p -> p.k IS NOT NULL)))`)} END)[1]`,
    },
  ];
}
