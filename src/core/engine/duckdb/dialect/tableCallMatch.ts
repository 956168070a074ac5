import { QualifiedName, readQualifiedName } from '../../../sql/identifiers';
import { isGroup, isPunct, isWord, nextSignificant, previousSignificant, significantNodes, trimTrivia } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceContext, SequenceMatch } from './ruleTypes';
import { CallMatch, matchCall } from './functionCall';
import { Translator } from './translator';

// Where a Snowflake table function is called in a FROM clause, and its arguments.

export interface TableCallMatch extends SequenceMatch {
  call: CallMatch;
}

/** The words a table function call starts with. */
export const TABLE_CALL_STARTS = ['TABLE', 'LATERAL'];

/** `TABLE(NAME(...))`, `LATERAL NAME(...)` or a bare `NAME(...)` in a FROM list. */
export function matchTableCall(nodes: SqlNode[], index: number, names: string[]): TableCallMatch | undefined {
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

/** `TABLE(name(...))` whose name may be qualified (`db.schema.f`): the name's nodes, the name and the argument list. */
export function matchQualifiedTableCall(nodes: SqlNode[], index: number): { nameNodes: SqlNode[]; name: QualifiedName; argList: GroupNode; end: number } | undefined {
  if (!isWord(nodes[index], 'TABLE')) return undefined;
  const groupAt = nextSignificant(nodes, index + 1);
  const group = nodes[groupAt];
  if (!isGroup(group)) return undefined;
  const inner = significantNodes(group.children);
  const name = readQualifiedName(inner, 0);
  const argList = name && inner[name.end];
  if (!name || !isGroup(argList) || name.end + 1 !== inner.length) return undefined;
  return { nameNodes: inner.slice(0, name.end), name, argList, end: groupAt + 1 };
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


/** After a comma or CROSS JOIN: FLATTEN reads the tables before it, row by row. */
export function followsLeftTables(nodes: SqlNode[], index: number): boolean {
  const before = previousSignificant(nodes, index - 1);
  return isPunct(nodes[before], ',') || (isWord(nodes[before], 'JOIN') && isWord(nodes[previousSignificant(nodes, before - 1)], 'CROSS'));
}
