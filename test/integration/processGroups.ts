// Every process group we start (code-server with its extension host, pty host and
// watcher) is killed on every exit path: normal exit, process.exit(), Ctrl-C, SIGTERM.
// Chromium's group is playwright's to kill (it launches it detached too); our signal
// handlers run the registered cleanups first so the browser closes politely.
import { ChildProcess } from 'child_process';

const liveGroups = new Set<number>();
let exitHooksInstalled = false;

export function trackGroup(child: ChildProcess): () => Promise<void> {
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  liveGroups.add(pid);
  installExitHooks();
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  return async () => {
    if (!liveGroups.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    // The group's other members may outlive the leader: give them a moment, then SIGKILL.
    await Promise.race([exited, sleep(5_000)]);
    await sleep(300);
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  };
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

const cleanups = new Set<() => Promise<void>>();

/** Registers async cleanup (closing a browser, stopping a server) for Ctrl-C and SIGTERM. */
export function onInterrupt(cleanup: () => Promise<void>): () => void {
  installExitHooks();
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  // Last line of defence: synchronous, runs on process.exit() and normal exit.
  process.on('exit', () => liveGroups.forEach((pid) => killGroup(pid, 'SIGKILL')));
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      const code = signal === 'SIGINT' ? 130 : 143;
      // A second signal: stop waiting; the exit hook above still kills the groups.
      if (stopping) process.exit(code);
      stopping = true;
      process.stderr.write(`\n${signal}: stopping code-server and Chromium\n`);
      const all = Promise.allSettled([...cleanups].map((c) => c()));
      void Promise.race([all, sleep(8_000)]).finally(() => process.exit(code));
    });
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
