// Entry of the spawner thread (bundled to dist/spawnerThread.js). Starting a process blocks
// the calling thread until the child has exec'd (libuv waits on a close-on-exec pipe so that
// a failed exec is reported synchronously): 20–80 ms on a busy 2-core machine, measured from
// a plain Node process. On the extension host's main thread that is a UI stall in the middle
// of a run, when the warm interpreter for the next run is started behind it. Here the same
// spawn (process group, fd 3 lifeline) blocks only this thread; output is forwarded as text.

import { ChildProcess } from 'node:child_process';
import { parentPort } from 'node:worker_threads';
import { spawnGroupLeader } from './processTree';
import { FromSpawner, ToSpawner } from './spawnerMessages';

const port = parentPort;
if (!port) throw new Error('spawnerThread must run as a worker thread');
const post = (message: FromSpawner): void => port.postMessage(message);
const children = new Map<number, ChildProcess>();

port.on('message', (message: ToSpawner) => {
  if (message.type === 'spawn') start(message.id, message);
  else if (message.type === 'destroyOutput') for (const stream of children.get(message.id)?.stdio ?? []) stream?.destroy();
});

function start(id: number, request: Extract<ToSpawner, { type: 'spawn' }>): void {
  let child: ChildProcess;
  try {
    // fd 3 is the caller's lifeline pipe: the process-wide descriptor closes when Node dies.
    child = spawnGroupLeader(request.command, request.args, { cwd: request.cwd, env: request.env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
  } catch (error) {
    post({ type: 'exit', id, code: -1, signal: null, error: String(error) });
    post({ type: 'closed', id });
    return;
  }
  children.set(id, child);
  if (child.pid !== undefined) post({ type: 'spawned', id, pid: child.pid });
  child.stdout?.setEncoding('utf8').on('data', (text: string) => post({ type: 'output', id, stream: 'stdout', text }));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => post({ type: 'output', id, stream: 'stderr', text }));
  let exited = false;
  child.once('error', (error) => {
    if (exited) return;
    exited = true;
    post({ type: 'exit', id, code: -1, signal: null, error: String(error) });
  });
  child.once('exit', (code, signal) => {
    if (exited) return;
    exited = true;
    post({ type: 'exit', id, code, signal });
  });
  child.once('close', () => {
    children.delete(id);
    post({ type: 'closed', id });
  });
}
