// The Debug Adapter Protocol's wire format: a `Content-Length: N` header, a blank line, then
// N bytes of JSON. Used to talk to debugpy's adapter over its stdio.

export function encodeDapMessage(message: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(message), 'utf8');
  return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
}

export class DapMessageReader {
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds received bytes; returns the messages now complete. */
  push(chunk: Buffer): unknown[] {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const messages: unknown[] = [];
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length:\s*(\d+)/i.exec(header)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`not a Debug Adapter Protocol header: ${JSON.stringify(header.slice(0, 80))}`);
      const end = headerEnd + 4 + length;
      if (this.buffer.length < end) break;
      messages.push(JSON.parse(this.buffer.subarray(headerEnd + 4, end).toString('utf8')));
      this.buffer = this.buffer.subarray(end);
    }
    return messages;
  }
}
