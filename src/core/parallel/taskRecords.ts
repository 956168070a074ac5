import { JobError, JobManager } from '../jobs/jobManager';
import { isTerminal, JobStatus } from '../jobs/jobStatus';

/** Chunks that finish within this long get their task rows once, already finished. */
export const RECORD_DELAY_MS = 25;

export interface ChunkTasks {
  /** Job ids of the chunk's tasks, in order. */
  ids: string[];
  /** Index of the first task in its Parallel call. */
  start: number;
  /** The chunk's number in its Parallel call (joblib's batch), from 1. */
  chunk?: number;
  /** Per task, when the chunk mixes functions. */
  functions?: string[];
  delayMs?: number;
}

/**
 * The JobManager rows of one chunk's tasks. Every task gets a row, but a chunk of tiny tasks
 * that is done within RECORD_DELAY_MS adds its rows once, in their final state, instead of
 * three events per task (queued, running, done): nobody can watch a 1 ms task run, and ten
 * thousand of them would otherwise cost more than the tasks.
 */
export class ChunkRecords {
  readonly ids: string[];
  readonly start: number;
  private readonly functions: string[] | undefined;
  // Per task, in parallel arrays rather than an object each: a chunk may hold thousands of
  // tasks, and their rows' details are the only objects worth making.
  private readonly statuses: JobStatus[];
  private readonly details: Array<Record<string, unknown>>;
  private readonly endedMs: number[];
  private readonly errors = new Map<number, JobError>();
  private readonly startedMs = Date.now();
  private materialized = false;
  private readonly timer: NodeJS.Timeout;

  get runId(): string {
    return this.batch.runId;
  }

  constructor(
    private readonly jobs: JobManager,
    private readonly batch: { runId: string; id: string; label: string },
    tasks: ChunkTasks,
  ) {
    this.ids = tasks.ids;
    this.start = tasks.start;
    this.functions = tasks.functions;
    const count = this.ids.length;
    const chunk = tasks.chunk;
    this.statuses = new Array<JobStatus>(count).fill('QUEUED');
    this.endedMs = new Array<number>(count).fill(0);
    this.details = new Array<Record<string, unknown>>(count);
    for (let offset = 0; offset < count; offset++) {
      this.details[offset] =
        chunk === undefined ? { index: this.start + offset, worker: null } : { index: this.start + offset, chunk, worker: null };
    }
    this.timer = setTimeout(() => this.materialize(), tasks.delayMs ?? RECORD_DELAY_MS);
    this.timer.unref();
  }

  status(offset: number): JobStatus {
    return this.statuses[offset];
  }

  /** Moves one task; moves out of a final state are ignored, as JobManager does. */
  set(offset: number, status: JobStatus, facts: { detail?: Record<string, unknown>; error?: JobError } = {}): void {
    const current = this.statuses[offset];
    if (current === undefined || isTerminal(current)) return;
    if (current === status && !facts.detail && !facts.error) return;
    this.statuses[offset] = status;
    if (facts.detail) Object.assign(this.details[offset], facts.detail);
    if (facts.error) this.errors.set(offset, facts.error);
    if (isTerminal(status)) this.endedMs[offset] = Date.now();
    if (!this.materialized) return;
    const id = this.ids[offset];
    const job = this.jobs.get(id);
    if (!job || isTerminal(job.status)) return;
    // QUEUED cannot jump to SUCCESS: it ran, however briefly.
    if (job.status === 'QUEUED' && (status === 'SUCCESS' || status === 'FAILED_WITH_ERROR')) this.jobs.move(id, 'RUNNING');
    this.jobs.move(id, status, facts);
  }

  /**
   * Tasks `from` … `from + durations.length - 1` succeeded on `worker`. The common case (a
   * chunk of tiny tasks not shown yet) writes the facts in place: no objects per task.
   */
  succeeded(from: number, durations: ArrayLike<number>, worker: number): void {
    if (this.materialized) {
      for (let at = 0; at < durations.length; at++) {
        this.set(from + at, 'SUCCESS', { detail: { worker, durationMs: roundMs(durations[at]) } });
      }
      return;
    }
    const now = Date.now();
    for (let at = 0; at < durations.length; at++) {
      const offset = from + at;
      const status = this.statuses[offset];
      if (status === undefined || isTerminal(status)) continue;
      this.statuses[offset] = 'SUCCESS';
      const detail = this.details[offset];
      detail.worker = worker;
      detail.durationMs = roundMs(durations[at]);
      this.endedMs[offset] = now;
    }
  }

  /** Every task not finished yet ends with `status`. */
  finishRest(status: JobStatus, facts: { error?: JobError } = {}): void {
    for (let offset = 0; offset < this.statuses.length; offset++) {
      if (!isTerminal(this.statuses[offset])) this.set(offset, status, facts);
    }
  }

  /** Adds the rows (on the delay, or at the end at the latest). */
  materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    clearTimeout(this.timer);
    const { runId, id: parentId, label } = this.batch;
    for (let offset = 0; offset < this.ids.length; offset++) {
      const status = this.statuses[offset];
      this.jobs.add({
        id: this.ids[offset],
        kind: 'task',
        runId,
        parentId,
        label: this.functions?.[offset] ?? label,
        status,
        startedMs: this.startedMs,
        endedMs: isTerminal(status) ? this.endedMs[offset] : undefined,
        // Handed over, not copied: from here on the JobManager's row is the one that changes.
        detail: this.details[offset],
        error: this.errors.get(offset),
      });
    }
  }
}

/** Milliseconds to the microsecond: what the Jobs tree and --json show. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
