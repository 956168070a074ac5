import { resultBatch } from '../engine/columnarResult';
import { EngineStream } from '../engine/resultStream';
import { ChannelFailure } from '../runner/channelServer';
import { QueryResult, ResultColumn } from '../runner/protocol';
import { QueryExecutor, SubmitRequest } from './queryExecutor';

export type StreamOpened = { queryId: string; streaming: true; columns: ResultColumn[] } | { queryId: string; streaming: false };

/**
 * The open result streams of one runner, by query id (query.stream and query.fetch on the
 * channel; a reader that stops early names its stream in the next query.stream's `closing`). A stream leaves this table when its query settles:
 * read to the end, closed, failed, or cancelled — the run's end cancels what is left.
 */
export class ResultStreams {
  private readonly open = new Map<string, EngineStream>();

  constructor(private readonly executor: QueryExecutor) {}

  /**
   * Starts the query as a stream. `streaming: false` when the engine ran it whole instead
   * (a write, a session inside a transaction, Snowflake): query.result then has the rows.
   */
  async start(request: Omit<SubmitRequest, 'async' | 'onStream'>): Promise<StreamOpened> {
    let opened: (stream: EngineStream) => void = () => undefined;
    const streamOpened = new Promise<EngineStream>((resolve) => (opened = resolve));
    const queryId = this.executor.submit({ ...request, async: false, onStream: (stream) => opened(stream) });
    const settled = this.executor.wait(queryId);
    const first = await Promise.race([streamOpened, settled.then(() => undefined)]);
    if (!first) return { queryId, streaming: false };
    this.open.set(queryId, first);
    const forget = (): void => void this.open.delete(queryId);
    settled.then(forget, forget);
    return { queryId, streaming: true, columns: first.columns };
  }

  /**
   * The next batch of an open stream. With `fromRow`, a batch of a query that ran whole
   * (AsyncJob.result("row_iterator")): it waits for the query and slices its kept result.
   * A stream that has ended answers with its query's error, or as closed.
   */
  async fetch(queryId: string, maxRows: number, fromRow?: number): Promise<QueryResult> {
    if (!Number.isInteger(maxRows) || maxRows < 1 || (fromRow !== undefined && (!Number.isInteger(fromRow) || fromRow < 0))) {
      throw new ChannelFailure({ kind: 'usage', message: `query.fetch needs a whole maxRows ≥ 1 and fromRow ≥ 0 (got ${maxRows}, ${fromRow}).`, queryId });
    }
    const stream = this.open.get(queryId);
    if (stream) return (await stream.next(maxRows)).result;
    const finished = await this.executor.wait(queryId);
    if (fromRow === undefined) {
      throw new ChannelFailure({ kind: 'usage', message: `The result stream of query ${queryId} is already closed.`, queryId });
    }
    const batch = resultBatch(finished, fromRow, maxRows);
    if (!batch) throw new ChannelFailure({ kind: 'usage', message: `Query ${queryId} has no batch starting at row ${fromRow}.`, queryId });
    return batch;
  }

  /** Readers that stopped early (an iterator dropped half-way); unknown or ended ids are ignored. */
  async close(queryIds: readonly string[]): Promise<void> {
    await Promise.all(queryIds.map((id) => this.open.get(id)?.close()));
  }

  get size(): number {
    return this.open.size;
  }
}
