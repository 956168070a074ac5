import { Emitter } from '../util/emitter';
import { canMove, isTerminal, JobStatus } from './jobStatus';

export type JobKind = 'run' | 'query' | 'batch' | 'task';

export interface JobError {
  message: string;
  errorCode?: string;
  sqlState?: string;
  /** file:line where a person can act on it, when known. */
  location?: string;
}

export interface JobRecord {
  readonly id: string;
  readonly kind: JobKind;
  readonly runId: string;
  readonly parentId?: string;
  /** SQL for queries, handler for runs, function name for batches and tasks. */
  readonly label: string;
  status: JobStatus;
  readonly startedMs: number;
  endedMs?: number;
  error?: JobError;
  /** Kind-specific facts the UI and --json show (task index, worker, row count …). */
  detail: Record<string, unknown>;
}

/**
 * Rows a part keeps in a compact form of its own until someone reads them (a chunk of
 * ten thousand tiny joblib tasks): any read that could include them (get, list, running)
 * has the part add them first, so nothing is lost, only never made when nobody looks.
 */
export interface DeferredJobs {
  readonly runId: string;
  readonly parentId: string;
  readonly kind: JobKind;
  /** True if `id` is one of its rows. */
  owns(id: string): boolean;
  /** True while one of its rows is not in a final state (running() must show it). */
  hasLive(): boolean;
  /** Adds its rows (through add) and calls settleDeferred. */
  materialize(): void;
}

export interface JobEvent {
  type: 'added' | 'changed' | 'removed';
  job: Readonly<JobRecord>;
}

/**
 * The one state machine for runs, child jobs, batches and tasks. Engines and pools
 * report into it; the tree view, the status bar and the CLI's --json read from it.
 */
export class JobManager {
  private readonly jobs = new Map<string, JobRecord>();
  private readonly deferred = new Set<DeferredJobs>();
  private readonly emitter = new Emitter<JobEvent>();
  readonly onDidChange = this.emitter.event;

  add(job: Omit<JobRecord, 'startedMs' | 'detail'> & { startedMs?: number; detail?: Record<string, unknown> }): JobRecord {
    if (this.jobs.has(job.id)) throw new Error(`job ${job.id} is already registered`);
    const startedMs = job.startedMs ?? Date.now();
    // Every field is set here, in one order, so all records share one hidden class. A
    // spread plus fields added later gave each of 20k records its own (about 350 bytes).
    const record: JobRecord = {
      id: job.id,
      kind: job.kind,
      runId: job.runId,
      parentId: job.parentId,
      label: job.label,
      status: job.status,
      startedMs,
      // A job reported after the fact (a finished thread task) keeps the end it was given.
      endedMs: isTerminal(job.status) ? (job.endedMs ?? startedMs) : undefined,
      error: job.error,
      detail: job.detail ?? {},
    };
    this.jobs.set(record.id, record);
    this.emitter.fire({ type: 'added', job: record });
    return record;
  }

  /** Registers rows that exist but are added only when a read needs them. */
  defer(rows: DeferredJobs): void {
    this.deferred.add(rows);
  }

  /** The deferred rows were added (or dropped): reads stop asking them. */
  settleDeferred(rows: DeferredJobs): void {
    this.deferred.delete(rows);
  }

  get(id: string): JobRecord | undefined {
    const job = this.jobs.get(id);
    if (job || !this.deferred.size) return job;
    for (const rows of this.deferred) {
      if (!rows.owns(id)) continue;
      this.materializeDeferred(rows);
      return this.jobs.get(id);
    }
    return undefined;
  }

  /** Moves a job to a new status; a move out of a terminal state is ignored (late reports). */
  move(id: string, to: JobStatus, facts: { error?: JobError; detail?: Record<string, unknown> } = {}): JobRecord {
    const job = this.jobs.get(id);
    if (!job) throw new Error(`no job ${id}`);
    if (job.status === to && !facts.detail && !facts.error) return job;
    if (isTerminal(job.status)) return job;
    if (job.status !== to && !canMove(job.status, to)) {
      throw new Error(`job ${id} cannot move from ${job.status} to ${to}`);
    }
    job.status = to;
    if (facts.error) job.error = facts.error;
    if (facts.detail) Object.assign(job.detail, facts.detail);
    if (isTerminal(to)) job.endedMs = Date.now();
    this.emitter.fire({ type: 'changed', job });
    return job;
  }

  /**
   * Gives a job the id its engine assigned (Snowflake names its own queries after
   * submission). The job keeps its place; listeners see it removed under the old id and
   * added under the new one, and detail.provisionalId remembers the old id.
   */
  rename(oldId: string, newId: string): JobRecord | undefined {
    const job = this.jobs.get(oldId);
    if (!job || oldId === newId || this.jobs.has(newId)) return job;
    const renamed: JobRecord = { ...job, id: newId, detail: { ...job.detail, provisionalId: oldId } };
    const entries = [...this.jobs.entries()].map(([id, record]): [string, JobRecord] => (id === oldId ? [newId, renamed] : [id, record]));
    this.jobs.clear();
    for (const [id, record] of entries) this.jobs.set(id, record);
    this.emitter.fire({ type: 'removed', job });
    this.emitter.fire({ type: 'added', job: renamed });
    return renamed;
  }

  update(id: string, detail: Record<string, unknown>): void {
    const job = this.jobs.get(id);
    if (!job) return;
    Object.assign(job.detail, detail);
    this.emitter.fire({ type: 'changed', job });
  }

  list(filter: { runId?: string; kind?: JobKind; parentId?: string } = {}): JobRecord[] {
    for (const rows of [...this.deferred]) {
      if (filter.runId !== undefined && rows.runId !== filter.runId) continue;
      if (filter.kind !== undefined && rows.kind !== filter.kind) continue;
      if (filter.parentId !== undefined && rows.parentId !== filter.parentId) continue;
      this.materializeDeferred(rows);
    }
    const result: JobRecord[] = [];
    for (const job of this.jobs.values()) {
      if (filter.runId !== undefined && job.runId !== filter.runId) continue;
      if (filter.kind !== undefined && job.kind !== filter.kind) continue;
      if (filter.parentId !== undefined && job.parentId !== filter.parentId) continue;
      result.push(job);
    }
    return result;
  }

  running(): JobRecord[] {
    // Only rows still moving: the finished ones stay compact (the tree asks every second).
    for (const rows of [...this.deferred]) if (rows.hasLive()) this.materializeDeferred(rows);
    return [...this.jobs.values()].filter((job) => !isTerminal(job.status));
  }

  /** Forgets finished runs and everything under them. */
  clearFinished(): number {
    this.materializeAll();
    const finishedRuns = new Set(
      [...this.jobs.values()].filter((job) => job.kind === 'run' && isTerminal(job.status)).map((job) => job.id),
    );
    let removed = 0;
    for (const job of [...this.jobs.values()]) {
      if (finishedRuns.has(job.runId) && isTerminal(job.status)) {
        this.jobs.delete(job.id);
        removed++;
        this.emitter.fire({ type: 'removed', job });
      }
    }
    return removed;
  }

  private materializeAll(): void {
    for (const rows of [...this.deferred]) this.materializeDeferred(rows);
  }

  private materializeDeferred(rows: DeferredJobs): void {
    // Settled first: the rows' own adds must not find themselves still deferred.
    this.deferred.delete(rows);
    rows.materialize();
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
