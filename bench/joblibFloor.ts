// The floor under "joblib 10,000 tiny tasks": the bare cost of the TaskPool's topology with
// nothing of ours in it. A Python "handler" sends the same chunks a real run sends (same
// count, same payload sizes, at most as many in flight as joblib's pre_dispatch) over a Unix
// socket to this process's main thread, which hands each to a worker thread, which writes it
// to its own Python echo process and passes the reply back the same way. No JSON-RPC, no job
// records, no joblib, no pickling: what is left is the thread and process wake-ups per round
// trip and the bytes. Ours minus this is what our code costs.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** One chunk: calls in it; request and reply sizes follow a real run's (pickles of sqrt(i) calls and floats). */
export interface FloorChunk {
  requestBytes: number;
  replyBytes: number;
}

/**
 * The chunks of a 10,000-call run of `sqrt(i)` as the handler sent them (traced on this
 * code, 2026-11-30): 4 of 1, 2 of 8, 2 of 64, 4 of 512, then joblib's final split into
 * 20 of 390 and one of 4; a chunk's pickle is ~70 + 3 bytes a call, its results' ~24 + 9.
 */
export function tinyTaskChunks(): FloorChunk[] {
  const sizes = [1, 1, 1, 1, 8, 8, 64, 64, 512, 512, 512, 512, ...new Array<number>(20).fill(390), 4];
  return sizes.map((calls) => ({ requestBytes: 70 + 3 * calls, replyBytes: 24 + 9 * calls }));
}

// Frames both ways: uint32 BE body length, uint32 BE chunk index, uint32 BE reply size, bytes.
const ECHO = String.raw`
import os, struct, sys
inp, out = sys.stdin.buffer, sys.stdout.buffer
head = struct.Struct(">III")
while True:
    header = inp.read(12)
    if len(header) < 12:
        break
    length, index, reply = head.unpack(header)
    inp.read(length - 8)
    out.write(head.pack(8 + reply, index, reply) + bytes(reply))
    out.flush()
`;

const HANDLER = String.raw`
import json, socket, struct, sys, threading, time
path, plan, in_flight, rounds = sys.argv[1], json.loads(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
sock = socket.socket(socket.AF_UNIX)
sock.connect(path)
head = struct.Struct(">III")
lock = threading.Lock()

def send(index):
    request, reply = plan[index]
    with lock:
        sock.sendall(head.pack(8 + request, index, reply) + bytes(request))

def read_exactly(buffer, count):
    while len(buffer) < count:
        data = sock.recv(65536)
        if not data:
            raise EOFError()
        buffer += data

times = []
for _ in range(rounds):
    done = threading.Event()
    def reader():
        buffer = bytearray()
        received, sent = 0, min(in_flight, len(plan))
        while received < len(plan):
            read_exactly(buffer, 4)
            (length,) = struct.unpack_from(">I", buffer)
            read_exactly(buffer, 4 + length)
            del buffer[:4 + length]
            received += 1
            if sent < len(plan):
                send(sent)
                sent += 1
        done.set()
    thread = threading.Thread(target=reader)
    started = time.perf_counter()
    thread.start()
    for index in range(min(in_flight, len(plan))):
        send(index)
    done.wait()
    times.append((time.perf_counter() - started) * 1000)
    thread.join()
print(json.dumps(times))
`;

// The lanes' topology (issue 11 part 8): the handler writes each chunk straight to a worker
// over its own socket and reads the reply on that lane's reader thread, which sends the next
// chunk; at most 'perLane' in flight on a lane (ours puts a second behind a quick one).
const LANE_HANDLER = String.raw`
import json, socket, struct, subprocess, sys, threading, time
plan, lanes, per_lane, rounds, echo = json.loads(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
head = struct.Struct(">III")
lock = threading.Lock()
state = {"next": 0, "received": 0}
done = threading.Event()

def take():
    with lock:
        index = state["next"]
        if index >= len(plan):
            return None
        state["next"] = index + 1
        return index

def send(sock, index):
    request, reply = plan[index]
    sock.sendall(head.pack(8 + request, index, reply) + bytes(request))

def read_exactly(sock, buffer, count):
    while len(buffer) < count:
        data = sock.recv(65536)
        if not data:
            raise EOFError()
        buffer += data

def reader(sock):
    buffer = bytearray()
    try:
        while True:
            read_exactly(sock, buffer, 4)
            (length,) = struct.unpack_from(">I", buffer)
            read_exactly(sock, buffer, 4 + length)
            del buffer[:4 + length]
            index = take()
            if index is not None:
                send(sock, index)
            with lock:
                state["received"] += 1
                if state["received"] == len(plan):
                    done.set()
    except (EOFError, OSError):
        pass

socks, children = [], []
for _ in range(lanes):
    ours, theirs = socket.socketpair()
    children.append(subprocess.Popen([sys.executable, "-c", echo], stdin=theirs.fileno(), stdout=theirs.fileno()))
    theirs.close()
    socks.append(ours)
    threading.Thread(target=reader, args=(ours,), daemon=True).start()
times = []
for _ in range(rounds):
    state["next"], state["received"] = 0, 0
    done.clear()
    started = time.perf_counter()
    for _ in range(per_lane):
        for sock in socks:
            index = take()
            if index is not None:
                send(sock, index)
    done.wait()
    times.append((time.perf_counter() - started) * 1000)
for sock in socks:
    sock.shutdown(socket.SHUT_WR)
for child in children:
    child.wait()
print(json.dumps(times))
`;

/** One time per round, in ms: the handler and the echo workers alone, Node nowhere on the path. */
export async function measureLaneFloor(python: string, lanes: number, perLane: number, rounds: number, chunks = tinyTaskChunks()): Promise<number[]> {
  const plan = JSON.stringify(chunks.map((chunk) => [chunk.requestBytes, chunk.replyBytes]));
  const handler = spawn(python, ['-c', LANE_HANDLER, plan, String(lanes), String(perLane), String(rounds), ECHO], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  handler.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
  const code = await new Promise<number | null>((resolve) => handler.on('close', resolve));
  if (code !== 0) throw new Error(`the lane floor's handler exited with code ${code}`);
  return JSON.parse(out.trim()) as number[];
}

const THREAD = String.raw`
const { parentPort, workerData } = require('node:worker_threads');
const { spawn } = require('node:child_process');
const child = spawn(workerData.python, ['-c', workerData.echo], { stdio: ['pipe', 'pipe', 'inherit'] });
let pending = Buffer.alloc(0);
child.stdout.on('data', (data) => {
  pending = pending.length ? Buffer.concat([pending, data]) : data;
  while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
    const length = pending.readUInt32BE(0);
    const frame = new Uint8Array(4 + length);
    frame.set(pending.subarray(0, 4 + length));
    pending = pending.subarray(4 + length);
    parentPort.postMessage(frame, [frame.buffer]);
  }
});
parentPort.on('message', (message) => {
  if (message === 'stop') child.stdin.end();
  else child.stdin.write(message);
});
child.on('close', () => parentPort.close());
`;

/** An echo process written to and read by the main thread itself (the TaskPool's data path since issue 11 part 3). */
class DirectEcho {
  private readonly child;
  private pending: Buffer = Buffer.alloc(0);
  private onFrame: (frame: Uint8Array) => void = () => undefined;

  constructor(python: string) {
    this.child = spawn(python, ['-c', ECHO], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.child.stdout.on('data', (data: Buffer) => {
      this.pending = this.pending.length ? Buffer.concat([this.pending, data]) : data;
      while (this.pending.length >= 4 && this.pending.length >= 4 + this.pending.readUInt32BE(0)) {
        const length = this.pending.readUInt32BE(0);
        const frame = this.pending.subarray(0, 4 + length);
        this.pending = this.pending.subarray(4 + length);
        this.onFrame(frame);
      }
    });
  }

  on(_event: 'message', listener: (frame: Uint8Array) => void): void {
    this.onFrame = listener;
  }

  postMessage(message: Uint8Array | 'stop'): void {
    if (message === 'stop') this.child.stdin.end();
    else this.child.stdin.write(message);
  }

  exited(): Promise<unknown> {
    return new Promise((resolve) => (this.child.exitCode !== null ? resolve(undefined) : this.child.once('exit', resolve)));
  }
}

/**
 * Medians come from the caller; this returns one time per round, in ms. `viaThread`: each
 * echo process is driven by a worker thread the main thread relays to (the design's
 * topology); otherwise the main thread writes to and reads from it itself.
 */
export async function measureFloor(python: string, workers: number, inFlight: number, rounds: number, viaThread = true, chunks = tinyTaskChunks()): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'snowpark-floor-'));
  const socketPath = join(dir, 's');
  const threads: Array<Worker | DirectEcho> = Array.from({ length: workers }, () =>
    viaThread ? new Worker(THREAD, { eval: true, workerData: { python, echo: ECHO } }) : new DirectEcho(python),
  );
  const idle = [...threads];
  const waiting: Uint8Array[] = [];
  let handlerSocket: Socket | undefined;
  const dispatch = (): void => {
    while (idle.length && waiting.length) idle.shift()!.postMessage(waiting.shift()!);
  };
  for (const thread of threads) {
    thread.on('message', (frame: Uint8Array) => {
      handlerSocket?.write(frame);
      idle.push(thread);
      dispatch();
    });
  }
  const server = createServer((socket) => {
    handlerSocket = socket;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, data]) : data;
      while (pending.length >= 4 && pending.length >= 4 + pending.readUInt32BE(0)) {
        const length = pending.readUInt32BE(0);
        // A copy, as the channel's decoder makes one per frame before handing it on.
        waiting.push(Uint8Array.prototype.slice.call(pending, 0, 4 + length));
        pending = pending.subarray(4 + length);
      }
      dispatch();
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  try {
    const plan = JSON.stringify(chunks.map((chunk) => [chunk.requestBytes, chunk.replyBytes]));
    const handler = spawn(python, ['-c', HANDLER, socketPath, plan, String(inFlight), String(rounds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    handler.stdout.setEncoding('utf8').on('data', (text: string) => (out += text));
    const code = await new Promise<number | null>((resolve) => handler.on('close', resolve));
    if (code !== 0) throw new Error(`the floor's handler exited with code ${code}`);
    return JSON.parse(out.trim()) as number[];
  } finally {
    for (const thread of threads) thread.postMessage('stop');
    server.close();
    handlerSocket?.destroy();
    await Promise.all(threads.map((thread) => (thread instanceof DirectEcho ? thread.exited() : new Promise((resolve) => thread.once('exit', resolve)))));
    rmSync(dir, { recursive: true, force: true });
  }
}
