import { cellToPlain } from '../procedures/procedureValues';
import { QueryResult, TaggedValue } from '../runner/protocol';
import { RunFailure, RunOutcome } from '../runner/runTypes';
import { cellAsTagged, compareValue, Difference, plainOf } from './compareValues';
import { ErrorExpectation, Expectation, ExpectedColumn, isErrorExpectation, isReturnsExpectation, TableExpectation } from './savedRunsFormat';

// A run's outcome against its saved expectation: the differences, and both sides as
// indented JSON in the expectation's own shape, so an editor can show them side by side
// and "save current result as expected" writes exactly the right-hand side.

export interface ExpectationCheck {
  passed: boolean;
  differences: Difference[];
  expectedText: string;
  actualText: string;
}

export function checkExpectation(expect: Expectation, outcome: RunOutcome): ExpectationCheck {
  const differences: Difference[] = [];
  const actual = actualInShapeOf(expect, outcome);
  if (isErrorExpectation(expect)) {
    if (outcome.ok) differences.push({ path: 'error', expected: expect.error, actual: null, note: 'the run succeeded; an error was expected' });
    else compareError(expect, outcome.error!, differences);
  } else if (!outcome.ok) {
    differences.push({ path: 'error', expected: null, actual: outcome.error!.message, note: 'the run failed' });
  } else if (isReturnsExpectation(expect)) {
    if (outcome.table) differences.push({ path: 'returns', expected: expect.returns, actual: null, note: 'the handler returned a table (use "rows"), not a value' });
    else compareValue(expect.returns, outcome.value ?? null, 'returns', differences);
  } else if (!outcome.table) {
    differences.push({ path: 'rows', expected: expect.rows ?? null, actual: plainOf(outcome.value ?? null), note: 'the handler returned a value (use "returns"), not a table' });
  } else {
    compareTable(expect, outcome.table, differences);
  }
  return {
    passed: differences.length === 0,
    differences,
    expectedText: JSON.stringify(expect, null, 2),
    actualText: JSON.stringify(actual, null, 2),
  };
}

/** What "save current result as expected" writes: the outcome in the shape of `previous`, or the natural one. */
export function expectationFromOutcome(outcome: RunOutcome, previous?: Expectation): Expectation {
  if (!outcome.ok) {
    const error = outcome.error!;
    const code = errorCodesIn(error.message)[0];
    return { error: code ? { code } : error.errorType ? { type: error.errorType } : { messageContains: error.message.split('\n')[0] } };
  }
  if (outcome.table) {
    const ordered = previous && !isErrorExpectation(previous) && !isReturnsExpectation(previous) ? previous.ordered : undefined;
    return { columns: outcome.table.columns.map((column) => column.name), rows: plainRows(outcome.table), ...(ordered === false ? { ordered } : {}) };
  }
  return { returns: plainOf(outcome.value ?? null) };
}

/** Snowflake's six-digit codes ("100038 (22018): …") first, then Snowpark's ("(1304): …"). */
export function errorCodesIn(message: string): string[] {
  const snowflake = [...message.matchAll(/\b(\d{6}) \([0-9A-Z]{5}\)/g)].map((match) => match[1]);
  const snowpark = [...message.matchAll(/(?<!\d{6} )\((\d{3,6})\):/g)].map((match) => match[1]);
  return [...new Set([...snowflake, ...snowpark])];
}

function compareError(expect: ErrorExpectation, error: RunFailure, out: Difference[]): void {
  const { code, type, messageContains } = expect.error;
  if (code !== undefined && !errorCodesIn(error.message).includes(code)) out.push({ path: 'error.code', expected: code, actual: errorCodesIn(error.message)[0] ?? null, note: error.message.split('\n')[0] });
  if (type !== undefined && error.errorType !== type) out.push({ path: 'error.type', expected: type, actual: error.errorType ?? null });
  if (messageContains !== undefined && !error.message.includes(messageContains)) out.push({ path: 'error.messageContains', expected: messageContains, actual: error.message.split('\n')[0] });
}

function compareTable(expect: TableExpectation, table: QueryResult, out: Difference[]): void {
  if (expect.columns) {
    const actualColumns = table.columns.map((column, index) => columnInShapeOf(expect.columns![index], column));
    const expectedColumns = expect.columns.map((column) => (typeof column === 'string' ? column : { name: column.name, ...(column.type ? { type: column.type } : {}) }));
    if (JSON.stringify(actualColumns) !== JSON.stringify(expectedColumns)) out.push({ path: 'columns', expected: expectedColumns, actual: actualColumns });
  }
  if (expect.rowCount !== undefined && expect.rowCount !== table.rowCount) out.push({ path: 'rowCount', expected: expect.rowCount, actual: table.rowCount });
  if (expect.rows) compareRows(expect.rows, table, expect.ordered !== false, out);
}

function compareRows(expected: Record<string, unknown>[], table: QueryResult, ordered: boolean, out: Difference[]): void {
  const actual = taggedRows(table);
  const rowDifferences = (want: Record<string, unknown>, got: Record<string, TaggedValue>, path: string): Difference[] => {
    const found: Difference[] = [];
    for (const key of new Set([...Object.keys(want), ...Object.keys(got)])) {
      if (!(key in got)) found.push({ path: `${path}.${key}`, expected: want[key], actual: undefined, note: 'no such column' });
      else if (!(key in want)) found.push({ path: `${path}.${key}`, expected: undefined, actual: plainOf(got[key]), note: 'column not in the expected row' });
      else compareValue(want[key], got[key], `${path}.${key}`, found);
    }
    return found;
  };
  if (ordered) {
    for (let index = 0; index < Math.min(expected.length, actual.length); index++) out.push(...rowDifferences(expected[index], actual[index], `rows[${index}]`));
    for (let index = actual.length; index < expected.length; index++) out.push({ path: `rows[${index}]`, expected: expected[index], actual: undefined, note: 'missing row' });
    for (let index = expected.length; index < actual.length; index++) out.push({ path: `rows[${index}]`, expected: undefined, actual: plainRow(actual[index]), note: 'row not expected' });
    return;
  }
  // Unordered: each expected row takes the first unclaimed actual row equal to it.
  const unclaimed = new Set(actual.keys());
  expected.forEach((want, index) => {
    const match = [...unclaimed].find((candidate) => rowDifferences(want, actual[candidate], '').length === 0);
    if (match === undefined) out.push({ path: `rows[${index}]`, expected: want, actual: undefined, note: 'no matching row (order ignored)' });
    else unclaimed.delete(match);
  });
  for (const index of unclaimed) out.push({ path: `rows[${index}]`, expected: undefined, actual: plainRow(actual[index]), note: 'row not expected (order ignored)' });
}

function actualInShapeOf(expect: Expectation, outcome: RunOutcome): unknown {
  if (!outcome.ok) {
    const error = outcome.error!;
    const code = errorCodesIn(error.message)[0] ?? null;
    const message = error.message.split('\n')[0];
    if (isErrorExpectation(expect)) {
      // Mirrors the expected keys, so the diff lines up field by field.
      const wanted = expect.error;
      return { error: { ...('code' in wanted ? { code } : {}), ...('type' in wanted ? { type: error.errorType ?? null } : {}), ...('messageContains' in wanted ? { messageContains: message } : {}) } };
    }
    return { error: { code, type: error.errorType ?? null, message } };
  }
  if (!outcome.table) {
    // Equal values are shown in the expectation's spelling (5.25, not "5.25"), so a diff
    // marks only what differs.
    const value = outcome.value ?? null;
    if (isReturnsExpectation(expect) && equal(expect.returns, value)) return { returns: expect.returns };
    return { returns: plainOf(value) };
  }
  if (isErrorExpectation(expect) || isReturnsExpectation(expect)) return { rows: plainRows(outcome.table) };
  const shaped: Record<string, unknown> = {};
  if (expect.rows || (!expect.columns && expect.rowCount === undefined)) shaped.rows = rowsInSpellingOf(expect, outcome.table);
  if (expect.columns) shaped.columns = outcome.table.columns.map((column, index) => columnInShapeOf(expect.columns![index], column));
  if (expect.rowCount !== undefined) shaped.rowCount = outcome.table.rowCount;
  if (expect.ordered !== undefined) shaped.ordered = expect.ordered;
  // The expectation's key order, so the two sides of a diff line up.
  return Object.fromEntries(Object.keys(expect).filter((key) => key in shaped).concat(Object.keys(shaped).filter((key) => !(key in expect))).map((key) => [key, shaped[key]]));
}

function rowsInSpellingOf(expect: TableExpectation, table: QueryResult): Record<string, unknown>[] {
  const plain = plainRows(table);
  if (expect.ordered === false || !expect.rows) return plain;
  const tagged = taggedRows(table);
  return plain.map((row, index) => {
    const want = expect.rows![index];
    if (!want) return row;
    return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, key in want && equal(want[key], tagged[index][key]) ? want[key] : value]));
  });
}

function equal(expected: unknown, actual: TaggedValue): boolean {
  const differences: Difference[] = [];
  compareValue(expected, actual, '', differences);
  return differences.length === 0;
}

function columnInShapeOf(expected: ExpectedColumn | undefined, actual: { name: string; type: string }): ExpectedColumn {
  return typeof expected === 'object' && expected.type !== undefined ? { name: actual.name, type: actual.type } : typeof expected === 'object' ? { name: actual.name } : actual.name;
}

function taggedRows(table: QueryResult): Array<Record<string, TaggedValue>> {
  return Array.from({ length: table.rowCount }, (_, row) => Object.fromEntries(table.columns.map((column, c) => [column.name, cellAsTagged(table.data[c][row], column.type)])));
}

function plainRows(table: QueryResult): Record<string, unknown>[] {
  return Array.from({ length: table.rowCount }, (_, row) => Object.fromEntries(table.columns.map((column, c) => [column.name, cellToPlain(table.data[c][row], column.type)])));
}

function plainRow(row: Record<string, TaggedValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, plainOf(value)]));
}
