// "Run locally" in the real extension host (code-server): from invoking the command to the
// handler's first line, p50 of 10, with the warm interpreter and without it. Goal: warm p50
// ≤ 50 ms. Runs the trusted integration test test/integration/suite/trusted/clickToFirstLine.test.ts,
// which writes test-artifacts/click-to-first-line.json, then prints it.
import { extensionHostFigures, report } from './benchSupport';

const figures = extensionHostFigures<{
  warm: { p50: number; min: number; max: number };
  cold: { p50: number; min: number; max: number };
  loadAverage: number;
}>('click to first line', 'click-to-first-line.json');
report(
  'Run locally: click → first line (extension host)',
  `warm p50 ${figures.warm.p50} ms (min ${figures.warm.min}, max ${figures.warm.max})`,
  `cold p50 ${figures.cold.p50} ms (min ${figures.cold.min}, max ${figures.cold.max}), load ${figures.loadAverage.toFixed(1)}`,
  figures.warm.p50 / figures.cold.p50,
  'warm p50 ≤ 50 ms',
  figures.warm.p50 <= 50,
);
