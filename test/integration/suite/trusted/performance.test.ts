// Figures, not pass/fail timings: how long the bundle takes to load and activate() to
// run, how long the first command's bundle (dist/runsPart.js) takes to load, and how much the extension host's event loop stalls while one handler runs 1,000
// child jobs with the Snowpark Jobs view open. Written to test-artifacts/extension-perf.json
// (bench/extensionHost.bench.ts prints it) and into the test's title.
import * as assert from 'assert';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import type { SnowparkLocalApi } from '../../../../src/vscode/testApi';
import { activeExtension, extensionApi, fixtureUri } from '../helpers';
import { LagSamples, startLagMeter, worstTick } from '../lagMeter';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..', '..');

describe('performance (figures)', function () {
  this.timeout(180_000);

  it('measures activation and event-loop lag under 1,000 jobs', async function () {
    const extension = await activeExtension();
    const api = await extensionApi();
    // A fresh evaluation of the bundle, as at activation (V8's code cache may be warm), in
    // wall time and in CPU time (which a busy machine inflates much less).
    const bundle = freshLoad(path.join(extension.extensionPath, 'dist', 'extension.js'))!;
    // The run support the first command loads (dist/runsPart.js), measured the same way.
    const runsPart = freshLoad(path.join(extension.extensionPath, 'dist', 'runsPart.js'));

    // Twice: with the Snowpark Jobs view closed (the core's own cost: channel, executor,
    // engine) and open (plus the tree's), so the lag can be attributed.
    // A first small run opens the runtime (DuckDB's native library, Python's startup):
    // a one-off cost, not what this measures.
    await vscode.commands.executeCommand('snowparkLocal.runHandler', { file: fixtureUri('jobs.py').fsPath, handler: 'await_child' });
    const closed = await thousandJobs(api);
    await vscode.commands.executeCommand('snowparkLocal.jobs.focus');
    // SNOWPARK_LOCAL_PERF_PROFILE=1: a CPU profile of the view-open run, to see where the
    // event loop stalls (test-artifacts/extension-host.cpuprofile; open it in DevTools).
    const profiler = process.env.SNOWPARK_LOCAL_PERF_PROFILE === '1' ? await startProfiler() : undefined;
    const open = await thousandJobs(api);
    if (profiler) fs.writeFileSync(path.join(REPO_ROOT, 'test-artifacts', 'extension-host.cpuprofile'), JSON.stringify(await profiler.stop()));
    // Same-run baselines, as long as the view-open run and with the view still open: the
    // extension host with nothing of ours running, on an idle machine and on one whose two
    // cores are kept busy (as the run keeps them: DuckDB's threads, Python), to tell the lag
    // our code causes from what VS Code and the machine add.
    const idle = await lagWhile(open.runOf1000JobsMs, 0);
    const busyMachine = await lagWhile(open.runOf1000JobsMs, 2);
    const figures = {
      bundleLoadMs: round(bundle.wallMs),
      bundleLoadCpuMs: round(bundle.cpuMs),
      activateCallMs: api.activationMs,
      runsPartLoadMs: runsPart && round(runsPart.wallMs),
      runsPartLoadCpuMs: runsPart && round(runsPart.cpuMs),
      activateSteps: Object.fromEntries(api.activationSteps),
      viewClosed: closed,
      viewOpen: open,
      baselineIdle: idle,
      baselineBusyMachine: busyMachine,
    };
    fs.mkdirSync(path.join(REPO_ROOT, 'test-artifacts'), { recursive: true });
    fs.writeFileSync(path.join(REPO_ROOT, 'test-artifacts', 'extension-perf.json'), JSON.stringify(figures, null, 2));
    this.test!.title += ` — ${JSON.stringify(figures)}`;
  });
});

async function thousandJobs(api: SnowparkLocalApi): Promise<Record<string, number>> {
  await vscode.commands.executeCommand('snowparkLocal.clearFinished');
  const meter = startLagMeter();
  const refreshesBefore = api.jobsTree.refreshCount;
  const providerMsBefore = api.jobsTree.providerMs;
  const started = performance.now();
  const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandlerWithArguments', {
    file: fixtureUri('jobs.py').fsPath,
    handler: 'many_jobs',
    args: [1000],
  });
  const runMs = performance.now() - started;
  await new Promise((resolve) => setTimeout(resolve, 300)); // the last coalesced refresh
  const samples = meter.stop();
  assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify(api.commandFailures));
  const run = api.jobsTree.getChildren().find((node) => node.id === outcome.runId)!;
  assert.strictEqual(api.jobsTree.jobChildren(run).length, 1000);
  return {
    runOf1000JobsMs: round(runMs),
    ...lagFigures(samples),
    treeRefreshes: api.jobsTree.refreshCount - refreshesBefore,
    treeProviderMs: round(api.jobsTree.providerMs - providerMsBefore),
  };
}

/** The figures of one stretch of lag samples, the same for the runs and the baselines. */
function lagFigures(samples: LagSamples): Record<string, number> {
  // Taken apart before the lags are sorted: its parts are found by the tick's position.
  const worst = worstTick(samples);
  const lags = [...samples.lags].sort((a, b) => a - b);
  return {
    eventLoopLagMaxMs: round(lags[lags.length - 1] ?? 0),
    eventLoopLagP99Ms: round(lags[Math.floor(lags.length * 0.99)] ?? 0),
    eventLoopLagP50Ms: round(lags[Math.floor(lags.length * 0.5)] ?? 0),
    // The longest stretch of the main thread's own work between two timer firings (Linux):
    // the lag with the wait for a core on a busy machine taken out.
    mainThreadBusyMaxMs: round(Math.max(0, ...samples.busyMs)),
    // The longest stall, taken apart: the main thread's own work in it and its wait for a core.
    worstTickOwnWorkMs: round(worst.ownWorkMs ?? 0),
    worstTickWaitForCoreMs: round(worst.waitForCoreMs ?? 0),
  };
}

/** The extension host's lag over `ms` with `busyLoops` processes spinning on the machine. */
async function lagWhile(ms: number, busyLoops: number): Promise<Record<string, number>> {
  // Started before the meter: a spawn blocks this thread until the child has exec'd.
  const loops = Array.from({ length: busyLoops }, () => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  try {
    const meter = startLagMeter();
    await new Promise((resolve) => setTimeout(resolve, ms));
    return lagFigures(meter.stop());
  } finally {
    for (const loop of loops) loop.kill('SIGKILL');
  }
}

/** Evaluates a bundle afresh (as its first require would) and puts the loaded one back. */
function freshLoad(file: string): { wallMs: number; cpuMs: number } | undefined {
  if (!fs.existsSync(file)) return undefined;
  const cached = require.cache[file];
  delete require.cache[file];
  const cpu = process.cpuUsage();
  const started = performance.now();
  require(file);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (cached) require.cache[file] = cached;
  else delete require.cache[file];
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

async function startProfiler(): Promise<{ stop(): Promise<object> }> {
  const inspector = await import('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method: string, params?: object): Promise<unknown> =>
    new Promise((resolve, reject) => session.post(method, params ?? {}, (error, result) => (error ? reject(error) : resolve(result))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
  return {
    async stop() {
      const { profile } = (await post('Profiler.stop')) as { profile: object };
      session.disconnect();
      return profile;
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
