/**
 * Bytes received from a stream, kept as the chunks they arrived in. A frame decoder asks
 * for a few header bytes, waits until a whole frame is here, then takes exactly that frame:
 * each byte is copied once, so a 40 MB frame arriving in 64 KiB chunks costs linear time
 * (re-joining everything on each chunk, as before, cost quadratic time: 40 MB took ~30 s).
 */
export class ByteQueue {
  private chunks: Buffer[] = [];
  /** Bytes of chunks[0] already taken. */
  private head = 0;
  private total = 0;

  get length(): number {
    return this.total;
  }

  push(data: Buffer): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.total += data.length;
  }

  /** The big-endian uint32 at `offset`, or undefined when fewer bytes have arrived. */
  readUInt32BE(offset: number): number | undefined {
    if (this.total < offset + 4) return undefined;
    const first = this.chunks[0];
    const at = this.head + offset;
    if (at + 4 <= first.length) return first.readUInt32BE(at);
    return this.peek(offset, 4).readUInt32BE(0);
  }

  /** Removes and returns the next `count` bytes (the caller checked `length` first). */
  take(count: number): Buffer {
    const out = this.peek(0, count);
    this.skip(count);
    return out;
  }

  /** The byte at `offset` (the caller checked `length` first). */
  byteAt(offset: number): number {
    return this.peek(offset, 1)[0];
  }

  /**
   * Removes the next `count` bytes (the caller checked `length` first) and returns them as
   * views of the chunks they arrived in: nothing is copied, for a large body that is only
   * passed on (a return value written to stdout as it is).
   */
  takeChunks(count: number): Buffer[] {
    if (this.total < count) throw new RangeError(`only ${this.total} bytes buffered, ${count} needed`);
    const out: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const first = this.chunks[0];
      const piece = Math.min(first.length - this.head, left);
      out.push(first.subarray(this.head, this.head + piece));
      this.skip(piece);
      left -= piece;
    }
    return out;
  }

  private peek(offset: number, count: number): Buffer {
    if (this.total < offset + count) throw new RangeError(`only ${this.total} bytes buffered, ${offset + count} needed`);
    if (count === 0) return Buffer.alloc(0);
    const first = this.chunks[0];
    const start = this.head + offset;
    // The common case, a frame inside one chunk, is a view and costs nothing.
    if (start + count <= first.length) return first.subarray(start, start + count);
    const out = Buffer.allocUnsafe(count);
    let filled = 0;
    let skip = start;
    for (const chunk of this.chunks) {
      if (filled === count) break;
      if (skip >= chunk.length) {
        skip -= chunk.length;
        continue;
      }
      const piece = Math.min(chunk.length - skip, count - filled);
      chunk.copy(out, filled, skip, skip + piece);
      filled += piece;
      skip = 0;
    }
    return out;
  }

  private skip(count: number): void {
    this.total -= count;
    let left = count;
    while (left > 0) {
      const available = this.chunks[0].length - this.head;
      if (left < available) {
        this.head += left;
        return;
      }
      left -= available;
      this.chunks.shift();
      this.head = 0;
    }
  }
}
