// Keeps one interpreter started ahead of time, so a run can begin without paying for
// Python's start and the shim's imports. The pool knows nothing about processes: it holds
// "candidates" (warmInterpreter.ts in production, fakes in the unit tests) and decides
// when one is handed over, replaced or dropped.
//
// Rules: a candidate serves one run at most (take() removes it before handing it over);
// it only serves a run that asks for the same key (interpreter command and directory);
// one that died or whose interpreter files changed is dropped, not handed over.

export interface WarmKey {
  /** The interpreter command as configured (undefined: the default), resolved by the candidate. */
  python: string | undefined;
  /** The run's working directory: Python puts it first on sys.path at start. */
  cwd: string;
}

export interface WarmCandidate {
  /** False once the process has exited (or failed to start). */
  readonly alive: boolean;
  /** True once the interpreter's files changed since it started (a package installed, the venv rebuilt). */
  stale(): boolean;
  /** Kills it and everything it started; resolves once they are gone. */
  end(): Promise<void>;
}

export function sameWarmKey(a: WarmKey, b: WarmKey): boolean {
  return (a.python ?? '') === (b.python ?? '') && a.cwd === b.cwd;
}

export class WarmPool<T extends WarmCandidate> {
  private current: { key: WarmKey; candidate: T } | undefined;
  private disposed = false;

  constructor(private readonly startCandidate: (key: WarmKey) => T) {}

  /** The candidate waiting now, if any (tests, diagnostics). */
  get waiting(): T | undefined {
    return this.current?.candidate;
  }

  /**
   * The waiting candidate for `key`, removed from the pool, or undefined when there is none
   * fit to use (the caller then starts fresh). Either way a new one is started behind it for
   * the next run.
   */
  take(key: WarmKey): T | undefined {
    if (this.disposed) return undefined;
    const held = this.current;
    this.current = undefined;
    let taken: T | undefined;
    if (held && sameWarmKey(held.key, key) && usable(held.candidate)) taken = held.candidate;
    else if (held) void held.candidate.end();
    this.start(key);
    return taken;
  }

  /** Makes sure a usable candidate for `key` is waiting (e.g. when a handler file is opened). */
  prepare(key: WarmKey): void {
    if (this.disposed) return;
    const held = this.current;
    if (held && sameWarmKey(held.key, key) && usable(held.candidate)) return;
    // One that died is not restarted here: an interpreter that cannot start would be
    // spawned again on every editor switch. The next run (take) tries again.
    if (held && sameWarmKey(held.key, key) && !held.candidate.alive) return;
    this.current = undefined;
    if (held) void held.candidate.end();
    this.start(key);
  }

  /** Drops the waiting candidate (settings changed); the next run starts fresh and refills. */
  async clear(): Promise<void> {
    const held = this.current;
    this.current = undefined;
    await held?.candidate.end();
  }

  /** Drops the waiting candidate and starts no more (deactivation, untrusted workspace). */
  async dispose(): Promise<void> {
    this.disposed = true;
    await this.clear();
  }

  private start(key: WarmKey): void {
    this.current = { key: { ...key }, candidate: this.startCandidate(key) };
  }
}

function usable(candidate: WarmCandidate): boolean {
  return candidate.alive && !candidate.stale();
}
