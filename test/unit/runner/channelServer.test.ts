import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { ChannelServer, UNAUTHENTICATED_FRAME_BYTES } from '../../../src/core/runner/channelServer';
import { encodeFrame, frameText } from '../../../src/core/runner/framing';
import { TransportKind } from '../../../src/core/runner/transport/channelTransport';
import { createTransport } from '../../../src/core/runner/transport/createTransport';
import { connectToChannel, framesUntilClose, nextFrame } from '../support/channelClient';

// The gate every connection passes before the channel does any work for it. Over loopback
// TCP any local user can connect, so a stranger must get nothing but a closed connection.

for (const kind of ['unix', 'tcp'] as TransportKind[]) {
  describe(`run channel gate over ${kind}`, function () {
    this.timeout(20_000);
    let server: ChannelServer;
    let handled: string[];

    // A timeout no test reaches unless it waits for it: a gate that forgot a rule must not
    // pass because the silence timeout closed the connection instead.
    const open = async (authenticationTimeoutMs = 60_000): Promise<void> => {
      await server?.close();
      server = new ChannelServer(
        async (method, params) => {
          handled.push(method);
          return { method, params };
        },
        { transport: createTransport(kind), authenticationTimeoutMs },
      );
      await server.listen();
    };
    beforeEach(async () => {
      handled = [];
      await open();
    });
    afterEach(() => server.close());

    it(`names its kind in the address it hands Python`, () => {
      assert.match(server.address, kind === 'tcp' ? /^tcp:127\.0\.0\.1:\d+$/ : /^unix:\/.+channel\.sock$/);
    });

    it('answers run.start with the right token, then any request, including frames over the first-frame limit', async () => {
      const socket = await connectToChannel(server.address);
      socket.write(encodeFrame({ id: 1, method: 'run.start', params: { token: server.token } }));
      assert.deepEqual(await nextFrame(socket), { id: 1, result: { method: 'run.start', params: { token: server.token } } });
      const big = 'x'.repeat(UNAUTHENTICATED_FRAME_BYTES * 2);
      socket.write(encodeFrame({ id: 2, method: 'query.status', params: { big } }));
      const reply = (await nextFrame(socket)) as { id: number; result: { params: { big: string } } };
      assert.equal(reply.result.params.big.length, big.length);
      assert.deepEqual(handled, ['run.start', 'query.status']);
      socket.destroy();
    });

    it('accepts worker.hello as an opening too', async () => {
      const socket = await connectToChannel(server.address);
      socket.write(encodeFrame({ id: 1, method: 'worker.hello', params: { token: server.token } }));
      assert.equal((await nextFrame(socket) as { id: number }).id, 1);
      socket.destroy();
    });

    for (const [what, params] of [['a wrong token', { token: 'f'.repeat(48) }], ['no token', {}], ['a token that is not a string', { token: 42 }]] as const) {
      it(`rejects ${what} with one fixed error that never echoes it, then closes`, async () => {
        const socket = await connectToChannel(server.address);
        const closed = framesUntilClose(socket);
        // A second request behind the bad opening must not be served either.
        socket.write(Buffer.concat([
          encodeFrame({ id: 1, method: 'run.start', params }),
          encodeFrame({ id: 2, method: 'query.status', params: {} }),
        ]));
        const frames = await closed;
        assert.deepEqual(frames, [{ id: 1, error: { kind: 'usage', message: 'channel token rejected' } }]);
        assert.deepEqual(handled, []);
      });
    }

    it('drops a connection whose first method is not run.start or worker.hello, even with the right token', async () => {
      const socket = await connectToChannel(server.address);
      const closed = framesUntilClose(socket);
      socket.write(encodeFrame({ id: 1, method: 'query.execute', params: { token: server.token, sql: 'select 1' } }));
      assert.deepEqual(await closed, []);
      assert.deepEqual(handled, []);
    });

    it('drops a first frame that is not a request object', async () => {
      for (const body of ['null', '5', '"run.start"', '[1]', '{not json']) {
        const socket = await connectToChannel(server.address);
        const closed = framesUntilClose(socket);
        socket.write(frameText(body));
        assert.deepEqual(await closed, [], body);
      }
      assert.deepEqual(handled, []);
    });

    it('drops an oversized first frame as soon as its length arrives, before buffering it', async () => {
      const socket = await connectToChannel(server.address);
      const closed = framesUntilClose(socket);
      const header = Buffer.alloc(4);
      header.writeUInt32BE(UNAUTHENTICATED_FRAME_BYTES + 1, 0);
      socket.write(header);
      assert.deepEqual(await closed, []);
      assert.deepEqual(handled, []);
    });

    it('drops a connection that stays silent past the authentication timeout', async () => {
      await open(300);
      const socket = await connectToChannel(server.address);
      const openedAt = Date.now();
      assert.deepEqual(await framesUntilClose(socket), []);
      assert.ok(Date.now() - openedAt >= 250, 'closed by the timeout, not at once');
    });

    it('keeps an authenticated connection open past the authentication timeout', async () => {
      await open(300);
      const socket = await connectToChannel(server.address);
      socket.write(encodeFrame({ id: 1, method: 'run.start', params: { token: server.token } }));
      await nextFrame(socket);
      const openedAt = Date.now();
      // Each reply proves the connection still open; keep asking until well past the timeout.
      for (let id = 2; Date.now() - openedAt < 600; id++) {
        socket.write(encodeFrame({ id, method: 'query.status', params: {} }));
        assert.equal((await nextFrame(socket) as { id: number }).id, id);
      }
      socket.destroy();
    });
  });
}

describe('run channel transports', () => {
  it('tcp listens on 127.0.0.1 only', async () => {
    const server = new ChannelServer(async () => ({}), { transport: createTransport('tcp') });
    await server.listen();
    try {
      const port = Number(/:(\d+)$/.exec(server.address)![1]);
      const listening = (server as unknown as { server: import('node:net').Server }).server.address() as import('node:net').AddressInfo;
      assert.deepEqual({ address: listening.address, family: listening.family, port: listening.port }, { address: '127.0.0.1', family: 'IPv4', port });
    } finally {
      await server.close();
    }
  });

  it('unix keeps its socket in a 0700 directory and removes it on close', async () => {
    const server = new ChannelServer(async () => ({}), { transport: createTransport('unix') });
    await server.listen();
    const directory = dirname(server.address.replace(/^unix:/, ''));
    assert.equal(statSync(directory).mode & 0o777, 0o700);
    await server.close();
    assert.equal(existsSync(directory), false);
  });

  it('has no address before it listens', () => {
    const server = new ChannelServer(async () => ({}), { transport: createTransport('tcp') });
    assert.throws(() => server.address, /no address before listen/);
  });
});
