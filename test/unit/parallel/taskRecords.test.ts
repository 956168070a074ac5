import assert from 'node:assert/strict';
import { JobEvent, JobManager } from '../../../src/core/jobs/jobManager';
import { ChunkRecords } from '../../../src/core/parallel/taskRecords';
import { encodeWorkerFrame, splitTimings, WorkerFrameDecoder } from '../../../src/core/parallel/workerFrames';

describe('task rows of a chunk (ChunkRecords)', () => {
  function setup(delayMs: number) {
    const jobs = new JobManager();
    const events: JobEvent[] = [];
    jobs.onDidChange((event) => events.push({ type: event.type, job: { ...event.job } }));
    jobs.add({ id: 'run', kind: 'run', runId: 'run', label: 'h()', status: 'RUNNING' });
    jobs.add({ id: 'run/b1', kind: 'batch', runId: 'run', parentId: 'run', label: 'sqrt', status: 'RUNNING' });
    events.length = 0;
    const records = new ChunkRecords(jobs, { runId: 'run', id: 'run/b1', label: 'sqrt' }, { start: 4, count: 2, chunk: 3, delayMs });
    return { jobs, events, records };
  }

  it('keeps a fast chunk compact until a read, then adds every task once, with its facts', () => {
    const { jobs, events, records } = setup(10_000);
    records.set(0, 'RUNNING', { detail: { worker: 42 } });
    records.set(0, 'SUCCESS', { detail: { durationMs: 1.5 } });
    records.set(1, 'FAILED_WITH_ERROR', { error: { message: 'ZeroDivisionError: division by zero' } });
    assert.equal(events.length, 0, 'no row made while nobody reads');
    const first = jobs.get('run/b1/4')!;
    assert.deepEqual(events.map((event) => [event.type, event.job.id, event.job.status]), [
      ['added', 'run/b1/4', 'SUCCESS'],
      ['added', 'run/b1/5', 'FAILED_WITH_ERROR'],
    ]);
    assert.deepEqual(first.detail, { index: 4, chunk: 3, worker: 42, durationMs: 1.5 });
    assert.equal(first.parentId, 'run/b1');
    assert.equal(first.label, 'sqrt');
    assert.ok(first.endedMs !== undefined && first.endedMs >= first.startedMs);
    assert.equal(jobs.get('run/b1/5')?.error?.message, 'ZeroDivisionError: division by zero');
    assert.deepEqual(jobs.get('run/b1/5')?.detail, { index: 5, chunk: 3, worker: null });
    records.materialize();
    assert.equal(jobs.list({ kind: 'task' }).length, 2, 'no duplicates');
  });

  it('answers only for its own ids, and leaves finished chunks compact when asked what runs', () => {
    const { jobs, events, records } = setup(10_000);
    assert.equal(jobs.get('run/b1/3'), undefined);
    assert.equal(jobs.get('run/b1/6'), undefined);
    assert.equal(jobs.get('run/b10/4'), undefined);
    assert.equal(jobs.get('run/b1/4.5'), undefined);
    assert.equal(records.offsetOf('run/b1/5'), 1);
    assert.equal(events.length, 0);
    records.finishRest('SUCCESS');
    assert.deepEqual(jobs.running().map((job) => job.id), ['run', 'run/b1']);
    assert.equal(events.length, 0, 'a finished chunk is not made for running()');
    assert.equal(jobs.list({ parentId: 'run/other' }).length, 0);
    assert.equal(events.length, 0, 'a listing of another parent leaves it alone');
  });

  it('shows a chunk that is still running when someone asks what runs', () => {
    const { jobs, records } = setup(10_000);
    records.set(0, 'RUNNING', { detail: { worker: 9 } });
    assert.deepEqual(jobs.running().filter((job) => job.kind === 'task').map((job) => [job.id, job.status, job.detail.worker]), [
      ['run/b1/4', 'RUNNING', 9],
      ['run/b1/5', 'QUEUED', null],
    ]);
    records.succeeded(0, [2], 9);
    assert.equal(jobs.get('run/b1/4')?.status, 'SUCCESS');
    assert.equal(jobs.get('run/b1/4')?.detail.durationMs, 2);
  });

  it('lists all 10,000 tasks of a run of compact chunks, with a failure mid-chunk shown with its error', () => {
    const jobs = new JobManager();
    jobs.add({ id: 'run', kind: 'run', runId: 'run', label: 'h()', status: 'RUNNING' });
    jobs.add({ id: 'run/b1', kind: 'batch', runId: 'run', parentId: 'run', label: 'sqrt', status: 'RUNNING' });
    let added = 0;
    jobs.onDidChange((event) => {
      if (event.type === 'added') added++;
    });
    const batch = { runId: 'run', id: 'run/b1', label: 'sqrt' };
    const sizes = [1, 1, 8, 64, 512, 1024, 2048, 2048, 2048, 2246];
    let start = 0;
    sizes.forEach((count, at) => {
      const records = new ChunkRecords(jobs, batch, { start, count, chunk: at + 1, delayMs: 60_000 });
      if (start === 3658) {
        // The chunk holding task 4000 fails there: the tasks before it ran, those after never did.
        records.succeeded(0, new Float64Array(4000 - start).fill(0.01), 11);
        records.set(4000 - start, 'FAILED_WITH_ERROR', {
          error: { message: 'ValueError: bad input 4000' },
          detail: { worker: 11, durationMs: 0.02, traceback: 'Traceback …\nValueError: bad input 4000' },
        });
        records.finishRest('ABORTED');
      } else {
        records.succeeded(0, new Float64Array(count).fill(0.01), 10 + (at % 2));
      }
      start += count;
    });
    assert.equal(start, 10_000);
    assert.equal(added, 0, 'no rows made before the listing');
    const tasks = jobs.list({ parentId: 'run/b1' });
    assert.equal(tasks.length, 10_000);
    assert.equal(added, 10_000);
    const byStatus = new Map<string, number>();
    for (const task of tasks) byStatus.set(task.status, (byStatus.get(task.status) ?? 0) + 1);
    const aborted = 3658 + 2048 - 4001;
    assert.deepEqual(Object.fromEntries(byStatus), { SUCCESS: 10_000 - 1 - aborted, FAILED_WITH_ERROR: 1, ABORTED: aborted });
    const failed = jobs.get('run/b1/4000')!;
    assert.equal(failed.status, 'FAILED_WITH_ERROR');
    assert.equal(failed.error?.message, 'ValueError: bad input 4000');
    assert.deepEqual(failed.detail, { index: 4000, chunk: 8, worker: 11, durationMs: 0.02, traceback: 'Traceback …\nValueError: bad input 4000' });
    assert.equal(jobs.get('run/b1/3999')?.status, 'SUCCESS');
    assert.equal(jobs.get('run/b1/4001')?.status, 'ABORTED');
    assert.deepEqual(
      tasks.map((task) => task.detail.index),
      Array.from({ length: 10_000 }, (_, index) => index),
    );
    assert.equal(jobs.list({ kind: 'task' }).length, 10_000, 'made once');
  });

  it('forgets compact rows of finished runs with clearFinished', () => {
    const { jobs, records } = setup(10_000);
    records.finishRest('SUCCESS');
    jobs.move('run/b1', 'SUCCESS');
    jobs.move('run', 'SUCCESS');
    assert.equal(jobs.clearFinished(), 4);
    assert.equal(jobs.get('run/b1/4'), undefined);
    assert.equal(jobs.list().length, 0);
  });

  it('shows a slow chunk while it waits and runs, then moves each task', async () => {
    const { jobs, records } = setup(5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.deepEqual(jobs.list({ kind: 'task' }).map((task) => task.status), ['QUEUED', 'QUEUED']);
    records.set(0, 'RUNNING', { detail: { worker: 7 } });
    assert.equal(jobs.get('run/b1/4')?.status, 'RUNNING');
    records.set(0, 'SUCCESS');
    records.set(1, 'SUCCESS', { detail: { worker: 7 } }); // QUEUED → RUNNING → SUCCESS, never an illegal jump
    records.finishRest('ABORTED');
    assert.deepEqual(jobs.list({ kind: 'task' }).map((task) => task.status), ['SUCCESS', 'SUCCESS']);
    records.materialize(); // no duplicates
    assert.equal(jobs.list({ kind: 'task' }).length, 2);
  });
});

describe('worker frames', () => {
  it('round-trips header and bytes, split anywhere', () => {
    const payload = Uint8Array.from([0, 1, 2, 250, 255]);
    const bytes = Buffer.concat([encodeWorkerFrame({ type: 'run', chunk: 3 }, payload), encodeWorkerFrame({ type: 'exit' })]);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const decoder = new WorkerFrameDecoder();
      const frames = [...decoder.push(bytes.subarray(0, cut)), ...decoder.push(bytes.subarray(cut))];
      assert.equal(frames.length, 2);
      assert.deepEqual(frames[0].header, { type: 'run', chunk: 3 });
      assert.deepEqual([...frames[0].payload], [...payload]);
      assert.deepEqual(frames[1].header, { type: 'exit' });
      assert.equal(frames[1].payload.length, 0);
    }
  });

  it('reads the tasks\' run times ahead of the payload, at any byte offset', () => {
    const times = Float64Array.from([0.25, 1.5, 1234.5]);
    const pickle = Uint8Array.from([128, 5, 46]);
    for (const pad of [0, 3]) {
      const bytes = new Uint8Array(pad + times.byteLength + pickle.length);
      bytes.set(new Uint8Array(times.buffer), pad);
      bytes.set(pickle, pad + times.byteLength);
      // As the decoder hands them over (views of a socket's Buffer, whose slice() is a view too) and as plain bytes.
      for (const frame of [bytes.subarray(pad), Buffer.from(bytes.buffer, pad)]) {
        const { durations, rest } = splitTimings({ type: 'done', timings: 3 }, frame);
        assert.deepEqual([...durations], [0.25, 1.5, 1234.5]);
        assert.deepEqual([...rest], [128, 5, 46]);
      }
    }
    const none = splitTimings({ type: 'done' }, pickle);
    assert.equal(none.durations.length, 0);
    assert.equal(none.rest, pickle);
  });
});
