import assert from 'node:assert/strict';
import { DuckDBConnection } from '@duckdb/node-api';
import { SessionState } from '../../../src/core/jobs/queryExecutor';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, onlyCell, runSql } from '../support/runtimeFixture';

// Issue 10 item 1: a cancel that landed while DuckDB committed showed the job ABORTED with
// every row committed. These tests put the cancel exactly at the two sides of the commit
// point, by watching the SQL the engine sends on its connections.
describe('faults: a cancel at the commit point (the status is the truth)', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  const originalRun = DuckDBConnection.prototype.run;
  let onRun: ((sql: string) => void) | undefined;

  before(async () => {
    runtime = await openMemoryRuntime();
    DuckDBConnection.prototype.run = function (this: DuckDBConnection, sql: string, ...rest: unknown[]) {
      const running = (originalRun as (...args: unknown[]) => ReturnType<DuckDBConnection['run']>).call(this, sql, ...rest);
      onRun?.(sql);
      return running;
    } as DuckDBConnection['run'];
  });
  after(async () => {
    DuckDBConnection.prototype.run = originalRun;
    await runtime.dispose();
  });
  afterEach(() => (onRun = undefined));

  const rowsIn = async (table: string): Promise<number> => Number(onlyCell((await runSql(runtime, `select count(*) from ${table}`))[0]));

  async function insertCancelledWhen(table: string, trigger: (sql: string) => boolean): Promise<{ status: string | undefined; rows: number }> {
    await runSql(runtime, `create or replace table ${table} (a bigint)`);
    const session = new SessionState(runtime.runner.sessionContext);
    let queryId = '';
    onRun = (sql) => {
      if (trigger(sql)) {
        onRun = undefined;
        void runtime.executor.cancel(queryId);
      }
    };
    queryId = runtime.executor.submit({ runId: 'r', parentId: 'r', sql: `insert into ${table} select range from range(2000000)`, session, async: true });
    await runtime.executor.wait(queryId).catch(() => undefined);
    return { status: runtime.executor.status(queryId), rows: await rowsIn(table) };
  }

  it('a cancel issued while COMMIT runs is too late: SUCCESS, every row landed', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { status, rows } = await insertCancelledWhen(`c${trial}`, (sql) => sql === 'COMMIT');
      assert.deepEqual({ status, rows }, { status: 'SUCCESS', rows: 2_000_000 }, `trial ${trial}`);
    }
  });

  it('a cancel issued while the INSERT runs wins: ABORTED, nothing landed', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const { status, rows } = await insertCancelledWhen(`i${trial}`, (sql) => /^insert/i.test(sql));
      assert.deepEqual({ status, rows }, { status: 'ABORTED', rows: 0 }, `trial ${trial}`);
    }
  });

  it('the connection that ran a cancelled write is clean for the next statement', async () => {
    await insertCancelledWhen('clean', (sql) => /^insert/i.test(sql));
    // Every pooled connection commits something; none may carry the cancelled rows with it.
    const outcomes = await runSql(runtime, Array.from({ length: 20 }, (_, i) => `create or replace table k${i} (a int)`).join(';\n'));
    assert.ok(outcomes.every((outcome) => !outcome.error));
    assert.equal(await rowsIn('clean'), 0);
  });
});
