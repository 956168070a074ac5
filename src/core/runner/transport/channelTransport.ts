import type { Server } from 'node:net';

// Where a run channel listens. A Unix socket in a private directory is the best choice
// where one exists: the file system keeps other users out. On Windows Python's socket
// module has neither AF_UNIX nor named pipes (and the shim's channel is socket code), so
// there, or when forced so that CI covers it, the channel is a loopback TCP port, which
// every local user can reach: the server's token-first rule (channelServer.ts) keeps them out.

export const TRANSPORT_ENV = 'SNOWPARK_LOCAL_CHANNEL_TRANSPORT';

export type TransportKind = 'unix' | 'tcp';

const KINDS: readonly TransportKind[] = ['unix', 'tcp'];

export interface ChannelTransport {
  readonly kind: TransportKind;
  /**
   * Starts `server` listening and returns the address Python connects to, prefixed by its
   * kind (`unix:/path` or `tcp:127.0.0.1:PORT`), as it goes in SNOWPARK_LOCAL_CHANNEL.
   */
  listen(server: Server): Promise<string>;
  /** Frees what listening took (the socket's directory); the server is closed by its owner. */
  release(): void;
}

/**
 * The transport for this platform and environment: SNOWPARK_LOCAL_CHANNEL_TRANSPORT wins,
 * else a Unix socket where the OS has them for Python too (Linux, macOS), else TCP.
 */
export function chooseTransport(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): TransportKind {
  const forced = env[TRANSPORT_ENV]?.trim();
  if (forced) {
    const kind = forced.toLowerCase() as TransportKind;
    if (!KINDS.includes(kind)) {
      throw new Error(`${TRANSPORT_ENV}=${JSON.stringify(forced)} is not a channel transport: use ${KINDS.join(' or ')}, or unset it to let Snowpark Local choose.`);
    }
    return kind;
  }
  return platform === 'win32' ? 'tcp' : 'unix';
}

/** Resolves once `server` listens on `target`, or rejects with the listen error. */
export function listenOn(server: Server, target: string | { host: string; port: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = (): void => {
      server.off('error', reject);
      resolve();
    };
    if (typeof target === 'string') server.listen(target, done);
    else server.listen(target.port, target.host, done);
  });
}
