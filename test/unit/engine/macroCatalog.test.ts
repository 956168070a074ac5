import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { onlyCell, openMemoryRuntime, runSql } from '../support/runtimeFixture';

// The dialect's macros are created when a statement first calls them, not when the engine
// opens; a database whose views call them gets them all when it is opened.

const CREATED_MACROS = "SELECT COUNT(DISTINCT function_name) FROM duckdb_functions() WHERE database_name = 'snowpark_local_fns'";
const CREATED_NAMES = "SELECT LISTAGG(DISTINCT function_name, ',') WITHIN GROUP (ORDER BY function_name) FROM duckdb_functions() WHERE database_name = 'snowpark_local_fns'";

describe('DuckDB macros created on first use', function () {
  this.timeout(60_000);

  it('opens with none, and creates what a statement calls, with the macros those call', async () => {
    const runtime = await openMemoryRuntime();
    try {
      assert.equal(Number(onlyCell((await runSql(runtime, CREATED_MACROS))[0])), 0);
      assert.equal(String(onlyCell((await runSql(runtime, 'select 1/3'))[0])), '0.333333');
      // divide calls divisor and division_scale; nothing else was needed.
      assert.equal(onlyCell((await runSql(runtime, CREATED_NAMES))[0]), 'divide,division_scale,divisor');
    } finally {
      await runtime.dispose();
    }
  });

  it('serves concurrent first calls of the same macros once, all of them right', async () => {
    const runtime = await openMemoryRuntime();
    try {
      const statements = Array.from({ length: 20 }, (_, i) => runSql(runtime, `select nvl2(${i}, 'a', 'b'), dayname('2024-01-0${(i % 9) + 1}'::date), ${i} / 4`));
      const outcomes = (await Promise.all(statements)).flat();
      for (const outcome of outcomes) assert.equal(outcome.error, undefined, outcome.error?.message);
      assert.equal(outcomes[4].result!.data[2][0], 1);
    } finally {
      await runtime.dispose();
    }
  });

  it('gives a reopened workspace database every macro when its views call them', async () => {
    const root = mkdtempSync(join(tmpdir(), 'snowpark-local-macros-'));
    const dbPath = join(root, 'local.duckdb');
    try {
      const first = await SnowparkRuntime.open({ dbPath });
      try {
        const [created] = await runSql(first, "create view thirds as select 1/3 as third, dayname('2024-01-01'::date) as day");
        assert.equal(created.error, undefined, created.error?.message);
      } finally {
        await first.dispose();
      }
      const reopened = await SnowparkRuntime.open({ dbPath });
      try {
        // The query's own text names no macro: the view's stored SQL does.
        const [outcome] = await runSql(reopened, 'select third, day from thirds');
        assert.equal(outcome.error, undefined, outcome.error?.message);
        assert.deepEqual([String(outcome.result!.data[0][0]), outcome.result!.data[1][0]], ['0.333333', 'Mon']);
      } finally {
        await reopened.dispose();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
