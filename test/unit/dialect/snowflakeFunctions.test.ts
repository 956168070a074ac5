import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { Cell, SNOWFLAKE_FUNCTION_CASES } from './snowflakeFunctionCases';

// Runs every documented Snowflake example on the real DuckDB engine, through the dialect.

function sameCell(actual: unknown, expected: Cell): boolean {
  if (expected === null) return actual === null || actual === undefined;
  if (typeof expected === 'object') {
    if (actual === null || actual === undefined) return false;
    return JSON.stringify(JSON.parse(String(actual))) === JSON.stringify(expected.json) || isDeepStrictEqual(JSON.parse(String(actual)), expected.json);
  }
  if (typeof expected === 'number') {
    const value = Number(actual);
    return Math.abs(value - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  }
  if (typeof expected === 'boolean') return actual === expected || String(actual) === String(expected);
  return String(actual) === expected || String(actual).replace(/\.0+$/, '') === expected || trimFraction(String(actual)) === expected;
}

/** `2013-05-08 13:22:33.444000` and `…33.444` are the same time; `12:00:00.000` shows as `12:00:00`. */
function trimFraction(text: string): string {
  return text.replace(/(\d\d:\d\d:\d\d)\.(\d*?)0+$/, (_m, time: string, digits: string) => (digits ? `${time}.${digits}` : time));
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepStrictEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

/** Rows of a result, row-major, from whatever shape the engine returns. */
function rowsOf(data: unknown[][], rowCount: number, columnCount: number): unknown[][] {
  // Results are columnar: data[column][row].
  const rows: unknown[][] = [];
  for (let r = 0; r < rowCount; r++) rows.push(Array.from({ length: columnCount }, (_, c) => data[c][r]));
  return rows;
}

describe('Snowflake functions on DuckDB (documentation examples)', function () {
  this.timeout(20_000);
  let runtime: SnowparkRuntime;
  before(async () => {
    runtime = await openMemoryRuntime();
  });
  after(async () => runtime.dispose());

  for (const testCase of SNOWFLAKE_FUNCTION_CASES) {
    const title = `${testCase.fn}: ${testCase.sql}${testCase.knownDifference ? ' (known difference)' : ''}`;
    it(title, async () => {
      let problem: string | undefined;
      // Setup and statement run as one worksheet, so one session: the doc's SET x = … reaches its $x.
      const setup = testCase.setup ?? [];
      const outcomes = await runSql(runtime, [...setup, testCase.sql].join(';\n'));
      const outcome = outcomes[outcomes.length - 1];
      const failed = outcomes.slice(0, -1).find((o) => o.error);
      if (failed) problem = `setup failed: ${failed.statement}: ${failed.error!.message}`;
      if (problem) {
        // a setup statement failed; the case cannot pass
      } else if (testCase.error) {
        if (!outcome.error) problem = `expected error ${testCase.error}, got a result`;
        else if (!outcome.error.message.startsWith(testCase.error)) problem = `expected error ${testCase.error}, got ${outcome.error.message}`;
      } else if (outcome.error) {
        problem = `failed: ${outcome.error.message}`;
      } else {
        const result = outcome.result!;
        const expected = testCase.rows ?? [];
        const rows = rowsOf(result.data as unknown[][], result.rowCount ?? expected.length, result.columns?.length ?? (expected[0]?.length ?? 0));
        if (rows.length !== expected.length) problem = `expected ${expected.length} rows, got ${rows.length}: ${JSON.stringify(rows)}`;
        else {
          expected.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (!problem && !sameCell(rows[r][c], cell)) problem = `row ${r + 1} column ${c + 1}: expected ${JSON.stringify(cell)}, got ${JSON.stringify(rows[r][c])}`;
            }),
          );
        }
      }
      if (testCase.knownDifference) assert.ok(problem, `now passes; remove its knownDifference marker (${testCase.knownDifference})`);
      else assert.equal(problem, undefined, `${problem} — ${testCase.doc}`);
    });
  }
});
