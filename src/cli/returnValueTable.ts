import { resultForReturnValue, snowflakeReturnType } from '../core/procedures/procedureValues';
import { jsonTextOf } from '../core/runner/lazyJsonValue';
import { QueryResult } from '../core/runner/protocol';
import { RunOutcome } from '../core/runner/runTypes';
import { indentedJsonPrefix } from './indentedJsonPrefix';

// What `snowpark-local run` prints for a finished run without --json: the table it returned,
// or Snowflake's one-cell CALL result, of which the table shows one clipped line.

/** Characters of a large VARIANT cell worth building: the table shows 80 of them. */
const SHOWN_CHARS = 1000;
const VARIANT_TYPES = new Set(['VARIANT', 'OBJECT', 'ARRAY']);

export function outcomeTable(outcome: RunOutcome, name: string, returnType: string | null): QueryResult | undefined {
  if (!outcome.ok) return undefined;
  if (outcome.table) return outcome.table;
  const json = jsonTextOf(outcome.value);
  const type = snowflakeReturnType(returnType ?? 'VARIANT');
  if (json?.exact && VARIANT_TYPES.has(type)) {
    // The start of the text Python sent, indented as the full value would be: no parse of all of it.
    const cell = indentedJsonPrefix(textStart(json.parts, SHOWN_CHARS), SHOWN_CHARS);
    return { queryId: outcome.runId, columns: [{ name, type }], data: [[cell]], rowCount: 1 };
  }
  return resultForReturnValue(name, returnType ?? 'VARIANT', outcome.value ?? null, outcome.runId);
}

/** At least the first `chars` characters of the UTF-8 text in `parts` (4 bytes per character at most), or all of it. */
function textStart(parts: Buffer[], chars: number): string {
  const wanted = 4 * chars + 4;
  const start: Buffer[] = [];
  let length = 0;
  for (const part of parts) {
    if (length >= wanted) break;
    start.push(part.subarray(0, wanted - length));
    length += start[start.length - 1].length;
  }
  return Buffer.concat(start).toString('utf8');
}
