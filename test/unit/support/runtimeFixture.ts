import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { runWorksheet, StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';

export async function openMemoryRuntime(extra: Partial<Parameters<typeof SnowparkRuntime.open>[0]> = {}): Promise<SnowparkRuntime> {
  return SnowparkRuntime.open({ dbPath: ':memory:', ...extra });
}

/** Runs SQL text as a worksheet and returns every statement's outcome. */
export async function runSql(runtime: SnowparkRuntime, text: string, file?: string): Promise<StatementOutcome[]> {
  const outcomes: StatementOutcome[] = [];
  for await (const outcome of runWorksheet(runtime, text, file, { continueOnError: true })) outcomes.push(outcome);
  return outcomes;
}

/** runSql, asserting that every statement succeeded (the failing one named with its message). */
export async function runSqlOk(runtime: SnowparkRuntime, text: string): Promise<StatementOutcome[]> {
  const outcomes = await runSql(runtime, text);
  for (const outcome of outcomes) assert.equal(outcome.error, undefined, `${outcome.statement}: ${outcome.error?.message}`);
  return outcomes;
}

export function onlyCell(outcome: StatementOutcome): unknown {
  if (outcome.error) throw new Error(`statement failed: ${outcome.error.message}`);
  return outcome.result!.data[0][0];
}
