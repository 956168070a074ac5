import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { JobRecord } from '../../../src/core/jobs/jobManager';
import { LaneRecord } from '../../../src/core/parallel/taskPool';
import { RunOutcome } from '../../../src/core/runner/runTypes';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { isAlive, waitUntil } from '../support/processTable';
import { untagged } from '../support/taggedValues';

// Lanes: the handler sends a joblib batch's chunks straight to the pool workers Node leased
// to the batch, and Node records each chunk from the worker's `lane.*` frames. Real runs:
// the shim, joblib from Debian's /usr/bin/python3, real worker processes and sockets.

const PYTHON = '/usr/bin/python3';

const HANDLERS = `
import os
import sys
import time
import joblib


def nap(i, seconds):
    time.sleep(seconds)
    return os.getpid()


def die_at(i, bad):
    if i == bad:
        os.kill(os.getpid(), 9)
    return i


def shout(i):
    print("task {} says hello".format(i))
    sys.stdout.flush()
    return i


def many_tiny(session):
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2)(joblib.delayed(abs)(-i) for i in range(3000)))


def wider_than_the_pool(session):
    with joblib.parallel_backend('loky'):
        return sorted(set(joblib.Parallel(n_jobs=4, batch_size=1)(joblib.delayed(nap)(i, 0.3) for i in range(8))))


def one_stuck(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2, batch_size=1)(joblib.delayed(nap)(i, 60 if i == 2 else 0.001) for i in range(4))


def worker_dies(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2, batch_size=1)(joblib.delayed(die_at)(i, 2) for i in range(4))


def lanes_unreachable(session):
    # As if every lane's address failed to connect: the dispatcher relays all of it.
    from snowpark_local.parallel import lanes
    lanes.ChunkDispatcher._connect = lambda self, offer: None
    with joblib.parallel_backend('loky'):
        return sum(joblib.Parallel(n_jobs=2)(joblib.delayed(abs)(-i) for i in range(100)))


def prints(session):
    with joblib.parallel_backend('loky'):
        return joblib.Parallel(n_jobs=2, batch_size=1)(joblib.delayed(shout)(i) for i in range(2))
`;

describe('joblib lanes: chunks straight from the handler to leased workers (real runs)', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  let dir: string;
  let file: string;
  const records: LaneRecord[] = [];
  const laneAddresses = new Set<string>();
  const laneDirectories = new Set<string>();

  before(async function () {
    if (!existsSync(PYTHON)) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'snowpark-lanes-'));
    file = join(dir, 'lane_handlers.py');
    writeFileSync(file, HANDLERS);
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: PYTHON, workers: 2 });
    const pool = runtime.parallel.poolFor(PYTHON);
    pool.onLane((record) => {
      records.push(record);
      laneAddresses.add(record.lease.address);
      if (record.lease.address.startsWith('unix:')) laneDirectories.add(dirname(record.lease.address.slice('unix:'.length)));
    });
    await pool.whenWarm(2);
  });

  after(async () => {
    await runtime?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  function run(handler: string) {
    return runtime.runner.start({
      handler,
      module: { kind: 'file', path: file },
      args: [],
      returnType: null,
      warehouseType: 'snowpark-optimized',
      workers: 2,
      python: PYTHON,
    });
  }

  function valueOf(outcome: RunOutcome): unknown {
    assert.ok(outcome.ok, `run failed: ${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
    return untagged(outcome.value);
  }

  function tasksOf(runId: string): JobRecord[] {
    return runtime.jobs.list({ runId, kind: 'task' }).sort((a, b) => (a.detail.index as number) - (b.detail.index as number));
  }

  function recordsOf(batchId: string, type?: string): LaneRecord[] {
    return records.filter((record) => record.lease.group === batchId && (!type || record.header.type === type));
  }

  it('runs a batch of tiny tasks over lanes: every chunk recorded by its worker, every task with its row', async () => {
    const handle = run('many_tiny');
    assert.equal(valueOf(await handle.outcome), (2999 * 3000) / 2);
    const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
    assert.equal(batch.status, 'SUCCESS');
    assert.equal(batch.detail.tasks, 3000);
    const tasks = tasksOf(handle.runId);
    // Complete when the run's outcome is: the batch's close waits for its lanes' last records.
    assert.deepEqual(tasks.map((task) => task.detail.index), [...Array(3000).keys()]);
    const done = recordsOf(batch.id, 'lane.done');
    const lanePids = new Set(done.map((record) => record.lease.pid));
    for (const task of tasks) {
      assert.equal(task.status, 'SUCCESS', `${task.id}`);
      assert.ok(lanePids.has(task.detail.worker as number), `${task.id} ran on a leased worker (${task.detail.worker})`);
      assert.equal(typeof task.detail.durationMs, 'number');
    }
    const chunks = new Set(tasks.map((task) => task.detail.chunk));
    assert.deepEqual(new Set(done.map((record) => record.header.chunk)), chunks, 'every chunk came over a lane');
    assert.ok(chunks.size > 2 && chunks.size < 3000, `tiny tasks are batched: ${chunks.size} chunks`);
    assert.equal(lanePids.size, 2, 'both idle workers were leased');
  });

  it('relays what the idle workers cannot take: n_jobs=4 on two warm workers runs on four', async () => {
    const handle = run('wider_than_the_pool');
    const pids = valueOf(await handle.outcome) as number[];
    const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
    const laneChunks = recordsOf(batch.id, 'lane.done').length;
    assert.ok(laneChunks > 0 && laneChunks < 8, `${laneChunks} of 8 chunks over lanes, the rest relayed`);
    assert.ok(pids.length >= 3, `ran on ${pids.length} workers: ${pids}`);
    const tasks = tasksOf(handle.runId);
    assert.equal(tasks.length, 8);
    for (const task of tasks) assert.equal(task.status, 'SUCCESS');
  });

  it('shows a slow task on a lane as RUNNING, and cancelling it kills that worker and tells the handler', async () => {
    const handle = run('one_stuck');
    let stuck: JobRecord | undefined;
    assert.ok(
      await waitUntil(() => {
        stuck = tasksOf(handle.runId).find((task) => task.detail.index === 2 && task.status === 'RUNNING');
        return stuck !== undefined;
      }, 30_000),
      'task 2 shows as running',
    );
    const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
    const notice = recordsOf(batch.id, 'lane.start').find((record) => record.header.start === 2);
    assert.ok(notice, 'its worker said it was running it');
    const pid = stuck!.detail.worker as number;
    assert.equal(pid, notice!.lease.pid);
    assert.equal(runtime.parallel.cancel(stuck!.id), true);
    const outcome = await handle.outcome;
    assert.equal(outcome.error?.errorType, 'TaskCancelledError');
    assert.match(outcome.error?.message ?? '', /joblib task 2 of nap\(\) was cancelled/);
    assert.equal(runtime.jobs.get(stuck!.id)?.status, 'ABORTED');
    assert.ok(await waitUntil(() => !isAlive(pid), 5000), 'the stuck worker is gone');
    const laneDirectory = dirname(notice!.lease.address.slice('unix:'.length));
    if (notice!.lease.address.startsWith('unix:')) {
      assert.ok(await waitUntil(() => !existsSync(laneDirectory), 5000), `its lane directory ${laneDirectory} is removed`);
    }
    assert.ok(await waitUntil(() => runtime.parallel.poolFor(PYTHON).workerList.filter((worker) => worker.state === 'idle').length >= 2, 10_000));
  });

  it('a lane whose worker dies mid-task fails the batch as a crash, naming the task', async () => {
    const handle = run('worker_dies');
    const outcome = await handle.outcome;
    assert.equal(outcome.error?.errorType, 'TerminatedWorkerError');
    assert.match(outcome.error?.message ?? '', /was unexpectedly terminated.*SIGKILL/s);
    const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
    assert.equal(batch.status, 'FAILED_WITH_ERROR');
    assert.ok(recordsOf(batch.id, 'lane.done').length > 0, 'the batch ran over lanes');
    const failed = tasksOf(handle.runId).find((task) => task.status === 'FAILED_WITH_ERROR');
    assert.equal(failed?.detail.index, 2);
    assert.match(String(failed?.error?.message), /SIGKILL/);
  });

  it("a task's prints on a lane reach its own run's output", async () => {
    const seen: string[] = [];
    const listener = runtime.parallel.onOutput((output) => seen.push(`${output.runId}:${output.text}`));
    const handle = run('prints');
    valueOf(await handle.outcome);
    assert.ok(await waitUntil(() => seen.join('').includes('task 1 says hello'), 5000), seen.join(''));
    for (const line of seen.filter((text) => text.includes('says hello'))) assert.ok(line.startsWith(`${handle.runId}:`), line);
    listener.dispose();
  });

  it('a handler that cannot reach its lanes has every chunk relayed, and the workers leased to it are ended at once, not left waiting', async () => {
    const pool = runtime.parallel.poolFor(PYTHON);
    await pool.whenWarm(2);
    const idleBefore = pool.workerList.filter((worker) => worker.state === 'idle').map((worker) => worker.pid);
    const handle = run('lanes_unreachable');
    assert.equal(valueOf(await handle.outcome), 4950);
    const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
    assert.equal(batch.status, 'SUCCESS');
    assert.equal(recordsOf(batch.id).length, 0, 'no chunk went over a lane');
    assert.equal(tasksOf(handle.runId).filter((task) => task.status === 'SUCCESS').length, 100);
    // Leased (two: n_jobs=2) but never connected to, they waited in accept(): they were ended.
    const ended = (): number => idleBefore.filter((pid) => !isAlive(pid!)).length;
    assert.ok(await waitUntil(() => ended() >= 2, 5000), `leased workers ended: ${ended()} of ${idleBefore.length} idle before`);
    assert.ok(await waitUntil(() => pool.workerList.filter((worker) => worker.state === 'idle').length >= 2, 10_000), 'the pool is warm again');
  });

  it('with SNOWPARK_LOCAL_TASK_LANES=0 every chunk is relayed through Node, and still recorded', async () => {
    process.env.SNOWPARK_LOCAL_TASK_LANES = '0';
    try {
      const handle = run('many_tiny');
      assert.equal(valueOf(await handle.outcome), (2999 * 3000) / 2);
      const [batch] = runtime.jobs.list({ runId: handle.runId, kind: 'batch' });
      assert.equal(recordsOf(batch.id).length, 0);
      assert.equal(tasksOf(handle.runId).filter((task) => task.status === 'SUCCESS').length, 3000);
    } finally {
      delete process.env.SNOWPARK_LOCAL_TASK_LANES;
    }
  });

  it('listens for lanes only in a private directory or on loopback, and leaves no directory behind', async () => {
    assert.ok(laneAddresses.size >= 2, `lanes seen: ${[...laneAddresses]}`);
    for (const address of laneAddresses) assert.match(address, /^(unix:.*\/snowpark-lane-[^/]+\/lane\.sock|tcp:127\.0\.0\.1:\d+)$/);
    if (process.env.SNOWPARK_LOCAL_CHANNEL_TRANSPORT !== 'tcp') assert.ok(laneDirectories.size >= 2);
    await runtime.dispose();
    assert.ok(await waitUntil(() => [...laneDirectories].every((path) => !existsSync(path)), 5000), [...laneDirectories].filter(existsSync).join(', '));
  });
});
