import { CallMatch, functionRule } from './functionCall';
import { SequenceRule } from './ruleTypes';

// Snowflake MAP functions. A MAP value is a JSON object here, as an OBJECT is (the MAP type
// rule in typeRules.ts makes `{'k': 'v'}::MAP(VARCHAR, VARCHAR)` one), so it comes back as
// Snowflake shows a MAP, `{"k": "v"}`, and these functions read and build JSON objects.

const json = (sql: string): string => `CAST(${sql} AS JSON)`;
const keysOf = (map: string): string => `json_keys(${json(map)})`;
const asMap = (map: string): string => `json_transform(${json(map)}, '"MAP(VARCHAR, JSON)"')`;

export const mapRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'MAP_KEYS',
    why: "A MAP's keys as an ARRAY; the map is a JSON object here, whose keys are sorted as an OBJECT's.",
    functions: ['MAP_KEYS'],
    arity: [1, 1],
    rewrite: ([map]) => json(`to_json(list_sort(${keysOf(map)}))`),
  }),
  functionRule({
    name: 'MAP_CONTAINS_KEY',
    why: 'Whether the JSON object has the key (NULL for a NULL key or map); DuckDB has no such function for JSON.',
    functions: ['MAP_CONTAINS_KEY'],
    arity: [2, 2],
    rewrite: ([key, map]) => `list_contains(${keysOf(map)}, CAST(${key} AS VARCHAR))`,
  }),
  functionRule({
    name: 'MAP_SIZE',
    why: 'The number of keys of the JSON object (NULL for a NULL map).',
    functions: ['MAP_SIZE'],
    arity: [1, 1],
    rewrite: ([map]) => `len(${keysOf(map)})`,
  }),
  functionRule({
    name: 'MAP_CAT',
    why: "Both maps' keys, the second map's value winning a key both have, keys sorted; NULL when either map is NULL (DuckDB's map_concat reads NULL as empty).",
    functions: ['MAP_CAT'],
    arity: [2, 2],
    // The pair is bound once by a one-element list_transform: nested MAP_CATs (Snowpark's map_cat
    // of three maps) would otherwise repeat each inner call in the NULL test.
    rewrite: ([a, b]) =>
      `list_transform([{'a': ${asMap(a)}, 'b': ${asMap(b)}}], p -> CASE WHEN p.a IS NULL OR p.b IS NULL THEN NULL ` +
      `ELSE ${json('to_json(map_from_entries(list_sort(map_entries(map_concat(p.a, p.b)))))')} END)[1]`,
  }),
];
