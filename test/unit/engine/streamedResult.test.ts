import assert from 'node:assert/strict';
import { DuckDBConnection, DuckDBDataChunk, DuckDBInstance, DuckDBResult } from '@duckdb/node-api';
import { MAX_ACTIVE_CONNECTIONS } from '../../../src/core/engine/duckdb/connectionSlots';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { DuckDbResultStream } from '../../../src/core/engine/duckdb/streamedResult';
import { EngineStream } from '../../../src/core/engine/resultStream';
import { SqlError } from '../../../src/core/engine/sqlError';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';

// A closed or cancelled stream ends only after DuckDB's last fetch (the wind-down), so its
// connection is never closed or pooled under a fetch. A fetch that never returns must not
// keep the stream (and the statement, and the handler waiting on it) open for ever.

/** A DuckDB result whose fetches return only when the test says so (or never). */
class HeldFetches {
  readonly pending: Array<(chunk: DuckDBDataChunk | null) => void> = [];
  fetches = 0;
  readonly result = {
    fetchChunk: (): Promise<DuckDBDataChunk | null> => {
      this.fetches++;
      return new Promise((resolve) => this.pending.push(resolve));
    },
  } as unknown as DuckDBResult;

  /** Resolves once `count` fetches have been asked for. */
  async asked(count: number): Promise<void> {
    while (this.fetches < count) await new Promise((resolve) => setImmediate(resolve));
  }
}

function isCancel(error: unknown): boolean {
  return error instanceof SqlError && error.cancelled && error.queryId === 'q1';
}

describe('DuckDbResultStream wind-down', function () {
  this.timeout(20_000);

  it('a cancel whose last fetch never returns ends the stream after the limit and hands the fetch over', async () => {
    const duck = new HeldFetches();
    let interrupts = 0;
    const stream = new DuckDbResultStream('q1', [], [], duck.result, () => interrupts++, 50);
    const started = Date.now();
    await stream.cancel();
    assert.equal(await stream.ended, 'cancelled');
    assert.ok(Date.now() - started >= 45, 'gave up before the limit');
    assert.equal(interrupts, 1);
    assert.equal(duck.fetches, 1);
    assert.ok(stream.stuckFetch, 'the stuck fetch is handed to the engine, which must not close or pool the connection');
    // Once the fetch returns after all, the engine can close the connection.
    duck.pending[0](null);
    await stream.stuckFetch;
  });

  it('a reader waiting on a fetch that never returns is answered with the cancel once the wind-down gives up', async () => {
    const duck = new HeldFetches();
    const stream = new DuckDbResultStream('q1', [], [], duck.result, () => undefined, 50);
    const reading = stream.next(2048);
    await duck.asked(1);
    await stream.cancel();
    assert.equal(await stream.ended, 'cancelled');
    await assert.rejects(reading, isCancel);
    // No second fetch while the first is still inside DuckDB.
    assert.equal(duck.fetches, 1);
    assert.ok(stream.stuckFetch);
  });

  it('a close during a read waits for that fetch, stops the read, then fetches once more and ends closed', async () => {
    const duck = new HeldFetches();
    let interrupts = 0;
    const stream = new DuckDbResultStream('q1', [], [], duck.result, () => interrupts++, 10_000);
    const reading = stream.next(100_000);
    await duck.asked(1);
    const closing = stream.close();
    // A second close, and a cancel from the run's end, change nothing and interrupt nothing more.
    const again = stream.close();
    await stream.cancel();
    assert.equal(interrupts, 1);
    assert.equal(duck.fetches, 1, 'no wind-down fetch while the read is inside DuckDB');
    duck.pending[0](null);
    await duck.asked(2);
    duck.pending[1](null);
    await Promise.all([closing, again]);
    assert.equal(await stream.ended, 'closed');
    assert.equal(stream.stuckFetch, undefined);
    assert.equal(duck.fetches, 2);
    await reading;
  });

  describe('against DuckDB', () => {
    let instance: DuckDBInstance;
    let connection: DuckDBConnection;
    beforeEach(async () => {
      instance = await DuckDBInstance.create(':memory:');
      connection = await instance.connect();
    });
    afterEach(() => {
      connection.closeSync();
      instance.closeSync();
    });

    async function open(limitMs = 10_000): Promise<DuckDbResultStream> {
      const result = await connection.stream('select i, i::varchar as s from range(5000000) t(i)');
      return new DuckDbResultStream('q1', [], result.columnTypes(), result, () => connection.interrupt(), limitMs);
    }

    it('close and cancel at any moment of a read end the query within the limit and leave the connection usable', async () => {
      for (let round = 0; round < 40; round++) {
        const stream = await open();
        await stream.next(2048);
        const reading = stream.next(500_000).catch((error: unknown) => error);
        // Every few rounds the close lands at a later moment of the read.
        for (let turn = 0; turn < round % 5; turn++) await new Promise((resolve) => setImmediate(resolve));
        const ends = round % 2 ? [stream.close(), stream.cancel()] : [stream.cancel(), stream.close()];
        await Promise.all(ends);
        assert.equal(await stream.ended, round % 2 ? 'closed' : 'cancelled');
        assert.equal(stream.stuckFetch, undefined, `round ${round}: DuckDB's last fetch did not return within the limit`);
        await reading;
        assert.deepEqual((await connection.runAndReadAll('select 42')).getRows(), [[42]], `round ${round}`);
      }
    });
  });

  describe('through the engine, with no time at all for the wind-down', () => {
    const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'R', warehouse: 'W', queryTag: null };
    let engine: DuckDbEngine;
    let executor: QueryExecutor;
    // A limit of 0 ms gives up on many wind-downs (not all: some fetches return first), so
    // both ways of ending run side by side with the pool.
    const warnings: string[] = [];
    const onWarning = (warning: Error & { code?: string }): void => void (warning.code === 'SNOWPARK_LOCAL_STREAM_WIND_DOWN' && warnings.push(warning.message));
    beforeEach(async () => {
      engine = await DuckDbEngine.open({ path: ':memory:', windDownLimitMs: 0 });
      executor = new QueryExecutor(engine, new JobManager());
      process.on('warning', onWarning);
    });
    afterEach(async () => {
      process.off('warning', onWarning);
      await engine.close();
    });

    it('statements end, set-aside connections give their slots back and close, more times than there are slots', async () => {
      const session = new SessionState(context);
      const ends: string[] = [];

      for (let i = 0; i < MAX_ACTIVE_CONNECTIONS + 8; i++) {
        let opened: (stream: EngineStream) => void = () => undefined;
        const streamed = new Promise<EngineStream>((resolve) => (opened = resolve));
        const id = executor.submit({ runId: 'r', parentId: 'r', sql: 'select * from range(1000000)', session, async: false, onStream: (stream) => opened(stream) });
        const stream = await streamed;
        await stream.next(2048);
        if (i % 2) await stream.close();
        else await executor.cancel(id);
        await executor.wait(id).catch(() => undefined);
        ends.push(executor.status(id) ?? 'unknown');
      }
      assert.deepEqual(new Set(ends), new Set(['SUCCESS', 'ABORTED']));
      assert.equal(ends.filter((status) => status === 'SUCCESS').length, (MAX_ACTIVE_CONNECTIONS + 8) / 2);
      assert.deepEqual((await executor.run({ runId: 'r', parentId: 'r', sql: 'select 42 as a', session })).data, [[42]]);
      // Every connection set aside closes once DuckDB's fetch returns.
      while (engine.abandonedConnections.length) await new Promise((resolve) => setImmediate(resolve));
      // Said once per engine, naming a query of this run (warnings are emitted on a later turn).
      await new Promise((resolve) => setImmediate(resolve));
      assert.ok(warnings.length <= 1, warnings.join('\n'));
      for (const warning of warnings) assert.match(warning, /query q?[\w-]+ 0 ms after its result stream was closed or cancelled/);
    });
  });
});
