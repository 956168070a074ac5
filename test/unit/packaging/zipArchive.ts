import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

// A small reader for the .vsix archives (plain zip: stored or deflated entries, no zip64,
// which vsce does not write for archives this size). Kept here rather than depending on a
// zip library, so the test sees the bytes exactly as VS Code's installer would.

export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
  /** The entry's uncompressed bytes. */
  read(): Buffer;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

export function readZip(file: string): ZipEntry[] {
  const bytes = readFileSync(file);
  let end = bytes.length - 22;
  while (end >= 0 && bytes.readUInt32LE(end) !== EOCD_SIGNATURE) end--;
  if (end < 0) throw new Error(`${file}: no end-of-central-directory record`);
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) throw new Error(`${file}: central directory entry ${index} is damaged`);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const size = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const localOffset = bytes.readUInt32LE(at + 42);
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, compressedSize, size, read: () => readLocal(bytes, file, name, method, localOffset, compressedSize) });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function readLocal(bytes: Buffer, file: string, name: string, method: number, offset: number, compressedSize: number): Buffer {
  if (bytes.readUInt32LE(offset) !== LOCAL_SIGNATURE) throw new Error(`${file}: local header of ${name} is damaged`);
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
  const data = bytes.subarray(start, start + compressedSize);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`${file}: ${name} uses compression method ${method}`);
}
