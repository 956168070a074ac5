// getQueryStatus is one HTTP round trip to the service. Several waiters (the statement's
// own poll loop, a Cancel from the tree, a handler's is_done() loop via a future
// live-status hook) may ask about the same query at once; they share one request, and an
// answer younger than the TTL is reused, so polling loops never hammer the service.

export const TERMINAL_STATUSES = new Set(['SUCCESS', 'FAILED_WITH_ERROR', 'FAILED_WITH_INCIDENT', 'ABORTED', 'DISCONNECTED']);
export const FAILED_STATUSES = new Set(['FAILED_WITH_ERROR', 'FAILED_WITH_INCIDENT', 'DISCONNECTED']);

interface Entry {
  at: number;
  status: Promise<string>;
}

export class QueryStatusCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly fetchStatus: (queryId: string) => Promise<string>,
    private readonly ttlMs = 200,
    private readonly now: () => number = Date.now,
  ) {}

  get(queryId: string): Promise<string> {
    const cached = this.entries.get(queryId);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.status;
    const status = this.fetchStatus(queryId);
    const entry = { at: this.now(), status };
    this.entries.set(queryId, entry);
    // A failed lookup must not be served from the cache.
    status.catch(() => {
      if (this.entries.get(queryId) === entry) this.entries.delete(queryId);
    });
    return status;
  }

  forget(queryId: string): void {
    this.entries.delete(queryId);
  }
}
