import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { median, realPython, report, writeHandler } from './benchSupport';

// A handler returning an ~8 MB value, end to end through the CLI, minus a trivial handler's
// time: what the value itself costs (Python encoding, the frame, Node decoding, the output).
// Baseline, same run: bare Python building the same value, serialising it with json.dumps
// and piping it to us, minus bare Python doing nothing.
const RUNS = 5;

const VALUES: Record<string, string> = {
  'a str of 8 MiB': '"x" * (8 * 1024 * 1024)',
  'a list of 200k small dicts': '[{"id": i, "name": "n%d" % i} for i in range(200000)]',
};

function timeCommand(command: string, args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function main(): Promise<void> {
  const python = await realPython();
  const cli = join(__dirname, '..', '..', 'dist', 'cli.js');
  const cliRun = (file: string): number => timeCommand(process.execPath, [cli, 'run', file, '--db', ':memory:', '--json']);
  const bareRun = (expression: string): number => timeCommand(python, ['-c', `import json, sys\nvalue = ${expression}\nsys.stdout.write(json.dumps(value))`]);
  const trivial = writeHandler('def main(session):\n    return 1\n');
  for (const [name, expression] of Object.entries(VALUES)) {
    const file = writeHandler(`def main(session):\n    return ${expression}\n`);
    cliRun(file);
    const ours: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(cliRun(file) - cliRun(trivial));
      bare.push(bareRun(expression) - bareRun('1'));
    }
    const extra = median(ours);
    const baseline = median(bare);
    report(
      `handler returning ${name}, via the CLI, minus a trivial handler`,
      `median +${extra.toFixed(0)} ms`,
      `bare ${python} json.dumps + pipe median +${baseline.toFixed(0)} ms`,
      extra / baseline,
      '≤ 300 ms',
      extra <= 300,
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
