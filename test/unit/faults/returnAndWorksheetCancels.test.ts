import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { runWorksheet } from '../../../src/core/worksheet/worksheetRunner';
import { faultConfig, seededRandom } from '../support/faultConfig';
import { openMemoryRuntime, onlyCell, runSql } from '../support/runtimeFixture';
import { useTempDirectory } from '../support/tempDirectory';

// The other two cancel paths of issue 10 item 1, at seeded random points: the handler
// returning while its collect_nowait() insert runs (Snowflake cancels the children), and a
// worksheet's cancel (the tree's Cancel, Ctrl-C of `sql`). ABORTED means nothing landed,
// SUCCESS means all of it did.

const ROWS = 1_500_000;
const observe = (t: string): string => `select case count(*) when 0 then 'none' when ${ROWS} then 'all' else 'partial' end from ${t}`;
const HANDLER = [
  'import time',
  'def main(session, table: str, rows: int, delay_ms: int):',
  '    job = session.sql(f"insert into {table} select range from range({rows})").collect_nowait()',
  '    time.sleep(delay_ms / 1000)  # the trial\'s cancel point: the handler returns here',
  '    return job.query_id',
  '',
].join('\n');

describe('faults: random cancel points through the handler returning and a worksheet cancel', function () {
  const config = faultConfig();
  this.timeout(60_000 + (config.returnTrials + config.worksheetTrials) * 5_000);
  const files = useTempDirectory('snowpark-local-return-');
  let runtime: SnowparkRuntime;
  let writeMs = 0;
  before(async () => {
    runtime = await openMemoryRuntime();
    // One uncancelled write times the cancel points, so they cover start, middle, commit and after.
    await runSql(runtime, 'create or replace table calibrate (a bigint)');
    const started = Date.now();
    await runSql(runtime, `insert into calibrate select range from range(${ROWS})`);
    writeMs = Date.now() - started;
  });
  after(async () => runtime.dispose());

  it(`${config.returnTrials} handlers return while their insert runs (seed ${config.seed})`, async () => {
    const random = seededRandom(config.seed);
    const file = files.write('returns.py', HANDLER);
    const violations: string[] = [];
    const tally: Record<string, number> = {};
    for (let trial = 0; trial < config.returnTrials; trial++) {
      const table = `ret_${trial}`;
      await runSql(runtime, `create or replace table ${table} (a bigint)`);
      const delay = Math.floor(random() * writeMs * 1.3);
      const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [table, ROWS, delay], returnType: 'VARCHAR' }).outcome;
      assert.ok(outcome.ok, JSON.stringify(outcome.error));
      const status = runtime.executor.status(String(outcome.value));
      const seen = String(onlyCell((await runSql(runtime, observe(table)))[0]));
      tally[`${status} ${seen}`] = (tally[`${status} ${seen}`] ?? 0) + 1;
      if (!((status === 'ABORTED' && seen === 'none') || (status === 'SUCCESS' && seen === 'all'))) violations.push(`trial ${trial} returned after ${delay} ms: job ${status}, table ${seen}`);
      await runSql(runtime, `drop table ${table}`);
    }
    console.log(`      seed ${config.seed}: write ${writeMs} ms, ${JSON.stringify(tally)}, ${violations.length} violations`);
    assert.deepEqual(violations, [], `seed ${config.seed}`);
  });

  it(`${config.worksheetTrials} worksheets cancelled while their insert runs (seed ${config.seed})`, async () => {
    const random = seededRandom(config.seed + 1);
    const violations: string[] = [];
    const tally: Record<string, number> = {};
    for (let trial = 0; trial < config.worksheetTrials; trial++) {
      const table = `ws_${trial}`;
      const delay = Math.floor(random() * writeMs * 1.3);
      const abort = new AbortController();
      const text = `create or replace table ${table} (a bigint);\ninsert into ${table} select range from range(${ROWS});\nselect 'after';\n`;
      let insertId: string | undefined;
      for await (const outcome of runWorksheet(runtime, text, undefined, { signal: abort.signal })) {
        // Wait for the state we need: the table exists, so the insert is next; then the cancel point.
        if (outcome.line === 0) setTimeout(() => abort.abort(), delay);
        if (outcome.line === 1) insertId = outcome.queryId;
      }
      const status = insertId ? runtime.executor.status(insertId) : 'not started';
      const seen = String(onlyCell((await runSql(runtime, observe(table)))[0]));
      tally[`${status} ${seen}`] = (tally[`${status} ${seen}`] ?? 0) + 1;
      if (!((status !== 'SUCCESS' && seen === 'none') || (status === 'SUCCESS' && seen === 'all'))) violations.push(`trial ${trial} cancelled after ${delay} ms: job ${status}, table ${seen}`);
      await runSql(runtime, `drop table ${table}`);
    }
    console.log(`      seed ${config.seed + 1}: ${JSON.stringify(tally)}, ${violations.length} violations`);
    assert.deepEqual(violations, [], `seed ${config.seed + 1}`);
  });
});
