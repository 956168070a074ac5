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

/** A returned list of Rows or dicts (each tagged as an object of its fields) as a table. */
function rowsTable(value: TaggedValue, queryId: string): QueryResult | undefined {
  const objects = returnedObjects(value);
  if (!objects) return undefined;
  const names = Object.keys(objects[0]);
  const data = names.map((name) => objects.map((row) => row[name] ?? null));
  const columns = names.map((name, c) => ({ name, type: typeOf(data[c]) }));
  return { queryId, columns, data, rowCount: objects.length };
}

function returnedObjects(value: TaggedValue): Array<Record<string, unknown>> | undefined {
  // A plain-JSON return value ({"$t": "json"}) holds its dicts as bare objects.
  const plain = value !== null && typeof value === 'object' && !Array.isArray(value) && value.$t === 'json';
  const items = plain ? value.v : value;
  if (!Array.isArray(items) || items.length === 0) return undefined;
  const isObject = (item: unknown): boolean => item !== null && typeof item === 'object' && !Array.isArray(item);
  if (plain) return items.every(isObject) ? (items as Array<Record<string, unknown>>) : undefined;
  if (!items.every((item: TaggedValue) => isObject(item) && (item as { $t: string }).$t === 'object')) return undefined;
  return items.map((item: TaggedValue) => untag(item) as Record<string, unknown>);
}

function typeOf(column: unknown[]): string {
  const sample = column.find((cell) => cell !== null && cell !== undefined);
  if (typeof sample === 'number') return 'NUMBER';
  if (typeof sample === 'boolean') return 'BOOLEAN';
  if (typeof sample === 'string') return 'VARCHAR';
  return 'VARIANT';
}
