import { JobError, JobManager } from '../jobs/jobManager';
import { isTerminal, JobStatus } from '../jobs/jobStatus';

/** Chunks that finish within this long get their task rows once, already finished. */
export const RECORD_DELAY_MS = 25;

interface TaskState {
  status: JobStatus;
  detail: Record<string, unknown>;
  error?: JobError;
  endedMs?: number;
}

/**
 * The JobManager rows of one chunk's tasks. Every task gets a row, but a chunk of tiny tasks
 * that is done within RECORD_DELAY_MS adds its rows once, in their final state, instead of
 * three events per task (queued, running, done): nobody can watch a 1 ms task run, and ten
 * thousand of them would otherwise cost more than the tasks.
 */
export class ChunkRecords {
  private readonly states: TaskState[];
  private readonly startedMs = Date.now();
  private materialized = false;
  private readonly timer: NodeJS.Timeout;

  get runId(): string {
    return this.batch.runId;
  }

  constructor(
    private readonly jobs: JobManager,
    private readonly batch: { runId: string; id: string; label: string },
    readonly ids: string[],
    readonly start: number,
    private readonly functions: string[] | undefined,
    delayMs = RECORD_DELAY_MS,
  ) {
    this.states = ids.map((_, offset) => ({ status: 'QUEUED', detail: { index: start + offset, worker: null } }));
    this.timer = setTimeout(() => this.materialize(), delayMs);
    this.timer.unref();
  }

  status(offset: number): JobStatus {
    return this.states[offset].status;
  }

  /** Moves one task; moves out of a final state are ignored, as JobManager does. */
  set(offset: number, status: JobStatus, facts: { detail?: Record<string, unknown>; error?: JobError } = {}): void {
    const state = this.states[offset];
    if (!state || isTerminal(state.status)) return;
    if (state.status === status && !facts.detail && !facts.error) return;
    state.status = status;
    if (facts.detail) Object.assign(state.detail, facts.detail);
    if (facts.error) state.error = facts.error;
    if (isTerminal(status)) state.endedMs = Date.now();
    if (!this.materialized) return;
    const id = this.ids[offset];
    const job = this.jobs.get(id);
    if (!job || isTerminal(job.status)) return;
    // QUEUED cannot jump to SUCCESS: it ran, however briefly.
    if (job.status === 'QUEUED' && (status === 'SUCCESS' || status === 'FAILED_WITH_ERROR')) this.jobs.move(id, 'RUNNING');
    this.jobs.move(id, status, facts);
  }

  /** Every task not finished yet ends with `status`. */
  finishRest(status: JobStatus, facts: { error?: JobError } = {}): void {
    this.states.forEach((state, offset) => {
      if (!isTerminal(state.status)) this.set(offset, status, facts);
    });
  }

  /** Adds the rows (on the delay, or at the end at the latest). */
  materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    clearTimeout(this.timer);
    this.states.forEach((state, offset) => {
      const record = this.jobs.add({
        id: this.ids[offset],
        kind: 'task',
        runId: this.batch.runId,
        parentId: this.batch.id,
        label: this.functions?.[offset] ?? this.batch.label,
        status: state.status,
        startedMs: this.startedMs,
        detail: { ...state.detail },
        error: state.error,
      });
      if (state.endedMs !== undefined) record.endedMs = state.endedMs;
    });
  }
}
