import { resultForReturnValue } from '../../core/procedures/procedureValues';
import { RunOutcome } from '../../core/runner/runTypes';
import { untag } from '../../core/runner/taggedValues';
import type { QueryResult, TaggedValue } from '../../core/runner/protocol';

// What a finished run shows: a table when it returned one (DataFrame, RETURNS TABLE, a
// list of Rows), else the one-cell result Snowflake shows for CALL.

export interface ShownOutcome {
  table: QueryResult;
  /** True when the result is really tabular (opens the result view, not a notification). */
  tabular: boolean;
}

export function shownOutcome(outcome: RunOutcome, resultName: string, returnType: string | null): ShownOutcome | undefined {
  if (!outcome.ok) return undefined;
  if (outcome.table) return { table: outcome.table, tabular: true };
  const rows = rowsTable(outcome.value ?? null, outcome.runId);
  if (rows) return { table: rows, tabular: true };
  return { table: resultForReturnValue(resultName, returnType ?? 'VARIANT', outcome.value ?? null, outcome.runId), tabular: false };
}

/** A returned list of Rows (each tagged as an object of its fields) as a table. */
function rowsTable(value: TaggedValue, queryId: string): QueryResult | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  if (!value.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item) && item.$t === 'object')) return undefined;
  const objects = value.map((item) => untag(item) as Record<string, unknown>);
  const names = Object.keys(objects[0]);
  const data = names.map((name) => objects.map((row) => row[name] ?? null));
  const columns = names.map((name, c) => ({ name, type: typeOf(data[c]) }));
  return { queryId, columns, data, rowCount: objects.length };
}

function typeOf(column: unknown[]): string {
  const sample = column.find((cell) => cell !== null && cell !== undefined);
  if (typeof sample === 'number') return 'NUMBER';
  if (typeof sample === 'boolean') return 'BOOLEAN';
  if (typeof sample === 'string') return 'VARCHAR';
  return 'VARIANT';
}
