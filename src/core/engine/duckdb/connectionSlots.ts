import { executionCancelled } from '../sqlError';

// How many statements hold a DuckDB connection at once. Each open connection with a
// transaction costs native memory: 20k collect_nowait() inserts opened thousands side by
// side and the CLI reached 750 MB. Snowflake queues past a warehouse's concurrency level
// too (MAX_CONCURRENCY_LEVEL, 8 by default); DuckDB never blocks one statement on another
// (conflicts fail, they do not wait), so a queue cannot deadlock. SYSTEM$WAIT runs before
// a slot is taken, so a thousand concurrent waits still wait side by side.
export const MAX_ACTIVE_CONNECTIONS = 32;

/** A counting semaphore whose waits a cancel can end. */
export class ConnectionSlots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max = MAX_ACTIVE_CONNECTIONS) {}

  async take(signal: AbortSignal | undefined, queryId: string): Promise<void> {
    if (signal?.aborted) throw executionCancelled(queryId);
    if (this.active < this.max) {
      this.active++;
      return;
    }
    await new Promise<void>((resolve, reject) => {
      const granted = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const at = this.waiting.indexOf(granted);
        if (at >= 0) this.waiting.splice(at, 1);
        reject(executionCancelled(queryId));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(granted);
    });
  }

  give(): void {
    // A slot passes straight to the next waiter, so `active` stays counted for it.
    const next = this.waiting.shift();
    if (next) next();
    else this.active--;
  }
}
