import { cpus } from 'node:os';
import { JobManager } from '../jobs/jobManager';
import { isTerminal } from '../jobs/jobStatus';
import { ChannelExtension, RunRequest } from '../runner/runTypes';
import { shimDirectory } from '../runner/shimLocation';
import { Emitter } from '../util/emitter';
import { BatchLanes, ChunkDescription } from './batchLanes';
import { Chunk, ChunkOutcome, TaskPool } from './taskPool';
import { ThreadBatches } from './threadBatches';
import { ChunkRecords, roundMs } from './taskRecords';

// The Node side of joblib tasks: the `tasks.*` channel methods, one JobManager record per
// batch and per task, cancellation, and one warm TaskPool per interpreter.
//
//   handler (joblib PoolBackend) ──tasks.submit──▶ ParallelTasks ──chunk──▶ TaskPool
//        ▲                                           (records)               │ worker thread
//        └────────── reply: pickled results ◀────────────────────────────────┘ ⇄ Python worker

export interface ParallelTasksOptions {
  jobs: JobManager;
  /** Idle pool workers stop after this long; default 5 minutes. */
  idleMs?: number;
  /** Upper bound on workers per interpreter, whatever n_jobs asks; default 4 × CPUs. */
  maxWorkersPerPool?: number;
  /** Override the shim location (tests). */
  shimDirectory?: string;
  /**
   * Lend idle workers to a batch, for the handler to send chunks to directly (default): off
   * with false or SNOWPARK_LOCAL_TASK_LANES=0, when every chunk is relayed through Node.
   */
  lanes?: boolean;
}

export interface TaskOutput {
  runId: string | undefined;
  pid: number | undefined;
  stream: 'stdout' | 'stderr';
  text: string;
}

interface RunTasks {
  runId: string;
  request: RunRequest;
  python?: string;
  contextJson?: string;
  contextId?: string;
  context?: Record<string, unknown>;
  contextCount: number;
  batches: Map<string, Batch>;
  batchCount: number;
  ended: boolean;
}

interface Batch {
  id: string;
  run: RunTasks;
  label: string;
  nJobs: number;
  chunks: Set<Chunk>;
  /** The workers lent to it, if any (batchLanes.ts). */
  lanes?: BatchLanes;
  /** A person (or the run's end) cancelled it or one of its tasks. */
  cancelled?: string;
  firstError?: string;
  taskCount: number;
}

type SubmitReply =
  | { ok: true; payload: string; worker: number; computeMs: number }
  | { ok: false; kind: 'exception'; errorType: string; message: string; traceback: string; payload: string; index: number; worker: number }
  | { ok: false; kind: 'cancelled' | 'crashed' | 'rejected'; message: string };

export class ParallelTasks {
  private readonly pools = new Map<string, TaskPool>();
  private readonly runs = new Map<string, RunTasks>();
  private readonly batchesById = new Map<string, Batch>();
  private readonly endedRuns = new Set<string>();
  private readonly chunkTasks = new WeakMap<Chunk, ChunkRecords>();
  private readonly outputEmitter = new Emitter<TaskOutput>();
  /** Prints of tasks running in pool workers. */
  readonly onOutput = this.outputEmitter.event;
  private disposed = false;
  private readonly threadBatches: ThreadBatches;

  constructor(private readonly options: ParallelTasksOptions) {
    this.threadBatches = new ThreadBatches(options.jobs);
  }

  /** Plug into LocalRunnerOptions.extensions. */
  readonly extension: ChannelExtension = (method, params, run) => {
    if (method === 'worker.hello' || method.startsWith('tasks.')) return this.serve(method, params as Record<string, unknown>, run);
    return undefined;
  };

  /** Plug into LocalRunnerOptions.onRunEnded: a run's outstanding tasks end with it. */
  readonly onRunEnded = async (runId: string): Promise<void> => {
    this.threadBatches.runEnded(runId);
    const run = this.runs.get(runId);
    this.endedRuns.add(runId);
    for (const pool of this.pools.values()) pool.forgetAhead(runId);
    if (!run) return;
    run.ended = true;
    for (const batch of run.batches.values()) {
      this.cancelBatch(batch, 'The run ended before its joblib tasks finished, so they were cancelled.');
      this.batchesById.delete(batch.id);
    }
    this.runs.delete(runId);
  };

  /** The warm pool for an interpreter (sys.executable), created on first use. */
  poolFor(python: string): TaskPool {
    let pool = this.pools.get(python);
    if (!pool) {
      pool = new TaskPool({
        python,
        shimDirectory: this.options.shimDirectory ?? shimDirectory(),
        idleMs: this.options.idleMs ?? 5 * 60_000,
        maxWorkers: this.options.maxWorkersPerPool ?? Math.max(4, 4 * cpus().length),
      });
      pool.onOutput((output) => {
        const runId = output.owner ?? (output.chunk ? this.chunkTasks.get(output.chunk)?.runId : undefined);
        this.outputEmitter.fire({ runId, pid: output.pid, stream: output.stream, text: output.text });
      });
      pool.onLane((record) => this.batchesById.get(record.lease.group)?.lanes?.record(record));
      this.pools.set(python, pool);
    }
    return pool;
  }

  get poolList(): TaskPool[] {
    return [...this.pools.values()];
  }

  /**
   * Cancels a batch or a task by its job id (tree view, CLI). Queued tasks are dropped; a
   * running one has its worker killed, and the pool starts a fresh one. False if the id is
   * not a batch or task of a live run.
   */
  cancel(jobId: string): boolean {
    for (const run of this.runs.values()) {
      const batch = run.batches.get(jobId);
      if (batch) {
        this.cancelBatch(batch, `The joblib batch ${batch.label}() was cancelled.`);
        return true;
      }
      for (const candidate of run.batches.values()) {
        const onLane = candidate.lanes?.cancelTask(jobId, (index) => {
          const message = `joblib task ${index} of ${candidate.label}() was cancelled.`;
          candidate.cancelled ??= message;
          return message;
        });
        if (onLane) return onLane === 'cancelled';
        for (const chunk of candidate.chunks) {
          const tasks = this.chunkTasks.get(chunk)!;
          const at = tasks.offsetOf(jobId);
          if (at < 0) continue;
          if (isTerminal(tasks.status(at))) return false;
          const message = `joblib task ${tasks.start + at} of ${candidate.label}() was cancelled.`;
          candidate.cancelled ??= message;
          this.poolFor(run.python!).cancel(chunk, message);
          return true;
        }
      }
    }
    return false;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const runId of [...this.runs.keys()]) await this.onRunEnded(runId);
    await Promise.all([...this.pools.values()].map((pool) => pool.dispose()));
    this.pools.clear();
    this.outputEmitter.dispose();
  }

  // ---------------------------------------------------------------- channel methods

  private async serve(method: string, params: Record<string, unknown>, channelRun: { runId: string; request: RunRequest }): Promise<unknown> {
    const run = this.runFor(channelRun);
    switch (method) {
      case 'worker.hello':
        run.python = String(params.executable ?? run.request.python ?? 'python3');
        return {};
      case 'tasks.warm': {
        const pool = this.poolFor(this.pythonOf(run));
        pool.setPreload(['joblib']);
        if (params.now) pool.warm(Number(params.workers) || 1);
        if (params.context && typeof params.context === 'object') {
          // The context at joblib's import is almost always the first batch's: idle workers
          // take it on now instead of on the first chunk's round trip.
          this.updateContext(run, params.context as Record<string, unknown>);
          pool.enterAhead({ owner: run.runId, contextId: run.contextId!, context: run.context! });
        }
        return {};
      }
      case 'tasks.batch.open':
        return this.openBatch(run, params);
      case 'tasks.submit':
        return this.submit(run, params);
      case 'tasks.batch.abort': {
        const batch = run.batches.get(String(params.batchId));
        if (batch) this.abortPending(batch, batch.cancelled ?? 'Cancelled: another task of the batch failed.');
        return {};
      }
      case 'tasks.threads.open':
        return this.threadBatches.open(run.runId, params);
      case 'tasks.threads.report':
        return this.threadBatches.report(params);
      case 'tasks.threads.close':
        return this.threadBatches.close(params);
      case 'tasks.batch.close': {
        const batch = run.batches.get(String(params.batchId));
        if (batch) await this.closeBatch(batch, params.ok === true, descriptions(params.unsent));
        return {};
      }
      case 'tasks.lanes.unused': {
        const batch = run.batches.get(String(params.batchId));
        batch?.lanes?.unused(numbers(params.lanes));
        return {};
      }
      case 'tasks.lane.lost': {
        const batch = run.batches.get(String(params.batchId));
        if (!batch?.lanes) return { kind: 'cancelled', message: batch?.cancelled ?? 'The joblib batch has ended.' };
        return batch.lanes.lost(Number(params.lane), descriptions(params.chunks));
      }
      default:
        return Promise.reject(new Error(`unknown task method ${method}`));
    }
  }

  private runFor(channelRun: { runId: string; request: RunRequest }): RunTasks {
    let run = this.runs.get(channelRun.runId);
    if (!run) {
      run = {
        runId: channelRun.runId,
        request: channelRun.request,
        contextCount: 0,
        batches: new Map(),
        batchCount: 0,
        ended: this.endedRuns.has(channelRun.runId),
      };
      this.runs.set(run.runId, run);
    }
    return run;
  }

  private pythonOf(run: RunTasks): string {
    return run.python ?? run.request.python ?? 'python3';
  }

  private openBatch(run: RunTasks, params: Record<string, unknown>): { batchId: string; lanes: unknown[]; relaySlots: number | null } {
    if (this.disposed || run.ended) throw new Error('the run has ended; no new joblib batches');
    const id = `${run.runId}/b${++run.batchCount}`;
    const label = String(params.function ?? 'task');
    const nJobs = Math.max(1, Number(params.nJobs) || 1);
    this.updateContext(run, (params.context as Record<string, unknown> | undefined) ?? {});
    const batch: Batch = { id, run, label, nJobs, chunks: new Set(), taskCount: 0 };
    run.batches.set(id, batch);
    this.batchesById.set(id, batch);
    this.options.jobs.add({
      id,
      kind: 'batch',
      runId: run.runId,
      parentId: run.runId,
      label,
      status: 'RUNNING',
      detail: { backend: String(params.backend ?? 'loky'), nJobs, tasks: 0, python: this.pythonOf(run) },
    });
    if (params.lanes !== true || !this.lanesWanted()) return { batchId: id, lanes: [], relaySlots: null };
    const pool = this.poolFor(this.pythonOf(run));
    const leases = pool.lease({ group: id, owner: run.runId, count: nJobs, contextId: run.contextId!, context: run.context! });
    if (!leases.length) return { batchId: id, lanes: [], relaySlots: null };
    batch.lanes = new BatchLanes(this.options.jobs, pool, { runId: run.runId, id, label }, leases, {
      onTasks: (count) => this.countTasks(batch, count),
      onError: (message) => (batch.firstError ??= message),
    });
    // Beyond the lanes, the batch's other n_jobs run relayed, on workers the pool starts.
    return { batchId: id, lanes: batch.lanes.offers, relaySlots: nJobs - leases.length };
  }

  /** `count` more of the batch's tasks have rows (its Jobs row shows how many). */
  private countTasks(batch: Batch, count: number): void {
    batch.taskCount += count;
    this.options.jobs.update(batch.id, { tasks: batch.taskCount });
  }

  private lanesWanted(): boolean {
    return this.options.lanes ?? process.env.SNOWPARK_LOCAL_TASK_LANES !== '0';
  }

  /** The worker context (sys.path, cwd, environment, handler module) changes rarely: an id per version. */
  private updateContext(run: RunTasks, context: Record<string, unknown>): void {
    const json = JSON.stringify(context);
    if (json === run.contextJson) return;
    const module = run.request.module;
    const name = context.mainModule;
    const mainModule =
      typeof name === 'string'
        ? module.kind === 'inline'
          ? { name, kind: 'inline', path: module.path, source: module.source, firstLine: module.firstLine }
          : { name, kind: 'file', path: module.path }
        : null;
    run.contextJson = json;
    run.contextId = `${run.runId}#${++run.contextCount}`;
    run.context = { ...context, mainModule };
  }

  private async submit(run: RunTasks, params: Record<string, unknown>): Promise<SubmitReply> {
    const batch = run.batches.get(String(params.batchId));
    if (!batch) throw new Error(`no joblib batch ${String(params.batchId)}`);
    const start = Number(params.start) || 0;
    const count = Number(params.count) || 0;
    const functions = Array.isArray(params.functions) ? (params.functions as string[]) : undefined;
    const chunkNumber = typeof params.chunk === 'number' ? params.chunk : undefined;
    const records = new ChunkRecords(this.options.jobs, { runId: run.runId, id: batch.id, label: batch.label }, { start, count, chunk: chunkNumber, functions });
    this.countTasks(batch, count);
    if (typeof params.rejected === 'string') {
      records.finishRest('FAILED_WITH_ERROR', { error: { message: params.rejected } });
      batch.firstError ??= params.rejected;
      return { ok: false, kind: 'rejected', message: params.rejected };
    }
    if (batch.cancelled || run.ended) {
      const message = batch.cancelled ?? 'The run has ended.';
      records.finishRest('ABORTED');
      return { ok: false, kind: 'cancelled', message };
    }
    const pool = this.poolFor(this.pythonOf(run));
    const payload = Buffer.from(String(params.payload ?? ''), 'base64');
    let reportedMs = 0;
    const chunk = pool.submit({
      group: batch.id,
      // The batch's lanes count against its n_jobs too.
      limit: Math.max(1, batch.nJobs - (batch.lanes?.openCount ?? 0)),
      contextId: run.contextId ?? `${run.runId}#0`,
      context: run.context ?? {},
      payload: new Uint8Array(payload.buffer, payload.byteOffset, payload.length),
      count,
      onStart: (pid) => records.set(0, 'RUNNING', { detail: { worker: pid } }),
      onProgress: (completed, durations, pid) => {
        for (const ms of durations) reportedMs += ms;
        records.succeeded(completed - durations.length, durations, pid);
        if (completed < count) records.set(completed, 'RUNNING', { detail: { worker: pid } });
      },
    });
    batch.chunks.add(chunk);
    this.chunkTasks.set(chunk, records);
    const outcome = await chunk.outcome;
    batch.chunks.delete(chunk);
    const reply = this.settleTasks(batch, records, outcome);
    // The handler sizes its next chunks by the tasks' run time, progress frames' included.
    if (reply.ok) reply.computeMs = roundMs(reply.computeMs + reportedMs);
    return reply;
  }

  private settleTasks(batch: Batch, records: ChunkRecords, outcome: ChunkOutcome): SubmitReply {
    const count = records.count;
    switch (outcome.kind) {
      case 'done': {
        records.succeeded(count - outcome.durations.length, outcome.durations, outcome.pid);
        // Tasks reported by an earlier progress frame are done already.
        records.finishRest('SUCCESS');
        let computeMs = 0;
        for (const ms of outcome.durations) computeMs += ms;
        return { ok: true, payload: base64Of(outcome.payload), worker: outcome.pid, computeMs };
      }
      case 'error': {
        const message = `${outcome.errorType}: ${outcome.message}`;
        records.failedAt(outcome.failedAt, outcome.durations, outcome.pid, message, outcome.traceback);
        batch.firstError ??= message;
        return {
          ok: false,
          kind: 'exception',
          errorType: outcome.errorType,
          message: outcome.message,
          traceback: outcome.traceback,
          payload: base64Of(outcome.payload),
          index: records.start + outcome.failedAt,
          worker: outcome.pid,
        };
      }
      case 'cancelled':
        records.finishRest('ABORTED');
        return { ok: false, kind: 'cancelled', message: outcome.message };
      case 'crashed': {
        records.crashed(outcome.message);
        batch.firstError ??= outcome.message;
        return { ok: false, kind: 'crashed', message: outcome.message };
      }
    }
  }

  /** Drops the batch's queued chunks and kills the workers running its chunks. */
  private abortPending(batch: Batch, message: string): void {
    this.cancelRelayed(batch, message);
    batch.lanes?.abortRunning(message);
  }

  /** Drops the batch's relayed chunks still queued or running (their workers are killed). */
  private cancelRelayed(batch: Batch, message: string): void {
    const pool = batch.run.python !== undefined || batch.chunks.size ? this.poolFor(this.pythonOf(batch.run)) : undefined;
    for (const chunk of [...batch.chunks]) pool?.cancel(chunk, message);
  }

  private cancelBatch(batch: Batch, message: string): void {
    const job = this.options.jobs.get(batch.id);
    if (!job || isTerminal(job.status)) return;
    batch.cancelled ??= message;
    this.options.jobs.move(batch.id, 'ABORTING');
    this.abortPending(batch, message);
    batch.lanes?.cancel(message);
    // Tasks Python has not sent yet never start (submit answers `cancelled`); the batch is
    // over as far as anyone watching is concerned.
    this.options.jobs.move(batch.id, 'ABORTED', { error: { message } });
  }

  private async closeBatch(batch: Batch, ok: boolean, unsent: ChunkDescription[]): Promise<void> {
    const message = batch.cancelled ?? 'The joblib batch ended.';
    this.cancelRelayed(batch, message);
    // The lanes are close()'s to end, not abortRunning's: after a batch that ended well, a lane's
    // last record may still be on its way, and killing its worker would abort tasks that
    // succeeded. Those records arrive before the workers are free again: the rows are then complete.
    await batch.lanes?.close(ok, message, unsent);
    const jobs = this.options.jobs;
    const job = jobs.get(batch.id);
    batch.run.batches.delete(batch.id);
    this.batchesById.delete(batch.id);
    if (!job || isTerminal(job.status)) return;
    if (ok) jobs.move(batch.id, 'SUCCESS');
    else if (batch.cancelled) jobs.move(batch.id, 'ABORTED', { error: { message: batch.cancelled } });
    else jobs.move(batch.id, 'FAILED_WITH_ERROR', { error: { message: batch.firstError ?? 'The joblib batch stopped before all its tasks ran.' } });
  }
}

/** Chunk descriptions from the handler (lanes.py), malformed ones left out. */
function descriptions(value: unknown): ChunkDescription[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is ChunkDescription => typeof item === 'object' && item !== null && Number.isInteger((item as ChunkDescription).chunk));
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

/** Base64 of a worker's bytes, read in place (Buffer.from(Uint8Array) would copy them first). */
function base64Of(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64');
}
