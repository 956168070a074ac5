import type { SnowflakeMacro } from './macros';

// The macro behind ARRAY_UNION_AGG (arrayUnionAggRule.ts).

export function arrayUnionMacros(): SnowflakeMacro[] {
  return [
    {
      name: 'array_union_of',
      why:
        "Snowflake ARRAY_UNION_AGG's multiset union of a group's ARRAYs: each value as many times as the one ARRAY holding it most often has it; " +
        'NULL elements are skipped; values in the order they first appear.',
      // l: the group's arrays as lists; e: their non-NULL elements; each distinct one (first
      // occurrences kept) repeated by its largest count in a single array.
      body:
        `(l) AS list_transform([list_transform(l, a -> list_filter(a, x -> x IS NOT NULL AND json_type(x) <> 'NULL'))], ls -> ` +
        `list_transform([flatten(ls)], e -> CAST(to_json(flatten(list_transform(list_filter(e, (v, i) -> list_position(e, v) = i), ` +
        `v -> list_transform(range(list_max(list_transform(ls, a -> len(list_filter(a, x -> x = v))))), n -> v)))) AS JSON))[1])[1]`,
    },
  ];
}
