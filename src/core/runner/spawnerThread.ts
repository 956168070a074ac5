// Entry of the spawner thread (bundled to dist/spawnerThread.js). Starting a process blocks
// the calling thread until the child has exec'd (libuv waits on a close-on-exec pipe so that
// a failed exec is reported synchronously): 20–80 ms on a busy 2-core machine, measured from
// a plain Node process. On the extension host's main thread that is a UI stall in the middle
// of a run, when the warm interpreter for the next run is started behind it. Here the same
// spawn (process group, fd 3 lifeline) blocks only this thread; output is forwarded as text.

import { parentPort } from 'node:worker_threads';
import { ProcessHandle, spawnOnThisThread } from './processHandle';
import { FromSpawner, ToSpawner } from './spawnerMessages';

const port = parentPort;
if (!port) throw new Error('spawnerThread must run as a worker thread');
const post = (message: FromSpawner): void => port.postMessage(message);
const processes = new Map<number, ProcessHandle>();

port.on('message', (message: ToSpawner) => {
  if (message.type === 'spawn') start(message.id, message);
  else if (message.type === 'destroyOutput') processes.get(message.id)?.destroyOutput();
});

function start(id: number, request: Extract<ToSpawner, { type: 'spawn' }>): void {
  let spawned: ReturnType<typeof spawnOnThisThread>;
  try {
    // fd 3 is the caller's lifeline pipe: the process-wide descriptor closes when Node dies.
    spawned = spawnOnThisThread(request, (stream, text) => post({ type: 'output', id, stream, text }));
  } catch (error) {
    post({ type: 'exit', id, code: -1, signal: null, error: String(error) });
    post({ type: 'closed', id });
    return;
  }
  processes.set(id, spawned);
  if (spawned.pid !== undefined) post({ type: 'spawned', id, pid: spawned.pid });
  // Promise callbacks run after the output events that came before: the last prints arrive first.
  void spawned.exited.then((status) => post({ type: 'exit', id, ...status }));
  void spawned.outputClosed.then(() => {
    processes.delete(id);
    post({ type: 'closed', id });
  });
}
