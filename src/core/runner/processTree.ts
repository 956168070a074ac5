import { ChildProcess, execFile, spawn, SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { RUN_MARKER_ENV } from './protocol';

// A run's Python may start threads, subprocesses or a joblib pool of its own. Starting it
// as the leader of a new process group lets one signal stop the whole tree, so cancelling
// a run never leaves an orphan behind.

export function spawnGroupLeader(command: string, args: string[], options: SpawnOptions): ChildProcess {
  return spawn(command, args, { ...options, detached: process.platform !== 'win32', windowsHide: true });
}

export function killTree(child: ChildProcess): void {
  if (child.pid === undefined) return;
  if (process.platform === 'win32') {
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], () => undefined);
    return;
  }
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone, or the group has no members left.
  }
}

/**
 * SIGKILLs every process whose environment holds `name=value` (Linux: /proc). A run's
 * daemons leave its process group (setsid) but keep the environment they inherited, so the
 * run's marker finds them. A process that clears its environment escapes (see the README).
 */
export function killMarked(name: string, value: string): number {
  if (process.platform !== 'linux') return 0;
  const needle = Buffer.from(`\0${name}=${value}\0`);
  let killed = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      const environ = readFileSync(`/proc/${entry}/environ`);
      if (Buffer.concat([Buffer.from([0]), environ]).indexOf(needle) < 0) continue;
      process.kill(Number(entry), 'SIGKILL');
      killed++;
    } catch {
      // Gone already, or another user's process.
    }
  }
  return killed;
}

/**
 * Kills marked processes until two passes in a row find none: a daemon that was between the
 * two forks of a double fork during one pass is caught by the next (the guard in
 * lifeline.py sweeps the same way).
 */
async function sweepMarked(name: string, value: string): Promise<void> {
  let quiet = 0;
  for (let pass = 0; pass < 100 && quiet < 2; pass++) {
    quiet = killMarked(name, value) === 0 ? quiet + 1 : 0;
    if (quiet < 2) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Ends everything a run started: its process group, and the processes carrying its marker
 * that left the group. Then waits (briefly) for the output pipes to close, so the last
 * prints are read: once every writer is dead they close at once.
 */
export async function endRunProcesses(child: ChildProcess, marker: string): Promise<void> {
  killTree(child);
  await sweepMarked(RUN_MARKER_ENV, marker);
  if (child.stdio.every((stream) => !stream || stream.closed)) return;
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
  await Promise.race([closed, timeout]);
  clearTimeout(timer);
  // A writer nobody could reach (it cleared its environment and left the group) must not
  // keep this process alive.
  for (const stream of child.stdio) stream?.destroy();
}
