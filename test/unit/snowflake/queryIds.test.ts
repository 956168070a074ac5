import assert from 'node:assert/strict';
import { QueryStatusCache } from '../../../src/core/engine/snowflake/queryStatusCache';
import { ExecuteRequest, SqlEngine } from '../../../src/core/engine/sqlEngine';
import { JobEvent, JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';
import { QueryResult } from '../../../src/core/runner/protocol';

const REAL = '01bd2c3e-0000-4a1b-0000-00015e2f0a21';

/** An engine that names its queries like Snowflake: it reports REAL-… ids after a delay. */
class NamingEngine implements SqlEngine {
  readonly kind = 'snowflake' as const;
  readonly description = 'naming';
  readonly reportsQueryIds = true;
  readonly seen: string[] = [];
  private next = 0;
  async execute(request: ExecuteRequest): Promise<QueryResult> {
    this.seen.push(request.sql);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const id = REAL.slice(0, -2) + String(this.next++).padStart(2, '0');
    request.onQueryId?.(id, request.queryId);
    if (request.sql.includes('wait')) await new Promise((resolve) => setTimeout(resolve, 200));
    return { queryId: id, columns: [{ name: 'X', type: 'VARCHAR' }], data: [['ok']], rowCount: 1 };
  }
  async close(): Promise<void> {}
}

describe('engines that report their own query ids (Snowflake)', () => {
  it('the job moves to the real id; the provisional id stays an alias; SQL naming it is rewritten', async () => {
    const jobs = new JobManager();
    const events: JobEvent['type'][] = [];
    jobs.onDidChange((event) => events.push(event.type));
    const engine = new NamingEngine();
    const executor = new QueryExecutor(engine, jobs);
    const session = new SessionState({ database: 'D', schema: 'S', role: 'R', warehouse: 'W', queryTag: null });
    const provisional = executor.submit({ runId: 'r', parentId: 'r', sql: 'select wait', session, async: true });
    // Named before the engine has reported the real id: the statement waits for it.
    const scan = executor.run({ runId: 'r', parentId: 'r', sql: `select * from table(result_scan('${provisional}'))`, session });
    await scan;
    const real = executor.engineQueryId(provisional);
    assert.notEqual(real, provisional);
    assert.equal(engine.seen[1], `select * from table(result_scan('${real}'))`);
    assert.ok(jobs.get(real));
    assert.equal(jobs.get(provisional), undefined);
    assert.equal(jobs.get(real)!.detail.provisionalId, provisional);
    assert.equal(executor.status(provisional), 'RUNNING');
    await executor.wait(provisional);
    assert.equal(executor.status(provisional), 'SUCCESS');
    assert.deepEqual(session.history.slice(0, 1), [real]);
    assert.ok(events.includes('removed'));
    assert.deepEqual(jobs.list({ kind: 'query' }).map((job) => job.label), ['select wait', `select * from table(result_scan('${provisional}'))`], 'order kept');
  });

  it('a helper statement with a derived request id does not rename the job', async () => {
    const jobs = new JobManager();
    const executor = new QueryExecutor(
      {
        kind: 'snowflake',
        description: 'x',
        execute: async (request) => {
          request.onQueryId?.(REAL, `${request.queryId}-arguments`);
          return { queryId: REAL, columns: [], data: [], rowCount: 0 };
        },
        close: async () => undefined,
      },
      jobs,
    );
    const session = new SessionState({ database: 'D', schema: 'S', role: 'R', warehouse: 'W', queryTag: null });
    const id = executor.submit({ runId: 'r', parentId: 'r', sql: 'CALL p(1)', session, async: false });
    await executor.wait(id);
    assert.ok(jobs.get(id));
  });
});

describe('QueryStatusCache', () => {
  it('shares one lookup between concurrent callers and reuses a fresh answer', async () => {
    let now = 0;
    let calls = 0;
    const cache = new QueryStatusCache(async () => `S${++calls}`, 200, () => now);
    assert.deepEqual(await Promise.all([cache.get('q'), cache.get('q')]), ['S1', 'S1']);
    now = 150;
    assert.equal(await cache.get('q'), 'S1');
    now = 250;
    assert.equal(await cache.get('q'), 'S2');
    cache.forget('q');
    assert.equal(await cache.get('q'), 'S3');
  });

  it('does not cache a failed lookup', async () => {
    let fail = true;
    const cache = new QueryStatusCache(async () => {
      if (fail) throw new Error('network');
      return 'RUNNING';
    }, 10_000);
    await assert.rejects(cache.get('q'));
    fail = false;
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(await cache.get('q'), 'RUNNING');
  });
});
