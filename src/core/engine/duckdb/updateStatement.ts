import { isWord, nextSignificant } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';
import type { DmlPlan } from './dmlPlan';
import { applyEdits, assignmentQualifierEdits, findKeyword, fragment, referenceName, sql } from './dmlParsing';
import { dmlResult } from './statementMessages';

// UPDATE target [AS a] SET … [FROM sources] [WHERE cond]. With FROM, a target row that joins
// several source rows is a "multi-joined row": Snowflake updates it once (with
// ERROR_ON_NONDETERMINISTIC_UPDATE off, the default) and reports it in its own column,
// while DuckDB counts it once per joined source row.

export function planUpdate(nodes: SqlNode[], statement: string, binds: Map<SqlNode, number>): DmlPlan | undefined {
  const updateAt = nextSignificant(nodes, 0);
  const setAt = findKeyword(nodes, updateAt + 1, ['SET']);
  if (setAt >= nodes.length) return undefined;
  const fromAt = findKeyword(nodes, setAt + 1, ['FROM']);
  const whereAt = findKeyword(nodes, setAt + 1, ['WHERE']);
  const setEnd = Math.min(fromAt, whereAt);
  const edited = applyEdits(statement, assignmentQualifierEdits(nodes.slice(setAt + 1, setEnd)));
  if (fromAt >= nodes.length || !isWord(nodes[fromAt], 'FROM')) {
    // One table: DuckDB's own count is Snowflake's; only the SET targets may need editing.
    return edited === statement ? undefined : { sql: edited, count: undefined };
  }
  const targetNodes = nodes.slice(updateAt + 1, setAt);
  const target = fragment(targetNodes, binds);
  const tref = { text: referenceName(targetNodes), binds: [] };
  const sources = fragment(nodes.slice(fromAt + 1, whereAt), binds);
  const where = whereAt < nodes.length ? fragment(nodes.slice(whereAt + 1), binds) : { text: 'TRUE', binds: [] };
  const query = sql`SELECT COUNT(*), COUNT(*) FILTER (WHERE joined > 1) FROM (SELECT ${tref}.rowid, COUNT(*) AS joined FROM ${target}, ${sources} WHERE ${where} GROUP BY 1)`;
  return {
    sql: edited,
    count: async (run, queryId) => {
      const [[updated, multiJoined]] = await run(query);
      return dmlResult('update', Number(updated), queryId, Number(multiJoined));
    },
  };
}
