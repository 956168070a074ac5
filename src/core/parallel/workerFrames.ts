import { ByteQueue } from '../util/byteQueue';

// Binary frames between a worker thread and its Python worker (twin of
// src/python/snowpark_local/parallel/frames.py): 4-byte big-endian header length, 4-byte
// big-endian payload length, the header as UTF-8 JSON, then the payload (a pickle). Task
// payloads are bytes, so they travel as bytes, not as base64 inside JSON.

export interface WorkerFrame {
  header: Record<string, unknown>;
  payload: Uint8Array;
}

export function encodeWorkerFrame(header: unknown, payload: Uint8Array = new Uint8Array(0)): Buffer {
  // Built in one allocation: lengths, the header encoded in place, then the payload.
  const json = JSON.stringify(header);
  const headerLength = Buffer.byteLength(json, 'utf8');
  const frame = Buffer.allocUnsafe(8 + headerLength + payload.length);
  frame.writeUInt32BE(headerLength, 0);
  frame.writeUInt32BE(payload.length, 4);
  frame.write(json, 8, 'utf8');
  frame.set(payload, 8 + headerLength);
  return frame;
}

export class WorkerFrameDecoder {
  private readonly received = new ByteQueue();

  push(data: Buffer): WorkerFrame[] {
    this.received.push(data);
    const frames: WorkerFrame[] = [];
    for (;;) {
      const headerLength = this.received.readUInt32BE(0);
      const payloadLength = this.received.readUInt32BE(4);
      if (headerLength === undefined || payloadLength === undefined) break;
      if (this.received.length < 8 + headerLength + payloadLength) break;
      this.received.take(8);
      const header = JSON.parse(this.received.take(headerLength).toString('utf8')) as Record<string, unknown>;
      // Not copied: frames stay on the thread that read them, and a socket's chunks are never
      // reused, so a view of them stays valid (one allocation fewer per chunk of tasks).
      frames.push({ header, payload: this.received.take(payloadLength) });
    }
    return frames;
  }
}

/**
 * A worker's `progress`, `done` and `error` frames start their payload with the tasks' run
 * times: `header.timings` float64 milliseconds in the machine's byte order (the Python worker
 * runs on the same machine). The rest is the frame's pickle.
 */
export function splitTimings(header: Record<string, unknown>, payload: Uint8Array): { durations: Float64Array; rest: Uint8Array } {
  const count = Number(header.timings) || 0;
  const bytes = count * Float64Array.BYTES_PER_ELEMENT;
  if (count <= 0 || payload.length < bytes) return { durations: new Float64Array(0), rest: payload };
  // A view needs an 8-aligned offset, which a payload need not have: copy when it is not
  // (byte by byte: a Buffer's slice() is a view, not a copy).
  let durations: Float64Array;
  if (payload.byteOffset % Float64Array.BYTES_PER_ELEMENT === 0) durations = new Float64Array(payload.buffer, payload.byteOffset, count);
  else {
    durations = new Float64Array(count);
    new Uint8Array(durations.buffer).set(payload.subarray(0, bytes));
  }
  return { durations, rest: payload.subarray(bytes) };
}
