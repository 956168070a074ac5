import assert from 'node:assert/strict';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { BatchLanes } from '../../../src/core/parallel/batchLanes';
import type { Lease, LeaseEnd, TaskPool } from '../../../src/core/parallel/taskPool';

// How BatchLanes records the chunks a lane held when that lane ends, before and after joblib
// gave up on the batch. The pool is a stand-in that only lends leases and ends them when told:
// which real worker deaths produce which lease ends is lanes.test.ts's job (real runs); the
// timing this file pins (a worker dying just after joblib's abort) cannot be forced there.

class LeaseStandIn {
  readonly leases: Lease[] = [];
  private readonly settlers = new Map<Lease, (end: LeaseEnd) => void>();
  readonly cancelled: number[] = [];

  lend(pid: number): Lease {
    let settle: (end: LeaseEnd) => void = () => undefined;
    const lease: Lease = {
      id: this.leases.length + 1,
      group: 'run/b1',
      owner: 'run',
      pid,
      address: 'unix:/nowhere',
      token: 't',
      end: new Promise<LeaseEnd>((resolve) => (settle = resolve)),
    };
    this.settlers.set(lease, (end) => {
      if (lease.ended) return;
      lease.ended = end;
      settle(end);
    });
    this.leases.push(lease);
    return lease;
  }

  /** As TaskPool.cancelLease: the worker is killed, and its end is a cancel. */
  cancelLease(lease: Lease, message: string): void {
    if (lease.ended) return;
    lease.cancelMessage ??= message;
    this.cancelled.push(lease.pid);
    this.settlers.get(lease)!({ kind: 'cancelled', message });
  }

  /** The worker ended on its own: it died, or gave its lane back. */
  end(lease: Lease, end: LeaseEnd): void {
    this.settlers.get(lease)!(end);
  }
}

describe('BatchLanes: the tasks a lane held when it ended (pool stand-in)', () => {
  function setup() {
    const jobs = new JobManager();
    jobs.add({ id: 'run', kind: 'run', runId: 'run', label: 'h()', status: 'RUNNING' });
    jobs.add({ id: 'run/b1', kind: 'batch', runId: 'run', parentId: 'run', label: 'work', status: 'RUNNING' });
    const pool = new LeaseStandIn();
    const leases = [pool.lend(101), pool.lend(102)];
    const errors: string[] = [];
    const lanes = new BatchLanes(jobs, pool as unknown as TaskPool, { runId: 'run', id: 'run/b1', label: 'work' }, leases, {
      onTasks: () => undefined,
      onError: (message) => errors.push(message),
    });
    const statuses = (from: number, to: number) =>
      Array.from({ length: to - from + 1 }, (_unused, at) => jobs.get(`run/b1/${from + at}`)?.status);
    return { jobs, pool, leases, lanes, errors, statuses };
  }

  const chunk = (number: number, start: number, count: number) => ({ chunk: number, start, count });
  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('a worker that dies holding a chunk fails its running task as a crash and aborts the rest', async () => {
    const { pool, leases, lanes, errors, statuses, jobs } = setup();
    lanes.record({ lease: leases[0], header: { type: 'lane.start', ...chunk(3, 15, 5) }, durations: new Float64Array(0) });
    pool.end(leases[0], { kind: 'crashed', message: 'A task worker process (pid 101) was unexpectedly terminated: SIGKILL.' });
    await settled();
    assert.deepEqual(statuses(15, 19), ['FAILED_WITH_ERROR', 'ABORTED', 'ABORTED', 'ABORTED', 'ABORTED']);
    assert.match(String(jobs.get('run/b1/15')?.error?.message), /pid 101.*SIGKILL/);
    assert.equal(errors.length, 1, 'the batch hears of the crash');
  });

  it('after joblib gave up, a worker that dies holding a chunk leaves its tasks ABORTED with the reason, not failed', async () => {
    const { pool, leases, lanes, errors, statuses, jobs } = setup();
    lanes.record({ lease: leases[1], header: { type: 'lane.start', ...chunk(1, 5, 5) }, durations: new Float64Array(0) });
    lanes.record({ lease: leases[1], header: { type: 'lane.error', ...chunk(1, 5, 5), failedAt: 1, errorType: 'ValueError', message: 'task 6 failed' }, durations: new Float64Array([0.1, 0.1]) });
    // Node has not heard of chunk 3 yet: its worker had just started it when joblib aborted.
    lanes.abortRunning('Cancelled: another task of the batch failed.');
    assert.deepEqual(pool.cancelled, [], 'no lane held a chunk Node knew to be running');
    pool.end(leases[0], { kind: 'crashed', message: 'A task worker process (pid 101) was unexpectedly terminated.' });
    const answer = await lanes.lost(leases[0].id, [chunk(3, 15, 5)]);
    assert.deepEqual(answer, { kind: 'cancelled', message: 'Cancelled: another task of the batch failed.' });
    assert.deepEqual(statuses(5, 9), ['SUCCESS', 'FAILED_WITH_ERROR', 'ABORTED', 'ABORTED', 'ABORTED']);
    assert.deepEqual(statuses(15, 19), ['ABORTED', 'ABORTED', 'ABORTED', 'ABORTED', 'ABORTED']);
    assert.equal(jobs.get('run/b1/15')?.error, undefined);
    assert.deepEqual(errors, ['ValueError: task 6 failed'], 'the abandoned chunk adds no second error to the batch');
  });

  it('a lane given back while the handler still held a chunk sent on it: a crash before an abort, a cancel after', async () => {
    {
      const { pool, leases, lanes, statuses } = setup();
      pool.end(leases[0], { kind: 'returned' });
      const answer = await lanes.lost(leases[0].id, [chunk(2, 10, 5)]);
      assert.equal(answer.kind, 'crashed');
      assert.match(answer.message, /pid 101\) closed its lane before it ran the tasks sent to it/);
      assert.equal(statuses(10, 14)[0], 'FAILED_WITH_ERROR');
    }
    {
      const { pool, leases, lanes, statuses, errors } = setup();
      lanes.abortRunning('Cancelled: another task of the batch failed.');
      pool.end(leases[0], { kind: 'returned' });
      const answer = await lanes.lost(leases[0].id, [chunk(2, 10, 5)]);
      assert.deepEqual(answer, { kind: 'cancelled', message: 'Cancelled: another task of the batch failed.' });
      assert.deepEqual(statuses(10, 14), ['ABORTED', 'ABORTED', 'ABORTED', 'ABORTED', 'ABORTED']);
      assert.deepEqual(errors, []);
    }
  });

  it("after joblib gave up, a chunk Node knew to be running is killed with its lane's worker, and the other lane is left to finish", async () => {
    const { pool, leases, lanes, statuses } = setup();
    lanes.record({ lease: leases[0], header: { type: 'lane.start', ...chunk(0, 0, 2) }, durations: new Float64Array(0) });
    lanes.record({ lease: leases[1], header: { type: 'lane.done', ...chunk(1, 2, 2) }, durations: new Float64Array([0.2, 0.2]) });
    lanes.abortRunning('Cancelled: another task of the batch failed.');
    assert.deepEqual(pool.cancelled, [101]);
    await settled();
    assert.deepEqual(statuses(0, 3), ['ABORTED', 'ABORTED', 'SUCCESS', 'SUCCESS']);
    assert.equal(lanes.openCount, 1);
  });

  it('a batch that closes well waits for the chunk a lane still runs instead of killing its worker', async () => {
    const { pool, leases, lanes, statuses } = setup();
    lanes.record({ lease: leases[0], header: { type: 'lane.start', ...chunk(0, 0, 2) }, durations: new Float64Array(0) });
    const closing = lanes.close(true, 'The joblib batch ended.', []);
    await settled();
    assert.deepEqual(pool.cancelled, []);
    // The chunk's record, then the lane's end, as the worker sends them.
    lanes.record({ lease: leases[0], header: { type: 'lane.done', ...chunk(0, 0, 2) }, durations: new Float64Array([0.2, 0.2]) });
    pool.end(leases[0], { kind: 'returned' });
    pool.end(leases[1], { kind: 'returned' });
    await closing;
    assert.deepEqual(statuses(0, 1), ['SUCCESS', 'SUCCESS']);
    assert.deepEqual(pool.cancelled, []);
  });
});
