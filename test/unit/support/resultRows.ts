import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';

/** The result's column names, in order; fails with the statement's error if it failed. */
export function columnNames(outcome: StatementOutcome): string[] {
  if (outcome.error) throw new Error(`statement failed: ${outcome.error.message}`);
  return outcome.result!.columns.map((column) => column.name);
}

/** The result as one object per row, keyed by column name. */
export function resultRows(outcome: StatementOutcome): Array<Record<string, unknown>> {
  const names = columnNames(outcome);
  const { data, rowCount } = outcome.result!;
  return Array.from({ length: rowCount }, (_, row) => Object.fromEntries(names.map((name, c) => [name, data[c][row]])));
}

/** One column of the result, by name. */
export function columnValues(outcome: StatementOutcome, name: string): unknown[] {
  return resultRows(outcome).map((row) => row[name]);
}
