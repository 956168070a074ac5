// A tiny typed event emitter. src/core must not import `vscode`, so it cannot use
// vscode.EventEmitter; the extension adapts this one where it needs an Event.

export type Listener<T> = (event: T) => void;

export interface Subscription {
  dispose(): void;
}

export class Emitter<T> {
  private readonly listeners = new Set<Listener<T>>();

  readonly event = (listener: Listener<T>): Subscription => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(event: T): void {
    // Nobody listening (CLI, tests, benchmarks): no copy of the set per event.
    if (this.listeners.size === 0) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken UI listener must never break a run: report it and keep going.
        console.error('snowpark-local: event listener failed', error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
