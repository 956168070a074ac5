import { ChildProcess, execFile, spawn, SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessHandle } from './processHandle';
import { RUN_MARKER_ENV } from './protocol';

// A run's Python may start threads, subprocesses or a joblib pool of its own. Starting it
// as the leader of a new process group lets one signal stop the whole tree, so cancelling
// a run never leaves an orphan behind.

export function spawnGroupLeader(command: string, args: string[], options: SpawnOptions): ChildProcess {
  // On Windows `detached` would open a console window instead; taskkill /T walks the tree there.
  return spawn(command, args, { ...options, detached: process.platform !== 'win32', windowsHide: true });
}

/** How to end a process and everything it started, on `platform`. */
export type TreeKill = { kind: 'signal-group'; processGroup: number; signal: NodeJS.Signals } | { kind: 'command'; file: string; args: string[] };

export function treeKillPlan(pid: number, platform: NodeJS.Platform): TreeKill {
  if (!Number.isInteger(pid) || pid <= 0) throw new RangeError(`not a process id: ${pid}`);
  // Windows has no process groups to signal; taskkill follows parent links (/T) and does
  // not ask (/F), so a handler that ignores Ctrl-C still ends.
  if (platform === 'win32') return { kind: 'command', file: 'taskkill', args: ['/PID', String(pid), '/T', '/F'] };
  // A negative pid signals the whole group the child leads (spawnGroupLeader).
  return { kind: 'signal-group', processGroup: pid, signal: 'SIGKILL' };
}

/** Kills the process `pid` leads and its tree; a tree that is already gone is not an error. */
export function killProcessTree(pid: number, platform: NodeJS.Platform = process.platform): void {
  const plan = treeKillPlan(pid, platform);
  if (plan.kind === 'command') {
    execFile(plan.file, plan.args, { windowsHide: true }, () => undefined);
    return;
  }
  try {
    process.kill(-plan.processGroup, plan.signal);
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
export async function endRunProcesses(leader: ProcessHandle, marker: string): Promise<void> {
  leader.kill();
  await sweepMarked(RUN_MARKER_ENV, marker);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2000)));
  await Promise.race([leader.outputClosed, timeout]);
  clearTimeout(timer);
  // A writer nobody could reach (it cleared its environment and left the group) must not
  // keep this process alive.
  leader.destroyOutput();
}
