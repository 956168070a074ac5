import { ChildProcess, StdioOptions } from 'node:child_process';
import { createServer, Server, Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { TransportKind } from '../runner/transport/channelTransport';
import { LoopbackTcpTransport } from '../runner/transport/loopbackTcpTransport';
import { AUTHENTICATION_TIMEOUT_MS, newRunToken, sameToken } from '../runner/transport/runToken';

// The stream between a task worker thread and its Python worker. Where Python can use an
// inherited descriptor (POSIX) it is fd 3, a socket pair nobody else can reach. Under the
// tcp transport (Windows, or forced) the thread listens once on loopback, hands the worker
// the address and a fresh token, takes the first connection that presents the token, and
// stops listening.

export const TASK_FD_ENV = 'SNOWPARK_LOCAL_TASK_FD';
export const TASK_ADDRESS_ENV = 'SNOWPARK_LOCAL_TASK_ADDRESS';
export const TASK_TOKEN_ENV = 'SNOWPARK_LOCAL_TASK_TOKEN';

export interface WorkerLink {
  /** Added to the worker's environment. */
  readonly env: Record<string, string>;
  readonly stdio: StdioOptions;
  /** The stream to the worker, once it is there (tcp: once it presented the token), paused: resume it once read. */
  connected(child: ChildProcess): Promise<Duplex>;
  /** Stops waiting for the worker (it exited, or the thread stops before it connected). */
  close(): void;
}

export async function openWorkerLink(kind: TransportKind): Promise<WorkerLink> {
  return kind === 'tcp' ? openLoopbackLink() : inheritedDescriptorLink();
}

function inheritedDescriptorLink(): WorkerLink {
  return {
    env: { [TASK_FD_ENV]: '3' },
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    connected: async (child) => child.stdio[3] as Duplex,
    close: () => undefined,
  };
}

async function openLoopbackLink(): Promise<WorkerLink> {
  const token = newRunToken();
  let accepted: (socket: Socket) => void = () => undefined;
  const connection = new Promise<Socket>((resolve) => (accepted = resolve));
  const server: Server = createServer((socket) => admitIfToken(socket, token, () => {
    server.close();
    accepted(socket);
  }));
  const address = await new LoopbackTcpTransport().listen(server);
  return {
    env: { [TASK_ADDRESS_ENV]: address, [TASK_TOKEN_ENV]: token },
    stdio: ['ignore', 'pipe', 'pipe'],
    connected: () => connection,
    close: () => server.close(),
  };
}

/**
 * The worker's first bytes are the token itself, nothing else: a stranger gets a closed
 * connection after at most that many bytes or AUTHENTICATION_TIMEOUT_MS of silence.
 */
export function admitIfToken(socket: Socket, token: string, admit: () => void, timeoutMs = AUTHENTICATION_TIMEOUT_MS): void {
  const expected = Buffer.byteLength(token, 'utf8');
  let received = Buffer.alloc(0);
  socket.setNoDelay(true);
  socket.setTimeout(timeoutMs, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  const onData = (data: Buffer): void => {
    received = Buffer.concat([received, data]);
    if (received.length < expected) return;
    socket.off('data', onData);
    socket.pause();
    if (!sameToken(received.subarray(0, expected).toString('utf8'), token)) {
      socket.destroy();
      return;
    }
    socket.setTimeout(0);
    // Frames that came with the token belong to whoever reads the stream next.
    if (received.length > expected) socket.unshift(received.subarray(expected));
    admit();
  };
  socket.on('data', onData);
}
