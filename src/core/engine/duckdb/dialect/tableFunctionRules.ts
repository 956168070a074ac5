import { isGroup, isPunct, isWord, nextSignificant, significantNodes, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceContext, SequenceMatch, SequenceRule } from './ruleTypes';
import { CallMatch, functionRule, matchCall } from './functionCall';
import { quoteStringLiteral, unquoteStringLiteral } from '../../../sql/literals';
import { jsonPathOf } from './semiStructuredRules';
import { Translator } from './translator';
import { FlattenMode, flattenSubquery } from './flattenSql';

// Snowflake table functions as DuckDB subqueries with Snowflake's column names. Each is written
// `TABLE(F(...))` or, for FLATTEN, `LATERAL F(...)`; the subquery sees outer columns, so a
// lateral FLATTEN over `t.v` works as in Snowflake.

interface TableCallMatch extends SequenceMatch {
  call: CallMatch;
}

/** GENERATOR's row number column (0-based), which SEQ4/SEQ8 read in the same statement. */
const GENERATOR_ROW = '"_GENERATOR_ROW"';

/** The words a table function call starts with. */
const TABLE_CALL_STARTS = ['TABLE', 'LATERAL'];

/** `TABLE(NAME(...))`, `LATERAL NAME(...)` or a bare `NAME(...)` in a FROM list. */
function matchTableCall(nodes: SqlNode[], index: number, names: string[]): TableCallMatch | undefined {
  if (isWord(nodes[index], 'TABLE')) {
    const groupAt = nextSignificant(nodes, index + 1);
    const group = nodes[groupAt];
    if (!isGroup(group)) return undefined;
    const inner = significantNodes((group as GroupNode).children);
    const call = matchCall(inner, 0, names);
    return call && call.end === inner.length ? { call, end: groupAt + 1 } : undefined;
  }
  if (isWord(nodes[index], 'LATERAL')) {
    const at = nextSignificant(nodes, index + 1);
    // `LATERAL TABLE(FLATTEN(…))`, as Snowpark's join_table_function writes it: one lateral.
    if (isWord(nodes[at], 'TABLE')) return matchTableCall(nodes, at, names);
    const call = matchCall(nodes, at, names);
    return call ? { call, end: call.end } : undefined;
  }
  return undefined;
}

/** `name => value` arguments (and positional ones, by order) translated to SQL text. */
export function namedArguments(call: CallMatch, order: string[], translator: Translator, context: SequenceContext): Record<string, { sql: string; nodes: SqlNode[] }> {
  const out: Record<string, { sql: string; nodes: SqlNode[] }> = {};
  call.args.forEach((arg, position) => {
    const significant = significantNodes(arg);
    let name = order[position];
    let valueNodes = arg;
    if (isWord(significant[0]) && isPunct(significant[1], '=>')) {
      name = significant[0].token.text.toUpperCase();
      valueNodes = trimTrivia(arg.slice(arg.indexOf(significant[1]) + 1));
    }
    if (!name) translator.fail(`${call.name} does not take argument ${position + 1}`, arg[0]);
    out[name] = { sql: translator.translateSequence(valueNodes, { ...context, depth: context.depth + 1 }), nodes: valueNodes };
  });
  return out;
}

const flattenRule: SequenceRule<TableCallMatch> = {
  kind: 'sequence',
  name: 'FLATTEN',
  triggers: TABLE_CALL_STARTS,
  why: "DuckDB has no FLATTEN; json_each gives one row per element or field (a recursive CTE for RECURSIVE => TRUE), shaped into Snowflake's SEQ, KEY, PATH, INDEX, VALUE, THIS.",
  match: (nodes, index) => matchTableCall(nodes, index, ['FLATTEN']),
  rewrite({ call }, translator, context) {
    const args = namedArguments(call, ['INPUT', 'PATH', 'OUTER', 'RECURSIVE', 'MODE'], translator, context);
    if (!args.INPUT) return translator.fail('FLATTEN needs INPUT => …', call.nameNode);
    let input = `CAST(${args.INPUT.sql} AS JSON)`;
    let prefix = '';
    if (args.PATH) {
      const pathNode = args.PATH.nodes[0];
      prefix = pathNode.type === 'token' ? unquoteStringLiteral(pathNode.token.text) : '';
      input = `json_extract(${input}, ${quoteStringLiteral(jsonPathOf(prefix))})`;
    }
    return flattenSubquery({
      input,
      prefix,
      outer: booleanArgument(args.OUTER, 'OUTER', translator),
      recursive: booleanArgument(args.RECURSIVE, 'RECURSIVE', translator),
      mode: modeArgument(args.MODE, translator),
      seq: '1',
    });
  },
};

/** A TRUE/FALSE constant argument (absent: FALSE). */
function booleanArgument(arg: { sql: string; nodes: SqlNode[] } | undefined, name: string, translator: Translator): boolean {
  if (arg === undefined || /^\s*false\s*$/i.test(arg.sql)) return false;
  if (/^\s*true\s*$/i.test(arg.sql)) return true;
  return translator.fail(`FLATTEN ${name} must be TRUE or FALSE`, arg.nodes[0]);
}

/** MODE => 'OBJECT' | 'ARRAY' | 'BOTH' (absent: BOTH). */
function modeArgument(arg: { sql: string; nodes: SqlNode[] } | undefined, translator: Translator): FlattenMode {
  if (arg === undefined) return 'BOTH';
  const node = arg.nodes[0];
  const mode = arg.nodes.length === 1 && node.type === 'token' && node.token.text.startsWith("'") ? unquoteStringLiteral(node.token.text).toUpperCase() : '';
  if (mode === 'OBJECT' || mode === 'ARRAY' || mode === 'BOTH') return mode;
  return translator.fail("FLATTEN MODE must be 'OBJECT', 'ARRAY' or 'BOTH'", node);
}

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
  generatorRule,
  splitToTableRule,
  functionRule({
    name: 'SEQ4',
    why: "Snowflake SEQ4/SEQ8 number a query's rows from 0: the GENERATOR's own row column when the query reads one (usable in aggregates and window ORDER BY), else a window row number.",
    functions: ['SEQ1', 'SEQ2', 'SEQ4', 'SEQ8'],
    arity: [0, 1],
    rewrite: (_args, _call, translator) => (translator.generatorInScope ? GENERATOR_ROW : '(row_number() OVER () - 1)'),
  }),
] as SequenceRule<SequenceMatch>[];
