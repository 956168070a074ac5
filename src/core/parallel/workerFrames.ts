// Binary frames between a worker thread and its Python worker (twin of
// src/python/snowpark_local/parallel/frames.py): 4-byte big-endian header length, 4-byte
// big-endian payload length, the header as UTF-8 JSON, then the payload (a pickle). Task
// payloads are bytes, so they travel as bytes, not as base64 inside JSON.

export interface WorkerFrame {
  header: Record<string, unknown>;
  payload: Uint8Array;
}

export function encodeWorkerFrame(header: unknown, payload: Uint8Array = new Uint8Array(0)): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const lengths = Buffer.allocUnsafe(8);
  lengths.writeUInt32BE(json.length, 0);
  lengths.writeUInt32BE(payload.length, 4);
  return Buffer.concat([lengths, json, payload]);
}

export class WorkerFrameDecoder {
  private buffer: Buffer = Buffer.alloc(0);

  push(data: Buffer): WorkerFrame[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, data]) : data;
    const frames: WorkerFrame[] = [];
    while (this.buffer.length >= 8) {
      const headerLength = this.buffer.readUInt32BE(0);
      const payloadLength = this.buffer.readUInt32BE(4);
      const total = 8 + headerLength + payloadLength;
      if (this.buffer.length < total) break;
      const header = JSON.parse(this.buffer.toString('utf8', 8, 8 + headerLength)) as Record<string, unknown>;
      // A copy: the frame may be transferred to another thread, the buffer may not.
      const payload = new Uint8Array(payloadLength);
      payload.set(this.buffer.subarray(8 + headerLength, total));
      frames.push({ header, payload });
      this.buffer = this.buffer.subarray(total);
    }
    return frames;
  }
}
