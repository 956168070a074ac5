// Coalesces bursts of job events into one tree refresh at most every `intervalMs`: a run
// with 1,000 child jobs fires thousands of events, and a refresh per event would freeze
// the window. Rows that came or went refresh their parent's subtree only; the whole tree
// only when a root row came or went.

export class RefreshScheduler<T> {
  private timer: NodeJS.Timeout | undefined;
  private changed = new Set<T>();
  private parents = new Set<T>();
  private everything = false;
  private lastFlush = 0;

  constructor(
    private readonly intervalMs: number,
    /** undefined: refresh everything. */
    private readonly flush: (changed: T[] | undefined) => void,
  ) {}

  /** A row's own state changed (status, elapsed). */
  changedItem(item: T): void {
    this.changed.add(item);
    this.schedule();
  }

  /** Rows under `parent` came or went (undefined: root rows). */
  changedChildren(parent: T | undefined): void {
    if (parent === undefined) this.everything = true;
    else this.parents.add(parent);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.intervalMs - (Date.now() - this.lastFlush));
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    // A refreshed parent re-renders its children too: changed rows under it add nothing.
    const items = this.everything ? undefined : [...new Set([...this.parents, ...this.changed])];
    this.changed = new Set();
    this.parents = new Set();
    this.everything = false;
    this.flush(items);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
