import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, realPython, report, runHandler } from './benchSupport';

// is_done() on a running job, 10k times from Python, against a bare round trip over the
// same kind of Unix socket (Python writes 1 byte, Node echoes it): what the channel adds.
const CALLS = 10_000;

async function bareRoundTrip(python: string): Promise<number[]> {
  const path = join(mkdtempSync(join(tmpdir(), 'snowpark-local-bench-')), 'echo.sock');
  const server = createServer((socket) => socket.on('data', (data) => socket.write(data)));
  await new Promise<void>((resolve) => server.listen(path, resolve));
  const script = `
import socket, time, json
s = socket.socket(socket.AF_UNIX); s.connect(${JSON.stringify(path)})
out = []
for _ in range(${CALLS}):
    t = time.perf_counter_ns(); s.sendall(b"x"); s.recv(1); out.append((time.perf_counter_ns() - t) / 1000)
print(json.dumps(out))`;
  const child = await new Promise<string>((resolve, reject) => {
    const { spawn } = require('node:child_process') as typeof import('node:child_process');
    const proc = spawn(python, ['-c', script]);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d));
    proc.on('close', (code: number) => (code === 0 ? resolve(out) : reject(new Error(`echo client exited ${code}`))));
  });
  server.close();
  return JSON.parse(child) as number[];
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
