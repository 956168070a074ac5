import assert from 'node:assert/strict';
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { MAX_ACTIVE_CONNECTIONS } from '../../../src/core/engine/duckdb/connectionSlots';
import { DuckSession } from '../../../src/core/engine/duckdb/session/duckSession';
import { SessionConnections } from '../../../src/core/engine/duckdb/session/sessionConnections';

// A burst of jobs takes every connection slot; the next burst must find those connections
// pooled and set up, not close and reopen them (each open, SET and close is a native call
// on the extension host's main thread).
describe('SessionConnections pool', function () {
  this.timeout(60_000);
  let instance: DuckDBInstance;
  let opened: DuckDBConnection[];
  let pool: SessionConnections;
  const session: DuckSession = {
    id: 's1',
    context: { database: 'memory', schema: 'main', role: 'R', warehouse: 'W', queryTag: null },
    variables: new Map(),
    parameters: new Map(),
  };

  beforeEach(async () => {
    instance = await DuckDBInstance.create(':memory:');
    opened = [];
    pool = new SessionConnections(async () => {
      const connection = await instance.connect();
      opened.push(connection);
      return connection;
    }, { database: 'memory', schema: 'main' });
  });
  afterEach(() => {
    pool.close();
    instance.closeSync();
  });

  /** `size` jobs at once, each leasing a connection, reading the session's schema, giving it back. */
  async function burst(size: number): Promise<Set<DuckDBConnection>> {
    const used = new Set<DuckDBConnection>();
    const schemas = await Promise.all(
      Array.from({ length: size }, async () => {
        const connection = await pool.acquire(session);
        used.add(connection);
        try {
          return (await connection.runAndReadAll('select current_schema()')).getRows()[0][0];
        } finally {
          pool.release(connection);
        }
      }),
    );
    // Every leased connection works, with the session's search path set.
    assert.deepEqual(new Set(schemas), new Set(['main']));
    return used;
  }

  it('a second burst as large as the slot limit reuses the first burst\'s connections', async () => {
    // Leases taken all at once, before any is given back: the first burst opens one each.
    const first = await Promise.all(Array.from({ length: MAX_ACTIVE_CONNECTIONS }, () => pool.acquire(session)));
    for (const connection of first) pool.release(connection);
    assert.equal(opened.length, MAX_ACTIVE_CONNECTIONS);
    const second = await burst(MAX_ACTIVE_CONNECTIONS * 3);
    assert.equal(opened.length, MAX_ACTIVE_CONNECTIONS, 'no connection opened for the later burst');
    for (const connection of second) assert.ok(first.includes(connection));
  });

  it('a burst past the slot limit queues for connections instead of opening more', async () => {
    const used = await burst(MAX_ACTIVE_CONNECTIONS * 4);
    assert.ok(opened.length <= MAX_ACTIVE_CONNECTIONS, `${opened.length} opened`);
    assert.equal(used.size, opened.length);
  });

  it('a connection given back as not reusable is closed, and the next statement gets a new one', async () => {
    const connection = await pool.acquire(session);
    pool.release(connection, false);
    await assert.rejects(connection.run('select 1'));
    const next = await pool.acquire(session);
    assert.notEqual(next, connection);
    assert.equal(opened.length, 2);
    pool.release(next);
  });

  it('an abandoned connection frees its slot at once and is closed only once DuckDB is done with it', async () => {
    const leased = await Promise.all(Array.from({ length: MAX_ACTIVE_CONNECTIONS }, () => pool.acquire(session)));
    let fetchReturns: () => void = () => undefined;
    const stuckFetch = new Promise<void>((resolve) => (fetchReturns = resolve));
    const closed = pool.abandon(leased[0], stuckFetch, 'q-stuck');
    // Every slot was taken: the next statement gets one only because the abandoned lease gave its slot back.
    const replacement = await pool.acquire(session);
    assert.ok(!leased.includes(replacement));
    assert.deepEqual(pool.abandoned, ['q-stuck']);
    // Still open (never closed under DuckDB's feet) …
    assert.deepEqual((await leased[0].runAndReadAll('select 42')).getRows(), [[42]]);
    fetchReturns();
    await closed;
    // … and closed once the fetch returned, never pooled.
    await assert.rejects(leased[0].run('select 1'));
    assert.deepEqual(pool.abandoned, []);
    for (const connection of [...leased.slice(1), replacement]) pool.release(connection);
    const next = await pool.acquire(session);
    assert.notEqual(next, leased[0]);
    pool.release(next);
  });
});
