import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { BootstrapProcess } from '../../../src/core/runner/bootstrapProcess';
import { RUN_MARKER_ENV } from '../../../src/core/runner/protocol';
import { resolvePython } from '../../../src/core/runner/pythonInterpreter';
import { RunOutcome, RunRequest } from '../../../src/core/runner/runTypes';
import { WarmInterpreter } from '../../../src/core/runner/warmInterpreter';
import { WarmKey, WarmPool } from '../../../src/core/runner/warmPool';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { processesWithEnv, waitUntil } from '../support/processTable';
import { useTempDirectory } from '../support/tempDirectory';

// A warm interpreter (started ahead, waiting in run.start) must be indistinguishable from a
// fresh one to the run that adopts it, serve that run only, and leave nothing behind.

const HANDLERS = [
  'import os, sys, time',
  'import counter_state',
  '',
  'def main(session):',
  '    print("to stdout")',
  '    sys.stderr.write("to stderr\\n")',
  '    return session.sql("select 41 + 1").collect()[0][0]',
  '',
  'def identity(session):',
  '    counter_state.COUNT += 1',
  '    return "%d %d %s" % (os.getpid(), counter_state.COUNT, "leak" in sys.modules)',
  '',
  'def leak(session):',
  '    sys.modules["leak"] = sys',
  '    return os.getpid()',
  '',
  'def boom(session):',
  '    return 1 / 0',
  '',
  'def spin(session):',
  '    time.sleep(60)',
  '',
].join('\n');

describe('warm interpreter runs (real Python)', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-local-warm-');
  let runtime: SnowparkRuntime;
  let pool: WarmPool<WarmInterpreter>;
  let handlerFile: string;
  let key: WarmKey;

  before(async () => {
    files.write('counter_state.py', 'COUNT = 0\n');
    handlerFile = files.write('handlers.py', HANDLERS);
    key = { python: undefined, cwd: join(handlerFile, '..') };
    runtime = await openMemoryRuntime();
    pool = new WarmPool((warmKey) => new WarmInterpreter(warmKey));
  });
  after(async () => {
    await pool.dispose();
    await runtime.dispose();
  });

  function request(handler: string): RunRequest {
    return { handler, module: { kind: 'file', path: handlerFile }, args: [], returnType: null, cwd: key.cwd };
  }

  /** A run on a warm process that has finished starting, with its output and the process it ran in. */
  async function warmRun(handler: string): Promise<{ outcome: RunOutcome; output: string; process: BootstrapProcess }> {
    pool.prepare(key);
    const process = (await pool.take(key)!.process)!;
    await process.ready;
    return { ...(await collect(handler, process)), process };
  }

  async function collect(handler: string, process?: BootstrapProcess): Promise<{ outcome: RunOutcome; output: string }> {
    const handle = runtime.runner.start(request(handler), process);
    const output = { stdout: '', stderr: '' };
    const subscription = runtime.runner.onOutput((chunk) => chunk.runId === handle.runId && (output[chunk.stream] += chunk.text));
    const outcome = await handle.outcome;
    subscription.dispose();
    return { outcome, output: `stdout:${output.stdout}\nstderr:${output.stderr}` };
  }

  it('gives the same result, output and job record as a fresh run', async () => {
    const cold = await collect('main');
    const warm = await warmRun('main');
    assert.equal(cold.outcome.ok, true, cold.outcome.error?.message);
    assert.deepEqual(warm.outcome.value, cold.outcome.value);
    assert.equal(warm.outcome.value, 42);
    assert.equal(warm.output, cold.output);
    assert.equal(warm.output, 'stdout:to stdout\n\nstderr:to stderr\n');
    assert.equal(runtime.jobs.get(warm.outcome.runId)?.status, 'SUCCESS');
    assert.equal(runtime.jobs.list({ parentId: warm.outcome.runId }).length, 1, 'the handler\'s query nests under the warm run');
  });

  it('reports a failing handler with the same traceback and location', async () => {
    const cold = await collect('boom');
    const warm = await warmRun('boom');
    assert.equal(warm.outcome.error?.kind, 'handler');
    assert.equal(warm.outcome.error?.message, cold.outcome.error?.message);
    assert.deepEqual(warm.outcome.error?.location, cold.outcome.error?.location);
    assert.equal(warm.outcome.error?.traceback, cold.outcome.error?.traceback);
    assert.equal(runtime.jobs.get(warm.outcome.runId)?.status, 'FAILED_WITH_ERROR');
  });

  it('runs in the process it adopted, and the next run gets another process with fresh module state', async () => {
    const first = await warmRun('leak');
    assert.equal(first.outcome.value, (await first.process.ready).pid, 'the run used the warm process');
    const second = await warmRun('identity');
    const [pid, count, leaked] = String(second.outcome.value).split(' ');
    assert.equal(Number(pid), (await second.process.ready).pid);
    assert.notEqual(Number(pid), (await first.process.ready).pid);
    assert.equal(count, '1');
    assert.equal(leaked, 'False', 'sys.modules of the earlier run is not visible');
    const third = await warmRun('identity');
    assert.equal(String(third.outcome.value).split(' ')[1], '1');
    assert.equal(first.process.alive || second.process.alive, false);
  });

  it('a process already adopted cannot serve a second run', async () => {
    const { process } = await warmRun('main');
    assert.throws(() => process.adopt(async () => ({}), () => undefined), /one run only/);
  });

  it('cancels a warm run: ABORTED, and no process carrying its marker survives', async () => {
    pool.prepare(key);
    const process = (await pool.take(key)!.process)!;
    await process.ready;
    const handle = runtime.runner.start(request('spin'), process);
    assert.ok(await waitUntil(() => runtime.jobs.get(handle.runId)?.status === 'RUNNING', 5_000));
    await handle.cancel();
    const outcome = await handle.outcome;
    assert.equal(outcome.error?.kind, 'cancelled');
    assert.equal(runtime.jobs.get(handle.runId)?.status, 'ABORTED');
    assert.deepEqual(processesWithEnv(RUN_MARKER_ENV, process.marker), []);
  });

  it('a dropped waiting process is gone with its lifeline guard (no orphan)', async () => {
    pool.prepare(key);
    const process = (await pool.waiting!.process)!;
    await process.ready;
    assert.ok(processesWithEnv(RUN_MARKER_ENV, process.marker).length >= 2, 'the bootstrap and its guard were running');
    await pool.clear();
    assert.ok(await waitUntil(() => processesWithEnv(RUN_MARKER_ENV, process.marker).length === 0, 3_000, 20));
  });

  it('a waiting process whose site-packages changed is not handed over, and is ended', async () => {
    const venv = files.path('venv');
    const base = await resolvePython();
    execFileSync(base.executable, ['-m', 'venv', '--without-pip', venv]);
    const venvKey: WarmKey = { python: join(venv, 'bin', 'python'), cwd: key.cwd };
    const venvPool = new WarmPool((warmKey) => new WarmInterpreter(warmKey));
    try {
      venvPool.prepare(venvKey);
      const process = (await venvPool.waiting!.process)!;
      const hello = await process.ready;
      const sitePackages = hello.watch.find((entry) => entry.startsWith(venv) && entry.endsWith('site-packages'));
      assert.ok(sitePackages, `the venv's site-packages is watched: ${hello.watch.join(', ')}`);
      assert.ok(readdirSync(sitePackages).length >= 0);
      const later = new Date(Date.now() + 5_000);
      utimesSync(sitePackages, later, later); // what installing a package does to the directory
      assert.equal(venvPool.take(venvKey), undefined);
      assert.ok(await waitUntil(() => processesWithEnv(RUN_MARKER_ENV, process.marker).length === 0, 3_000, 20), 'the stale process was ended');
    } finally {
      await venvPool.dispose();
    }
  });
});
