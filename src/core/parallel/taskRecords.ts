import { DeferredJobs, JobError, JobManager } from '../jobs/jobManager';
import { isTerminal, JobStatus } from '../jobs/jobStatus';

/**
 * A chunk still running after this long has its rows shown as it runs. Not shorter: on a
 * loaded machine a chunk of tiny tasks takes tens of ms of scheduling alone, and making its
 * rows then (to move each one a moment later) was most of the Node side's work per task.
 */
export const RECORD_DELAY_MS = 250;

export interface ChunkTasks {
  /** Index of the first task in its Parallel call (its row id is `<batch id>/<index>`). */
  start: number;
  count: number;
  /** The chunk's number in its Parallel call (joblib's batch), from 1. */
  chunk?: number;
  /** Per task, when the chunk mixes functions. */
  functions?: string[];
  delayMs?: number;
}

/**
 * The JobManager rows of one chunk's tasks. Every task has a row, but they are kept here as
 * a few arrays, without an object or an id string per task, and handed to the JobManager
 * (DeferredJobs) only when someone reads them: the Jobs tree expanding the batch, a listing,
 * a task's own status. A chunk still running after RECORD_DELAY_MS is shown anyway, so a
 * slow task can be watched; a chunk of tiny tasks that is done by then costs no rows at all
 * until it is looked at (ten thousand rows would otherwise cost more than the tasks).
 */
export class ChunkRecords implements DeferredJobs {
  readonly kind = 'task';
  readonly start: number;
  readonly count: number;
  private readonly chunk: number | undefined;
  private readonly functions: string[] | undefined;
  private readonly statuses: JobStatus[];
  /** Per task: worker pid (-1 before it ran), run time in ms (NaN unknown), end (0 before). */
  private readonly workers: Int32Array;
  private readonly durations: Float64Array;
  private readonly endedMs: Float64Array;
  /** Rare facts (a traceback) and errors, by offset. */
  private readonly extras = new Map<number, Record<string, unknown>>();
  private readonly errors = new Map<number, JobError>();
  private readonly startedMs = Date.now();
  private live: number;
  private materialized = false;
  private readonly timer: NodeJS.Timeout;

  get runId(): string {
    return this.batch.runId;
  }

  get parentId(): string {
    return this.batch.id;
  }

  constructor(
    private readonly jobs: JobManager,
    private readonly batch: { runId: string; id: string; label: string },
    tasks: ChunkTasks,
  ) {
    this.start = tasks.start;
    this.count = tasks.count;
    this.chunk = tasks.chunk;
    this.functions = tasks.functions;
    this.live = this.count;
    this.statuses = new Array<JobStatus>(this.count).fill('QUEUED');
    // One backing store for the three columns: off-heap allocations are what a chunk of
    // tiny tasks mostly cost here, and a 10,000-task call makes some thirty chunks.
    const columns = new ArrayBuffer(this.count * (2 * Float64Array.BYTES_PER_ELEMENT + Int32Array.BYTES_PER_ELEMENT));
    this.durations = new Float64Array(columns, 0, this.count).fill(NaN);
    this.endedMs = new Float64Array(columns, this.count * Float64Array.BYTES_PER_ELEMENT, this.count);
    this.workers = new Int32Array(columns, 2 * this.count * Float64Array.BYTES_PER_ELEMENT, this.count).fill(-1);
    jobs.defer(this);
    this.timer = setTimeout(() => {
      if (this.live > 0) this.materialize();
    }, tasks.delayMs ?? RECORD_DELAY_MS);
    this.timer.unref();
  }

  /** The row id of the task at `offset`. */
  idOf(offset: number): string {
    return `${this.batch.id}/${this.start + offset}`;
  }

  /** The offset of a row id in this chunk, or -1. */
  offsetOf(id: string): number {
    const prefix = this.batch.id.length;
    if (id.length <= prefix + 1 || !id.startsWith(this.batch.id) || id[prefix] !== '/') return -1;
    const index = Number(id.slice(prefix + 1));
    const offset = index - this.start;
    return Number.isInteger(offset) && offset >= 0 && offset < this.count ? offset : -1;
  }

  owns(id: string): boolean {
    return this.offsetOf(id) >= 0;
  }

  hasLive(): boolean {
    return this.live > 0;
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
    if (facts.detail) this.keep(offset, facts.detail);
    if (facts.error) this.errors.set(offset, facts.error);
    if (isTerminal(status)) this.ended(offset, Date.now());
    if (!this.materialized) return;
    const id = this.idOf(offset);
    const job = this.jobs.get(id);
    if (!job || isTerminal(job.status)) return;
    // QUEUED cannot jump to SUCCESS: it ran, however briefly.
    if (job.status === 'QUEUED' && (status === 'SUCCESS' || status === 'FAILED_WITH_ERROR')) this.jobs.move(id, 'RUNNING');
    this.jobs.move(id, status, facts);
  }

  /**
   * Tasks `from` … `from + durations.length - 1` succeeded on `worker`. The common case (a
   * chunk of tiny tasks nobody has looked at) writes the facts in place: no objects per task.
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
      this.workers[offset] = worker;
      this.durations[offset] = durations[at];
      this.ended(offset, now);
    }
  }

  /** Every task not finished yet ends with `status`. */
  finishRest(status: JobStatus, facts: { error?: JobError } = {}): void {
    for (let offset = 0; offset < this.count && this.live > 0; offset++) {
      if (!isTerminal(this.statuses[offset])) this.set(offset, status, facts);
    }
  }

  /**
   * Task `failedAt` raised (its traceback in the row); the calls before it succeeded, the
   * last `durations.length` of them (and it) with their run times; the rest never ran.
   */
  failedAt(failedAt: number, durations: ArrayLike<number>, worker: number, message: string, traceback: string): void {
    const from = failedAt + 1 - durations.length;
    for (let at = 0; at <= failedAt && at < this.count; at++) {
      const ms = at >= from ? durations[at - from] : undefined;
      const detail = { worker, ...(ms !== undefined ? { durationMs: roundMs(ms) } : {}) };
      if (at < failedAt) this.set(at, 'SUCCESS', { detail });
      else this.set(at, 'FAILED_WITH_ERROR', { error: { message }, detail: { ...detail, traceback } });
    }
    this.finishRest('ABORTED');
  }

  /** Its worker died: the task it was running failed with `message`, the rest never ran. */
  crashed(message: string): void {
    let running = 0;
    while (running < this.count && this.statuses[running] !== 'RUNNING') running++;
    if (running < this.count) this.set(running, 'FAILED_WITH_ERROR', { error: { message } });
    this.finishRest('ABORTED');
  }

  /** Adds the rows: when read, when the chunk turns out slow, at the latest never lost. */
  materialize(): void {
    if (this.materialized) return;
    this.materialized = true;
    clearTimeout(this.timer);
    this.jobs.settleDeferred(this);
    const { runId, id: parentId, label } = this.batch;
    for (let offset = 0; offset < this.count; offset++) {
      const status = this.statuses[offset];
      this.jobs.add({
        id: this.idOf(offset),
        kind: 'task',
        runId,
        parentId,
        label: this.functions?.[offset] ?? label,
        status,
        startedMs: this.startedMs,
        endedMs: isTerminal(status) ? this.endedMs[offset] : undefined,
        detail: this.detailOf(offset),
        error: this.errors.get(offset),
      });
    }
  }

  private detailOf(offset: number): Record<string, unknown> {
    const worker = this.workers[offset];
    const detail: Record<string, unknown> =
      this.chunk === undefined
        ? { index: this.start + offset, worker: worker < 0 ? null : worker }
        : { index: this.start + offset, chunk: this.chunk, worker: worker < 0 ? null : worker };
    const ms = this.durations[offset];
    if (!Number.isNaN(ms)) detail.durationMs = roundMs(ms);
    const extra = this.extras.get(offset);
    return extra ? Object.assign(detail, extra) : detail;
  }

  /** Worker and run time go to their arrays; anything else (a traceback) to extras. */
  private keep(offset: number, detail: Record<string, unknown>): void {
    let extra: Record<string, unknown> | undefined;
    for (const key in detail) {
      const value = detail[key];
      if (key === 'worker' && typeof value === 'number') this.workers[offset] = value;
      else if (key === 'durationMs' && typeof value === 'number') this.durations[offset] = value;
      else {
        extra ??= this.extras.get(offset);
        if (!extra) this.extras.set(offset, (extra = {}));
        extra[key] = value;
      }
    }
  }

  private ended(offset: number, now: number): void {
    this.endedMs[offset] = now;
    if (--this.live === 0 && !this.materialized) clearTimeout(this.timer);
  }
}

/** Milliseconds to the microsecond: what the Jobs tree and --json show. */
export function roundMs(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
