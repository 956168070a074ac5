import { readQualifiedName } from '../../../sql/identifiers';
import { isGroup, isWord, nextSignificant, nodesText, significantNodes } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';

// Snowflake calls a user-defined table function as `TABLE(f(args))`; locally a SQL UDTF is a
// DuckDB table macro (engine/duckdb/sqlUdfs/), called as `f(args)` in FROM. The built-in table
// functions (FLATTEN, GENERATOR, SPLIT_TO_TABLE, RESULT_SCAN) have rules of their own, tried first.

interface UserTableCallMatch extends SequenceMatch {
  /** `f`, `db.sch.f` as written. */
  name: string;
  argList: GroupNode;
}

const BUILT_IN = new Set(['FLATTEN', 'GENERATOR', 'SPLIT_TO_TABLE', 'RESULT_SCAN']);

export const userTableFunctionRule: SequenceRule<UserTableCallMatch> = {
  kind: 'sequence',
  name: 'TABLE(user function)',
  triggers: ['TABLE'],
  why: 'Snowflake calls a table function as TABLE(f(args)); a SQL UDTF runs locally as a DuckDB table macro, called as f(args).',
  match(nodes: SqlNode[], index: number) {
    if (!isWord(nodes[index], 'TABLE')) return undefined;
    const groupAt = nextSignificant(nodes, index + 1);
    const group = nodes[groupAt];
    if (!isGroup(group)) return undefined;
    const inner = significantNodes(group.children);
    const name = readQualifiedName(inner, 0);
    if (!name || BUILT_IN.has(name.parts[name.parts.length - 1])) return undefined;
    const argList = inner[name.end];
    if (!isGroup(argList) || name.end + 1 !== inner.length) return undefined;
    return { name: nodesText(inner.slice(0, name.end)), argList, end: groupAt + 1 };
  },
  rewrite({ name, argList }, translator, context) {
    return `${name}(${translator.translateArguments(argList.children, context).join(', ')})`;
  },
};
