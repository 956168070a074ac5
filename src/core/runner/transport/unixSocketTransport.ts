import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChannelTransport, listenOn } from './channelTransport';

/** A socket file in a fresh directory that mkdtemp creates 0700: only this user gets in. */
export class UnixSocketTransport implements ChannelTransport {
  readonly kind = 'unix' as const;
  private directory: string | undefined;

  async listen(server: Server): Promise<string> {
    this.directory = mkdtempSync(join(tmpdir(), 'snowpark-local-'));
    const path = join(this.directory, 'channel.sock');
    await listenOn(server, path);
    return `unix:${path}`;
  }

  release(): void {
    if (this.directory) rmSync(this.directory, { recursive: true, force: true });
    this.directory = undefined;
  }
}
