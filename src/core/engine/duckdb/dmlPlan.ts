import { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { QueryResult } from '../../runner/protocol';
import { scanSql } from '../../sql/scanSql';
import { buildTokenTree } from '../../sql/tokenTree';
import { isWord, nextSignificant } from '../../sql/nodes';
import { Fragment, numberBinds, singleStatement } from './dmlParsing';
import { planMerge } from './mergeStatement';
import { planUpdate } from './updateStatement';
import { planInsertOverwrite } from './insertOverwrite';
import { planMultiTableInsert } from './multiTableInsert';

// DuckDB answers UPDATE … FROM and MERGE with one total, counting a target row once per
// source row it joined. Snowflake answers per action and per target row, so the engine
// counts those first, with plain SELECTs in the same transaction as the statement (what
// they see is exactly what the statement will change), then runs the statement.

/** Runs a count query (in the statement's transaction) and gives its rows as JSON values. */
export type CountQueryRunner = (query: Fragment) => Promise<unknown[][]>;

export interface DmlPlan {
  /** The statement to run instead of the original (e.g. `SET t.c` made `SET c`). */
  readonly sql: string;
  /**
   * Runs first, in the statement's transaction: counts what the statement will do (a
   * multi-table INSERT does its inserts here) and gives Snowflake's result row for it;
   * undefined when DuckDB's own count is already Snowflake's.
   */
  count?: (run: CountQueryRunner, queryId: string) => Promise<QueryResult>;
  /** False when `count` ran every part that reads the binds (a multi-table INSERT): `sql` runs without them. */
  readonly sqlTakesBinds?: false;
}

/** A plan for a single UPDATE, MERGE, INSERT OVERWRITE or multi-table INSERT statement in DuckDB SQL; otherwise undefined. */
export function planDml(duckDbSql: string): DmlPlan | undefined {
  if (!/^\s*(update|merge|insert\s+(overwrite|all|first))\b/i.test(duckDbSql)) return undefined;
  const nodes = singleStatement(buildTokenTree(scanSql(duckDbSql)));
  if (!nodes) return undefined;
  const binds = numberBinds(nodes);
  const first = nodes[nextSignificant(nodes, 0)];
  if (isWord(first, 'MERGE')) return planMerge(nodes, duckDbSql, binds);
  if (isWord(first, 'UPDATE')) return planUpdate(nodes, duckDbSql, binds);
  if (isWord(first, 'INSERT')) return planMultiTableInsert(nodes, binds) ?? planInsertOverwrite(nodes, duckDbSql);
  return undefined;
}

/** Count queries run on the statement's own connection, hence inside its transaction. */
export function countQueryRunner(connection: DuckDBConnection, values: readonly DuckDBValue[]): CountQueryRunner {
  return async (query) => {
    const result = query.binds.length ? await connection.run(query.text, query.binds.map((i) => values[i])) : await connection.run(query.text);
    return (await result.getRowsJson()) as unknown[][];
  };
}
