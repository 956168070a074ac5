import { BINARY_FRAME_MARK } from './attachments';
import { lazyJsonValue, lazyStrValue } from './lazyJsonValue';

// Binary frames from Python (docs/channel-protocol.md, "Binary frames"): a small JSON header,
// then an attachment area. Python sends one for a large return value, whose JSON text is an
// attachment named in the header by `{"$a": "json", "data": [offset, length], "exact": bool}`,
// or, for a str JSON escapes nothing in, its bare UTF-8 named by `{"$a": "str", "data": …}`.
// The body stays in the chunks it arrived in: a value's bytes are never copied into one
// buffer unless someone parses it.

/** True for the first byte of a binary frame's body. */
export const isBinaryMark = (firstByte: number): boolean => firstByte === BINARY_FRAME_MARK;

/** The message in a binary frame's body, each `{"$a"}` reference replaced by the value it names (kept as bytes, parsed when read). */
export function decodeBinaryMessage(body: Buffer[]): unknown {
  const length = body.reduce((sum, chunk) => sum + chunk.length, 0);
  if (length < 5) throw new Error(`a binary frame of ${length} bytes is too short for its header`);
  const headerLength = bytesAt(body, 1, 5).readUInt32BE(0);
  const headerEnd = 5 + headerLength;
  if (headerEnd > length) throw new Error(`a binary frame's header claims ${headerLength} bytes but the frame has ${length - 5}`);
  const areaStart = Math.ceil(headerEnd / 8) * 8;
  const area = { chunks: body, start: areaStart, length: Math.max(0, length - areaStart) };
  const header = bytesAt(body, 5, headerEnd).toString('utf8');
  return JSON.parse(header, (_key, value: unknown) => (isReference(value) ? resolve(value, area) : value));
}

interface Reference {
  $a: string;
  data: unknown;
  exact?: unknown;
}

interface AttachmentArea {
  chunks: Buffer[];
  /** Where the area starts in the body. */
  start: number;
  length: number;
}

function isReference(value: unknown): value is Reference {
  return value !== null && typeof value === 'object' && '$a' in value;
}

function resolve(reference: Reference, area: AttachmentArea): unknown {
  if (reference.$a !== 'json' && reference.$a !== 'str') throw new Error(`a binary frame from Python names an unknown attachment kind '${String(reference.$a)}'`);
  const range = reference.data;
  const valid = Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0) && range[0] + range[1] <= area.length;
  if (!valid) throw new Error(`a binary frame's attachment range ${JSON.stringify(range)} lies outside its ${area.length}-byte attachment area`);
  const [offset, length] = range as [number, number];
  const bytes = slice(area.chunks, area.start + offset, area.start + offset + length);
  return reference.$a === 'str' ? lazyStrValue(bytes) : lazyJsonValue(bytes, reference.exact === true);
}

/** Views of bytes [start, end) of the chunks laid end to end. */
function slice(chunks: Buffer[], start: number, end: number): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const chunk of chunks) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + chunk.length);
    if (from < to) out.push(chunk.subarray(from - at, to - at));
    at += chunk.length;
    if (at >= end) break;
  }
  return out;
}

/** Bytes [start, end) as one buffer: for the header, a few hundred bytes at most. */
function bytesAt(chunks: Buffer[], start: number, end: number): Buffer {
  const pieces = slice(chunks, start, end);
  return pieces.length === 1 ? pieces[0] : Buffer.concat(pieces);
}
