import { JobManager } from '../jobs/jobManager';
import { isTerminal } from '../jobs/jobStatus';
import type { LaneRecord, Lease, LeaseEnd, TaskPool } from './taskPool';
import { ChunkRecords } from './taskRecords';

// The Node side of one joblib batch's lanes: the workers TaskPool lent it, which take its
// chunks straight from the handler. Node is off the data path; what it keeps is the record
// of every task (from the workers' `lane.*` frames, and from the handler for chunks that never
// ran), cancelling, and telling the handler why a lane closed.

/** How long a batch's close waits for its lanes to end before it kills their workers. */
export const LANE_CLOSE_LIMIT_MS = 5_000;
/**
 * The same after a failure: chunks of tiny tasks still in flight end well within it, and a
 * long task of a batch joblib gave up on is killed soon after (loky kills its workers too).
 */
export const LANE_ABORT_GRACE_MS = 250;

/** What the handler told Node about a chunk (lanes.py ChunkRequest.describe). */
export interface ChunkDescription {
  chunk: number;
  start: number;
  count: number;
  functions?: string[];
}

export interface LaneOffer {
  lane: number;
  address: string;
  token: string;
  pid: number;
}

interface LaneChunk {
  records: ChunkRecords;
  lease: Lease | undefined;
}

export interface BatchIdentity {
  runId: string;
  id: string;
  label: string;
}

export class BatchLanes {
  private readonly leases = new Map<number, Lease>();
  private readonly chunks = new Map<number, LaneChunk>();
  /**
   * Why joblib gave up on the batch, once it has. Its chunks still in flight are then
   * abandoned: however their lanes end (killed, dead, closed unanswered), they never ran to a
   * result anyone waits for, so their tasks end ABORTED, as loky's do, not as failures.
   */
  private abandonedBecause: string | undefined;

  constructor(
    private readonly jobs: JobManager,
    private readonly pool: TaskPool,
    private readonly batch: BatchIdentity,
    leases: Lease[],
    private readonly events: {
      /** `count` more tasks have rows. */
      onTasks(count: number): void;
      onError(message: string): void;
    },
  ) {
    for (const lease of leases) {
      this.leases.set(lease.id, lease);
      void lease.end.then((end) => this.leaseEnded(lease, end));
    }
  }

  get offers(): LaneOffer[] {
    return [...this.leases.values()].map((lease) => ({ lane: lease.id, address: lease.address, token: lease.token, pid: lease.pid }));
  }

  /** Lanes whose worker still serves the batch. */
  get openCount(): number {
    let open = 0;
    for (const lease of this.leases.values()) if (!lease.ended) open++;
    return open;
  }

  /** A leased worker's record of a chunk it started, advanced or ended. */
  record({ lease, header, durations }: LaneRecord): void {
    const entry = this.chunkFor(lease, header);
    if (!entry) return;
    const records = entry.records;
    switch (header.type) {
      case 'lane.start':
        if (records.status(0) === 'QUEUED') records.set(0, 'RUNNING', { detail: { worker: lease.pid } });
        return;
      case 'lane.progress': {
        const completed = Number(header.completed) || 0;
        records.succeeded(completed - durations.length, durations, lease.pid);
        if (completed < records.count) records.set(completed, 'RUNNING', { detail: { worker: lease.pid } });
        return;
      }
      case 'lane.done':
        records.succeeded(records.count - durations.length, durations, lease.pid);
        records.finishRest('SUCCESS');
        entry.lease = undefined;
        return;
      case 'lane.error': {
        const message = `${String(header.errorType ?? 'Exception')}: ${String(header.message ?? '')}`;
        records.failedAt(Number(header.failedAt) || 0, durations, lease.pid, message, String(header.traceback ?? ''));
        this.events.onError(message);
        entry.lease = undefined;
        return;
      }
    }
  }

  /**
   * The handler saw a lane close while it still held `held` there: wait for its worker's
   * end, record those chunks, and say whether it was a cancel or a crash.
   */
  async lost(laneId: number, held: ChunkDescription[]): Promise<{ kind: 'cancelled' | 'crashed'; message: string }> {
    const lease = this.leases.get(laneId);
    if (!lease) return { kind: 'crashed', message: `The joblib batch ${this.batch.label}() has no lane ${laneId}.` };
    let end = lease.ended;
    if (!end) {
      // Its worker is alive, yet the handler's end of the lane broke: it cannot serve the batch any more.
      end = await Promise.race([lease.end, delay(LANE_CLOSE_LIMIT_MS)]);
      if (!end) {
        this.end(lease, `The lane to task worker ${lease.pid} broke while it held tasks.`);
        end = await lease.end;
      }
    }
    const answer = this.abandonedAnswer(end) ?? (
      end.kind === 'returned'
        ? { kind: 'crashed' as const, message: `The task worker (pid ${lease.pid}) closed its lane before it ran the tasks sent to it.` }
        : end);
    held.forEach((described, at) => {
      const entry = this.chunkFor(lease, described);
      if (!entry || !entry.records.hasLive()) return;
      if (answer.kind === 'crashed' && at === 0 && entry.records.status(0) === 'QUEUED') {
        // The worker runs its chunks in order: the first one it held was running.
        entry.records.set(0, 'RUNNING', { detail: { worker: lease.pid } });
      }
      this.settleHeld(entry, answer);
    });
    return answer;
  }

  /** Cancels the batch: every lane's worker is killed, so no chunk in flight outlives it. */
  cancel(message: string): void {
    for (const lease of this.leases.values()) this.end(lease, message);
  }

  /** A task of this batch's lanes, by its row id: cancels it (kills its worker). */
  cancelTask(jobId: string, message: (index: number) => string): 'cancelled' | 'finished' | undefined {
    for (const entry of this.chunks.values()) {
      const at = entry.records.offsetOf(jobId);
      if (at < 0) continue;
      if (isTerminal(entry.records.status(at)) || !entry.lease) return 'finished';
      this.end(entry.lease, message(entry.records.start + at));
      return 'cancelled';
    }
    return undefined;
  }

  /**
   * Lanes the handler could not connect to: their workers wait in accept() and are ended
   * now, so that the batch's relayed chunks may use its whole n_jobs.
   */
  unused(ids: number[]): void {
    for (const id of ids) {
      const lease = this.leases.get(id);
      if (lease) this.end(lease, `The handler could not reach task worker ${lease.pid}'s lane.`);
    }
  }

  /** joblib gave up on the batch: workers deep in a chunk of it stop now (loky's abort kills too). */
  abortRunning(message: string): void {
    this.abandonedBecause ??= message;
    for (const entry of this.chunks.values()) if (entry.lease && entry.records.hasLive()) this.end(entry.lease, message);
  }

  /**
   * The handler closed the batch, after closing its lanes. Chunks it never sent get their
   * rows; on failure, lanes still deep in a chunk are ended; the rest end as their workers
   * finish what they hold, each sending its last record first.
   */
  async close(ok: boolean, message: string, unsent: ChunkDescription[]): Promise<void> {
    for (const described of unsent) this.chunkFor(undefined, described)?.records.finishRest('ABORTED');
    if (!ok) this.abortRunning(message);
    const ends = Promise.all([...this.leases.values()].map((lease) => lease.end));
    if (!(await Promise.race([ends.then(() => true), delay(ok ? LANE_CLOSE_LIMIT_MS : LANE_ABORT_GRACE_MS)]))) {
      for (const lease of this.leases.values()) this.end(lease, message);
      await ends;
    }
  }

  /** Kills a lane's worker; what it was running ends now, as a cancel. */
  private end(lease: Lease, message: string): void {
    if (lease.ended) return;
    this.pool.cancelLease(lease, message);
    this.settleChunksOf(lease, { kind: 'cancelled', message: lease.cancelMessage ?? message });
  }

  /** After joblib gave up on the batch, any end but a cancel counts as one, with its reason. */
  private abandonedAnswer(end: LeaseEnd): { kind: 'cancelled'; message: string } | undefined {
    if (this.abandonedBecause === undefined || end.kind === 'cancelled') return undefined;
    return { kind: 'cancelled', message: this.abandonedBecause };
  }

  private chunkFor(lease: Lease | undefined, described: Record<string, unknown> | ChunkDescription): LaneChunk | undefined {
    const number = Number(described.chunk);
    const count = Number(described.count);
    if (!Number.isInteger(number) || !Number.isInteger(count) || count <= 0) return undefined;
    let entry = this.chunks.get(number);
    if (!entry) {
      const functions = Array.isArray(described.functions) ? (described.functions as string[]) : undefined;
      const records = new ChunkRecords(this.jobs, this.batch, { start: Number(described.start) || 0, count, chunk: number, functions });
      entry = { records, lease };
      this.chunks.set(number, entry);
      this.events.onTasks(count);
    }
    return entry;
  }

  /** The lane's worker ended while it held chunks: they end as it did. */
  private leaseEnded(lease: Lease, end: LeaseEnd): void {
    if (end.kind !== 'returned') this.settleChunksOf(lease, end);
  }

  /** The chunks a lane's worker still held end now, as it did. */
  private settleChunksOf(lease: Lease, end: { kind: 'cancelled' | 'crashed'; message: string }): void {
    for (const entry of this.chunks.values()) if (entry.lease === lease && entry.records.hasLive()) this.settleHeld(entry, end);
  }

  private settleHeld(entry: LaneChunk, lanesEnd: { kind: 'cancelled' | 'crashed'; message: string }): void {
    const end = this.abandonedAnswer(lanesEnd) ?? lanesEnd;
    entry.lease = undefined;
    if (end.kind === 'cancelled') entry.records.finishRest('ABORTED');
    else {
      entry.records.crashed(end.message);
      this.events.onError(end.message);
    }
  }
}

function delay(ms: number): Promise<undefined> {
  return new Promise((resolve) => setTimeout(() => resolve(undefined), ms).unref());
}
