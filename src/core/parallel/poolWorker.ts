import { Socket } from 'node:net';
import { Worker } from 'node:worker_threads';
import { killProcessTree } from '../runner/processTree';
import { TransportKind } from '../runner/transport/channelTransport';
import { bundledThreadScript } from '../util/bundledThreadScript';
import { LaneListen, laneListen } from './laneListen';
import type { Chunk, Lease } from './taskPool';
import { FromThread, ToThread, WorkerThreadData } from './threadMessages';
import { encodeWorkerFrame, WorkerFrameDecoder } from './workerFrames';
import { openWorkerLink, WorkerLink } from './workerLink';

/** The thread entry: dist/taskWorkerThread.js when bundled, beside this file under tsc. */
export function taskWorkerThreadScript(): string {
  return process.env.SNOWPARK_LOCAL_TASK_THREAD || bundledThreadScript('taskWorkerThread.js', 'task worker', __dirname);
}

/** `leased`: serving one joblib batch's lane, straight from the handler (TaskPool.lease). */
export type PoolWorkerState = 'starting' | 'idle' | 'busy' | 'leased' | 'stopping' | 'dead';

export interface PoolWorkerEvents {
  onReady(worker: PoolWorker): void;
  onFrame(worker: PoolWorker, header: Record<string, unknown>, payload: Uint8Array): void;
  onOutput(worker: PoolWorker, stream: 'stdout' | 'stderr', text: string): void;
  onExit(worker: PoolWorker, how: string): void;
}

let nextWorkerNumber = 1;

/**
 * The main thread's handle on one worker thread and the Python process it owns. The thread
 * starts and watches the process; task frames go straight between this thread and the
 * process over their own link (workerLink.ts).
 */
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
  /** Where the handler connects for a lane (none: the worker could not listen; it is never leased). */
  laneAddress: string | undefined;
  /** The batch lane it serves while `leased`. */
  lease: Lease | undefined;
  /**
   * The run its last lease served: its prints travel by pipe, and may arrive after the lane
   * ended, yet are still that run's output.
   */
  leasedBy: string | undefined;
  /** It reached `ready` once (a worker that dies before that could not start). */
  wasReady = false;
  idleTimer: NodeJS.Timeout | undefined;
  private thread: Worker | undefined;
  private link: WorkerLink | undefined;
  private socket: Socket | undefined;
  /** How the process ended, once the thread said so; reported when the link has drained too. */
  private ending: string | undefined;
  private readonly decoder = new WorkerFrameDecoder();
  private holdsProcess = true;
  private readonly lanes: LaneListen;

  constructor(data: WorkerThreadData, transport: TransportKind, private readonly events: PoolWorkerEvents) {
    this.lanes = laneListen(transport);
    openWorkerLink(transport).then(
      (link) => this.startThread(data, link),
      (error: Error) => this.died(`its link could not listen: ${error.message}`),
    );
  }

  get alive(): boolean {
    return this.state !== 'dead';
  }

  send(header: Record<string, unknown>, payload?: Uint8Array): void {
    if (this.state === 'dead' || !this.socket || this.socket.destroyed) return;
    this.socket.write(encodeWorkerFrame(header, payload));
  }

  /** Ends the worker politely (idle shrink, dispose): it finishes reading, then exits. */
  stop(graceMs = 2000): void {
    if (this.state === 'dead' || this.state === 'stopping') return;
    this.state = 'stopping';
    // End of the link ends the worker's loop; before it connected, it finds nobody listening.
    if (this.socket) this.socket.end();
    else this.link?.close();
    this.post({ type: 'stop', graceMs });
  }

  /** Kills the Python process group at once (a stuck or cancelled task). */
  kill(): void {
    if (this.pid !== undefined) {
      killProcessTree(this.pid);
    } else if (this.thread) {
      void this.thread.terminate();
    } else {
      this.died('it was stopped before it started');
    }
  }

  /** Lets Node exit while this worker is idle (CLI); a busy worker keeps it alive. */
  setHoldsProcess(holds: boolean): void {
    this.holdsProcess = holds;
    if (holds) {
      this.thread?.ref();
      this.socket?.ref();
    } else {
      this.thread?.unref();
      this.socket?.unref();
    }
  }

  private startThread(data: WorkerThreadData, link: WorkerLink): void {
    this.link = link;
    if (this.state === 'dead' || this.state === 'stopping') {
      link.close();
      if (this.state === 'stopping') this.died('it was stopped before it started');
      return;
    }
    const thread = new Worker(taskWorkerThreadScript(), { workerData: { ...data, env: { ...data.env, ...link.env, ...this.lanes.env } } });
    this.thread = thread;
    if (!this.holdsProcess) thread.unref();
    thread.on('message', (message: FromThread) => this.receive(message));
    thread.on('error', (error) => this.died(`its thread failed: ${error.message}`));
    thread.on('exit', () => this.ended('its thread ended'));
    void link.connected.then((socket) => this.attach(socket));
  }

  private attach(socket: Socket): void {
    if (this.state === 'dead') {
      socket.destroy();
      return;
    }
    this.socket = socket;
    if (!this.holdsProcess) socket.unref();
    socket.on('data', (data: Buffer) => {
      let frames;
      try {
        frames = this.decoder.push(data);
      } catch (error) {
        // Not our worker's frames: end it rather than guess.
        socket.destroy();
        this.kill();
        return;
      }
      for (const frame of frames) this.frame(frame.header, frame.payload);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (this.ending !== undefined) this.died(this.ending);
    });
    socket.resume();
  }

  private frame(header: Record<string, unknown>, payload: Uint8Array): void {
    if (this.state === 'dead') return;
    if (header.type === 'ready') {
      this.pid ??= typeof header.pid === 'number' ? header.pid : undefined;
      this.laneAddress = typeof header.lane === 'string' ? header.lane : undefined;
      if (this.state === 'starting') this.state = 'idle';
      this.wasReady = true;
      this.events.onReady(this);
      return;
    }
    this.events.onFrame(this, header, payload);
  }

  private post(message: ToThread): void {
    if (this.state === 'dead') return;
    this.thread?.postMessage(message);
  }

  private receive(message: FromThread): void {
    switch (message.type) {
      case 'spawned':
        this.pid = message.pid;
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
        this.ended(tail ? `${how}:\n${tail}` : how);
        return;
      }
    }
  }

  /**
   * The process (or its thread) is gone. Its last frames may still be in the link's buffers:
   * the end is reported once they are read, so a chunk it finished is not taken for a crash.
   */
  private ended(how: string): void {
    if (this.ending !== undefined) return;
    this.ending = how;
    if (!this.socket || this.socket.destroyed || this.socket.readableEnded) this.died(how);
  }

  private died(how: string): void {
    if (this.state === 'dead') return;
    this.state = 'dead';
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.link?.close();
    this.lanes.release();
    this.socket?.destroy();
    void this.thread?.terminate();
    this.events.onExit(this, how);
  }
}
