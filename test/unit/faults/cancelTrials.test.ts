import assert from 'node:assert/strict';
import { SessionState } from '../../../src/core/jobs/queryExecutor';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { faultConfig, seededRandom } from '../support/faultConfig';
import { openMemoryRuntime, onlyCell, runSql } from '../support/runtimeFixture';

// Random cancel points over writes (issue 10 item 1 and the fault suite). Each trial starts
// a write, cancels it after a seeded random delay spread across its whole run (commit
// included) and checks the table against the job's final status: ABORTED means nothing
// landed, SUCCESS means all of it did. `npm test` runs a few; `npm run test:faults` hundreds.

interface WriteKind {
  name: string;
  setup(t: string): string;
  statement(t: string): string;
  /** What the table says: 'none' (untouched), 'all' (fully written) or anything else (partial). */
  observe(t: string): string;
}

const ROWS = 1_500_000;
const KINDS: WriteKind[] = [
  { name: 'insert', setup: (t) => `create or replace table ${t} (a bigint)`, statement: (t) => `insert into ${t} select range from range(${ROWS})`, observe: (t) => `select case count(*) when 0 then 'none' when ${ROWS} then 'all' else 'partial' end from ${t}` },
  { name: 'ctas', setup: (t) => `drop table if exists ${t}`, statement: (t) => `create table ${t} as select range as a from range(${ROWS})`, observe: (t) => `select case when count(*) = 0 then 'none' else 'all' end from information_schema.tables where table_name = upper('${t}') or table_name = '${t}'` },
  { name: 'update', setup: (t) => `create or replace table ${t} as select 0::bigint as a from range(${ROWS})`, statement: (t) => `update ${t} set a = a + 1`, observe: (t) => `select case sum(a) when 0 then 'none' when ${ROWS} then 'all' else 'partial' end from ${t}` },
  { name: 'merge', setup: (t) => `create or replace table ${t} as select range as k, 0::bigint as a from range(${ROWS})`, statement: (t) => `merge into ${t} using (select range as k from range(${ROWS})) s on ${t}.k = s.k when matched then update set a = 1`, observe: (t) => `select case sum(a) when 0 then 'none' when ${ROWS} then 'all' else 'partial' end from ${t}` },
];

describe('faults: random cancel points over writes', function () {
  const config = faultConfig();
  this.timeout(30_000 + config.cancelTrials * 5_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  it(`${config.cancelTrials} trials over insert, CTAS, UPDATE and MERGE: the status is the truth (seed ${config.seed})`, async () => {
    const random = seededRandom(config.seed);
    const session = new SessionState(runtime.runner.sessionContext);
    const durations = new Map<string, number>();
    const violations: string[] = [];
    const tally: Record<string, number> = {};
    for (let trial = 0; trial < config.cancelTrials; trial++) {
      const kind = KINDS[trial % KINDS.length];
      const table = `fault_${kind.name}_${trial}`;
      await runSql(runtime, kind.setup(table));
      if (!durations.has(kind.name)) {
        // Time one uncancelled run, so cancel points cover start, middle, commit and after.
        const started = Date.now();
        await runtime.executor.run({ runId: 'faults', parentId: 'faults', sql: kind.statement(table), session });
        durations.set(kind.name, Date.now() - started);
        await runSql(runtime, kind.setup(table));
      }
      const delay = Math.floor(random() * durations.get(kind.name)! * 1.3);
      const id = runtime.executor.submit({ runId: 'faults', parentId: 'faults', sql: kind.statement(table), session, async: true });
      await new Promise((resolve) => setTimeout(resolve, delay));
      await runtime.executor.cancel(id).catch(() => undefined);
      await runtime.executor.wait(id).catch(() => undefined);
      const status = runtime.executor.status(id);
      const seen = String(onlyCell((await runSql(runtime, kind.observe(table)))[0]));
      tally[`${kind.name} ${status}`] = (tally[`${kind.name} ${status}`] ?? 0) + 1;
      const truthful = (status === 'ABORTED' && seen === 'none') || (status === 'SUCCESS' && seen === 'all');
      if (!truthful) violations.push(`trial ${trial} ${kind.name} after ${delay} ms: job ${status}, table ${seen}`);
      await runSql(runtime, `drop table if exists ${table}`);
    }
    console.log(`      seed ${config.seed}: ${JSON.stringify(tally)}, ${violations.length} violations`);
    assert.deepEqual(violations, [], `seed ${config.seed}`);
  });

  it('a multi-statement body is refused whole: nothing from it lands, whatever the cancel point', async () => {
    await runSql(runtime, 'create or replace table fault_multi (a bigint)');
    const session = new SessionState(runtime.runner.sessionContext);
    const id = runtime.executor.submit({ runId: 'faults', parentId: 'faults', sql: `select 1; insert into fault_multi select range from range(${ROWS})`, session, async: true });
    await runtime.executor.cancel(id).catch(() => undefined);
    await runtime.executor.wait(id).catch(() => undefined);
    assert.ok(['FAILED_WITH_ERROR', 'ABORTED'].includes(runtime.executor.status(id)!));
    assert.equal(onlyCell((await runSql(runtime, 'select count(*) from fault_multi'))[0]), 0);
  });
});
