// Messages between the TaskPool (main thread) and a task worker thread.

import type { TransportKind } from '../runner/transport/channelTransport';

export interface WorkerThreadData {
  python: string;
  args: string[];
  env: Record<string, string | undefined>;
  cwd?: string;
  /** How the thread reaches its Python worker: fd 3 (unix) or a loopback connection (tcp). */
  transport: TransportKind;
}

export type ToThread =
  | { type: 'send'; header: Record<string, unknown>; payload?: Uint8Array }
  | { type: 'stop'; graceMs: number };

export type FromThread =
  | { type: 'spawned'; pid: number }
  | { type: 'frame'; header: Record<string, unknown>; payload: Uint8Array }
  | { type: 'output'; stream: 'stdout' | 'stderr'; text: string }
  | { type: 'exit'; code: number | null; signal: string | null; error?: string; stderrTail: string };
