import assert from 'node:assert/strict';
import { FrameDecoder } from '../../../src/core/runner/framing';
import { jsonTextOf } from '../../../src/core/runner/lazyJsonValue';
import { TaggedValue } from '../../../src/core/runner/protocol';

// Binary frames from Python (docs/channel-protocol.md, "Binary frames"): a large return
// value's JSON text (or a str's bare UTF-8) rides as an attachment and stays bytes until read.

/** A frame laid out as src/python/snowpark_local/binary_frames.py's binary_frame_pieces lays it out. */
function pythonFrame(header: unknown, attachment: Buffer): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header));
  const padding = Buffer.alloc((8 - ((5 + headerBytes.length) % 8)) % 8);
  const start = Buffer.alloc(9);
  start.writeUInt32BE(5 + headerBytes.length + padding.length + attachment.length, 0);
  start[4] = 0;
  start.writeUInt32BE(headerBytes.length, 5);
  return Buffer.concat([start, headerBytes, padding, attachment]);
}

const finishWith = (reference: unknown) => ({ id: 9, method: 'run.finish', params: { ok: true, value: reference } });
const decodeAll = (frame: Buffer): unknown[] => new FrameDecoder().push(frame);
const valueOf = (message: unknown): TaggedValue => (message as { params: { value: TaggedValue } }).params.value;

describe('binary frames from Python', () => {
  const value = [{ id: 1, name: 'żółć 🚀' }, { nested: { list: [1, null, true, 'a"b'] } }];
  const text = Buffer.from(JSON.stringify(value));

  it('a JSON attachment becomes a {"$t": "json"} value, whatever the chunking', () => {
    const frame = pythonFrame(finishWith({ $a: 'json', data: [0, text.length], exact: true }), text);
    for (const split of [1, 4, 5, 9, 20, frame.length - text.length, frame.length - 1]) {
      const decoder = new FrameDecoder();
      const [message] = [...decoder.push(frame.subarray(0, split)), ...decoder.push(frame.subarray(split))];
      assert.deepEqual(JSON.parse(JSON.stringify(message)), finishWith({ $t: 'json', v: value }), `split at ${split}`);
      const json = jsonTextOf(valueOf(message));
      assert.equal(json?.exact, true);
      assert.equal(Buffer.concat(json!.parts).toString(), text.toString(), 'the text as it arrived, for --json');
    }
  });

  it('the value is parsed when read, once, and survives a structured clone', () => {
    const [message] = decodeAll(pythonFrame(finishWith({ $a: 'json', data: [0, text.length], exact: false }), text));
    const tagged = valueOf(message) as { $t: 'json'; v: unknown };
    assert.equal(jsonTextOf(tagged)?.exact, false);
    assert.equal(tagged.v, tagged.v, 'the same parsed object on every read');
    assert.deepEqual(structuredClone(tagged), { $t: 'json', v: value });
    assert.deepEqual({ ...tagged }, { $t: 'json', v: value });
    assert.equal(jsonTextOf({ $t: 'json', v: value }), undefined, 'only values that came as text have one');
  });

  it('parsing waits until someone reads the value', () => {
    const broken = Buffer.from('[1, oops');
    const [message] = decodeAll(pythonFrame(finishWith({ $a: 'json', data: [0, broken.length], exact: true }), broken));
    const tagged = valueOf(message) as { $t: 'json'; v: unknown };
    assert.throws(() => tagged.v, SyntaxError);
  });

  it('a str attachment is the str itself and quotes to its JSON text', () => {
    const str = 'x'.repeat(1000) + 'żółć 🚀 \u2028';
    const bytes = Buffer.from(str);
    const [message] = decodeAll(pythonFrame(finishWith({ $a: 'str', data: [0, bytes.length] }), bytes));
    const tagged = valueOf(message) as { $t: 'json'; v: unknown };
    assert.equal(tagged.v, str);
    assert.equal(Buffer.concat(jsonTextOf(tagged)!.parts).toString(), JSON.stringify(str));
  });

  it('a value split inside a multi-byte character reads whole, and its bytes are the chunks received, not a copy', () => {
    const str = 'żółć🚀'.repeat(50);
    for (const kind of ['json', 'str'] as const) {
      const bytes = Buffer.from(kind === 'json' ? JSON.stringify([str]) : str);
      const frame = pythonFrame(finishWith({ $a: kind, data: [0, bytes.length], exact: true }), bytes);
      const textStart = frame.length - bytes.length;
      for (let split = textStart + 1; split < textStart + 12; split++) {
        const decoder = new FrameDecoder();
        const tail = frame.subarray(split);
        const [message] = [...decoder.push(frame.subarray(0, split)), ...decoder.push(tail)];
        const tagged = valueOf(message) as { $t: 'json'; v: unknown };
        assert.deepEqual(tagged.v, kind === 'json' ? [str] : str, `${kind} split at ${split}`);
        const parts = jsonTextOf(tagged)!.parts;
        assert.ok(parts.some((part) => part.buffer === tail.buffer && part.byteOffset === tail.byteOffset), 'a view of the chunk as it arrived');
      }
    }
  });

  it('a bad reference or header is an error naming the problem', () => {
    const cases: Array<[Buffer, RegExp]> = [
      [pythonFrame(finishWith({ $a: 'json', data: [0, text.length + 1] }), text), /attachment range \[0,\d+\] lies outside its \d+-byte attachment area/],
      [pythonFrame(finishWith({ $a: 'json', data: [-1, 2] }), text), /lies outside/],
      [pythonFrame(finishWith({ $a: 'json', data: 'all' }), text), /lies outside/],
      [pythonFrame(finishWith({ $a: 'q', data: [0, 8] }), text), /unknown attachment kind 'q'/],
    ];
    for (const [frame, error] of cases) assert.throws(() => decodeAll(frame), error);
    const tooLong = Buffer.from([0, 0, 0, 9, 0, 0, 0, 0, 100, 123, 125, 0, 0]);
    assert.throws(() => decodeAll(tooLong), /header claims 100 bytes but the frame has 4/);
  });
});
