import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createServer, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { admitIfToken, openWorkerLink, TASK_ADDRESS_ENV, TASK_TOKEN_ENV } from '../../../src/core/parallel/workerLink';
import { WorkerFrameDecoder } from '../../../src/core/parallel/workerFrames';
import { shimDirectory } from '../../../src/core/runner/shimLocation';
import { connectToChannel, framesUntilClose } from '../support/channelClient';

// The TaskPool's main thread listens once per worker (a Unix socket in a private directory,
// or loopback TCP): only the worker that presents that worker's token gets the stream, and
// the listener closes behind it.

function closed(socket: Socket): Promise<void> {
  return framesUntilClose(socket).then(() => undefined);
}

const children: ChildProcess[] = [];
after(() => children.forEach((child) => child.kill('SIGKILL')));

for (const kind of ['unix', 'tcp'] as const) {
  describe(`task worker link (${kind})`, function () {
    this.timeout(30_000);

    it(kind === 'unix' ? 'gives the worker a socket in a directory only this user can enter, and a fresh token' : 'gives the worker a loopback address and a fresh token', async () => {
      const link = await openWorkerLink(kind);
      try {
        const address = link.env[TASK_ADDRESS_ENV];
        if (kind === 'unix') {
          assert.match(address, /^unix:\//);
          assert.equal(statSync(dirname(address.slice('unix:'.length))).mode & 0o777, 0o700);
        } else {
          assert.match(address, /^tcp:127\.0\.0\.1:\d+$/);
        }
        assert.match(link.env[TASK_TOKEN_ENV], /^[0-9a-f]{48}$/);
        const other = await openWorkerLink(kind);
        other.close();
        assert.notEqual(other.env[TASK_TOKEN_ENV], link.env[TASK_TOKEN_ENV]);
        assert.notEqual(other.env[TASK_ADDRESS_ENV], address);
      } finally {
        link.close();
      }
    });

    it('drops a wrong token, admits the right one with the bytes behind it, then stops listening', async () => {
      const link = await openWorkerLink(kind);
      const address = link.env[TASK_ADDRESS_ENV];
      const stranger = await connectToChannel(address);
      const strangerClosed = closed(stranger);
      stranger.write('0'.repeat(48));
      await strangerClosed;

      const worker = await connectToChannel(address);
      worker.write(`${link.env[TASK_TOKEN_ENV]}after-the-token`);
      const stream: Duplex = await link.connected;
      const received = new Promise<string>((resolve) => stream.once('data', (data: Buffer) => resolve(data.toString())));
      stream.resume();
      assert.equal(await received, 'after-the-token');
      await assert.rejects(connectToChannel(address), kind === 'unix' ? /ENOENT|ECONNREFUSED/ : /ECONNREFUSED/);
      worker.destroy();
      stream.destroy();
    });

    it('a real Python task worker connects with its token and says ready', async () => {
      const link = await openWorkerLink(kind);
      const child = spawn('python3', ['-m', 'snowpark_local.parallel.task_worker'], {
        env: { ...process.env, PYTHONPATH: shimDirectory(), ...link.env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      try {
        const stream = await link.connected;
        const decoder = new WorkerFrameDecoder();
        const frames = new Promise<ReturnType<WorkerFrameDecoder['push']>>((resolve) =>
          stream.on('data', (data: Buffer) => {
            const decoded = decoder.push(data);
            if (decoded.length) resolve(decoded);
          }),
        );
        stream.resume();
        const [ready] = await frames;
        assert.equal(ready.header.type, 'ready');
        assert.equal(ready.header.pid, child.pid);
        const exited = new Promise((resolve) => child.once('exit', resolve));
        stream.end();
        await exited;
      } finally {
        child.kill('SIGKILL');
        link.close();
      }
    });
  });
}

describe('admitIfToken', () => {
  async function pair(timeoutMs: number, token: string): Promise<{ client: Socket; admitted: Promise<boolean>; close: () => void }> {
    let admitted: (value: boolean) => void = () => undefined;
    const result = new Promise<boolean>((resolve) => (admitted = resolve));
    const server = createServer((socket) => {
      socket.once('close', () => admitted(false));
      admitIfToken(socket, token, () => admitted(true), timeoutMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const client = await connectToChannel(`tcp:127.0.0.1:${port}`);
    return { client, admitted: result, close: () => server.close() };
  }

  it('drops a silent peer after the timeout', async () => {
    const { client, admitted, close } = await pair(200, 'secret-token');
    const started = Date.now();
    assert.equal(await admitted, false);
    assert.ok(Date.now() - started >= 150);
    client.destroy();
    close();
  });

  for (const [pieces, admitted] of [[['secret-', 'tokeN'], false], [['secr', 'et-token'], true], [['secret-token', 'and more'], true]] as const) {
    it(`${admitted ? 'admits' : 'drops'} ${JSON.stringify(pieces)}`, async () => {
      const peer = await pair(10_000, 'secret-token');
      for (const piece of pieces) peer.client.write(piece);
      assert.equal(await peer.admitted, admitted);
      peer.client.destroy();
      peer.close();
    });
  }
});
