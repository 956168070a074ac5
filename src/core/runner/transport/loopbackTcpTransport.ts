import type { AddressInfo, Server } from 'node:net';
import { ChannelTransport, listenOn } from './channelTransport';

/** The IPv4 loopback address, never a wildcard: nothing off this machine can connect. */
export const LOOPBACK_HOST = '127.0.0.1';

/** A port the OS picks on 127.0.0.1. Any local user can connect: the token check is the gate. */
export class LoopbackTcpTransport implements ChannelTransport {
  readonly kind = 'tcp' as const;

  async listen(server: Server): Promise<string> {
    await listenOn(server, { host: LOOPBACK_HOST, port: 0 });
    return `tcp:${LOOPBACK_HOST}:${(server.address() as AddressInfo).port}`;
  }

  release(): void {
    // Closing the server frees the port; there is nothing on disk.
  }
}
