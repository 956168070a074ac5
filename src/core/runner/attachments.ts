import { MAX_FRAME_BYTES } from './framing';

// Binary frames (docs/channel-protocol.md, "Binary frames"): a small JSON header plus raw
// byte arrays ("attachments") the header points into by [offset, length]. Built length-first
// into one buffer, so the reader allocates once and reads each array in place.

/** [offset, length] in bytes, from the start of the attachment area. */
export type ByteRange = [number, number];

/** The first body byte of a binary frame; a JSON frame's body starts with `{`. */
export const BINARY_FRAME_MARK = 0x00;

/** Each attachment starts at a multiple of 8, so Python may view it as any array type in place. */
const ALIGN = 8;

const aligned = (offset: number): number => Math.ceil(offset / ALIGN) * ALIGN;

export class AttachmentWriter {
  private readonly parts: { at: number; bytes: Uint8Array }[] = [];
  private size = 0;

  add(array: ArrayBufferView): ByteRange {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    const at = aligned(this.size);
    this.parts.push({ at, bytes });
    this.size = at + bytes.byteLength;
    return [at, bytes.byteLength];
  }

  get byteLength(): number {
    return this.size;
  }

  /**
   * The whole frame: uint32 BE body length, then the body: the mark byte, uint32 BE header
   * length, the UTF-8 JSON header, zero padding up to a multiple of 8 (counted from the body's
   * start), then the attachments.
   */
  frame(headerJson: string): Buffer {
    const headerLength = Buffer.byteLength(headerJson, 'utf8');
    const attachmentsAt = aligned(5 + headerLength);
    const bodyLength = attachmentsAt + this.size;
    if (bodyLength > MAX_FRAME_BYTES) throw new Error(`a result of ${bodyLength} bytes exceeds the channel's ${MAX_FRAME_BYTES}-byte frame limit; select fewer rows or columns`);
    // Zero-filled, so the padding is zeros.
    const frame = Buffer.alloc(4 + bodyLength);
    frame.writeUInt32BE(bodyLength, 0);
    frame[4] = BINARY_FRAME_MARK;
    frame.writeUInt32BE(headerLength, 5);
    frame.write(headerJson, 9, 'utf8');
    for (const { at, bytes } of this.parts) frame.set(bytes, 4 + attachmentsAt + at);
    return frame;
  }
}
