import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median, realPython, report, writeHandler } from './benchSupport';

// A trivial handler through the whole CLI (node start, runtime, Python, channel), against
// bare Python (the resolved interpreter, not a pyenv shim) importing and calling it.
const RUNS = 10;

function timeCommand(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const file = writeHandler('def main(session):\n    return 1\n');
  const python = await realPython();
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const bareArgs = ['-c', `import sys; sys.path.insert(0, ${JSON.stringify(join(file, '..'))}); import bench_handler; bench_handler.main(None)`];
  timeCommand(process.execPath, [cli, 'run', file, '--db', ':memory:']);
  timeCommand(python, bareArgs);
  const ours: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    ours.push(timeCommand(process.execPath, [cli, 'run', file, '--db', ':memory:']));
    bare.push(timeCommand(python, bareArgs));
  }
  const ratio = median(ours) / median(bare);
  report('trivial handler via the CLI', `median ${median(ours).toFixed(0)} ms`, `bare ${python} median ${median(bare).toFixed(0)} ms`, ratio, 'ratio ≤ 2', ratio <= 2);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
