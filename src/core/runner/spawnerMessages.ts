// Messages between the main thread and the spawner thread (spawnerThread.ts). Every message
// names the process it is about, so one thread serves any number of processes.

export interface SpawnRequest {
  command: string;
  args: string[];
  cwd?: string;
  env: Record<string, string | undefined>;
}

export type ToSpawner =
  | ({ type: 'spawn'; id: number } & SpawnRequest)
  /** Stop reading its output pipes (a writer nobody could reach keeps them open). */
  | { type: 'destroyOutput'; id: number };

export type FromSpawner =
  | { type: 'spawned'; id: number; pid: number }
  | { type: 'output'; id: number; stream: 'stdout' | 'stderr'; text: string }
  /** The process ended (or could not start: code -1 and `error`). */
  | { type: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null; error?: string }
  /** Its output pipes are closed: everything it printed has been forwarded. */
  | { type: 'closed'; id: number };
