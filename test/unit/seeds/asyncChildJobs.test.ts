import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { defineAsyncSeedTests, docsWorksheetPath } from '../support/asyncSeedSuite';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';

defineAsyncSeedTests(
  'Snowflake docs: async child jobs on the local DuckDB engine (seed behaviours)',
  async () => ({ runtime: await openMemoryRuntime() }),
  (target) => target.runtime.dispose(),
);

describe('Snowflake docs: the async worksheet run whole', function () {
  this.timeout(60_000);
  it('stops at nothing but the last example, which fails on purpose', async () => {
    const text = readFileSync(docsWorksheetPath, 'utf8');
    const runtime = await openMemoryRuntime();
    try {
      const statements = splitStatements(text).map((statement) => `${statement.text};`).join('\n');
      const outcomes = await runSql(runtime, statements, docsWorksheetPath);
      const failed = outcomes.filter((outcome) => outcome.error);
      assert.equal(failed.length, 1);
      assert.match(failed[0].statement, /getResultsBeforeFinished/);
    } finally {
      await runtime.dispose();
    }
  });
});
