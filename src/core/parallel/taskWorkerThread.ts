// Entry of one TaskPool worker thread (bundled to dist/taskWorkerThread.js). The thread owns
// one warm Python worker process: it starts it, frames task chunks to it over its link (fd 3,
// or a one-shot loopback connection under the tcp transport: workerLink.ts), decodes
// its replies off the main thread, and reports its output and its end. On Linux the Python
// worker dies with this thread (PR_SET_PDEATHSIG), so a thread never leaves an orphan.

import { Duplex } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { killProcessTree, spawnGroupLeader } from '../runner/processTree';
import { FromThread, ToThread, WorkerThreadData } from './threadMessages';
import { encodeWorkerFrame, WorkerFrameDecoder } from './workerFrames';
import { openWorkerLink } from './workerLink';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('taskWorkerThread must run as a worker thread');
  const data = workerData as WorkerThreadData;
  const post = (message: FromThread, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const link = await openWorkerLink(data.transport);
  // Its own process group: cancelling a stuck task kills whatever the task started too.
  const child = spawnGroupLeader(data.python, data.args, { cwd: data.cwd, env: { ...data.env, ...link.env }, stdio: link.stdio });
  // Nothing is sent before the worker's `ready` frame, which comes over the link: by then it is here.
  let channel: Duplex | undefined;
  const decoder = new WorkerFrameDecoder();
  let stderrTail = '';
  let exited = false;

  if (child.pid !== undefined) post({ type: 'spawned', pid: child.pid });
  void link.connected(child).then((stream) => {
    channel = stream;
    stream.on('data', (chunk: Buffer) => {
      for (const frame of decoder.push(chunk)) {
        post({ type: 'frame', header: frame.header, payload: frame.payload }, [frame.payload.buffer as ArrayBuffer]);
      }
    });
    stream.on('error', () => undefined);
    stream.resume();
  });
  child.stdout?.setEncoding('utf8').on('data', (text: string) => post({ type: 'output', stream: 'stdout', text }));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderrTail = (stderrTail + text).slice(-4000);
    post({ type: 'output', stream: 'stderr', text });
  });
  const finish = (code: number | null, signal: string | null, error?: string): void => {
    if (exited) return;
    exited = true;
    link.close();
    channel?.destroy();
    post({ type: 'exit', code, signal, error, stderrTail });
    port.close();
  };
  child.once('error', (error) => finish(-1, null, error.message));
  child.once('close', (code, signal) => finish(code, signal));

  port.on('message', (message: ToThread) => {
    if (message.type === 'send') {
      if (channel && !channel.destroyed) channel.write(encodeWorkerFrame(message.header, message.payload));
    } else if (message.type === 'stop') {
      // Closing the link ends the worker's loop; a worker busy in a task is killed after the grace.
      if (channel) channel.end();
      else link.close();
      const timer = setTimeout(() => child.pid !== undefined && killProcessTree(child.pid), message.graceMs);
      timer.unref();
    }
  });
}

void main();
