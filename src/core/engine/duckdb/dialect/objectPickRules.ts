import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule } from './functionCall';

// OBJECT_PICK: a new OBJECT (JSON here) with only some of an object's keys.

/** The keys of a single key argument: the elements of an ARRAY, or the value itself. */
function keysOf(key: string): string {
  const value = `to_json(${key})`;
  const array = `CAST(CASE WHEN json_type(${value}) = 'ARRAY' THEN ${value} ELSE json_array(${key}) END AS JSON[])`;
  return `list_transform(${array}, k -> json_extract_string(k, '$'))`;
}

export const objectPickRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'OBJECT_PICK',
    why: "DuckDB has no OBJECT_PICK; the object's entries (as a MAP) are filtered by the keys, given one by one or as an ARRAY, and keys it lacks are ignored.",
    functions: ['OBJECT_PICK'],
    arity: [2, Number.MAX_SAFE_INTEGER],
    rewrite([object, ...keys]) {
      const wanted = keys.length === 1 ? keysOf(keys[0]) : `[${keys.map((k) => `CAST(${k} AS VARCHAR)`).join(', ')}]`;
      // A MAP keeps JSON null values (as NULL), so a key whose value is null is still picked.
      const entries = `map_entries(CAST(CAST(${object} AS JSON) AS MAP(VARCHAR, JSON)))`;
      return `CAST(to_json(map_from_entries(list_filter(${entries}, e -> list_contains(${wanted}, e.key)))) AS JSON)`;
    },
  }),
];
