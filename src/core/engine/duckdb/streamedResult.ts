import { DuckDBDataChunk, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { QueryResult, ResultColumn } from '../../runner/protocol';
import { EngineStream } from '../resultStream';
import { executionCancelled } from '../sqlError';
import { toSnowflakeError } from './errorMapping';
import { chunkBatch } from './chunkBatches';

/** How a stream ended: read to the end, closed by its reader, cancelled, or failed mid-way. */
export type StreamEnd = 'drained' | 'closed' | 'cancelled' | 'failed';

/**
 * How long a closed or cancelled stream waits for DuckDB's last fetch. It normally returns
 * within milliseconds (the interrupt makes it fail at once). But DuckDB 1.5's ordered stream
 * collector (BatchedBufferedData: a result in insertion or ORDER BY order) can livelock: with
 * every producer blocked and nothing to read, the fetch loops for good on its worker thread,
 * at full CPU, and never looks at the interrupt flag (seen under gdb in a stress run; CI's
 * dropped stream whose end never came, about 1 run in 130, was most likely this).
 */
export const WIND_DOWN_LIMIT_MS = 10_000;

/**
 * A DuckDB streaming result (connection.stream) read in batches of whole chunks. It owns
 * its connection's attention until it ends: `ended` settles then, and only after the last
 * fetch has returned, so the engine never hands the connection on (or closes it) while
 * DuckDB is still filling a chunk from it.
 */
export class DuckDbResultStream implements EngineStream {
  readonly ended: Promise<StreamEnd>;
  private end: ((how: StreamEnd) => void) | undefined;
  private finished: StreamEnd | undefined;
  /** Why the stream failed, when `ended` says 'failed': the job records it. */
  failure: Error | undefined;
  /** The batch being read: the next one, a close or a cancel waits for it. */
  private reading: Promise<unknown> = Promise.resolve();
  /**
   * Set when the wind-down gave up on DuckDB (WIND_DOWN_LIMIT_MS): settles when its last
   * fetch finally returns, if ever. Until then the connection is DuckDB's: the engine must
   * neither pool nor close it (closing waits for that fetch, on Node's main thread).
   */
  stuckFetch: Promise<unknown> | undefined;
  /** Rejects when the wind-down gives up, so a reader still awaiting that fetch is answered. */
  private readonly givenUp: Promise<never>;
  private giveUp: ((error: Error) => void) | undefined;

  constructor(
    readonly queryId: string,
    readonly columns: ResultColumn[],
    private readonly types: readonly DuckDBType[],
    private readonly result: DuckDBResult,
    private readonly interrupt: () => void,
    private readonly windDownLimitMs = WIND_DOWN_LIMIT_MS,
  ) {
    this.ended = new Promise((resolve) => (this.end = resolve));
    this.givenUp = new Promise<never>((_, reject) => (this.giveUp = reject));
    this.givenUp.catch(() => undefined);
  }

  next(maxRows: number): Promise<{ result: QueryResult; done: boolean }> {
    const batch = this.reading.then(() => this.read(Math.max(1, Math.floor(maxRows))));
    this.reading = batch.catch(() => undefined);
    return Promise.race([batch, this.givenUp]);
  }

  async close(): Promise<void> {
    // DuckDB may still be producing rows ahead of the reader: stop it before the connection closes.
    if (!this.finished) this.interrupt();
    await this.finish('closed');
  }

  /** The job was cancelled: stop DuckDB at once, then end once the fetch in flight returns. */
  async cancel(): Promise<void> {
    if (this.finished) return;
    this.interrupt();
    await this.finish('cancelled');
  }

  /** A method, not a field test: a cancel lands while a fetch is awaited. */
  private cancelled(): boolean {
    return this.finished === 'cancelled';
  }

  private async finish(how: StreamEnd): Promise<void> {
    if (this.finished) return;
    this.finished = how;
    if (how === 'closed' || how === 'cancelled') await this.windDown();
    else await this.reading;
    this.end?.(how);
  }

  /**
   * One fetch after the interrupt lets DuckDB end the query itself, on a worker thread and
   * while the connection is still open. Without it the query's teardown waits for the
   * result's finalizer: it ran inside garbage collection on Node's main thread, at any moment
   * and after the connection had closed (20 dropped streams cost a 64–76 ms GC pause there).
   * Bounded: a fetch (the one in flight, or this last one) that has not returned within the
   * limit is left to DuckDB (stuckFetch) and the stream ends without it.
   */
  private async windDown(): Promise<void> {
    const lastFetch = this.reading.then(() => this.result.fetchChunk()).catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), this.windDownLimitMs)));
    const outcome = await Promise.race([lastFetch, late]);
    clearTimeout(timer);
    if (outcome !== 'late') return;
    this.stuckFetch = lastFetch;
    // Only a cancel can find a reader waiting (a close comes from the reader that stopped).
    this.giveUp?.(executionCancelled(this.queryId));
  }

  private async read(maxRows: number): Promise<{ result: QueryResult; done: boolean }> {
    if (this.cancelled()) throw executionCancelled(this.queryId);
    const chunks: DuckDBDataChunk[] = [];
    let rows = 0;
    let done = this.finished !== undefined;
    // A close that lands mid-read stops the reading: no fetch after the interrupt but the wind-down's.
    while (!done && rows < maxRows && this.finished !== 'closed') {
      let chunk: DuckDBDataChunk | null;
      try {
        chunk = await this.result.fetchChunk();
      } catch (error) {
        if (this.cancelled()) throw executionCancelled(this.queryId);
        // A failure mid-stream (a cast that fails on row 10,000) ends the stream, as the query failed.
        this.failure = toSnowflakeError(error, this.queryId);
        void this.finish('failed');
        throw this.failure;
      }
      if (this.cancelled()) throw executionCancelled(this.queryId);
      if (!chunk || chunk.rowCount === 0) done = true;
      else {
        chunks.push(chunk);
        rows += chunk.rowCount;
      }
    }
    const result = chunkBatch(this.queryId, this.columns, this.types, chunks, done);
    if (done && !this.finished) {
      this.finished = 'drained';
      // Not awaited here: `reading` is this very read; the end follows once it has returned.
      void Promise.resolve().then(() => this.end?.('drained'));
    }
    return { result, done };
  }
}
