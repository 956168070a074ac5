import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChunkOutcome, TaskPool } from '../../../src/core/parallel/taskPool';
import { TRANSPORT_ENV } from '../../../src/core/runner/transport/channelTransport';

// The TaskPool's main thread reads a worker's frames itself; the worker's thread only sees
// the process end. A worker that replies and exits at once must be read to its last frame
// before its end counts, or a finished chunk would look like a crash. The worker here is a
// stand-in (a shim directory of its own) that speaks the frame protocol and then exits.

const FAKE_WORKER = String.raw`
import json, os, socket, struct, sys

kind, _, rest = os.environ["SNOWPARK_LOCAL_TASK_ADDRESS"].partition(":")
if kind == "unix":
    sock = socket.socket(socket.AF_UNIX)
    sock.connect(rest)
else:
    host, _, port = rest.rpartition(":")
    sock = socket.create_connection((host, int(port)))
sock.sendall(os.environ["SNOWPARK_LOCAL_TASK_TOKEN"].encode())

def send(header, payload=b""):
    data = json.dumps(header).encode()
    sock.sendall(struct.pack(">II", len(data), len(payload)) + data + payload)

def read():
    buffer = b""
    while len(buffer) < 8:
        buffer += sock.recv(65536)
    header_length, payload_length = struct.unpack(">II", buffer[:8])
    while len(buffer) < 8 + header_length + payload_length:
        buffer += sock.recv(65536)
    return json.loads(buffer[8:8 + header_length])

send({"type": "ready", "pid": os.getpid()})
header = read()
if os.environ.get("FAKE_WORKER_MODE") == "reply-then-exit":
    # Large enough that the end of the process is known before the main thread has read it all.
    send({"type": "done", "chunk": header["chunk"], "timings": 0}, b"the results" + bytes(2 << 20))
    os._exit(0)
os._exit(3)
`;

describe('TaskPool: frames straight from the worker to the main thread', function () {
  this.timeout(30_000);
  let shim: string;
  const savedTransport = process.env[TRANSPORT_ENV];

  before(() => {
    shim = mkdtempSync(join(tmpdir(), 'snowpark-fake-worker-'));
    mkdirSync(join(shim, 'snowpark_local', 'parallel'), { recursive: true });
    writeFileSync(join(shim, 'snowpark_local', '__init__.py'), '');
    writeFileSync(join(shim, 'snowpark_local', 'parallel', '__init__.py'), '');
    writeFileSync(join(shim, 'snowpark_local', 'parallel', 'task_worker.py'), FAKE_WORKER);
  });

  after(() => {
    rmSync(shim, { recursive: true, force: true });
    if (savedTransport === undefined) delete process.env[TRANSPORT_ENV];
    else process.env[TRANSPORT_ENV] = savedTransport;
    delete process.env.FAKE_WORKER_MODE;
  });

  async function runOneChunk(mode: string): Promise<{ outcome: ChunkOutcome; pool: TaskPool }> {
    process.env.FAKE_WORKER_MODE = mode;
    const pool = new TaskPool({ python: 'python3', shimDirectory: shim, idleMs: 60_000, maxWorkers: 1 });
    const chunk = pool.submit({ group: 'g', limit: 1, contextId: 'c', context: {}, payload: new Uint8Array([1, 2, 3]), count: 1 });
    return { outcome: await chunk.outcome, pool };
  }

  for (const transport of ['unix', 'tcp'] as const) {
    it(`a worker that replies and exits at once has its chunk done, not crashed (${transport})`, async () => {
      process.env[TRANSPORT_ENV] = transport;
      const { outcome, pool } = await runOneChunk('reply-then-exit');
      try {
        assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
        if (outcome.kind === 'done') {
          assert.equal(outcome.payload.length, 11 + (2 << 20));
          assert.equal(Buffer.from(outcome.payload.subarray(0, 11)).toString(), 'the results');
        }
      } finally {
        await pool.dispose();
      }
    });

    it(`a worker that dies mid-chunk fails the chunk as a crash with its exit code (${transport})`, async () => {
      process.env[TRANSPORT_ENV] = transport;
      const { outcome, pool } = await runOneChunk('die-mid-chunk');
      try {
        assert.equal(outcome.kind, 'crashed');
        if (outcome.kind === 'crashed') {
          assert.match(outcome.message, /exited with code 3/);
          assert.ok(outcome.pid !== undefined && outcome.pid > 0, 'the crash names the worker pid');
        }
      } finally {
        await pool.dispose();
      }
    });
  }
});
