import { performance } from 'node:perf_hooks';
import { DuckDbEngine } from '../src/core/engine/duckdb/duckdbEngine';
import { JobManager } from '../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../src/core/jobs/queryExecutor';
import { LagSamples, startLagMeter } from '../test/integration/suite/lagMeter';
import { median, percentile, report } from './benchSupport';

// The core's share of the extension host's event-loop lag, in plain Node and in seconds
// instead of a minute: the integration test's 1,000 child jobs (`select system$wait(2) as w,
// i as i`, each submitted on its own loop turn as the channel's round trips deliver them)
// through the real QueryExecutor and DuckDB engine, with no VS Code, tree or Python. The
// baseline is the same lag meter over the same time with nothing running: what the machine
// itself adds. extensionHost.bench.ts measures the real thing.

const JOBS = 1_000;
const ROUNDS = 3;
const GOAL_MS = 30;

async function thousandJobs(executor: QueryExecutor, session: SessionState, round: number): Promise<{ ms: number } & LagSamples> {
  const meter = startLagMeter();
  const started = performance.now();
  const ids: string[] = [];
  for (let i = 0; i < JOBS; i++) {
    ids.push(executor.submit({ runId: `r${round}`, parentId: `r${round}`, sql: `select system$wait(2) as w, ${i} as i`, session, async: true }));
    await new Promise((resolve) => setImmediate(resolve));
  }
  for (const id of ids) await executor.wait(id);
  const ms = performance.now() - started;
  return { ms, ...meter.stop() };
}

async function idleFor(ms: number): Promise<number[]> {
  const meter = startLagMeter();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return meter.stop().lags;
}

async function main(): Promise<void> {
  const engine = await DuckDbEngine.open({ path: ':memory:' });
  const jobs = new JobManager();
  const executor = new QueryExecutor(engine, jobs);
  const session = new SessionState({ database: 'LOCAL_DB', schema: 'PUBLIC', role: 'PUBLIC', warehouse: 'LOCAL_WH', queryTag: null });
  try {
    // Loads the dialect and opens the first connections: a one-off, as the test's first run.
    await executor.run({ runId: 'warm', parentId: 'warm', sql: 'select system$wait(0.1) as w, 0 as i', session });
    const maxes: number[] = [];
    const p99s: number[] = [];
    const idleMaxes: number[] = [];
    const busyMaxes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { ms, lags, busyMs } = await thousandJobs(executor, session, round);
      jobs.clearFinished();
      const idle = await idleFor(ms);
      maxes.push(Math.max(...lags));
      p99s.push(percentile(lags, 99));
      idleMaxes.push(Math.max(...idle));
      busyMaxes.push(Math.max(0, ...busyMs));
      console.log(`  round ${round + 1}: ${JOBS} jobs in ${ms.toFixed(0)} ms, lag max ${maxes[round].toFixed(1)} ms, p99 ${p99s[round].toFixed(1)} ms, main thread's own work between ticks max ${busyMaxes[round].toFixed(1)} ms; idle loop alone max ${idleMaxes[round].toFixed(1)} ms`);
    }
    const ours = median(maxes);
    const baseline = median(idleMaxes);
    report(
      `event-loop lag, ${JOBS} child jobs through the engine in plain Node (median of ${ROUNDS} rounds)`,
      `max ${ours.toFixed(1)} ms, p99 ${median(p99s).toFixed(1)} ms (main thread's own work between ticks, max ${median(busyMaxes).toFixed(1)} ms)`,
      `idle loop max ${baseline.toFixed(1)} ms`,
      ours / Math.max(baseline, 0.1),
      `max ≤ ${GOAL_MS} ms`,
      ours <= GOAL_MS,
    );
  } finally {
    await engine.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
