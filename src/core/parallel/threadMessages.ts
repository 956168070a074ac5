// Messages between the TaskPool (main thread) and a task worker thread. Task frames do not
// pass here: they go straight between the main thread and the Python worker (workerLink.ts).

export interface WorkerThreadData {
  python: string;
  args: string[];
  /** Includes the link's address and token (workerLink.ts). */
  env: Record<string, string | undefined>;
  cwd?: string;
}

export type ToThread = { type: 'stop'; graceMs: number };

export type FromThread =
  | { type: 'spawned'; pid: number }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; code: number | null; signal: string | null; error?: string; stderrTail: string };
