import { randomBytes } from 'node:crypto';
import { delimiter, join } from 'node:path';
import { ChannelConnection, ChannelServer } from './channelServer';
import { ExitStatus, ProcessHandle, spawnOffThisThread, spawnOnThisThread } from './processHandle';
import { endRunProcesses } from './processTree';
import { userCacheDirectory } from '../util/userCacheDirectory';
import { CHANNEL_ENV, LIFELINE_FD_ENV, PYCACHE_ENV, RUN_MARKER_ENV, RUN_TOKEN_ENV } from './protocol';
import { shimDirectory } from './shimLocation';

// One `python -m snowpark_local.bootstrap` and its private channel, from spawn to the end of
// its run. It can be spawned before anyone knows which run it will serve (a warm
// interpreter): the bootstrap imports the shim, connects and sends run.start, and that
// request is held until a run adopts the process and answers it with its RunSpec. A cold
// run spawns one and adopts it at once, so both paths are the same code.

export type { ExitStatus } from './processHandle';

export type ChannelHandler = (method: string, params: unknown, connection: ChannelConnection) => Promise<unknown>;

export interface BootstrapOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface BootstrapSpawn {
  /** The resolved interpreter (sys.executable), not a shim. */
  executable: string;
  cwd?: string;
  /** Added to this process's environment. */
  env?: NodeJS.ProcessEnv;
  /**
   * Start it from the spawner thread: for a warm interpreter started while a run is under
   * way, whose spawn would otherwise stall this thread's event loop (processHandle.ts).
   */
  offThisThread?: boolean;
}

/** What the bootstrap said in run.start: its pid and the paths whose change makes it stale. */
export interface BootstrapHello {
  pid: number;
  watch: string[];
}

export class BootstrapProcess {
  /** Inherited by everything the process starts, so the end of the run finds them all. */
  readonly marker = randomBytes(12).toString('hex');
  private readonly leader: ProcessHandle;
  /** Resolves when the bootstrap has imported the shim and asked for its RunSpec. */
  readonly ready: Promise<BootstrapHello>;
  readonly exited: Promise<ExitStatus>;
  private exitStatus: ExitStatus | undefined;
  private readonly stderrTail: string[] = [];
  private pendingOutput: BootstrapOutput[] | undefined = [];
  private outputListener: ((output: BootstrapOutput) => void) | undefined;
  private handler: ChannelHandler | undefined;
  private adopted: () => void = () => undefined;
  private readonly adoption = new Promise<void>((resolve) => (this.adopted = resolve));
  private ending: Promise<void> | undefined;
  private helloReceived: (hello: BootstrapHello) => void = () => undefined;

  private constructor(readonly server: ChannelServer, spawnSpec: BootstrapSpawn) {
    this.ready = new Promise((resolve) => (this.helloReceived = resolve));
    const shim = shimDirectory();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...spawnSpec.env,
      PYTHONPATH: [shim, process.env.PYTHONPATH].filter(Boolean).join(delimiter),
      PYTHONUNBUFFERED: '1',
      PYTHONDONTWRITEBYTECODE: '1',
      // Except the shim's own modules: compiling them on every start doubled their import time.
      [PYCACHE_ENV]: join(userCacheDirectory(), 'pycache'),
      [CHANNEL_ENV]: server.address,
      [RUN_TOKEN_ENV]: server.token,
      // fd 3 is the lifeline: Python sees end-of-file on it the moment this process dies,
      // however it dies, and takes the run down (snowpark_local/lifeline.py).
      [LIFELINE_FD_ENV]: '3',
      [RUN_MARKER_ENV]: this.marker,
    };
    const spawn = spawnSpec.offThisThread ? spawnOffThisThread : spawnOnThisThread;
    this.leader = spawn({ command: spawnSpec.executable, args: ['-m', 'snowpark_local.bootstrap'], cwd: spawnSpec.cwd, env }, (stream, text) => {
      if (stream === 'stderr') {
        this.stderrTail.push(text);
        if (this.stderrTail.length > 50) this.stderrTail.shift();
      }
      this.emit({ stream, text });
    });
    this.exited = this.leader.exited.then(({ code, signal, error }) => {
      if (error !== undefined) this.stderrTail.push(error);
      return (this.exitStatus = { code, signal });
    });
  }

  /** Opens the channel and spawns the bootstrap; it waits in run.start until adopted. */
  static async spawn(spawnSpec: BootstrapSpawn): Promise<BootstrapProcess> {
    let bootstrap: BootstrapProcess | undefined;
    const server = new ChannelServer((method, params, connection) => bootstrap!.serve(method, params, connection));
    await server.listen();
    bootstrap = new BootstrapProcess(server, spawnSpec);
    return bootstrap;
  }

  get alive(): boolean {
    return this.exitStatus === undefined;
  }

  get wasAdopted(): boolean {
    return this.handler !== undefined;
  }

  /** The last lines of stderr, for a crash report. */
  get stderr(): string[] {
    return [...this.stderrTail];
  }

  /**
   * Hands the process to a run: the held run.start and every later request go to
   * `handler`, and output so far (if any) is replayed to `onOutput`. Once only.
   */
  adopt(handler: ChannelHandler, onOutput: (output: BootstrapOutput) => void): void {
    if (this.handler) throw new Error('A Python bootstrap serves one run only; this one was already adopted.');
    this.handler = handler;
    this.outputListener = onOutput;
    for (const output of this.pendingOutput ?? []) onOutput(output);
    this.pendingOutput = undefined;
    this.adopted();
  }

  /** Stops the process group at once (cancel). */
  kill(): void {
    this.leader.kill();
  }

  /** Ends the process, everything carrying its marker, and the channel; then the output is read to its end. */
  end(): Promise<void> {
    this.ending ??= endRunProcesses(this.leader, this.marker).then(() => this.server.close());
    return this.ending;
  }

  private serve(method: string, params: unknown, connection: ChannelConnection): Promise<unknown> {
    if (method === 'run.start') {
      const hello = params as { pid?: number; watch?: unknown };
      this.helloReceived({ pid: Number(hello.pid), watch: Array.isArray(hello.watch) ? hello.watch.filter((entry): entry is string => typeof entry === 'string') : [] });
    }
    return this.adoption.then(() => this.handler!(method, params, connection));
  }

  private emit(output: BootstrapOutput): void {
    if (this.pendingOutput) this.pendingOutput.push(output);
    else this.outputListener?.(output);
  }
}
