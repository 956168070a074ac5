import { quoteStringLiteral } from '../../../sql/literals';
import { AnySequenceRule } from './ruleTypes';
import { functionRule } from './functionCall';
import { macro } from './macros';
import { groupNumberAt, regexParametersAt } from './regexParameters';

// Snowflake regular-expression functions DuckDB lacks: positions of a match and every match.
// Parameters and group numbers are read at translation time (regexParameters.ts).

export const regexpRules: AnySequenceRule[] = [
  functionRule({
    name: 'REGEXP_INSTR',
    why: 'DuckDB has no REGEXP_INSTR (1-based position of the n-th match, or just after it, or of a capture group; 0 when there is none).',
    functions: ['REGEXP_INSTR'],
    arity: [2, 7],
    rewrite([s, p, position = '1', occurrence = '1', option = '0'], call, translator) {
      const params = regexParametersAt(call, 5, translator);
      const group = params && groupNumberAt(call, 6, 1, params.extract, translator);
      if (params === undefined || group === 'null') return 'CAST(NULL AS BIGINT)';
      // A group the pattern does not have is never found.
      const at = `${macro('regexp_instr')}(CAST(${s} AS VARCHAR), ${p}, ${position}, ${occurrence}, ${option}, ${quoteStringLiteral(params.flags)}, ${group === 'missing' ? 0 : group})`;
      return group === 'missing' ? `CASE WHEN ${at} IS NOT NULL THEN 0 END` : at;
    },
  }),
  functionRule({
    name: 'REGEXP_SUBSTR_ALL',
    why: 'DuckDB has no REGEXP_SUBSTR_ALL: the matches (or a capture group of each) from a position, from the n-th on, as an ARRAY (JSON).',
    functions: ['REGEXP_SUBSTR_ALL', 'REGEXP_EXTRACT_ALL'],
    arity: [2, 6],
    rewrite([s, p, position = '1', occurrence = '1'], call, translator) {
      const params = regexParametersAt(call, 4, translator);
      const group = params && groupNumberAt(call, 5, 1, params.extract, translator);
      // Snowflake: NULL when group_num names a group the pattern does not have.
      if (params === undefined || group === 'null' || group === 'missing') return 'CAST(NULL AS JSON)';
      const pattern = params.flags === '' ? p : `${quoteStringLiteral(params.flags)} || ${p}`;
      // An empty pattern matches nothing in Snowflake (DuckDB finds an empty match everywhere).
      return `CASE WHEN (${p}) = '' THEN CASE WHEN (${s}) IS NOT NULL THEN CAST('[]' AS JSON) END ELSE CAST(to_json(regexp_extract_all(substr(CAST(${s} AS VARCHAR), ${position}), ${pattern}, ${group})[${occurrence}:]) AS JSON) END`;
    },
  }),
];
