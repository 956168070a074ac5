import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

export async function realPython(command?: string): Promise<string> {
  return (await resolvePython(command)).executable;
}
