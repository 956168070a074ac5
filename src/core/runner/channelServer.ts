import { createServer, Server, Socket } from 'node:net';
import { ChannelError, ChannelReply, ChannelRequest } from './protocol';
import { encodeFrame, FrameDecoder, MAX_FRAME_BYTES } from './framing';
import { columnarReplyFrame } from '../engine/columnarResult';
import { ChannelTransport } from './transport/channelTransport';
import { createTransport } from './transport/createTransport';
import { AUTHENTICATION_TIMEOUT_MS, newRunToken, sameToken } from './transport/runToken';

/** The most a peer may send before it has presented the token: a run.start is a few KiB. */
export const UNAUTHENTICATED_FRAME_BYTES = 64 * 1024;

const OPENING_METHODS = new Set(['run.start', 'worker.hello']);

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

export interface ChannelServerOptions {
  /** Default: chooseTransport(process.platform, process.env). */
  transport?: ChannelTransport;
  authenticationTimeoutMs?: number;
}

/**
 * The private channel one run's Python process talks to: a Unix socket in a 0700
 * directory, or a loopback TCP port (transport/). Either way the first frame of every
 * connection must be run.start or worker.hello carrying the run's random token, and is
 * small and prompt; anything else closes the connection before any other work is done.
 */
export class ChannelServer {
  readonly token = newRunToken();
  private listeningAddress: string | undefined;
  private readonly transport: ChannelTransport;
  private readonly authenticationTimeoutMs: number;
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private nextConnectionId = 1;

  constructor(private readonly handle: RequestHandler, options: ChannelServerOptions = {}) {
    this.transport = options.transport ?? createTransport();
    this.authenticationTimeoutMs = options.authenticationTimeoutMs ?? AUTHENTICATION_TIMEOUT_MS;
    this.server = createServer((socket) => this.accept(socket));
  }

  /** What Python gets in SNOWPARK_LOCAL_CHANNEL: `unix:/path` or `tcp:127.0.0.1:PORT`. */
  get address(): string {
    if (this.listeningAddress === undefined) throw new Error('The run channel has no address before listen().');
    return this.listeningAddress;
  }

  async listen(): Promise<void> {
    this.listeningAddress = await this.transport.listen(this.server);
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay?.(true);
    const connection: ChannelConnection = { id: this.nextConnectionId++, authenticated: false };
    const decoder = new FrameDecoder(UNAUTHENTICATED_FRAME_BYTES);
    const deadline = setTimeout(() => socket.destroy(), this.authenticationTimeoutMs);
    deadline.unref();
    socket.on('data', (data) => {
      let messages: unknown[];
      try {
        messages = decoder.push(data);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) {
        if (socket.destroyed || socket.writableEnded) return;
        if (!connection.authenticated) {
          if (!this.authenticate(socket, connection, message)) return;
          clearTimeout(deadline);
          decoder.maxFrameBytes = MAX_FRAME_BYTES;
        }
        this.dispatch(socket, connection, message as ChannelRequest);
      }
    });
    socket.on('close', () => {
      clearTimeout(deadline);
      this.sockets.delete(socket);
    });
    socket.on('error', () => socket.destroy());
  }

  /**
   * The gate for a connection's first frame. A wrong method or a malformed message is
   * dropped without a word; a wrong token gets one fixed error (the token presented is
   * never echoed or logged) and the connection is ended.
   */
  private authenticate(socket: Socket, connection: ChannelConnection, message: unknown): boolean {
    const request = message as Partial<ChannelRequest> | null;
    if (typeof request !== 'object' || request === null || typeof request.method !== 'string' || !OPENING_METHODS.has(request.method)) {
      socket.destroy();
      return false;
    }
    const token = (request.params as { token?: unknown } | undefined)?.token;
    if (!sameToken(token, this.token)) {
      socket.end(encodeFrame({ id: request.id, error: { kind: 'usage', message: 'channel token rejected' } }));
      return false;
    }
    connection.authenticated = true;
    return true;
  }

  private dispatch(socket: Socket, connection: ChannelConnection, request: ChannelRequest): void {
    const reply = (message: ChannelReply): void => {
      if (socket.destroyed) return;
      // Engine results frame themselves, as binary columns straight from the engine's vectors.
      const frame = 'result' in message ? columnarReplyFrame(message.id, message.result) : undefined;
      socket.write(frame ?? encodeFrame(message));
    };
    this.handle(request.method, request.params, connection).then(
      (result) => reply({ id: request.id, result: result ?? {} }),
      (error: unknown) => reply({ id: request.id, error: toChannelError(error) }),
    );
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.transport.release();
  }
}

function toChannelError(error: unknown): ChannelError {
  if (error instanceof ChannelFailure) return error.error;
  const withChannel = error as { toChannelError?: () => ChannelError };
  if (typeof withChannel?.toChannelError === 'function') return withChannel.toChannelError();
  return { kind: 'internal', message: error instanceof Error ? error.message : String(error) };
}
