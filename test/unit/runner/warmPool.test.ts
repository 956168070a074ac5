import assert from 'node:assert/strict';
import { WarmCandidate, WarmKey, WarmPool } from '../../../src/core/runner/warmPool';

// The pool's rules with fake candidates (no processes): one candidate serves one run, only
// for its own key, never when dead or stale, and every one it drops is ended.

class FakeCandidate implements WarmCandidate {
  alive = true;
  changed = false;
  endCalls = 0;
  constructor(readonly key: WarmKey, readonly serial: number) {}
  stale(): boolean {
    return this.changed;
  }
  async end(): Promise<void> {
    this.endCalls++;
    this.alive = false;
  }
}

function poolWithLog(): { pool: WarmPool<FakeCandidate>; started: FakeCandidate[] } {
  const started: FakeCandidate[] = [];
  const pool = new WarmPool((key) => {
    const candidate = new FakeCandidate(key, started.length);
    started.push(candidate);
    return candidate;
  });
  return { pool, started };
}

const here: WarmKey = { python: '/venv/bin/python', cwd: '/work/a' };

describe('warm interpreter pool', () => {
  it('a first take finds nothing but starts one behind it; the next take gets that one and starts another', () => {
    const { pool, started } = poolWithLog();
    assert.equal(pool.take(here), undefined);
    assert.equal(started.length, 1);
    const taken = pool.take(here);
    assert.equal(taken, started[0]);
    assert.equal(started.length, 2);
    assert.equal(pool.waiting, started[1]);
    assert.equal(taken!.endCalls, 0, 'the taken one now belongs to its run');
  });

  it('never hands the same candidate out twice', () => {
    const { pool } = poolWithLog();
    pool.prepare(here);
    const seen = new Set<FakeCandidate>();
    for (let i = 0; i < 5; i++) {
      const taken = pool.take(here)!;
      assert.ok(!seen.has(taken), `take ${i} returned a candidate already used`);
      seen.add(taken);
    }
  });

  it('another directory or interpreter gets nothing, and the mismatched candidate is ended, not orphaned', () => {
    const { pool, started } = poolWithLog();
    pool.prepare(here);
    assert.equal(pool.take({ ...here, cwd: '/work/b' }), undefined);
    assert.equal(started[0].endCalls, 1);
    assert.deepEqual(pool.waiting?.key, { ...here, cwd: '/work/b' });
    assert.equal(pool.take({ ...here, python: undefined }), undefined);
    assert.equal(started[1].endCalls, 1);
  });

  it('a candidate that died or whose interpreter changed is ended instead of handed over', () => {
    const { pool, started } = poolWithLog();
    pool.prepare(here);
    started[0].alive = false;
    assert.equal(pool.take(here), undefined);
    started[1].changed = true;
    assert.equal(pool.take(here), undefined);
    assert.equal(started[1].endCalls, 1);
    assert.equal(pool.take(here), started[2]);
  });

  it('prepare keeps a usable candidate, replaces a stale one, and does not respawn one that died', () => {
    const { pool, started } = poolWithLog();
    pool.prepare(here);
    pool.prepare(here);
    assert.equal(started.length, 1);
    started[0].changed = true;
    pool.prepare(here);
    assert.equal(started.length, 2);
    assert.equal(started[0].endCalls, 1);
    started[1].alive = false;
    pool.prepare(here);
    assert.equal(started.length, 2, 'an interpreter that cannot start is not retried on every editor switch');
    pool.prepare({ ...here, cwd: '/work/b' });
    assert.equal(started.length, 3);
  });

  it('clear ends the waiting candidate (settings changed); the next take starts fresh', async () => {
    const { pool, started } = poolWithLog();
    pool.prepare(here);
    await pool.clear();
    assert.equal(started[0].endCalls, 1);
    assert.equal(pool.waiting, undefined);
    assert.equal(pool.take(here), undefined);
    assert.equal(started.length, 2);
  });

  it('after dispose nothing is waiting and nothing more is started', async () => {
    const { pool, started } = poolWithLog();
    pool.prepare(here);
    await pool.dispose();
    assert.equal(started[0].endCalls, 1);
    assert.equal(pool.take(here), undefined);
    pool.prepare(here);
    assert.equal(started.length, 1);
    assert.equal(pool.waiting, undefined);
  });
});
