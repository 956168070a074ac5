import { performance } from 'node:perf_hooks';

// How long one turn of the event loop may spend on continuations that pass through here
// before the rest wait for a later turn. Small enough that a stall stays well under the
// 30 ms a UI notices, large enough that a burst is not slowed by turn overhead (~10 µs).
export const TURN_BUDGET_MS = 6;
/** Continuations released per turn at most: past the budget, the rest of the turn's immediates are no-ops. */
const MAX_RELEASES_PER_TURN = 64;

/**
 * Spreads a burst of small continuations over several turns of the event loop.
 *
 * 1,000 child jobs finish in bursts: DuckDB's completions arrive in one batch per loop turn
 * (libuv hands over every finished query at once), and `SYSTEM$WAIT` timers that fell due
 * during a stall all fire together. Each continuation is short (a result read, the next
 * statement started), but a hundred of them back to back held the extension host's loop
 * for 50–100 ms, and a held loop lets still more completions pile up for the next batch.
 * A continuation that `await`s `pass()` goes on at once while the current turn has budget
 * left; past it, continuations wait in arrival order and are let through a budget per turn,
 * with timers and I/O (the UI's messages) served in between.
 */
export class EventLoopTurns {
  /** When the current turn's first continuation passed, or undefined between turns. */
  private turnStartedAt: number | undefined;
  private readonly waiting: Array<() => void> = [];
  private draining = false;

  constructor(
    private readonly budgetMs = TURN_BUDGET_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Continue now, or (past this turn's budget) on a later turn, in arrival order. */
  pass(): Promise<void> | undefined {
    if (this.waiting.length === 0 && this.withinBudget()) return undefined;
    const turn = new Promise<void>((resolve) => this.waiting.push(resolve));
    if (!this.draining) {
      this.draining = true;
      // setImmediate from here runs in this turn's check phase, and the releases it queues
      // there run in the next turn's, after its timers and I/O: the point of waiting.
      setImmediate(() => this.queueReleases());
    }
    return turn;
  }

  /** How many continuations wait for a later turn (tests, diagnostics). */
  get waitingCount(): number {
    return this.waiting.length;
  }

  private withinBudget(): boolean {
    const now = this.now();
    if (this.turnStartedAt === undefined) {
      this.turnStartedAt = now;
      // The turn ends when the loop reaches its check phase (after timers and I/O).
      setImmediate(() => (this.turnStartedAt = undefined));
      return true;
    }
    return now - this.turnStartedAt < this.budgetMs;
  }

  /**
   * Queues one immediate per continuation to release next turn. Node drains the microtask
   * queue between two immediates, so each released continuation has run up to its next
   * real wait (I/O, a timer) before the next immediate reads the clock: the budget counts
   * its whole work, not only its first promise hop.
   */
  private queueReleases(): void {
    const releases = Math.min(this.waiting.length, MAX_RELEASES_PER_TURN);
    let startedAt: number | undefined;
    for (let slot = 1; slot <= releases; slot++) {
      setImmediate(() => {
        const now = this.now();
        startedAt ??= now;
        if (this.waiting.length > 0 && now - startedAt < this.budgetMs) this.waiting.shift()!();
        if (slot < releases) return;
        if (this.waiting.length === 0) this.draining = false;
        // Queued from a check phase: these run on the next turn.
        else this.queueReleases();
      });
    }
  }
}

/** One per thread: every burst on this event loop shares the same turns. */
export const eventLoopTurns = new EventLoopTurns();
