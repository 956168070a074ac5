import type { SnowflakeMacro } from './macros';

// Macros of Snowflake's type semantics: a cast to VARCHAR(n) (stringLength.ts), AVG's input
// (aggregateRules.ts). No imports but types: macros.ts imports this file, and stringLength.ts
// imports macros.ts.

/** The end of Snowflake's message; metadata/ recognises the length CHECK by it. */
export const TOO_LONG = 'is too long and would be truncated';

export const TYPE_MACROS: SnowflakeMacro[] = [
  {
    name: 'string_of_length',
    why: "Snowflake refuses to cast a string to a shorter VARCHAR(n) (100074); DuckDB's VARCHAR has no length. One-element list binds v once.",
    body: `(v, n) AS list_transform([CAST(v AS VARCHAR)], s -> CASE WHEN s IS NULL OR length(s) <= n THEN s ELSE error('String ''' || s || ''' ${TOO_LONG}') END)[1]`,
  },
  {
    name: 'numeric_input',
    why: 'Snowflake AVG casts a VARCHAR argument to FLOAT; DuckDB has no SUM of VARCHAR. Any other type passes unchanged (typed overloads resolve on the column, inside the aggregate).',
    body: `(x VARCHAR) AS CAST(x AS DOUBLE), (x) AS x`,
  },
];
