// Entry of one TaskPool worker thread (bundled to dist/taskWorkerThread.js). The thread owns
// one warm Python worker process: it starts it, passes on its output, and reports its end.
// On Linux the Python worker dies with this thread (PR_SET_PDEATHSIG), so a thread never
// leaves an orphan. Task chunks and replies do not pass through here: the worker connects to
// the main thread itself (workerLink.ts), which saves two thread wake-ups per chunk.

import { parentPort, workerData } from 'node:worker_threads';
import { killProcessTree, spawnGroupLeader } from '../runner/processTree';
import { FromThread, ToThread, WorkerThreadData } from './threadMessages';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('taskWorkerThread must run as a worker thread');
  const data = workerData as WorkerThreadData;
  const post = (message: FromThread): void => port.postMessage(message);
  // Its own process group: cancelling a stuck task kills whatever the task started too.
  const child = spawnGroupLeader(data.python, data.args, { cwd: data.cwd, env: data.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderrTail = '';
  let exited = false;

  if (child.pid !== undefined) post({ type: 'spawned', pid: child.pid });
  child.stdout?.setEncoding('utf8').on('data', (text: string) => post({ type: 'output', stream: 'stdout', text }));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-4000);
    post({ type: 'output', stream: 'stderr', text });
  });
  const finish = (code: number | null, signal: string | null, error?: string): void => {
    if (exited) return;
    exited = true;
    post({ type: 'exit', code, signal, error, stderrTail });
    port.close();
  };
  child.once('error', (error) => finish(-1, null, error.message));
  child.once('close', (code, signal) => finish(code, signal));

  port.on('message', (message: ToThread) => {
    if (message.type === 'stop') {
      // The main thread ended the link, which ends the worker's loop; a worker busy in a task is killed after the grace.
      const timer = setTimeout(() => child.pid !== undefined && killProcessTree(child.pid), message.graceMs);
      timer.unref();
    }
  });
}

main();
