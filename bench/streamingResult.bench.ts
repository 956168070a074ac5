import { readFileSync, writeFileSync } from 'node:fs';
import { untag } from '../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../src/core/snowparkRuntime';
import { report, writeHandler } from './benchSupport';

// 1M rows × 4 columns (~32 MB of values) read with to_local_iterator(), against collect()
// of the same rows as the same-run baseline. Figures: time to the first row, total time,
// and the peak RSS of both processes above where each stood before the query (Node: this
// process, its peak reset through /proc/self/clear_refs before each read; Python: each read
// is a fresh run, ru_maxrss before and after).
const ROWS = 1_000_000;
// result_stream.BATCH_ROWS rows of these four columns: 8 + 8 + 4 + ~12 bytes each.
const BATCH_MB = (100_000 * 32) / 1e6;
const GOAL_MB = 2 * BATCH_MB + 100;

const READER = `
import json, resource, time
def main(session):
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    df = session.table("T")
    t = time.perf_counter()
    first_ms, rows = None, 0
    if MODE == "stream":
        for row in df.to_local_iterator():
            if first_ms is None:
                first_ms = (time.perf_counter() - t) * 1000
            rows += 1
    else:
        collected = df.collect()
        first_ms = (time.perf_counter() - t) * 1000
        rows = sum(1 for _ in collected)
    total_ms = (time.perf_counter() - t) * 1000
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return json.dumps({"rows": rows, "first": first_ms, "total": total_ms, "pyGrowthMb": (after - before) / 1024, "pyPeakMb": after / 1024})
`;

interface Reading {
  rows: number;
  first: number;
  total: number;
  pyGrowthMb: number;
  pyPeakMb: number;
  nodeGrowthMb: number;
}

function statusMb(field: 'VmRSS' | 'VmHWM'): number {
  const line = readFileSync('/proc/self/status', 'utf8').split('\n').find((l) => l.startsWith(field)) ?? '';
  return Number(line.replace(/\D+/g, '')) / 1024;
}

async function runSource(runtime: SnowparkRuntime, source: string): Promise<string> {
  const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: writeHandler(source) }, args: [], returnType: 'VARCHAR' }).outcome;
  if (!outcome.ok) throw new Error(`benchmark handler failed: ${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
  return String(untag(outcome.value ?? null));
}

async function read(runtime: SnowparkRuntime, mode: 'stream' | 'collect'): Promise<Reading> {
  global.gc?.();
  const before = statusMb('VmRSS');
  // Linux: "5" resets the peak (VmHWM) to the current RSS.
  writeFileSync('/proc/self/clear_refs', '5');
  const reading = JSON.parse(await runSource(runtime, `MODE = ${JSON.stringify(mode)}\n${READER}`)) as Omit<Reading, 'nodeGrowthMb'>;
  return { ...reading, nodeGrowthMb: statusMb('VmHWM') - before };
}

async function main(): Promise<void> {
  const runtime = await SnowparkRuntime.open({ dbPath: ':memory:' });
  try {
    await runSource(
      runtime,
      `def main(session):
    session.sql("create table t as select range::bigint as id, 'name_' || range as name, (range * 1.5)::double as amount, (range % 97)::integer as qty from range(${ROWS})").collect()
    return "ok"
`,
    );
    const stream = await read(runtime, 'stream');
    const collect = await read(runtime, 'collect');
    const shown = (r: Reading): string =>
      `first row ${r.first.toFixed(0)} ms, total ${r.total.toFixed(0)} ms, peak RSS growth Node +${r.nodeGrowthMb.toFixed(0)} MB / Python +${r.pyGrowthMb.toFixed(0)} MB (Python peak ${r.pyPeakMb.toFixed(0)} MB)`;
    const worst = Math.max(stream.nodeGrowthMb, stream.pyGrowthMb);
    const met = stream.rows === ROWS && worst <= GOAL_MB && stream.first <= 200;
    report(
      `1M rows × 4 columns read with to_local_iterator() (${stream.rows} rows)`,
      shown(stream),
      `collect(): ${shown(collect)}`,
      stream.total / collect.total,
      `each process's peak RSS growth ≤ 2 × one batch + 100 MB = ${GOAL_MB.toFixed(0)} MB, first row ≤ 200 ms`,
      met,
    );
  } finally {
    await runtime.dispose();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
