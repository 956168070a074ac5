import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobRecord } from '../../../src/core/jobs/jobManager';
import { RunOutcome } from '../../../src/core/runner/runTypes';
import { WarehouseType } from '../../../src/core/runner/protocol';
import { shimDirectory } from '../../../src/core/runner/shimLocation';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { execFileSync } from 'node:child_process';
import { isAlive, waitUntil } from '../support/processTable';
import { untagged } from '../support/taggedValues';

// Real runs: the shim's bootstrap, joblib from Debian's /usr/bin/python3, the TaskPool's
// worker threads and Python workers. Every assertion is about what really ran where.

const PYTHON = '/usr/bin/python3';
const PYENV_PYTHON = '/root/.pyenv/versions/3.11.7/bin/python3';
const WORKER_MODULE = 'snowpark_local.parallel.task_worker';

const HANDLERS = `
import os
import sys
import threading
import time
import joblib
from math import sqrt


def docs_example(session):
    return str(joblib.Parallel(n_jobs=-1)(joblib.delayed(sqrt)(i ** 2) for i in range(10)))


def where(session):
    pids = joblib.Parallel(n_jobs=-1)(joblib.delayed(os.getpid)() for _ in range(12))
    return {"handler": os.getpid(), "tasks": sorted(set(pids))}


def where_plain_loky(session):
    joblib.parallel_backend('loky')
    pids = joblib.Parallel(n_jobs=-1)(joblib.delayed(os.getpid)() for _ in range(12))
    return {"handler": os.getpid(), "tasks": sorted(set(pids))}


def where_loky_context(session):
    with joblib.parallel_backend('loky'):
        inside = joblib.Parallel(n_jobs=-1)(joblib.delayed(os.getpid)() for _ in range(12))
    after = joblib.Parallel(n_jobs=-1)(joblib.delayed(os.getpid)() for _ in range(12))
    return {"handler": os.getpid(), "tasks": sorted(set(inside)), "after": sorted(set(after))}


def where_backend_argument(session):
    pids = joblib.Parallel(n_jobs=2, backend='loky')(joblib.delayed(os.getpid)() for _ in range(12))
    return {"handler": os.getpid(), "tasks": sorted(set(pids))}


def divide(i):
    return 10 / (i - 3)


def failing_on_threads(session):
    return joblib.Parallel(n_jobs=2)(joblib.delayed(divide)(i) for i in range(6))


def failing(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(divide)(i) for i in range(6))


def caught(session):
    try:
        failing(session)
    except ZeroDivisionError as error:
        cause = error.__cause__
        return {"type": type(error).__name__, "cause": str(cause)}


def nap(seconds):
    time.sleep(seconds)
    return os.getpid()


def stuck(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(nap)(60 if i == 0 else 0.01) for i in range(4))


def all_stuck(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(nap)(60) for i in range(4))


def returns_early(session):
    def background():
        with joblib.parallel_backend('loky'):
            joblib.Parallel(n_jobs=2)(joblib.delayed(nap)(60) for i in range(2))
    threading.Thread(target=background, daemon=True).start()
    deadline = time.time() + 20
    while time.time() < deadline:
        time.sleep(0.05)
        if os.path.exists(os.environ.get("READY_FILE", "/nonexistent")):
            break
    return "returned"


def die(i):
    if i == 1:
        os.kill(os.getpid(), 9)
    return i


def killed_worker(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(die)(i) for i in range(4))


def inner(i):
    pids = joblib.Parallel(n_jobs=2)(joblib.delayed(os.getpid)() for _ in range(4))
    more = joblib.Parallel(n_jobs=2, backend='loky')(joblib.delayed(sqrt)(j) for j in range(4))
    return [i, os.getpid(), sorted(set(pids)), len(more)]


def nested(session):
    with joblib.parallel_backend('loky'):
        return {"handler": os.getpid(), "rows": joblib.Parallel(n_jobs=2)(joblib.delayed(inner)(i) for i in range(4))}


def lambda_without_cloudpickle(session):
    sys.modules["cloudpickle"] = None  # as if it were not installed
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(lambda x: x * 2)(i) for i in range(4))


def lambda_with_cloudpickle(session):
    factor = 3
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2)(joblib.delayed(lambda x: x * factor)(i) for i in range(4))


def one_ms_tasks(session):
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2)(joblib.delayed(pause)(i, 0.001) for i in range(400)))


def slow_tasks(session):
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2)(joblib.delayed(pause)(i, 0.2) for i in range(6)))


def pause(i, seconds):
    time.sleep(seconds)
    return i


def user_batch_size(session):
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2, batch_size=7)(joblib.delayed(abs)(-i) for i in range(60)))


def fail_at(i, bad):
    if i == bad:
        raise ValueError("task {} failed".format(i))
    return i


def fails_mid_chunk(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2, batch_size=5)(joblib.delayed(fail_at)(i, 6) for i in range(20))


def stuck_mid_chunk(session):
    # Task 4 takes long enough for a progress report, so task 5 shows RUNNING while it hangs.
    seconds = {4: 0.08, 5: 60}
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2, batch_size=4)(joblib.delayed(pause)(i, seconds.get(i, 0.001)) for i in range(12))


def many(session):
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2)(joblib.delayed(abs)(-i) for i in range(2000)))
`;

/** Task workers in the process table: ours (children of this test process) and orphans (parent gone). */
function taskWorkers(): Array<{ pid: number; ppid: number }> {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null && match[3].includes(WORKER_MODULE))
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]) }));
}

// Other test processes on the machine may run their own pools: only count workers that are
// our children, or orphans that appeared while this suite ran.
const othersOrphans = new Set<number>();
function oursAndOrphans(): number[] {
  return taskWorkers()
    .filter((row) => row.ppid === process.pid || (row.ppid === 1 && !othersOrphans.has(row.pid)))
    .map((row) => row.pid);
}

describe('joblib tasks in the TaskPool (real runs)', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  let dir: string;
  let file: string;

  before(async function () {
    if (!existsSync(PYTHON)) this.skip();
    for (const row of taskWorkers()) if (row.ppid === 1) othersOrphans.add(row.pid);
    dir = mkdtempSync(join(tmpdir(), 'snowpark-parallel-'));
    file = join(dir, 'parallel_handlers.py');
    writeFileSync(file, HANDLERS);
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: PYTHON, workers: 2 });
  });

  after(async () => {
    await runtime?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
    // Disposing the runtime stops every pool worker: nothing of ours is left running.
    const left = await waitUntil(() => oursAndOrphans().length === 0, 5000);
    assert.ok(left, `task workers left running: ${JSON.stringify(oursAndOrphans())}`);
  });

  function run(handler: string, warehouseType: WarehouseType = 'snowpark-optimized', extra: { packages?: string[]; python?: string; env?: NodeJS.ProcessEnv } = {}) {
    return runtime.runner.start({
      handler,
      module: { kind: 'file', path: file },
      args: [],
      returnType: null,
      warehouseType,
      workers: 2,
      python: extra.python ?? PYTHON,
      packages: extra.packages,
      env: extra.env,
    });
  }

  function valueOf(outcome: RunOutcome): unknown {
    assert.ok(outcome.ok, `run failed: ${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
    return untagged(outcome.value);
  }

  function poolPids(): number[] {
    return runtime.parallel.poolList.flatMap((pool) => pool.workerList.map((worker) => worker.pid!)).filter(Boolean);
  }

  function jobsOf(runId: string, kind: 'batch' | 'task'): JobRecord[] {
    return runtime.jobs.list({ runId, kind });
  }

  /** Task workers in the process table are exactly the pool's live workers: no orphans. */
  async function assertNoOrphans(): Promise<void> {
    const settled = await waitUntil(() => {
      const live = new Set(poolPids());
      return oursAndOrphans().every((pid) => live.has(pid));
    }, 5000);
    assert.ok(settled, `orphans: ${JSON.stringify(oursAndOrphans())} pool: ${poolPids()}`);
  }

  for (const warehouse of ['standard', 'snowpark-optimized'] as const) {
    it(`runs the Snowflake docs example on a ${warehouse} warehouse`, async () => {
      const outcome = await run('docs_example', warehouse).outcome;
      assert.equal(valueOf(outcome), '[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]');
    });
  }

  it('keeps tasks on threads of the handler process on a standard warehouse, and records them', async () => {
    const handle = run('where', 'standard');
    const value = valueOf(await handle.outcome) as { handler: number; tasks: number[] };
    assert.deepEqual(value.tasks, [value.handler]);
    const [batch] = jobsOf(handle.runId, 'batch');
    assert.equal(batch.label, 'getpid');
    assert.equal(batch.detail.backend, 'threading');
    assert.equal(batch.status, 'SUCCESS');
    const tasks = jobsOf(handle.runId, 'task');
    assert.deepEqual(tasks.map((task) => task.detail.index).sort((a, b) => Number(a) - Number(b)), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    for (const task of tasks) {
      assert.equal(task.parentId, batch.id);
      assert.equal(task.status, 'SUCCESS');
      assert.match(String(task.detail.worker), /Thread|Worker|Dummy/i, 'a thread of the handler, not a pool worker pid');
    }
  });

  it('records a failing task on the threading backend as FAILED_WITH_ERROR', async () => {
    const handle = run('failing_on_threads', 'standard');
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.match(outcome.error?.message ?? '', /ZeroDivisionError/);
    const [batch] = jobsOf(handle.runId, 'batch');
    assert.equal(batch.detail.backend, 'threading');
    assert.equal(batch.status, 'FAILED_WITH_ERROR');
    assert.ok(jobsOf(handle.runId, 'task').some((task) => task.status === 'FAILED_WITH_ERROR' && /ZeroDivisionError/.test(task.error?.message ?? '')));
  });

  it('runs tasks in pool workers on a Snowpark-optimized warehouse, and records batch and tasks', async () => {
    const handle = run('where', 'snowpark-optimized');
    const value = valueOf(await handle.outcome) as { handler: number; tasks: number[] };
    assert.ok(!value.tasks.includes(value.handler), 'no task ran in the handler process');
    const pool = new Set(poolPids());
    for (const pid of value.tasks) assert.ok(pool.has(pid), `task pid ${pid} is a pool worker (${[...pool]})`);
    const [batch] = jobsOf(handle.runId, 'batch');
    assert.equal(batch.parentId, handle.runId);
    assert.equal(batch.label, 'getpid');
    assert.equal(batch.status, 'SUCCESS');
    const tasks = jobsOf(handle.runId, 'task').sort((a, b) => Number(a.detail.index) - Number(b.detail.index));
    assert.deepEqual(tasks.map((task) => task.detail.index), [...Array(12).keys()]);
    for (const task of tasks) {
      assert.equal(task.parentId, batch.id);
      assert.equal(task.label, 'getpid');
      assert.equal(task.status, 'SUCCESS');
      assert.ok(value.tasks.includes(task.detail.worker as number), `worker ${task.detail.worker} is a task pid`);
      assert.equal(typeof task.detail.durationMs, 'number');
    }
  });

  for (const handler of ['where_plain_loky', 'where_backend_argument']) {
    it(`sends loky tasks to the pool on a standard warehouse (${handler})`, async () => {
      const value = valueOf(await run(handler, 'standard').outcome) as { handler: number; tasks: number[] };
      assert.ok(value.tasks.length >= 1 && !value.tasks.includes(value.handler), JSON.stringify(value));
      const pool = new Set(poolPids());
      for (const pid of value.tasks) assert.ok(pool.has(pid));
    });
  }

  it('parallel_backend("loky") as a context manager only lasts for its block', async () => {
    const value = valueOf(await run('where_loky_context', 'standard').outcome) as { handler: number; tasks: number[]; after: number[] };
    assert.ok(!value.tasks.includes(value.handler), JSON.stringify(value));
    assert.deepEqual(value.after, [value.handler]);
  });

  it("brings a task's exception back with the worker's traceback, as loky shows it", async () => {
    const handle = run('failing');
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.errorType, 'ZeroDivisionError');
    const traceback = outcome.error?.traceback ?? '';
    assert.match(traceback, /"""\nTraceback \(most recent call last\):/);
    assert.match(traceback, /parallel_handlers\.py", line \d+, in divide\n\s+return 10 \/ \(i - 3\)/);
    assert.match(traceback, /The above exception was the direct cause of the following exception/);
    const failed = jobsOf(handle.runId, 'task').find((task) => task.status === 'FAILED_WITH_ERROR');
    assert.equal(failed?.detail.index, 3);
    assert.match(failed?.error?.message ?? '', /ZeroDivisionError: division by zero/);
    assert.equal(jobsOf(handle.runId, 'batch')[0].status, 'FAILED_WITH_ERROR');
    const caught = valueOf(await run('caught').outcome) as { type: string; cause: string };
    assert.equal(caught.type, 'ZeroDivisionError');
    assert.match(caught.cause, /in divide/);
    await assertNoOrphans();
  });

  async function runningTask(runId: string): Promise<JobRecord> {
    let found: JobRecord | undefined;
    const ok = await waitUntil(() => {
      found = jobsOf(runId, 'task').find((task) => task.status === 'RUNNING' && typeof task.detail.worker === 'number' && task.detail.worker > 0);
      return found !== undefined;
    }, 30_000);
    assert.ok(ok, 'a task started');
    return found!;
  }

  it('cancelling a running task kills its stuck worker, the pool replaces it, the handler sees why', async () => {
    const handle = run('stuck');
    const task = await runningTask(handle.runId);
    const stuckPid = task.detail.worker as number;
    assert.equal(runtime.parallel.cancel(task.id), true);
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.errorType, 'TaskCancelledError');
    assert.match(outcome.error?.message ?? '', /joblib task 0 of nap\(\) was cancelled/);
    assert.ok(await waitUntil(() => !isAlive(stuckPid), 5000), 'the stuck worker is gone');
    assert.equal(runtime.jobs.get(task.id)?.status, 'ABORTED');
    assert.equal(jobsOf(handle.runId, 'batch')[0].status, 'ABORTED');
    assert.ok(await waitUntil(() => poolPids().length >= 2 && !poolPids().includes(stuckPid), 10_000), `replaced: ${poolPids()}`);
    await assertNoOrphans();
  });

  it('cancelling a batch stops its queued tasks and kills its running workers', async () => {
    const handle = run('all_stuck');
    await runningTask(handle.runId);
    await waitUntil(() => jobsOf(handle.runId, 'task').filter((task) => task.status === 'RUNNING').length === 2, 10_000);
    const busy = jobsOf(handle.runId, 'task').filter((task) => task.status === 'RUNNING').map((task) => task.detail.worker as number);
    const [batch] = jobsOf(handle.runId, 'batch');
    const started = Date.now();
    assert.equal(runtime.parallel.cancel(batch.id), true);
    const outcome = await handle.outcome;
    assert.ok(Date.now() - started < 10_000, 'did not wait for the sleeping tasks');
    assert.equal(outcome.error?.errorType, 'TaskCancelledError');
    assert.equal(runtime.jobs.get(batch.id)?.status, 'ABORTED');
    for (const task of jobsOf(handle.runId, 'task')) assert.equal(task.status, 'ABORTED', `${task.id} ${task.status}`);
    for (const pid of busy) assert.ok(await waitUntil(() => !isAlive(pid), 5000), `worker ${pid} killed`);
    await assertNoOrphans();
  });

  it('cancelling the run cancels its tasks and kills their workers', async () => {
    const handle = run('all_stuck');
    const task = await runningTask(handle.runId);
    await handle.cancel();
    const outcome = await handle.outcome;
    assert.equal(outcome.error?.kind, 'cancelled');
    assert.ok(await waitUntil(() => !isAlive(task.detail.worker as number), 5000));
    for (const each of jobsOf(handle.runId, 'task')) assert.equal(each.status, 'ABORTED');
    assert.equal(jobsOf(handle.runId, 'batch')[0].status, 'ABORTED');
    await assertNoOrphans();
  });

  it("a handler that returns cancels its outstanding tasks", async () => {
    const ready = join(dir, 'ready');
    const handle = run('returns_early', 'snowpark-optimized', { env: { READY_FILE: ready } });
    const task = await runningTask(handle.runId);
    writeFileSync(ready, '');
    const outcome = await handle.outcome;
    assert.equal(valueOf(outcome), 'returned');
    // By the time the outcome resolves, onRunEnded has cancelled the tasks.
    for (const each of jobsOf(handle.runId, 'task')) assert.equal(each.status, 'ABORTED', `${each.id}`);
    assert.ok(await waitUntil(() => !isAlive(task.detail.worker as number), 5000));
    await assertNoOrphans();
  });

  it('a worker killed mid-task fails the batch clearly and is replaced', async () => {
    const handle = run('killed_worker');
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.errorType, 'TerminatedWorkerError');
    assert.match(outcome.error?.message ?? '', /was unexpectedly terminated.*SIGKILL/s);
    const failed = jobsOf(handle.runId, 'task').find((task) => task.status === 'FAILED_WITH_ERROR');
    assert.equal(failed?.detail.index, 1);
    assert.ok(await waitUntil(() => poolPids().length >= 2, 10_000));
    const deadPid = failed?.detail.worker as number;
    assert.ok(deadPid > 0 && !isAlive(deadPid), `the worker that ran task 1 (${deadPid}) is gone`);
    assert.ok(!poolPids().includes(deadPid));
    await assertNoOrphans();
  });

  it('nested Parallel calls in a task run as threads in that worker, without deadlock', async () => {
    const value = valueOf(await run('nested').outcome) as { handler: number; rows: Array<[number, number, number[], number]> };
    assert.deepEqual(value.rows.map((row) => row[0]), [0, 1, 2, 3]);
    for (const [, pid, innerPids, count] of value.rows) {
      assert.notEqual(pid, value.handler);
      assert.deepEqual(innerPids, [pid], 'inner tasks ran in the same worker process');
      assert.equal(count, 4);
    }
  });

  it('a lambda without cloudpickle fails with a message naming cloudpickle and the interpreter', async () => {
    const outcome = await run('lambda_without_cloudpickle').outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.errorType, 'TaskPicklingError');
    assert.match(outcome.error?.message ?? '', /cloudpickle/);
    assert.ok((outcome.error?.message ?? '').includes(`${PYTHON} -m pip install cloudpickle`), outcome.error?.message);
    await assertNoOrphans();
  });

  it('a closure works through cloudpickle when it is installed', async () => {
    assert.deepEqual(valueOf(await run('lambda_with_cloudpickle').outcome), [0, 3, 6, 9]);
  });

  it('sends many small tasks in batches yet records every task, results in order', async () => {
    const handle = run('many');
    assert.equal(valueOf(await handle.outcome), 1999000);
    const tasks = jobsOf(handle.runId, 'task');
    assert.equal(tasks.length, 2000);
    assert.ok(tasks.every((task) => task.status === 'SUCCESS'));
  });

  /** The run's tasks in index order, each with its chunk number (joblib's batch). */
  function tasksByIndex(runId: string): JobRecord[] {
    return jobsOf(runId, 'task').sort((a, b) => Number(a.detail.index) - Number(b.detail.index));
  }

  /** Chunk number → the indices of its tasks, from the task rows. */
  function chunksOf(tasks: JobRecord[]): Map<number, number[]> {
    const chunks = new Map<number, number[]>();
    for (const task of tasks) {
      const chunk = task.detail.chunk as number;
      chunks.set(chunk, [...(chunks.get(chunk) ?? []), task.detail.index as number]);
    }
    return chunks;
  }

  it('batches 1 ms tasks into chunks larger than one, recording every task with its chunk', async () => {
    const handle = run('one_ms_tasks');
    assert.equal(valueOf(await handle.outcome), (399 * 400) / 2);
    const tasks = tasksByIndex(handle.runId);
    assert.deepEqual(tasks.map((task) => task.detail.index), [...Array(400).keys()], 'one row per task');
    for (const task of tasks) {
      assert.equal(task.status, 'SUCCESS');
      assert.ok(Number.isInteger(task.detail.chunk) && (task.detail.chunk as number) >= 1, `${task.id} has a chunk`);
      assert.equal(typeof task.detail.durationMs, 'number');
    }
    const chunks = chunksOf(tasks);
    // A chunk holds consecutive tasks, and chunks are numbered in dispatch order.
    for (const indices of chunks.values()) assert.equal(indices[indices.length - 1] - indices[0], indices.length - 1);
    const firsts = [...chunks.entries()].sort((a, b) => a[0] - b[0]).map(([, indices]) => indices[0]);
    assert.deepEqual(firsts, [...firsts].sort((a, b) => a - b));
    assert.equal(chunks.get(1)?.length, 1, 'the first chunk is a single task: nothing is measured yet');
    assert.ok(Math.max(...[...chunks.values()].map((indices) => indices.length)) >= 8, `chunk sizes grew: ${[...chunks.values()].map((c) => c.length)}`);
    assert.ok(chunks.size < 200, `${chunks.size} chunks for 400 tasks`);
  });

  it('keeps 200 ms tasks one per chunk', async () => {
    const handle = run('slow_tasks');
    assert.equal(valueOf(await handle.outcome), 15);
    const chunks = chunksOf(tasksByIndex(handle.runId));
    assert.equal(chunks.size, 6);
    for (const indices of chunks.values()) assert.equal(indices.length, 1);
  });

  it("honours the user's batch_size instead of sizing chunks itself", async () => {
    const handle = run('user_batch_size');
    assert.equal(valueOf(await handle.outcome), (59 * 60) / 2);
    const sizes = [...chunksOf(tasksByIndex(handle.runId)).values()].map((indices) => indices.length);
    // joblib itself splits its first (pre-dispatched) and last slices smaller; never larger.
    assert.ok(sizes.every((size) => size <= 7), `sizes ${sizes}`);
    assert.ok(sizes.filter((size) => size === 7).length >= 2, `sizes ${sizes}`);
  });

  it("an exception in the middle of a chunk reports that task, with its own traceback", async () => {
    const handle = run('fails_mid_chunk');
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.errorType, 'ValueError');
    assert.match(outcome.error?.message ?? '', /task 6 failed/);
    assert.match(outcome.error?.traceback ?? '', /parallel_handlers\.py", line \d+, in fail_at\n\s+raise ValueError/);
    const tasks = tasksByIndex(handle.runId);
    const failed = tasks.filter((task) => task.status === 'FAILED_WITH_ERROR');
    assert.deepEqual(failed.map((task) => task.detail.index), [6]);
    assert.match(failed[0].error?.message ?? '', /ValueError: task 6 failed/);
    assert.match(String(failed[0].detail.traceback), /in fail_at/);
    const sameChunk = tasks.filter((task) => task.detail.chunk === failed[0].detail.chunk);
    const before = sameChunk.filter((task) => (task.detail.index as number) < 6);
    const after = sameChunk.filter((task) => (task.detail.index as number) > 6);
    assert.ok(before.length > 0 && after.length > 0, `task 6 is inside its chunk: ${sameChunk.map((task) => task.detail.index)}`);
    for (const task of before) assert.equal(task.status, 'SUCCESS');
    for (const task of after) assert.equal(task.status, 'ABORTED');
    assert.equal(jobsOf(handle.runId, 'batch')[0].status, 'FAILED_WITH_ERROR');
    await assertNoOrphans();
  });

  it('cancelling mid-chunk kills the worker, ends every task, and leaves no process', async () => {
    const handle = run('stuck_mid_chunk');
    let hung: JobRecord | undefined;
    assert.ok(
      await waitUntil(() => {
        hung = runtime.jobs.get(`${jobsOf(handle.runId, 'batch')[0]?.id}/5`);
        return hung?.status === 'RUNNING';
      }, 30_000),
      'task 5 runs',
    );
    const pid = hung!.detail.worker as number;
    const [batch] = jobsOf(handle.runId, 'batch');
    assert.equal(runtime.parallel.cancel(batch.id), true);
    const outcome = await handle.outcome;
    assert.equal(outcome.error?.errorType, 'TaskCancelledError');
    const tasks = tasksByIndex(handle.runId);
    // Tasks joblib had dispatched when the cancel came (at least up to the hung chunk's end), each with its row.
    assert.ok(tasks.length >= 8, `${tasks.length} task rows`);
    assert.deepEqual(tasks.map((task) => task.detail.index), [...Array(tasks.length).keys()]);
    const chunk = tasks.filter((task) => task.detail.chunk === hung!.detail.chunk);
    for (const task of chunk) {
      assert.equal(task.status, (task.detail.index as number) < 5 ? 'SUCCESS' : 'ABORTED', `${task.id}`);
    }
    for (const task of tasks) assert.ok(['SUCCESS', 'ABORTED'].includes(task.status), `${task.id} ${task.status}`);
    assert.equal(runtime.jobs.get(batch.id)?.status, 'ABORTED');
    assert.ok(await waitUntil(() => !isAlive(pid), 5000), `worker ${pid} killed`);
    await assertNoOrphans();
  });

  it('PACKAGES naming joblib on an interpreter without it stops the run with the fix', async function () {
    const bootstrap = readFileSync(join(shimDirectory(), 'snowpark_local', 'bootstrap.py'), 'utf8');
    if (!existsSync(PYENV_PYTHON) || !bootstrap.includes('check_packages')) this.skip(); // wired by the lead
    const outcome = await run('docs_example', 'standard', { python: PYENV_PYTHON, packages: ['snowflake-snowpark-python', 'joblib==1.2.0'] }).outcome;
    assert.equal(outcome.ok, false);
    const message = outcome.error?.message ?? '';
    assert.match(message, /'joblib'/);
    assert.ok(message.includes(PYENV_PYTHON), message);
    assert.ok(message.includes(`${PYENV_PYTHON} -m pip install joblib==1.2.0`), message);
    assert.doesNotMatch(message, /snowflake-snowpark-python/);
    await assertNoOrphans();
  });
});
