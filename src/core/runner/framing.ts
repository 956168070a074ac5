// Length-prefixed JSON frames: 4-byte big-endian length, then UTF-8 JSON. Newline framing
// would be simpler, but handler values and SQL may contain anything; lengths never lie.

export const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

export function encodeFrame(message: unknown): Buffer {
  return frameText(JSON.stringify(message));
}

/** Frames JSON text that is already serialised (large results are built as text). */
export function frameText(json: string): Buffer {
  const body = Buffer.from(json, 'utf8');
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Accumulates socket data and yields each complete frame's parsed JSON. */
export class FrameDecoder {
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  push(data: Buffer): unknown[] {
    this.pending.push(data);
    this.pendingBytes += data.length;
    const messages: unknown[] = [];
    while (this.pendingBytes >= 4) {
      const buffer = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
      this.pending = [buffer];
      const length = buffer.readUInt32BE(0);
      if (length > MAX_FRAME_BYTES) throw new Error(`frame of ${length} bytes exceeds the channel limit`);
      if (buffer.length < 4 + length) break;
      messages.push(JSON.parse(buffer.toString('utf8', 4, 4 + length)));
      const rest = buffer.subarray(4 + length);
      this.pending = rest.length ? [rest] : [];
      this.pendingBytes = rest.length;
    }
    return messages;
  }
}
