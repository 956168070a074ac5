import { QueryResult, ResultColumn } from '../runner/protocol';

/**
 * A query's rows read a batch at a time (DataFrame.to_local_iterator, to_pandas_batches),
 * so neither process holds the whole result. The statement's job stays RUNNING while the
 * stream is open: cancelling it (or the run ending) closes the stream and the job is
 * ABORTED; reading it to the end, or closing it, makes it SUCCESS.
 */
export interface EngineStream {
  readonly queryId: string;
  readonly columns: ResultColumn[];
  /**
   * The next rows, about `maxRows` of them (whole engine chunks), as a QueryResult whose
   * reply frame carries `done`; `done` is true once no row is left. Calls run one after another.
   */
  next(maxRows: number): Promise<{ result: QueryResult; done: boolean }>;
  /** The reader has stopped early: free what the stream holds; the query counts as finished. */
  close(): Promise<void>;
}
