import { readQualifiedName } from '../../sql/identifiers';
import { isWord, nextSignificant, nodeStart } from '../../sql/nodes';
import { SqlNode } from '../../sql/tokenTree';
import type { DmlPlan } from './dmlPlan';

// Snowflake's INSERT OVERWRITE INTO t [(cols)] query replaces every row of t and keeps its
// definition (Snowpark's save_as_table(mode="truncate") and insert_into(overwrite=True) send
// it). DuckDB has no such form; DELETE then INSERT in the statement's one transaction is the
// same thing, and a cancel rolls both back. The answer is the INSERT's "number of rows inserted".

export function planInsertOverwrite(nodes: SqlNode[], statement: string): DmlPlan | undefined {
  const insertAt = nextSignificant(nodes, 0);
  const overwriteAt = nextSignificant(nodes, insertAt + 1);
  const intoAt = nextSignificant(nodes, overwriteAt + 1);
  if (!isWord(nodes[overwriteAt], 'OVERWRITE') || !isWord(nodes[intoAt], 'INTO')) return undefined;
  const table = readQualifiedName(nodes, nextSignificant(nodes, intoAt + 1));
  if (!table) return undefined;
  const insert = statement.slice(nodeStart(nodes[insertAt]), nodeStart(nodes[overwriteAt])) + statement.slice(nodeStart(nodes[intoAt]));
  return { sql: `DELETE FROM ${table.name}; ${insert}` };
}
