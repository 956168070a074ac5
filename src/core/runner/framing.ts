import { ByteQueue } from '../util/byteQueue';
import { decodeBinaryMessage, isBinaryMark } from './binaryMessages';

// Length-prefixed JSON frames: 4-byte big-endian length, then UTF-8 JSON. Newline framing
// would be simpler, but handler values and SQL may contain anything; lengths never lie.

export const MAX_FRAME_BYTES = 1024 * 1024 * 1024;

export function encodeFrame(message: unknown): Buffer {
  return frameText(JSON.stringify(message));
}

/** Frames JSON text that is already serialised (large results are built as text). */
export function frameText(json: string): Buffer {
  // Encoded straight into the frame: one allocation, no copy (every reply comes through here).
  const length = Buffer.byteLength(json, 'utf8');
  const frame = Buffer.allocUnsafe(4 + length);
  frame.writeUInt32BE(length, 0);
  frame.write(json, 4, 'utf8');
  return frame;
}

/** Accumulates socket data and yields each complete frame's message (JSON, or a binary frame's header with its attachments: binaryMessages.ts), in linear time. */
export class FrameDecoder {
  private readonly received = new ByteQueue();

  /** Frames longer than this are refused; lowered while a peer has not yet authenticated. */
  constructor(public maxFrameBytes = MAX_FRAME_BYTES) {}

  push(data: Buffer): unknown[] {
    this.received.push(data);
    const messages: unknown[] = [];
    for (;;) {
      const length = this.received.readUInt32BE(0);
      if (length === undefined) break;
      if (length > this.maxFrameBytes) throw new Error(`frame of ${length} bytes exceeds the channel limit`);
      if (this.received.length < 4 + length) break;
      this.received.take(4);
      if (length > 0 && isBinaryMark(this.received.byteAt(0))) messages.push(decodeBinaryMessage(this.received.takeChunks(length)));
      else messages.push(JSON.parse(this.received.take(length).toString('utf8')));
    }
    return messages;
  }
}
