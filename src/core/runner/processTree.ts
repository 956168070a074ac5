import { ChildProcess, execFile, spawn, SpawnOptions } from 'node:child_process';

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
