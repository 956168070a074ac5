// How many files a .vsix holds, from the zip's end-of-central-directory record, for the
// summary `npm run package` prints (the packaging test opens the archives fully).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const EOCD_SIGNATURE = 0x06054b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function zipEntryCount(file) {
  const descriptor = openSync(file, 'r');
  try {
    const size = fstatSync(descriptor).size;
    const length = Math.min(size, EOCD_SIZE + MAX_COMMENT);
    const tail = Buffer.alloc(length);
    readSync(descriptor, tail, 0, length, size - length);
    for (let at = length - EOCD_SIZE; at >= 0; at--) {
      if (tail.readUInt32LE(at) === EOCD_SIGNATURE) return tail.readUInt16LE(at + 10);
    }
  } finally {
    closeSync(descriptor);
  }
  throw new Error(`${file} is not a zip archive (no end-of-central-directory record)`);
}
