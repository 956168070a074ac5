import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { resolvePython } from '../src/core/runner/pythonInterpreter';
import { untag } from '../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../src/core/snowparkRuntime';

// Shared by the benchmarks: percentiles, a one-line report format, and running a handler
// written inline through the real runtime (real Python, real channel, real DuckDB).

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function report(name: string, ours: string, baseline: string, ratio: number, goal: string, met: boolean): void {
  console.log(`${name}: ours ${ours}; baseline ${baseline}; ratio ${ratio.toFixed(2)} (goal ${goal}) ${met ? 'MET' : 'NOT MET'}`);
}

export function writeHandler(source: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-bench-'));
  const file = join(directory, 'bench_handler.py');
  writeFileSync(file, source);
  return file;
}

/** Runs `main(session)` from `source` and returns its JSON-decoded string result. */
export async function runHandler<T>(source: string, options: { python?: string } = {}): Promise<T> {
  const runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: options.python });
  try {
    const file = writeHandler(source);
    const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARCHAR' }).outcome;
    if (!outcome.ok) throw new Error(`benchmark handler failed: ${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
    return JSON.parse(String(untag(outcome.value ?? null))) as T;
  } finally {
    await runtime.dispose();
  }
}

/**
 * Python, connected to the Unix socket at `path`, sends one byte and waits for one byte back,
 * `calls` times: the time of each round trip in µs (what any Python↔Node request costs at least).
 */
export async function timePythonRoundTrips(python: string, path: string, calls: number): Promise<number[]> {
  const script = `
import socket, time, json
s = socket.socket(socket.AF_UNIX); s.connect(${JSON.stringify(path)})
out = []
for _ in range(${calls}):
    t = time.perf_counter_ns(); s.sendall(b"x"); s.recv(1); out.append((time.perf_counter_ns() - t) / 1000)
print(json.dumps(out))`;
  const output = await new Promise<string>((resolve, reject) => {
    const proc = spawn(python, ['-c', script]);
    let out = '';
    proc.stdout.on('data', (d: Buffer) => (out += d));
    proc.on('close', (code: number) => (code === 0 ? resolve(out) : reject(new Error(`round-trip client exited ${code}`))));
  });
  return JSON.parse(output) as number[];
}

export async function realPython(command?: string): Promise<string> {
  return (await resolvePython(command)).executable;
}

/**
 * Runs the trusted integration tests matching `grep` in the real extension host
 * (code-server) and returns the figures they wrote to test-artifacts/`artifact`; exits with
 * the launcher's output when there are none.
 */
export function extensionHostFigures<T>(grep: string, artifact: string): T {
  const root = resolve(__dirname, '..', '..');
  const figuresFile = join(root, 'test-artifacts', artifact);
  rmSync(figuresFile, { force: true });
  const launcher = join(root, 'out', 'test', 'integration', 'runInCodeServer.js');
  const run = spawnSync(process.execPath, [launcher, '--mode', 'trusted', '--grep', grep], { cwd: root, encoding: 'utf8' });
  if (!existsSync(figuresFile)) {
    console.error(run.stdout, run.stderr);
    process.exit(1);
  }
  return JSON.parse(readFileSync(figuresFile, 'utf8')) as T;
}
