import { DuckDBInstance } from '@duckdb/node-api';
import { percentile, report, runHandler } from './benchSupport';

// session.sql("select 1").collect() from Python, against raw DuckDB's `select 1` in Node.
const CALLS = 2_000;

async function rawDuckDb(): Promise<number[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const out: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const started = process.hrtime.bigint();
    const result = await connection.run('select 1');
    await result.getRows();
    out.push(Number(process.hrtime.bigint() - started) / 1000);
  }
  connection.closeSync();
  instance.closeSync();
  return out;
}

async function main(): Promise<void> {
  const ours = await runHandler<number[]>(`
import json, time
def main(session):
    out = []
    for _ in range(${CALLS}):
        t = time.perf_counter_ns(); session.sql("select 1").collect(); out.append((time.perf_counter_ns() - t) / 1000)
    return json.dumps(out)
`);
  const raw = await rawDuckDb();
  const p50 = percentile(ours, 50);
  const rawP50 = percentile(raw, 50);
  report(
    'session.sql("select 1").collect()',
    `p50 ${(p50 / 1000).toFixed(3)} ms, p99 ${(percentile(ours, 99) / 1000).toFixed(3)} ms`,
    `raw DuckDB p50 ${(rawP50 / 1000).toFixed(3)} ms`,
    p50 / rawP50,
    'p50 ≤ 1 ms',
    p50 <= 1000,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
