import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkOutcome, TaskPool } from '../../../src/core/parallel/taskPool';
import { shimDirectory } from '../../../src/core/runner/shimLocation';

// Idle task workers take on a run's context (cwd, sys.path, environment) when the handler
// imports joblib, ahead of its first chunk (TaskPool.enterAhead). Real Python workers.

const PYTHON = 'python3';

/** A chunk of one call, os.getcwd(), pickled by Python itself. */
const GETCWD_CHUNK = new Uint8Array(
  execFileSync(PYTHON, ['-c', 'import os, pickle, sys; sys.stdout.buffer.write(pickle.dumps([(os.getcwd, (), {})]))']),
);

function resultText(outcome: ChunkOutcome): string {
  assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
  return outcome.kind === 'done' ? Buffer.from(outcome.payload).toString('latin1') : '';
}

describe('TaskPool: workers take on a run context ahead of its chunks', function () {
  this.timeout(60_000);
  let pool: TaskPool;
  const directories: Record<string, string> = {};

  beforeEach(async () => {
    for (const name of ['a', 'b', 'c', 'd']) directories[name] = realpathSync(mkdtempSync(join(tmpdir(), `snowpark-ctx-${name}-`)));
    pool = new TaskPool({ python: PYTHON, shimDirectory: shimDirectory(), idleMs: 60_000, maxWorkers: 1 });
    await pool.whenWarm(1);
  });

  afterEach(async () => {
    await pool.dispose();
    for (const directory of Object.values(directories)) rmSync(directory, { recursive: true, force: true });
  });

  const cwdOf = async (contextId: string, cwd: string): Promise<string> =>
    resultText(await pool.submit({ group: contextId, limit: 1, contextId, context: { cwd }, payload: GETCWD_CHUNK, count: 1 }).outcome);

  it("a worker asked to take on another run's context still runs the first run's next chunk in the first run's", async () => {
    assert.ok((await cwdOf('run-a#1', directories.a)).includes(directories.a));
    // Run B imports joblib while run A's batch is between chunks on this idle worker.
    pool.enterAhead({ owner: 'run-b', contextId: 'run-b#1', context: { cwd: directories.b } });
    const again = await cwdOf('run-a#1', directories.a);
    assert.ok(again.includes(directories.a), again);
    assert.ok(!again.includes(directories.b), again);
  });

  for (const forgotten of [false, true]) {
    it(forgotten ? 'a worker started after the run ended does not take on its context' : 'a worker that becomes ready later takes on the context too', async () => {
      const fresh = new TaskPool({ python: PYTHON, shimDirectory: shimDirectory(), idleMs: 60_000, maxWorkers: 1 });
      try {
        fresh.enterAhead({ owner: 'run-e', contextId: 'run-e#1', context: { cwd: directories.a } });
        if (forgotten) fresh.forgetAhead('run-e');
        // As below, the chunk names another directory on purpose: a worker holding run-e#1 keeps a.
        const seen = resultText(await fresh.submit({ group: 'g', limit: 1, contextId: 'run-e#1', context: { cwd: directories.d }, payload: GETCWD_CHUNK, count: 1 }).outcome);
        assert.ok(seen.includes(forgotten ? directories.d : directories.a), seen);
      } finally {
        await fresh.dispose();
      }
    });
  }

  it('a worker that took on the context ahead does not enter it again for the first chunk', async () => {
    pool.enterAhead({ owner: 'run-c', contextId: 'run-c#1', context: { cwd: directories.c } });
    // The chunk says otherwise on purpose: only a worker that already holds run-c#1 keeps c.
    const seen = await cwdOf('run-c#1', directories.d);
    assert.ok(seen.includes(directories.c), seen);
  });
});
