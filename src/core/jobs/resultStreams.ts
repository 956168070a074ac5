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

  /** The next batch; a stream that has ended answers with its query's error, or as closed. */
  async fetch(queryId: string, maxRows: number): Promise<QueryResult> {
    const stream = this.open.get(queryId);
    if (stream) return (await stream.next(maxRows)).result;
    await this.executor.wait(queryId);
    throw new ChannelFailure({ kind: 'usage', message: `The result stream of query ${queryId} is already closed.`, queryId });
  }

  /** Readers that stopped early (an iterator dropped half-way); unknown or ended ids are ignored. */
  async close(queryIds: readonly string[]): Promise<void> {
    await Promise.all(queryIds.map((id) => this.open.get(id)?.close()));
  }

  get size(): number {
    return this.open.size;
  }
}
