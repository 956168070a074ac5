import assert from 'node:assert/strict';
import { JobEvent, JobManager } from '../../../src/core/jobs/jobManager';
import { looksLikeQueryId, newQueryId } from '../../../src/core/jobs/queryId';

describe('JobManager', () => {
  it('moves a job through Snowflake statuses and stamps its end', () => {
    const jobs = new JobManager();
    const events: JobEvent[] = [];
    jobs.onDidChange((event) => events.push(event));
    jobs.add({ id: 'q1', kind: 'query', runId: 'r1', label: 'select 1', status: 'RUNNING' });
    jobs.move('q1', 'ABORTING');
    const done = jobs.move('q1', 'ABORTED');
    assert.equal(done.status, 'ABORTED');
    assert.ok(done.endedMs !== undefined && done.endedMs >= done.startedMs);
    assert.deepEqual(events.map((event) => event.type), ['added', 'changed', 'changed']);
  });

  it('refuses an illegal move, and ignores late reports after a terminal state', () => {
    const jobs = new JobManager();
    jobs.add({ id: 'q1', kind: 'query', runId: 'r1', label: 'x', status: 'QUEUED' });
    jobs.move('q1', 'RUNNING');
    jobs.move('q1', 'SUCCESS');
    // A cancel that arrives after success must not rewrite history.
    assert.equal(jobs.move('q1', 'ABORTED').status, 'SUCCESS');
    jobs.add({ id: 'q2', kind: 'query', runId: 'r1', label: 'x', status: 'RUNNING' });
    assert.throws(() => jobs.move('q2', 'QUEUED'), /cannot move from RUNNING to QUEUED/);
  });

  it('lists by run and kind, reports running jobs, and clears finished runs only', () => {
    const jobs = new JobManager();
    jobs.add({ id: 'r1', kind: 'run', runId: 'r1', label: 'h()', status: 'RUNNING' });
    jobs.add({ id: 'q1', kind: 'query', runId: 'r1', parentId: 'r1', label: 'a', status: 'RUNNING' });
    jobs.add({ id: 'r2', kind: 'run', runId: 'r2', label: 'g()', status: 'RUNNING' });
    assert.deepEqual(jobs.list({ runId: 'r1' }).map((job) => job.id), ['r1', 'q1']);
    assert.equal(jobs.running().length, 3);
    jobs.move('q1', 'SUCCESS');
    jobs.move('r1', 'SUCCESS');
    assert.equal(jobs.clearFinished(), 2);
    assert.deepEqual(jobs.list().map((job) => job.id), ['r2']);
  });
});

describe('query ids', () => {
  it('have Snowflake\'s 8-4-4-4-12 shape and are unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newQueryId()));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.ok(looksLikeQueryId(id), id);
    assert.ok(!looksLikeQueryId('not-a-query-id'));
  });

  it('draw fresh random digits for every id, across refills of the random pool', () => {
    const sameSecond = Date.UTC(2026, 10, 30, 12, 0, 0);
    const ids = Array.from({ length: 2_000 }, () => newQueryId(sameSecond));
    const randomParts = new Set(ids.map((id) => id.slice(9)));
    assert.equal(randomParts.size, ids.length);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    assert.ok(ids.every((id) => id.startsWith(Math.floor(sameSecond / 1000).toString(16))));
  });
});
