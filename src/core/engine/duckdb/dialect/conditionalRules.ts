import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule } from './functionCall';
import { macro } from './macros';

// Snowflake conditional functions whose NULL handling differs from DuckDB's, or that DuckDB lacks.

export const conditionalRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'GREATEST',
    why: 'Snowflake GREATEST/LEAST return NULL when any argument is NULL; DuckDB ignores NULLs.',
    functions: ['GREATEST', 'LEAST'],
    arity: [1, Number.MAX_SAFE_INTEGER],
    rewrite: (args, call) => `${macro(call.name === 'GREATEST' ? 'greatest_of' : 'least_of')}([${args.join(', ')}])`,
  }),
  functionRule({
    name: 'GREATEST_IGNORE_NULLS',
    why: "Snowflake GREATEST_IGNORE_NULLS/LEAST_IGNORE_NULLS skip NULL arguments (NULL only when all are): DuckDB's own greatest/least.",
    functions: ['GREATEST_IGNORE_NULLS', 'LEAST_IGNORE_NULLS'],
    arity: [1, Number.MAX_SAFE_INTEGER],
    rewrite: (args, call) => `${call.name === 'GREATEST_IGNORE_NULLS' ? 'greatest' : 'least'}(${args.join(', ')})`,
  }),
  functionRule({
    name: 'EQUAL_NULL',
    why: 'DuckDB has no EQUAL_NULL; it is NULL-safe equality.',
    functions: ['EQUAL_NULL'],
    arity: [2, 2],
    rewrite: ([a, b]) => `((${a}) IS NOT DISTINCT FROM (${b}))`,
  }),
  functionRule({
    name: 'DECODE',
    why: 'DuckDB has no DECODE; Snowflake DECODE matches NULL to NULL, unlike a simple CASE.',
    functions: ['DECODE'],
    arity: [3, Number.MAX_SAFE_INTEGER],
    rewrite([subject, ...rest]) {
      let sql = 'CASE';
      for (let i = 0; i + 1 < rest.length; i += 2) sql += ` WHEN (${subject}) IS NOT DISTINCT FROM (${rest[i]}) THEN ${rest[i + 1]}`;
      if (rest.length % 2 === 1) sql += ` ELSE ${rest[rest.length - 1]}`;
      return `${sql} END`;
    },
  }),
  functionRule({
    name: 'NULLIFZERO',
    why: 'DuckDB has no NULLIFZERO.',
    functions: ['NULLIFZERO'],
    arity: [1, 1],
    rewrite: ([value]) => `NULLIF(${value}, 0)`,
  }),
  functionRule({
    name: 'BOOLAND',
    why: 'DuckDB has no BOOLAND/BOOLOR/BOOLXOR/BOOLNOT; a non-zero number is TRUE, and NULL stays unknown as in SQL logic.',
    functions: ['BOOLAND', 'BOOLOR', 'BOOLXOR'],
    arity: [2, 2],
    rewrite: ([a, b], call) => {
      const operator = { BOOLAND: 'AND', BOOLOR: 'OR', BOOLXOR: '<>' }[call.name as 'BOOLAND' | 'BOOLOR' | 'BOOLXOR'];
      return `(((${a}) <> 0) ${operator} ((${b}) <> 0))`;
    },
  }),
  functionRule({
    name: 'BOOLNOT',
    why: 'DuckDB has no BOOLNOT; zero is FALSE, so its negation is TRUE.',
    functions: ['BOOLNOT'],
    arity: [1, 1],
    rewrite: ([a]) => `(NOT ((${a}) <> 0))`,
  }),
];
