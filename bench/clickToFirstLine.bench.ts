// "Run locally" in the real extension host (code-server): from invoking the command to the
// handler's first line, p50 of 10, with the warm interpreter and without it. Goal: warm p50
// ≤ 50 ms. Runs the trusted integration test test/integration/suite/trusted/clickToFirstLine.test.ts,
// which writes test-artifacts/click-to-first-line.json, then prints it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { report } from './benchSupport';

const root = path.resolve(__dirname, '..', '..');
const figuresFile = path.join(root, 'test-artifacts', 'click-to-first-line.json');
fs.rmSync(figuresFile, { force: true });
const launcher = path.join(root, 'out', 'test', 'integration', 'runInCodeServer.js');
const run = spawnSync(process.execPath, [launcher, '--mode', 'trusted', '--grep', 'click to first line'], { cwd: root, encoding: 'utf8' });
if (!fs.existsSync(figuresFile)) {
  console.error(run.stdout, run.stderr);
  process.exit(1);
}
const figures = JSON.parse(fs.readFileSync(figuresFile, 'utf8')) as {
  warm: { p50: number; min: number; max: number };
  cold: { p50: number; min: number; max: number };
  loadAverage: number;
};
report(
  'Run locally: click → first line (extension host)',
  `warm p50 ${figures.warm.p50} ms (min ${figures.warm.min}, max ${figures.warm.max})`,
  `cold p50 ${figures.cold.p50} ms (min ${figures.cold.min}, max ${figures.cold.max}), load ${figures.loadAverage.toFixed(1)}`,
  figures.warm.p50 / figures.cold.p50,
  'warm p50 ≤ 50 ms',
  figures.warm.p50 <= 50,
);
