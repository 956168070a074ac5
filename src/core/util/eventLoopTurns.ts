import { performance } from 'node:perf_hooks';

// How long one turn of the event loop may spend on continuations that pass through here
// before the rest wait for a later turn. Small enough that a stall stays well under the
// 30 ms a UI notices, large enough that a burst is not slowed by turn overhead (~10 µs).
export const TURN_BUDGET_MS = 6;

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
      // setImmediate from here runs in this turn's check phase; the nested one is the next
      // turn's, after its timers and I/O: the point of waiting.
      setImmediate(() => setImmediate(() => void this.drain()));
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

  private async drain(): Promise<void> {
    const started = this.now();
    while (this.waiting.length > 0 && this.now() - started < this.budgetMs) {
      this.waiting.shift()!();
      // Let the released continuation run up to its next wait before timing the next one.
      await undefined;
    }
    if (this.waiting.length === 0) {
      this.draining = false;
      return;
    }
    // Called in a check phase: this runs on the next turn.
    setImmediate(() => void this.drain());
  }
}

/** One per thread: every burst on this event loop shares the same turns. */
export const eventLoopTurns = new EventLoopTurns();
