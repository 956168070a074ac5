import { createServer, Server, Socket } from 'node:net';
import { TransportKind } from '../runner/transport/channelTransport';
import { createTransport } from '../runner/transport/createTransport';
import { AUTHENTICATION_TIMEOUT_MS, newRunToken, sameToken } from '../runner/transport/runToken';

// The stream between the TaskPool (Node's main thread) and one Python task worker. The main
// thread listens once, on a Unix socket in a fresh 0700 directory or (tcp transport: Windows,
// or forced) on loopback, hands the worker the address and a fresh token, takes the first
// connection that presents the token, and stops listening. The worker's own thread starts and
// watches the process, but stays off the data path: a chunk and its reply cross two thread
// wake-ups fewer than when the thread relayed them (bench/README, issue 11 part 3).

export const TASK_ADDRESS_ENV = 'SNOWPARK_LOCAL_TASK_ADDRESS';
export const TASK_TOKEN_ENV = 'SNOWPARK_LOCAL_TASK_TOKEN';

export interface WorkerLink {
  /** Added to the worker's environment. */
  readonly env: Record<string, string>;
  /** The stream to the worker, once it presented the token, paused: resume it once read. */
  readonly connected: Promise<Socket>;
  /** Stops waiting for the worker and frees the listening socket (its directory too). */
  close(): void;
}

export async function openWorkerLink(kind: TransportKind): Promise<WorkerLink> {
  const token = newRunToken();
  const transport = createTransport(kind);
  let accepted: (socket: Socket) => void = () => undefined;
  const connected = new Promise<Socket>((resolve) => (accepted = resolve));
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    server.close();
    transport.release();
  };
  const server: Server = createServer((socket) => admitIfToken(socket, token, () => {
    close();
    accepted(socket);
  }));
  const address = await transport.listen(server);
  return { env: { [TASK_ADDRESS_ENV]: address, [TASK_TOKEN_ENV]: token }, connected, close };
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
