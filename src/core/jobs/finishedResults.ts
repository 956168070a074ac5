import { QueryResult } from '../runner/protocol';

export interface ResultBounds {
  /** How many finished results are kept at most. */
  maxResults: number;
  /** How many cells (rows × columns) they may hold together. */
  maxCells: number;
}

// Snowflake keeps a query's result for 24 hours, so AsyncJob.result() and
// create_async_job(id) may ask for it long after the job ended. We keep results too, but
// bounded: 20k fire-and-forget inserts held every settled promise, AbortController and
// result until the run ended (about 3.5 KB a job). A DML or DDL result is one small row, so
// the count bound is generous; big results are bounded by cells. The oldest go first; the
// newest result stays whatever its size, so the job that just finished can always be read.
export const DEFAULT_RESULT_BOUNDS: ResultBounds = { maxResults: 50_000, maxCells: 5_000_000 };

/** Results of finished queries, oldest dropped first once a bound is passed. */
export class FinishedResults {
  private readonly results = new Map<string, QueryResult>();
  private cells = 0;

  constructor(private readonly bounds: ResultBounds = DEFAULT_RESULT_BOUNDS) {}

  keep(queryId: string, result: QueryResult): void {
    this.drop(queryId);
    this.results.set(queryId, result);
    this.cells += cellsOf(result);
    while (this.results.size > 1 && (this.results.size > this.bounds.maxResults || this.cells > this.bounds.maxCells)) {
      this.drop(this.results.keys().next().value as string);
    }
  }

  get(queryId: string): QueryResult | undefined {
    return this.results.get(queryId);
  }

  drop(queryId: string): void {
    const result = this.results.get(queryId);
    if (!result) return;
    this.cells -= cellsOf(result);
    this.results.delete(queryId);
  }

  get size(): number {
    return this.results.size;
  }
}

function cellsOf(result: QueryResult): number {
  return Math.max(1, result.rowCount * Math.max(1, result.columns.length));
}
