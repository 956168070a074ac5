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
    const records = new ChunkRecords(jobs, { runId: 'run', id: 'run/b1', label: 'sqrt' }, { ids: ['run/b1/4', 'run/b1/5'], start: 4, chunk: 3, delayMs });
    return { jobs, events, records };
  }

  it('adds a fast chunk once, already finished, with every task and its facts', () => {
    const { jobs, events, records } = setup(10_000);
    records.set(0, 'RUNNING', { detail: { worker: 42 } });
    records.set(0, 'SUCCESS', { detail: { durationMs: 1.5 } });
    records.set(1, 'FAILED_WITH_ERROR', { error: { message: 'ZeroDivisionError: division by zero' } });
    assert.equal(jobs.list({ kind: 'task' }).length, 0, 'nothing shown before the end');
    records.materialize();
    assert.deepEqual(events.map((event) => [event.type, event.job.id, event.job.status]), [
      ['added', 'run/b1/4', 'SUCCESS'],
      ['added', 'run/b1/5', 'FAILED_WITH_ERROR'],
    ]);
    const first = jobs.get('run/b1/4')!;
    assert.deepEqual(first.detail, { index: 4, chunk: 3, worker: 42, durationMs: 1.5 });
    assert.equal(first.parentId, 'run/b1');
    assert.equal(first.label, 'sqrt');
    assert.ok(first.endedMs !== undefined && first.endedMs >= first.startedMs);
    assert.equal(jobs.get('run/b1/5')?.error?.message, 'ZeroDivisionError: division by zero');
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
      const { durations, rest } = splitTimings({ type: 'done', timings: 3 }, bytes.subarray(pad));
      assert.deepEqual([...durations], [0.25, 1.5, 1234.5]);
      assert.deepEqual([...rest], [128, 5, 46]);
    }
    const none = splitTimings({ type: 'done' }, pickle);
    assert.equal(none.durations.length, 0);
    assert.equal(none.rest, pickle);
  });
});
