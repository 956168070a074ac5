import { QueryResult } from '../../runner/protocol';

// Snowflake answers DML and DDL with a one-row result, not DuckDB's "Count" column;
// handlers read those rows (e.g. `res[0]['number of rows inserted']`), so we match them.

export type StatementKind = 'select' | 'insert' | 'update' | 'delete' | 'create' | 'drop' | 'other';

export function dmlResult(kind: 'insert' | 'update' | 'delete', rowsChanged: number, queryId: string, multiJoined = 0): QueryResult {
  const name = { insert: 'number of rows inserted', update: 'number of rows updated', delete: 'number of rows deleted' }[kind];
  const columns = [{ name, type: 'NUMBER(38,0)' }];
  const data: unknown[][] = [[rowsChanged]];
  if (kind === 'update') {
    columns.push({ name: 'number of multi-joined rows updated', type: 'NUMBER(38,0)' });
    data.push([multiJoined]);
  }
  return { queryId, columns, data, rowCount: 1 };
}

/** Counts for the actions a MERGE has; an action it does not have is undefined (no column). */
export interface MergeCounts {
  inserted?: number;
  updated?: number;
  deleted?: number;
}

/** Snowflake's MERGE row: one column per kind of action present, in this order. */
export function mergeResult(counts: MergeCounts, queryId: string): QueryResult {
  const named: Array<[string, number | undefined]> = [
    ['number of rows inserted', counts.inserted],
    ['number of rows updated', counts.updated],
    ['number of rows deleted', counts.deleted],
  ];
  const present = named.filter((entry): entry is [string, number] => entry[1] !== undefined);
  return {
    queryId,
    columns: present.map(([name]) => ({ name, type: 'NUMBER(38,0)' })),
    data: present.map(([, count]) => [count]),
    rowCount: 1,
  };
}

const CREATED = /^\s*create\s+(?:or\s+replace\s+)?(?:(?:local|global)\s+)?(?:temp|temporary|transient|volatile)?\s*(table|view|schema|database|sequence)\s+(?:if\s+not\s+exists\s+)?([^\s(]+)/i;
const DROPPED = /^\s*drop\s+(table|view|schema|database|sequence)\s+(?:if\s+exists\s+)?([^\s;]+)/i;

function displayName(name: string): string {
  const last = name.split('.').pop() ?? name;
  return last.startsWith('"') ? last.slice(1, -1) : last.toUpperCase();
}

export function statusText(originalSql: string): string {
  const created = originalSql.match(CREATED);
  if (created) {
    const kind = created[1][0].toUpperCase() + created[1].slice(1).toLowerCase();
    return `${kind} ${displayName(created[2])} successfully created.`;
  }
  const dropped = originalSql.match(DROPPED);
  if (dropped) return `${displayName(dropped[2])} successfully dropped.`;
  return 'Statement executed successfully.';
}

export function statusResult(originalSql: string, queryId: string): QueryResult {
  return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [[statusText(originalSql)]], rowCount: 1 };
}
