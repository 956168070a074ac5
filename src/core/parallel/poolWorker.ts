import { Worker } from 'node:worker_threads';
import { killProcessTree } from '../runner/processTree';
import { bundledThreadScript } from '../util/bundledThreadScript';
import type { Chunk } from './taskPool';
import { FromThread, ToThread, WorkerThreadData } from './threadMessages';

/** The thread entry: dist/taskWorkerThread.js when bundled, beside this file under tsc. */
export function taskWorkerThreadScript(): string {
  return process.env.SNOWPARK_LOCAL_TASK_THREAD || bundledThreadScript('taskWorkerThread.js', 'task worker', __dirname);
}

export type PoolWorkerState = 'starting' | 'idle' | 'busy' | 'stopping' | 'dead';

export interface PoolWorkerEvents {
  onReady(worker: PoolWorker): void;
  onFrame(worker: PoolWorker, header: Record<string, unknown>, payload: Uint8Array): void;
  onOutput(worker: PoolWorker, stream: 'stdout' | 'stderr', text: string): void;
  onExit(worker: PoolWorker, how: string): void;
}

let nextWorkerNumber = 1;

/** The main thread's handle on one worker thread and the Python process it owns. */
export class PoolWorker {
  readonly number = nextWorkerNumber++;
  state: PoolWorkerState = 'starting';
  pid: number | undefined;
  /** The run context the Python side currently holds. */
  context: string | undefined;
  idleSince = Date.now();
  /** The chunk it runs now. */
  chunk: Chunk | undefined;
  /** A chunk sent behind `chunk` (TaskPool's SEND_AHEAD_BELOW_MS): it starts when `chunk` ends. */
  next: Chunk | undefined;
  /** The batch of its last finished chunk, and how long that chunk ran. */
  lastGroup: string | undefined;
  lastRunMs: number | undefined;
  /** It reached `ready` once (a worker that dies before that could not start). */
  wasReady = false;
  idleTimer: NodeJS.Timeout | undefined;
  private readonly thread: Worker;

  constructor(data: WorkerThreadData, private readonly events: PoolWorkerEvents) {
    this.thread = new Worker(taskWorkerThreadScript(), { workerData: data });
    this.thread.on('message', (message: FromThread) => this.receive(message));
    this.thread.on('error', (error) => this.died(`its thread failed: ${error.message}`));
    this.thread.on('exit', () => this.died('its thread ended'));
  }

  get alive(): boolean {
    return this.state !== 'dead';
  }

  send(header: Record<string, unknown>, payload?: Uint8Array): void {
    this.post({ type: 'send', header, payload });
  }

  /** Ends the worker politely (idle shrink, dispose): it finishes reading, then exits. */
  stop(graceMs = 2000): void {
    if (this.state === 'dead' || this.state === 'stopping') return;
    this.state = 'stopping';
    this.post({ type: 'stop', graceMs });
  }

  /** Kills the Python process group at once (a stuck or cancelled task). */
  kill(): void {
    if (this.pid !== undefined) {
      killProcessTree(this.pid);
    } else {
      void this.thread.terminate();
    }
  }

  /** Lets Node exit while this worker is idle (CLI); a busy worker keeps it alive. */
  setHoldsProcess(holds: boolean): void {
    if (holds) this.thread.ref();
    else this.thread.unref();
  }

  private post(message: ToThread): void {
    if (this.state === 'dead') return;
    this.thread.postMessage(message);
  }

  private receive(message: FromThread): void {
    switch (message.type) {
      case 'spawned':
        this.pid = message.pid;
        return;
      case 'frame':
        if (message.header.type === 'ready') {
          if (this.state === 'starting') this.state = 'idle';
          this.wasReady = true;
          this.events.onReady(this);
          return;
        }
        this.events.onFrame(this, message.header, message.payload);
        return;
      case 'output':
        this.events.onOutput(this, message.stream, message.text);
        return;
      case 'exit': {
        const how = message.error
          ? `failed to start (${message.error})`
          : message.signal
            ? `was killed by ${message.signal}`
            : `exited with code ${message.code}`;
        const tail = message.stderrTail.trim().split('\n').slice(-8).join('\n');
        this.died(tail ? `${how}:\n${tail}` : how);
        return;
      }
    }
  }

  private died(how: string): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    if (this.idleTimer) clearTimeout(this.idleTimer);
    void this.thread.terminate();
    this.events.onExit(this, how);
  }
}
