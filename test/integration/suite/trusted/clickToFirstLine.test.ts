// Figures, not pass/fail timings: from invoking "Run locally" (the command with its
// arguments, no prompt) to the handler's first line running, p50 over 10 runs, with the warm
// interpreter (the person's think time between runs is left for it to be ready) and without
// it (snowparkLocal.warmInterpreter.enabled false: a fresh Python per run, as before).
// Written to test-artifacts/click-to-first-line.json (bench/clickToFirstLine.bench.ts).
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { extensionApi, fixtureUri, waitFor } from '../helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');
const RUNS = 10;

describe('click to first line (figures)', function () {
  this.timeout(300_000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('snowparkLocal');
  const stampFile = path.join(os.tmpdir(), `snowpark-local-first-line-${process.pid}.txt`);

  after(async () => {
    await config().update('warmInterpreter.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    fs.rmSync(stampFile, { force: true });
  });

  /** Milliseconds from the command's invocation to the handler's first line. */
  async function clickToFirstLine(): Promise<number> {
    fs.rmSync(stampFile, { force: true });
    const clickedNs = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandlerWithArguments', {
      file: fixtureUri('warm_start.py').fsPath,
      handler: 'first_line',
      args: [stampFile],
    });
    assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify((await extensionApi()).commandFailures.slice(-1)));
    const firstLineNs = BigInt(fs.readFileSync(stampFile, 'utf8').trim());
    return Number(firstLineNs - clickedNs) / 1e6;
  }

  async function warmProcessReady(): Promise<void> {
    const api = await extensionApi();
    await waitFor('a warm process waiting in run.start', async () => {
      const process = await api.runs.warm.waitingProcess();
      if (!process?.alive) return false;
      return Promise.race([process.ready.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 200))]);
    }, 60_000);
  }

  it('measures click → first line, warm and cold', async function () {
    const api = await extensionApi();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('warm_start.py')));
    // The folder's runtime opens on its first run (DuckDB, the catalog): not what this measures.
    await clickToFirstLine();
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await warmProcessReady();
      warm.push(await clickToFirstLine());
    }
    await config().update('warmInterpreter.enabled', false, vscode.ConfigurationTarget.Workspace);
    await api.runs.warm.clear();
    const cold: number[] = [];
    for (let i = 0; i < RUNS; i++) cold.push(await clickToFirstLine());
    const figures = { runs: RUNS, warm: summary(warm), cold: summary(cold), loadAverage: os.loadavg()[0] };
    fs.mkdirSync(path.join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-artifacts', 'click-to-first-line.json'), JSON.stringify(figures, null, 2));
    this.test!.title += ` — ${JSON.stringify(figures)}`;
  });
});

function summary(samples: number[]): { p50: number; min: number; max: number; samples: number[] } {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  return { p50: round(sorted[Math.floor(sorted.length / 2)]), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), samples: samples.map(round) };
}
