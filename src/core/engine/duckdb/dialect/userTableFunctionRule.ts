import { nodesText } from '../../../sql/nodes';
import { GroupNode, SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule } from './ruleTypes';
import { matchQualifiedTableCall } from './tableCallMatch';

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
    const call = matchQualifiedTableCall(nodes, index);
    if (!call || BUILT_IN.has(call.name.parts[call.name.parts.length - 1])) return undefined;
    return { name: nodesText(call.nameNodes), argList: call.argList, end: call.end };
  },
  rewrite({ name, argList }, translator, context) {
    return `${name}(${translator.translateArguments(argList.children, context).join(', ')})`;
  },
};
