import { SequenceMatch, SequenceRule } from './ruleTypes';
import { functionRule } from './functionCall';
import { flattenRule } from './flattenRule';
import { flattenHelperColumnsRule } from './flattenHelperColumns';
import { matchTableCall, namedArguments, TABLE_CALL_STARTS, TableCallMatch } from './tableCallMatch';
import { strtokSplitToTableRule } from './strtokSplitToTableRule';

// Snowflake table functions as DuckDB subqueries with Snowflake's column names. Each is written
// `TABLE(F(...))` or, for FLATTEN, `LATERAL F(...)`; the subquery sees outer columns, so a
// lateral FLATTEN over `t.v` works as in Snowflake.

/** GENERATOR's row number column (0-based), which SEQ4/SEQ8 read in the same statement. */
const GENERATOR_ROW = '"_GENERATOR_ROW"';

const generatorRule: SequenceRule<TableCallMatch> = {
  kind: 'sequence',
  name: 'GENERATOR',
  triggers: TABLE_CALL_STARTS,
  why: 'DuckDB has no GENERATOR; range(n) gives the rows (only ROWCOUNT is supported).',
  match: (nodes, index) => matchTableCall(nodes, index, ['GENERATOR']),
  rewrite({ call }, translator, context) {
    const args = namedArguments(call, ['ROWCOUNT'], translator, context);
    if (!args.ROWCOUNT) return translator.fail('GENERATOR needs ROWCOUNT => n in Snowpark Local (TIMELIMIT is not supported)', call.nameNode);
    return `(SELECT range AS ${GENERATOR_ROW} FROM range(${args.ROWCOUNT.sql}))`;
  },
};

const splitToTableRule: SequenceRule<TableCallMatch> = {
  kind: 'sequence',
  name: 'SPLIT_TO_TABLE',
  triggers: TABLE_CALL_STARTS,
  why: 'DuckDB has no SPLIT_TO_TABLE; one row per part with SEQ, INDEX (1-based) and VALUE.',
  match: (nodes, index) => matchTableCall(nodes, index, ['SPLIT_TO_TABLE']),
  rewrite({ call }, translator, context) {
    const args = namedArguments(call, ['STRING', 'DELIMITER'], translator, context);
    if (!args.STRING || !args.DELIMITER) return translator.fail('SPLIT_TO_TABLE takes a string and a delimiter', call.nameNode);
    const parts = `string_split(${args.STRING.sql}, ${args.DELIMITER.sql})`;
    return `LATERAL (SELECT 1 AS SEQ, CAST(i AS BIGINT) AS INDEX, ${parts}[i] AS VALUE FROM range(1, len(${parts}) + 1) AS s(i))`;
  },
};

export const tableFunctionRules: SequenceRule<SequenceMatch>[] = [
  flattenRule,
  flattenHelperColumnsRule,
  generatorRule,
  splitToTableRule,
  strtokSplitToTableRule,
  functionRule({
    name: 'SEQ4',
    why: "Snowflake SEQ4/SEQ8 number a query's rows from 0: the GENERATOR's own row column when the query reads one (usable in aggregates and window ORDER BY), else a window row number.",
    functions: ['SEQ1', 'SEQ2', 'SEQ4', 'SEQ8'],
    arity: [0, 1],
    rewrite: (_args, _call, translator) => (translator.generatorInScope ? GENERATOR_ROW : '(row_number() OVER () - 1)'),
  }),
] as SequenceRule<SequenceMatch>[];
