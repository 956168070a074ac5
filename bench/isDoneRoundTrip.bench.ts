import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, realPython, report, runHandler, timePythonRoundTrips } from './benchSupport';

// is_done() on a running job, 10k times from Python, against a bare round trip over the
// same kind of Unix socket (Python writes 1 byte, Node echoes it): what the channel adds.
const CALLS = 10_000;

async function bareRoundTrip(python: string): Promise<number[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'snowpark-local-bench-')), 'echo.sock');
  const server = createServer((socket) => socket.on('data', (data) => socket.write(data)));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const timings = await timePythonRoundTrips(python, path, CALLS);
  server.close();
  return timings;
}

async function main(): Promise<void> {
  const python = await realPython();
  spawnSync(python, ['-c', 'pass']);
  const ours = await runHandler<number[]>(`
import json, time
def main(session):
    job = session.sql("select system$wait(60)").collect_nowait()
    out = []
    for _ in range(${CALLS}):
        t = time.perf_counter_ns(); job.is_done(); out.append((time.perf_counter_ns() - t) / 1000)
    job.cancel()
    return json.dumps(out)
`);
  const bare = await bareRoundTrip(python);
  const p50 = percentile(ours, 50);
  const baseP50 = percentile(bare, 50);
  report(
    'is_done() round trip, 10k calls',
    `p50 ${p50.toFixed(1)} µs, p99 ${percentile(ours, 99).toFixed(1)} µs`,
    `bare socket p50 ${baseP50.toFixed(1)} µs, p99 ${percentile(bare, 99).toFixed(1)} µs`,
    p50 / baseP50,
    'p50 ≤ 100 µs',
    p50 <= 100,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
