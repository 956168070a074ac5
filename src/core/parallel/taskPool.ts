import { delimiter } from 'node:path';
import { Emitter } from '../util/emitter';
import { chooseTransport } from '../runner/transport/channelTransport';
import { newRunToken } from '../runner/transport/runToken';
import { PoolWorker } from './poolWorker';
import { splitTimings } from './workerFrames';

/** What one run's Python workers must look like before its tasks run (sys.path, cwd, module). */
export type WorkerContextData = Record<string, unknown>;

export type ChunkOutcome =
  | { kind: 'done'; payload: Uint8Array; durations: Float64Array; pid: number }
  | {
      kind: 'error';
      failedAt: number;
      durations: Float64Array;
      errorType: string;
      message: string;
      traceback: string;
      payload: Uint8Array;
      pid: number;
    }
  | { kind: 'cancelled'; message: string }
  | { kind: 'crashed'; message: string; pid: number | undefined };

/** A run context idle workers take on before its first chunk (TaskPool.enterAhead). */
export interface AheadContext {
  /** Who it belongs to (a run id): forgetAhead(owner) drops it. */
  owner: string;
  contextId: string;
  context: WorkerContextData;
}

/** How a lease ended: the handler closed its lane, or its worker was killed or died. */
export type LeaseEnd = { kind: 'returned' } | { kind: 'cancelled'; message: string } | { kind: 'crashed'; message: string };

/**
 * A worker lent to one joblib batch (TaskPool.lease): the handler connects to its lane
 * with the token and sends the batch's chunks straight to it; the worker sends this thread
 * only `lane.*` records of them (see onLane).
 */
export interface Lease {
  readonly id: number;
  readonly group: string;
  /** Whose output the worker's prints are while leased (a run id). */
  readonly owner: string;
  readonly pid: number;
  readonly address: string;
  readonly token: string;
  /** Set once it was cancelled: its worker's end is then a cancel, not a crash. */
  cancelMessage?: string;
  ended?: LeaseEnd;
  readonly end: Promise<LeaseEnd>;
}

export interface LeaseRequest {
  group: string;
  owner: string;
  /** At most this many workers (the batch's n_jobs); only idle ones are lent. */
  count: number;
  contextId: string;
  context: WorkerContextData;
}

/** A `lane.*` record from a leased worker (lane.start, lane.progress, lane.done, lane.error). */
export interface LaneRecord {
  lease: Lease;
  header: Record<string, unknown>;
  durations: Float64Array;
}

export interface ChunkRequest {
  /** Chunks of one group (a joblib batch) never run on more than `limit` workers at once. */
  group: string;
  limit: number;
  contextId: string;
  context: WorkerContextData;
  payload: Uint8Array;
  count: number;
  onStart?: (pid: number) => void;
  /** `completed` calls are done; `durations` are theirs, in ms. */
  onProgress?: (completed: number, durations: Float64Array, pid: number) => void;
}

export interface Chunk extends ChunkRequest {
  readonly id: number;
  state: 'queued' | 'running' | 'settled';
  worker?: PoolWorker;
  /** Sent to a busy worker behind its current chunk (see SEND_AHEAD_BELOW_MS); not started yet. */
  sentAhead?: boolean;
  startedMs?: number;
  cancelMessage?: string;
  completed: number;
  readonly outcome: Promise<ChunkOutcome>;
  settle(outcome: ChunkOutcome): void;
}

export interface TaskPoolOptions {
  python: string;
  shimDirectory: string;
  /** Idle workers stop after this long (the pool shrinks to nothing when unused). */
  idleMs: number;
  maxWorkers: number;
  /** Modules the workers import as soon as they start (joblib, when the handler uses it). */
  preload?: string[];
}

export interface WorkerOutput {
  pid: number | undefined;
  chunk: Chunk | undefined;
  /** The run a leased worker serves (or last served, when no chunk is relayed to it now). */
  owner: string | undefined;
  stream: 'stdout' | 'stderr';
  text: string;
}

/**
 * A worker whose last chunk of a batch ran shorter than this gets the batch's next waiting
 * chunk sent behind its current one: the Python worker starts it the moment the current one
 * ends, instead of idling for the round trip through this thread and its own (two thread
 * wake-ups per chunk, which for tiny tasks cost more than the tasks). Long chunks are never
 * sent ahead: a chunk tied to a busy worker could not go to the first one free.
 */
export const SEND_AHEAD_BELOW_MS = 20;

/**
 * Warm Python workers for one interpreter, each owned by a Node worker thread. Chunks of
 * joblib calls queue here and run on the first free worker, in order; a cancelled chunk
 * that is running kills its worker (it may be stuck), and a worker that dies is replaced.
 */
export class TaskPool {
  private readonly workers = new Set<PoolWorker>();
  private readonly queue: Chunk[] = [];
  private readonly runningByGroup = new Map<string, number>();
  private readonly outputEmitter = new Emitter<WorkerOutput>();
  readonly onOutput = this.outputEmitter.event;
  private readonly laneEmitter = new Emitter<LaneRecord>();
  /** Records of the chunks leased workers ran, in each worker's order. */
  readonly onLane = this.laneEmitter.event;
  private nextLeaseId = 1;
  /** How many workers to keep (the largest batch lately), until they go idle. */
  private target = 0;
  private nextChunkId = 1;
  /** The context idle workers were last asked to take on ahead of a run's chunks. */
  private ahead: AheadContext | undefined;
  private readonly leaseEnds = new Map<Lease, (end: LeaseEnd) => void>();
  private startFailures = 0;
  private disposed = false;

  constructor(private readonly options: TaskPoolOptions) {}

  get python(): string {
    return this.options.python;
  }

  /** Live workers: pid (once known) and state. */
  get workerList(): Array<{ pid: number | undefined; state: string }> {
    return [...this.workers].map((worker) => ({ pid: worker.pid, state: worker.state }));
  }

  /** Starts workers ahead of the first batch. */
  warm(count: number): void {
    this.target = Math.max(this.target, Math.min(count, this.options.maxWorkers));
    this.fill();
  }

  /** Resolves once `count` workers are ready (tests and benchmarks measure a warm pool). */
  async whenWarm(count: number, timeoutMs = 30_000): Promise<void> {
    this.warm(count);
    const deadline = Date.now() + timeoutMs;
    while ([...this.workers].filter((worker) => worker.state === 'idle' || worker.state === 'busy' || worker.state === 'leased').length < Math.min(count, this.options.maxWorkers)) {
      if (Date.now() > deadline) throw new Error(`the task pool did not start ${count} workers within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  submit(request: ChunkRequest): Chunk {
    if (this.disposed) throw new Error('the task pool is closed');
    let settle: (outcome: ChunkOutcome) => void = () => undefined;
    const outcome = new Promise<ChunkOutcome>((resolve) => (settle = resolve));
    const chunk: Chunk = {
      ...request,
      id: this.nextChunkId++,
      state: 'queued',
      completed: 0,
      outcome,
      settle: (result) => {
        if (chunk.state === 'settled') return;
        if (chunk.state === 'running') this.release(chunk);
        chunk.state = 'settled';
        settle(result);
      },
    };
    this.queue.push(chunk);
    this.target = Math.max(this.target, Math.min(request.limit, this.options.maxWorkers));
    this.pump();
    return chunk;
  }

  /** Cancels a chunk: dropped when queued; when running, its worker is killed and replaced. */
  cancel(chunk: Chunk, message: string): void {
    if (chunk.state === 'settled') return;
    chunk.cancelMessage = message;
    if (chunk.state === 'queued') {
      const at = this.queue.indexOf(chunk);
      if (at >= 0) this.queue.splice(at, 1);
      chunk.settle({ kind: 'cancelled', message });
      return;
    }
    const worker = chunk.worker;
    if (worker) {
      worker.state = 'stopping';
      // Killing the worker ends both chunks it holds (one running, one sent ahead, always of
      // the same batch): the other one is cancelled too, not reported as a crash.
      for (const held of [worker.chunk, worker.next]) if (held && held !== chunk) held.cancelMessage ??= message;
    }
    chunk.settle({ kind: 'cancelled', message });
    worker?.kill();
    this.pump();
  }

  /**
   * Lends up to `count` idle workers to one batch. Each takes on the batch's context and
   * waits for the handler on its lane; it comes back when the handler closes the lane
   * (`lane.ended`), or is replaced if it dies or is cancelled meanwhile. None idle: none lent,
   * and the batch's chunks are relayed through submit().
   */
  lease(request: LeaseRequest): Lease[] {
    if (this.disposed) return [];
    this.target = Math.max(this.target, Math.min(request.count, this.options.maxWorkers));
    const leases: Lease[] = [];
    for (const worker of this.workers) {
      if (leases.length >= request.count) break;
      if (worker.state !== 'idle' || !worker.laneAddress || worker.pid === undefined) continue;
      this.occupy(worker, 'leased');
      let settle: (end: LeaseEnd) => void = () => undefined;
      const lease: Lease = {
        id: this.nextLeaseId++,
        group: request.group,
        owner: request.owner,
        pid: worker.pid,
        address: worker.laneAddress,
        token: newRunToken(),
        end: new Promise<LeaseEnd>((resolve) => (settle = resolve)),
      };
      this.leaseEnds.set(lease, (end) => {
        if (lease.ended) return;
        lease.ended = end;
        this.leaseEnds.delete(lease);
        settle(end);
      });
      worker.lease = lease;
      worker.leasedBy = lease.owner;
      this.sendInContext(worker, { type: 'lease', lease: lease.id, token: lease.token }, request.contextId, request.context);
      leases.push(lease);
    }
    this.fill();
    return leases;
  }

  /** Ends a lease now: its worker is killed (it may be deep in a task) and replaced. */
  cancelLease(lease: Lease, message: string): void {
    if (lease.ended) return;
    lease.cancelMessage ??= message;
    const worker = [...this.workers].find((candidate) => candidate.lease === lease);
    if (!worker) return;
    worker.state = 'stopping';
    worker.kill();
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    for (const chunk of [...this.queue]) this.cancel(chunk, 'Snowpark Local is shutting down.');
    const ending = [...this.workers].map(
      (worker) =>
        new Promise<void>((resolve) => {
          const check = setInterval(() => {
            if (!worker.alive) {
              clearInterval(check);
              resolve();
            }
          }, 10);
          setTimeout(() => {
            worker.kill();
          }, 1500).unref();
        }),
    );
    for (const worker of this.workers) {
      if (worker.lease) worker.lease.cancelMessage ??= 'Snowpark Local is shutting down.';
      if (worker.next) this.cancel(worker.next, 'Snowpark Local is shutting down.');
      if (worker.chunk) this.cancel(worker.chunk, 'Snowpark Local is shutting down.');
      worker.stop(500);
    }
    await Promise.all(ending);
  }

  // ---------------------------------------------------------------- scheduling

  private pump(): void {
    if (this.disposed) return;
    for (const worker of this.workers) {
      if (worker.state !== 'idle') continue;
      const chunk = this.nextRunnable();
      if (!chunk) break;
      this.start(worker, chunk);
    }
    this.sendAhead();
    this.fill();
  }

  /** Waiting chunks of quick batches go behind a busy worker's current chunk of the same batch. */
  private sendAhead(): void {
    if (!this.queue.length) return;
    for (const worker of this.workers) {
      const current = worker.chunk;
      if (worker.state !== 'busy' || worker.next || !current || current.sentAhead) continue;
      if (worker.lastGroup !== current.group || worker.lastRunMs === undefined || worker.lastRunMs >= SEND_AHEAD_BELOW_MS) continue;
      const at = this.queue.findIndex((chunk) => chunk.group === current.group);
      if (at < 0) continue;
      const chunk = this.queue.splice(at, 1)[0];
      chunk.state = 'running';
      chunk.sentAhead = true;
      chunk.worker = worker;
      worker.next = chunk;
      this.send(worker, chunk);
    }
  }

  private nextRunnable(): Chunk | undefined {
    const at = this.queue.findIndex((chunk) => (this.runningByGroup.get(chunk.group) ?? 0) < chunk.limit);
    if (at < 0) return undefined;
    return this.queue.splice(at, 1)[0];
  }

  /** Starts workers up to the target, and beyond idle ones only when work waits for them. */
  private fill(): void {
    if (this.disposed) return;
    const usable = [...this.workers].filter((worker) => worker.state !== 'stopping' && worker.alive);
    // Chunks that could start now: per batch, no more than its n_jobs minus those running.
    const room = new Map<string, number>();
    let waiting = 0;
    for (const chunk of this.queue) {
      const left = room.get(chunk.group) ?? chunk.limit - (this.runningByGroup.get(chunk.group) ?? 0);
      if (left > 0) waiting++;
      room.set(chunk.group, left - 1);
    }
    const free = usable.filter((worker) => worker.state === 'idle' || worker.state === 'starting').length;
    let wanted = Math.max(this.target - usable.length, waiting - free);
    wanted = Math.min(wanted, this.options.maxWorkers - usable.length);
    for (let i = 0; i < wanted; i++) this.spawn();
  }

  private spawn(): void {
    const env: Record<string, string | undefined> = {
      ...process.env,
      PYTHONPATH: [this.options.shimDirectory, process.env.PYTHONPATH].filter(Boolean).join(delimiter),
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
    };
    delete env.SNOWPARK_LOCAL_CHANNEL;
    delete env.SNOWPARK_LOCAL_RUN_TOKEN;
    const worker: PoolWorker = new PoolWorker(
      { python: this.options.python, args: ['-m', 'snowpark_local.parallel.task_worker'], env },
      chooseTransport(process.platform, process.env),
      {
        onReady: (ready) => {
          if (this.options.preload?.length) ready.send({ type: 'preload', modules: this.options.preload });
          this.passContextAhead(ready);
          this.becameIdle(ready);
          this.pump();
        },
        onFrame: (from, header, payload) => this.frame(from, header, payload),
        onOutput: (from, stream, text) => this.outputEmitter.fire({ pid: from.pid, chunk: from.chunk, owner: from.chunk ? undefined : from.leasedBy, stream, text }),
        onExit: (gone, how) => this.exited(gone, how),
      },
    );
    this.workers.add(worker);
  }

  /**
   * Idle workers (and those still starting, once ready) take on a run's context now. The
   * next chunk each of them gets still carries its context (`worker.context` is forgotten
   * here): whichever run it belongs to, and whether or not entering ahead worked, the Python
   * side then holds the right one, entering it only if it does not already.
   */
  enterAhead(ahead: AheadContext): void {
    this.ahead = ahead;
    for (const worker of this.workers) if (worker.state === 'idle') this.passContextAhead(worker);
  }

  /** Its owner (a run) ended: a worker that becomes ready later need not take on its context. */
  forgetAhead(owner: string): void {
    if (this.ahead?.owner === owner) this.ahead = undefined;
  }

  private passContextAhead(worker: PoolWorker): void {
    const ahead = this.ahead;
    if (!ahead || worker.context === ahead.contextId) return;
    worker.send({ type: 'context', context: ahead.contextId, contextData: ahead.context });
    worker.context = undefined;
  }

  setPreload(modules: string[]): void {
    const fresh = modules.filter((name) => !(this.options.preload ?? []).includes(name));
    if (!fresh.length) return;
    this.options.preload = [...(this.options.preload ?? []), ...fresh];
    for (const worker of this.workers) {
      // A leased worker reads it once its lane ends.
      if (worker.state === 'idle' || worker.state === 'busy' || worker.state === 'leased') worker.send({ type: 'preload', modules: fresh });
    }
  }

  /** An idle worker goes to work: a chunk (`busy`) or a batch's lane (`leased`). */
  private occupy(worker: PoolWorker, state: 'busy' | 'leased'): void {
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = undefined;
    worker.state = state;
    worker.setHoldsProcess(true);
  }

  private start(worker: PoolWorker, chunk: Chunk): void {
    this.occupy(worker, 'busy');
    worker.chunk = chunk;
    worker.leasedBy = undefined;
    chunk.state = 'running';
    chunk.worker = worker;
    this.runningByGroup.set(chunk.group, (this.runningByGroup.get(chunk.group) ?? 0) + 1);
    this.send(worker, chunk);
    chunk.startedMs = performance.now();
    chunk.onStart?.(worker.pid ?? 0);
  }

  private send(worker: PoolWorker, chunk: Chunk): void {
    this.sendInContext(worker, { type: 'run', chunk: chunk.id }, chunk.contextId, chunk.context, chunk.payload);
  }

  /** A frame that runs in a context: its data goes along only when the worker holds another. */
  private sendInContext(worker: PoolWorker, header: Record<string, unknown>, contextId: string, context: WorkerContextData, payload?: Uint8Array): void {
    header.context = contextId;
    // The Python worker takes frames in order: the context it holds is that of the last sent.
    if (worker.context !== contextId) header.contextData = context;
    worker.context = contextId;
    worker.send(header, payload);
  }

  /** A settled running chunk gives its worker back, or to the chunk sent behind it. */
  private release(chunk: Chunk): void {
    const worker = chunk.worker;
    if (chunk.sentAhead) {
      // Settled before it started (its worker was killed): it never held a place.
      if (worker && worker.next === chunk) worker.next = undefined;
      return;
    }
    const count = (this.runningByGroup.get(chunk.group) ?? 1) - 1;
    if (count <= 0) this.runningByGroup.delete(chunk.group);
    else this.runningByGroup.set(chunk.group, count);
    if (worker && worker.chunk === chunk) {
      worker.chunk = undefined;
      worker.lastGroup = chunk.group;
      worker.lastRunMs = chunk.startedMs === undefined ? undefined : performance.now() - chunk.startedMs;
      const next = worker.next;
      if (next && next.state === 'running' && worker.state === 'busy') {
        // Already in the Python worker's hands: it started as this one ended.
        worker.next = undefined;
        next.sentAhead = false;
        worker.chunk = next;
        this.runningByGroup.set(next.group, (this.runningByGroup.get(next.group) ?? 0) + 1);
        next.startedMs = performance.now();
        next.onStart?.(worker.pid ?? 0);
      } else if (worker.state === 'busy') this.becameIdle(worker);
      // A worker being killed keeps its chunk sent ahead: exited() cancels or requeues it.
    }
    queueMicrotask(() => this.pump());
  }

  private becameIdle(worker: PoolWorker): void {
    worker.state = 'idle';
    worker.idleSince = Date.now();
    worker.setHoldsProcess(false);
    if (worker.idleTimer) clearTimeout(worker.idleTimer);
    worker.idleTimer = setTimeout(() => {
      if (worker.state !== 'idle') return;
      this.target = Math.min(this.target, [...this.workers].filter((other) => other.alive).length - 1);
      worker.stop();
    }, this.options.idleMs);
    worker.idleTimer.unref();
  }

  private frame(worker: PoolWorker, header: Record<string, unknown>, payload: Uint8Array): void {
    if (typeof header.type === 'string' && header.type.startsWith('lane.')) {
      this.laneFrame(worker, header, payload);
      return;
    }
    const chunk = worker.chunk;
    if (!chunk || header.chunk !== chunk.id || chunk.state !== 'running') return;
    const pid = worker.pid ?? 0;
    const { durations, rest } = splitTimings(header, payload);
    switch (header.type) {
      case 'progress': {
        chunk.completed = header.completed as number;
        chunk.onProgress?.(chunk.completed, durations, pid);
        return;
      }
      case 'done':
        chunk.settle({ kind: 'done', payload: rest, durations, pid });
        return;
      case 'error':
        chunk.settle({
          kind: 'error',
          failedAt: header.failedAt as number,
          durations,
          errorType: String(header.errorType ?? 'Exception'),
          message: String(header.message ?? ''),
          traceback: String(header.traceback ?? ''),
          payload: rest,
          pid,
        });
        return;
    }
  }

  private crashMessage(pid: number | undefined, how: string): string {
    return (
      `A task worker process (pid ${pid ?? '?'}, ${this.options.python}) was unexpectedly terminated ` +
      `while running tasks: it ${how}. The pool replaced it; the batch's remaining tasks were cancelled.`
    );
  }

  private laneFrame(worker: PoolWorker, header: Record<string, unknown>, payload: Uint8Array): void {
    const lease = worker.lease;
    if (!lease || header.lease !== lease.id) return;
    if (header.type !== 'lane.ended') {
      this.laneEmitter.fire({ lease, header, durations: splitTimings(header, payload).durations });
      return;
    }
    // Every record of the lane came before this, on the same stream.
    worker.lease = undefined;
    this.leaseEnds.get(lease)?.({ kind: 'returned' });
    if (worker.state === 'leased') {
      this.becameIdle(worker);
      this.passContextAhead(worker);
    }
    this.pump();
  }

  private exited(worker: PoolWorker, how: string): void {
    this.workers.delete(worker);
    const lease = worker.lease;
    if (lease) {
      worker.lease = undefined;
      this.leaseEnds.get(lease)?.(
        lease.cancelMessage
          ? { kind: 'cancelled', message: lease.cancelMessage }
          : { kind: 'crashed', message: this.crashMessage(lease.pid, how) },
      );
    }
    if (worker.wasReady) this.startFailures = 0;
    else if (!this.disposed && ++this.startFailures >= 2) {
      // The interpreter cannot run our worker at all: say so instead of retrying forever.
      this.target = 0;
      for (const waiting of this.queue.splice(0)) {
        waiting.settle({
          kind: 'crashed',
          pid: undefined,
          message: `Task workers could not start with ${this.options.python}: the worker ${how}.`,
        });
      }
      return;
    }
    const chunk = worker.chunk;
    const next = worker.next;
    worker.chunk = undefined;
    worker.next = undefined;
    if (next && next.state === 'running') {
      // Never started: it goes back to the front of the queue, unless it was cancelled.
      if (next.cancelMessage) next.settle({ kind: 'cancelled', message: next.cancelMessage });
      else {
        next.sentAhead = false;
        next.state = 'queued';
        next.worker = undefined;
        this.queue.unshift(next);
      }
    }
    if (chunk && chunk.state === 'running') {
      chunk.settle(
        chunk.cancelMessage
          ? { kind: 'cancelled', message: chunk.cancelMessage }
          : {
              kind: 'crashed',
              pid: worker.pid,
              message: this.crashMessage(worker.pid, how),
            },
      );
    }
    // A killed worker is replaced so the pool stays as warm as it was.
    this.pump();
  }
}
