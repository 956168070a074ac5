import { JobManager } from '../jobs/jobManager';
import { isTerminal } from '../jobs/jobStatus';

// joblib's `threading` backend (the default on a standard warehouse) runs tasks on real
// threads inside the handler's process, as Snowflake does, so the TaskPool never sees them.
// The shim reports them instead: one round trip to open a batch per Parallel call, then the
// finished tasks in bulk, fire-and-forget, so 10,000 tiny tasks do not pay a round trip
// each. They are records only: threads cannot be cancelled one by one.

export interface ReportedThreadTask {
  index: number;
  function: string;
  worker: string;
  startedMs: number;
  endedMs: number;
  ok: boolean;
  error?: string;
}

export class ThreadBatches {
  private readonly openBatches = new Map<string, string[]>();
  private count = 0;

  constructor(private readonly jobs: JobManager) {}

  open(runId: string, params: { function?: unknown; nJobs?: unknown }): { batchId: string } {
    const batchId = `${runId}/t${++this.count}`;
    this.jobs.add({
      id: batchId,
      kind: 'batch',
      runId,
      parentId: runId,
      label: String(params.function ?? 'task'),
      status: 'RUNNING',
      detail: { backend: 'threading', nJobs: params.nJobs, tasks: 0 },
    });
    const batches = this.openBatches.get(runId) ?? [];
    batches.push(batchId);
    this.openBatches.set(runId, batches);
    return { batchId };
  }

  report(params: { batchId?: unknown; tasks?: unknown }): Record<string, never> {
    const batchId = String(params.batchId);
    const batch = this.jobs.get(batchId);
    if (!batch || !Array.isArray(params.tasks)) return {};
    let added = 0;
    for (const task of params.tasks as ReportedThreadTask[]) {
      const id = `${batchId}/${task.index}`;
      if (this.jobs.get(id)) continue;
      added++;
      this.jobs.add({
        id,
        kind: 'task',
        runId: batch.runId,
        parentId: batchId,
        label: task.function,
        status: task.ok ? 'SUCCESS' : 'FAILED_WITH_ERROR',
        startedMs: task.startedMs,
        endedMs: task.endedMs,
        error: task.ok ? undefined : { message: task.error ?? 'the task raised an exception' },
        detail: { index: task.index, worker: task.worker, durationMs: task.endedMs - task.startedMs, backend: 'threading' },
      });
    }
    // Counted, not listed: listing scans every job of the session on every report.
    this.jobs.update(batchId, { tasks: Number(batch.detail.tasks ?? 0) + added });
    return {};
  }

  close(params: { batchId?: unknown; ok?: unknown }): Record<string, never> {
    const batchId = String(params.batchId);
    const batch = this.jobs.get(batchId);
    if (batch && !isTerminal(batch.status)) this.jobs.move(batchId, params.ok === true ? 'SUCCESS' : 'FAILED_WITH_ERROR');
    return {};
  }

  /** A run that ends with a batch still open (its handler returned mid-Parallel) aborts it. */
  runEnded(runId: string): void {
    for (const batchId of this.openBatches.get(runId) ?? []) {
      const batch = this.jobs.get(batchId);
      if (batch && !isTerminal(batch.status)) {
        this.jobs.move(batchId, 'ABORTING');
        this.jobs.move(batchId, 'ABORTED');
      }
    }
    this.openBatches.delete(runId);
  }
}
