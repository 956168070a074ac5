import { BINARY_FRAME_MARK } from './attachments';
import { lazyJsonValue, lazyStrValue } from './lazyJsonValue';

// Binary frames from Python (docs/channel-protocol.md, "Binary frames"): a small JSON header,
// then an attachment area. Python sends one for a large return value, whose JSON text is an
// attachment named in the header by `{"$a": "json", "data": [offset, length], "exact": bool}`,
// or, for a str JSON escapes nothing in, its bare UTF-8 named by `{"$a": "str", "data": …}`.

export function isBinaryBody(body: Buffer): boolean {
  return body.length > 0 && body[0] === BINARY_FRAME_MARK;
}

/** The message in a binary frame's body, each `{"$a"}` reference replaced by the value it names (kept as bytes, parsed when read). */
export function decodeBinaryMessage(body: Buffer): unknown {
  if (body.length < 5) throw new Error(`a binary frame of ${body.length} bytes is too short for its header`);
  const headerLength = body.readUInt32BE(1);
  const headerEnd = 5 + headerLength;
  if (headerEnd > body.length) throw new Error(`a binary frame's header claims ${headerLength} bytes but the frame has ${body.length - 5}`);
  const area = body.subarray(Math.ceil(headerEnd / 8) * 8);
  return JSON.parse(body.toString('utf8', 5, headerEnd), (_key, value: unknown) => (isJsonReference(value) ? resolve(value, area) : value));
}

interface JsonReference {
  $a: string;
  data: unknown;
  exact?: unknown;
}

function isJsonReference(value: unknown): value is JsonReference {
  return value !== null && typeof value === 'object' && '$a' in value;
}

function resolve(reference: JsonReference, area: Buffer): unknown {
  if (reference.$a !== 'json' && reference.$a !== 'str') throw new Error(`a binary frame from Python names an unknown attachment kind '${String(reference.$a)}'`);
  const range = reference.data;
  const valid = Array.isArray(range) && range.length === 2 && range.every((n) => Number.isInteger(n) && n >= 0) && range[0] + range[1] <= area.length;
  if (!valid) throw new Error(`a binary frame's attachment range ${JSON.stringify(range)} lies outside its ${area.length}-byte attachment area`);
  const [offset, length] = range as [number, number];
  const bytes = area.subarray(offset, offset + length);
  return reference.$a === 'str' ? lazyStrValue(bytes) : lazyJsonValue(bytes, reference.exact === true);
}
