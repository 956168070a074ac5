// Coalesces bursts of job events into one tree refresh at most every `intervalMs()`: a run
// with 1,000 child jobs fires thousands of events, and a refresh per event would freeze
// the window. Rows that came or went refresh their parent's subtree only; the whole tree
// only when a root row came or went. A row under a parent that is refreshed anyway is not
// sent again: VS Code re-renders a refreshed row's children.

export class RefreshScheduler<T> {
  private timer: NodeJS.Timeout | undefined;
  private changed = new Set<T>();
  private parents = new Set<T>();
  private everything = false;
  private lastFlush = 0;

  constructor(
    /** Read at each scheduling, so the pace can follow the load (see JobsTreeProvider). */
    private readonly intervalMs: () => number,
    /** undefined: refresh everything. */
    private readonly flush: (changed: T[] | undefined) => void,
    /** A row's parent row (undefined at the root). */
    private readonly parentOf: (item: T) => T | undefined = () => undefined,
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
    const wait = Math.max(0, this.intervalMs() - (Date.now() - this.lastFlush));
    this.timer = setTimeout(() => this.run(), wait);
  }

  private run(): void {
    this.timer = undefined;
    this.lastFlush = Date.now();
    const items = this.everything ? undefined : this.uncovered();
    this.changed = new Set();
    this.parents = new Set();
    this.everything = false;
    this.flush(items);
  }

  /** The refreshed parents and the changed rows that are not inside one of them. */
  private uncovered(): T[] {
    const items = [...this.parents];
    for (const item of this.changed) {
      if (!this.parents.has(item) && !this.underRefreshedParent(item)) items.push(item);
    }
    return items;
  }

  private underRefreshedParent(item: T): boolean {
    for (let parent = this.parentOf(item); parent !== undefined; parent = this.parentOf(parent)) {
      if (this.parents.has(parent)) return true;
    }
    return false;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
