// Entry of one TaskPool worker thread (bundled to dist/taskWorkerThread.js). The thread owns
// one warm Python worker process: it starts it, frames task chunks to it over fd 3, decodes
// its replies off the main thread, and reports its output and its end. On Linux the Python
// worker dies with this thread (PR_SET_PDEATHSIG), so a thread never leaves an orphan.

import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { parentPort, workerData } from 'node:worker_threads';
import { killProcessTree } from '../runner/processTree';
import { FromThread, ToThread, WorkerThreadData } from './threadMessages';
import { encodeWorkerFrame, WorkerFrameDecoder } from './workerFrames';

function main(): void {
  const port = parentPort;
  if (!port) throw new Error('taskWorkerThread must run as a worker thread');
  const data = workerData as WorkerThreadData;
  const post = (message: FromThread, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);
  const child = spawn(data.python, data.args, {
    cwd: data.cwd,
    env: data.env,
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    // Its own process group: cancelling a stuck task kills whatever the task started too.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  const channel = child.stdio[3] as Duplex;
  const decoder = new WorkerFrameDecoder();
  let stderrTail = '';
  let exited = false;

  if (child.pid !== undefined) post({ type: 'spawned', pid: child.pid });
  channel.on('data', (chunk: Buffer) => {
    for (const frame of decoder.push(chunk)) {
      post({ type: 'frame', header: frame.header, payload: frame.payload }, [frame.payload.buffer as ArrayBuffer]);
    }
  });
  channel.on('error', () => undefined);
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
    if (message.type === 'send') {
      if (!channel.destroyed) channel.write(encodeWorkerFrame(message.header, message.payload));
    } else if (message.type === 'stop') {
      // Closing fd 3 ends the worker's loop; a worker busy in a task is killed after the grace.
      channel.end();
      const timer = setTimeout(() => child.pid !== undefined && killProcessTree(child.pid), message.graceMs);
      timer.unref();
    }
  });
}

main();
