import { ChildProcess } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { killProcessTree, spawnGroupLeader } from './processTree';
import { FromSpawner, SpawnRequest, ToSpawner } from './spawnerMessages';
import { bundledThreadScript } from '../util/bundledThreadScript';

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };
export type OutputListener = (stream: 'stdout' | 'stderr', text: string) => void;

/**
 * A process group leader started with stdin ignored, stdout and stderr read as text and fd 3
 * a pipe (the run's lifeline), whichever thread started it. Killing goes by process group.
 */
export interface ProcessHandle {
  /** Resolves when the process has ended; `error` when it could not start. */
  readonly exited: Promise<ExitStatus & { error?: string }>;
  /** Resolves once its output pipes are closed: all it printed has reached the listener. */
  readonly outputClosed: Promise<void>;
  /** SIGKILLs its process group (now, or as soon as its pid is known). */
  kill(): void;
  /** Stops reading output that a stray writer would keep open forever. */
  destroyOutput(): void;
}

/**
 * Spawns on this thread: the quickest start, for a run that waits for it (the CLI's, a cold
 * run), and what the spawner thread itself does. `pid` is undefined when it could not start.
 */
export function spawnOnThisThread(request: SpawnRequest, onOutput: OutputListener): ProcessHandle & { readonly pid: number | undefined } {
  const child: ChildProcess = spawnGroupLeader(request.command, request.args, { cwd: request.cwd, env: request.env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  child.stdout?.setEncoding('utf8').on('data', (text: string) => onOutput('stdout', text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => onOutput('stderr', text));
  // 'exit', not 'close': a background subprocess holding the output pipes open must not keep
  // the run going after the handler has returned (it ends with the run).
  const exited = new Promise<ExitStatus & { error?: string }>((resolve) => {
    child.once('error', (error) => resolve({ code: -1, signal: null, error: String(error) }));
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  // 'close' comes after 'error' too (a command that could not start).
  const outputClosed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  return {
    pid: child.pid,
    exited,
    outputClosed,
    kill: () => child.pid !== undefined && killProcessTree(child.pid),
    destroyOutput: () => child.stdio.forEach((stream) => stream?.destroy()),
  };
}

/**
 * Spawns on the spawner thread (spawnerThread.ts): for a process started while something
 * else is under way (the warm interpreter behind a run), whose start must not stall this
 * thread's event loop.
 */
export function spawnOffThisThread(request: SpawnRequest, onOutput: OutputListener): ProcessHandle {
  return SpawnerThread.shared().spawn(request, onOutput);
}

interface ThreadProcess {
  pid?: number;
  killWhenSpawned: boolean;
  onOutput: OutputListener;
  exited(status: ExitStatus & { error?: string }): void;
  closed(): void;
}

class SpawnerThread {
  private static instance: SpawnerThread | undefined;
  private readonly worker: Worker;
  private readonly processes = new Map<number, ThreadProcess>();
  private nextId = 1;

  static shared(): SpawnerThread {
    SpawnerThread.instance ??= new SpawnerThread();
    return SpawnerThread.instance;
  }

  private constructor() {
    this.worker = new Worker(bundledThreadScript('spawnerThread.js', 'spawner thread', __dirname));
    this.worker.on('message', (message: FromSpawner) => this.receive(message));
    // A thread that failed takes its processes' pipes with it: report them ended, not hung.
    const lost = (why: string): void => {
      SpawnerThread.instance = undefined;
      for (const process of this.processes.values()) {
        process.exited({ code: -1, signal: null, error: `Snowpark Local's spawner thread ${why}` });
        process.closed();
      }
      this.processes.clear();
    };
    this.worker.on('error', (error) => lost(`failed: ${error.message}`));
    this.worker.on('exit', () => lost('ended'));
    // Only a process it runs keeps Node alive (the CLI, tests), not the idle thread.
    this.worker.unref();
  }

  spawn(request: SpawnRequest, onOutput: OutputListener): ProcessHandle {
    const id = this.nextId++;
    let exited: (status: ExitStatus & { error?: string }) => void = () => undefined;
    let closed: () => void = () => undefined;
    const handle: ProcessHandle = {
      exited: new Promise((resolve) => (exited = resolve)),
      outputClosed: new Promise((resolve) => (closed = resolve)),
      kill: () => {
        if (entry.pid !== undefined) killProcessTree(entry.pid);
        else entry.killWhenSpawned = true;
      },
      destroyOutput: () => this.post({ type: 'destroyOutput', id }),
    };
    const entry: ThreadProcess = { killWhenSpawned: false, onOutput, exited, closed };
    if (this.processes.size === 0) this.worker.ref();
    this.processes.set(id, entry);
    this.post({ type: 'spawn', id, ...request });
    return handle;
  }

  private post(message: ToSpawner): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromSpawner): void {
    const entry = this.processes.get(message.id);
    if (!entry) return;
    if (message.type === 'spawned') {
      entry.pid = message.pid;
      if (entry.killWhenSpawned) killProcessTree(message.pid);
    } else if (message.type === 'output') {
      entry.onOutput(message.stream, message.text);
    } else if (message.type === 'exit') {
      entry.exited({ code: message.code, signal: message.signal, ...(message.error === undefined ? {} : { error: message.error }) });
    } else {
      entry.closed();
      this.processes.delete(message.id);
      if (this.processes.size === 0) this.worker.unref();
    }
  }
}
