import type { JobEvent } from '../../core/jobs/jobManager';
import type { QueryResult } from '../../core/runner/protocol';
import type { SnowparkRuntime } from '../../core/snowparkRuntime';

// Results of finished jobs, so "Show Job Result" works after the run has ended (the
// executor forgets a run's results when it ends, to keep memory flat). Bounded: the
// oldest results go first.

const MAX_RESULTS = 500;

export class JobResults {
  private readonly results = new Map<string, QueryResult>();

  /** Starts waiting on every query the runtime submits; call from a JobManager listener. */
  capture(runtime: SnowparkRuntime, event: JobEvent): void {
    if (event.type !== 'added' || event.job.kind !== 'query') return;
    const id = event.job.id;
    // The executor registers the statement right after the job record: look next tick.
    setImmediate(() => {
      runtime.executor.wait(id).then(
        (result) => this.set(id, result),
        () => undefined, // failures are on the job record itself
      );
    });
  }

  set(id: string, result: QueryResult): void {
    this.results.delete(id);
    this.results.set(id, result);
    if (this.results.size > MAX_RESULTS) this.results.delete(this.results.keys().next().value!);
  }

  get(id: string): QueryResult | undefined {
    return this.results.get(id);
  }

  has(id: string): boolean {
    return this.results.has(id);
  }

  forget(id: string): void {
    this.results.delete(id);
  }
}
