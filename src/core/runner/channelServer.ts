import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { ChannelError, ChannelReply, ChannelRequest } from './protocol';
import { encodeFrame, FrameDecoder } from './framing';
import { columnarReplyFrame } from '../engine/columnarResult';

export type RequestHandler = (method: string, params: unknown, connection: ChannelConnection) => Promise<unknown>;

/** Thrown by handlers to send a structured error (Snowflake codes, kind) back to Python. */
export class ChannelFailure extends Error {
  constructor(readonly error: ChannelError) {
    super(error.message);
  }
}

export interface ChannelConnection {
  readonly id: number;
  /** Set once the peer presented the run token. */
  authenticated: boolean;
}

/**
 * The private socket one run's Python process talks to. It lives in a fresh 0700
 * directory, so other users on the machine cannot connect, and every connection must
 * present the run's random token before anything else is answered.
 */
export class ChannelServer {
  readonly token = randomBytes(24).toString('hex');
  readonly address: string;
  private readonly directory: string | undefined;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;

  constructor(private readonly handle: RequestHandler) {
    if (process.platform === 'win32') {
      this.address = `\\\\.\\pipe\\snowpark-local-${randomBytes(12).toString('hex')}`;
    } else {
      this.directory = mkdtempSync(join(tmpdir(), 'snowpark-local-'));
      this.address = join(this.directory, 'channel.sock');
    }
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.address, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay?.(true);
    const connection: ChannelConnection = { id: this.nextConnectionId++, authenticated: false };
    const decoder = new FrameDecoder();
    socket.on('data', (data) => {
      let messages: unknown[];
      try {
        messages = decoder.push(data);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) this.dispatch(socket, connection, message as ChannelRequest);
    });
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  }

  private dispatch(socket: Socket, connection: ChannelConnection, request: ChannelRequest): void {
    const reply = (message: ChannelReply): void => {
      if (socket.destroyed) return;
      // Engine results frame themselves, as binary columns straight from the engine's vectors.
      const frame = 'result' in message ? columnarReplyFrame(message.id, message.result) : undefined;
      socket.write(frame ?? encodeFrame(message));
    };
    if (!connection.authenticated) {
      const token = (request.params as { token?: unknown } | undefined)?.token;
      if (request.method !== 'run.start' && request.method !== 'worker.hello') {
        socket.destroy();
        return;
      }
      if (token !== this.token) {
        reply({ id: request.id, error: { kind: 'usage', message: 'channel token rejected' } });
        socket.end();
        return;
      }
      connection.authenticated = true;
    }
    this.handle(request.method, request.params, connection).then(
      (result) => reply({ id: request.id, result: result ?? {} }),
      (error: unknown) => reply({ id: request.id, error: toChannelError(error) }),
    );
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
  }
}

function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelFailure) return error.error;
  const withChannel = error as { toChannelError?: () => ChannelError };
  if (typeof withChannel?.toChannelError === 'function') return withChannel.toChannelError();
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
