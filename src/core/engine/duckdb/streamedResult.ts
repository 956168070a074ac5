import { DuckDBDataChunk, DuckDBResult, DuckDBType } from '@duckdb/node-api';
import { QueryResult, ResultColumn } from '../../runner/protocol';
import { EngineStream } from '../resultStream';
import { executionCancelled } from '../sqlError';
import { toSnowflakeError } from './errorMapping';
import { chunkBatch } from './chunkBatches';

/** How a stream ended: read to the end, closed by its reader, cancelled, or failed mid-way. */
export type StreamEnd = 'drained' | 'closed' | 'cancelled' | 'failed';

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

  constructor(
    readonly queryId: string,
    readonly columns: ResultColumn[],
    private readonly types: readonly DuckDBType[],
    private readonly result: DuckDBResult,
    private readonly interrupt: () => void,
  ) {
    this.ended = new Promise((resolve) => (this.end = resolve));
  }

  next(maxRows: number): Promise<{ result: QueryResult; done: boolean }> {
    const batch = this.reading.then(() => this.read(Math.max(1, Math.floor(maxRows))));
    this.reading = batch.catch(() => undefined);
    return batch;
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
    await this.reading;
    if (how === 'closed' || how === 'cancelled') await this.windDown();
    this.end?.(how);
  }

  /**
   * One fetch after the interrupt lets DuckDB end the query itself, on a worker thread and
   * while the connection is still open. Without it the query's teardown waits for the
   * result's finalizer: it ran inside garbage collection on Node's main thread, at any moment
   * and after the connection had closed (20 dropped streams cost a 64–76 ms GC pause there).
   */
  private async windDown(): Promise<void> {
    await this.result.fetchChunk().catch(() => undefined);
  }

  private async read(maxRows: number): Promise<{ result: QueryResult; done: boolean }> {
    if (this.cancelled()) throw executionCancelled(this.queryId);
    const chunks: DuckDBDataChunk[] = [];
    let rows = 0;
    let done = this.finished !== undefined;
    while (!done && rows < maxRows) {
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
