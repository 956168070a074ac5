import assert from 'node:assert/strict';
import { encodeFrame, FrameDecoder } from '../../../src/core/runner/framing';

describe('channel framing', () => {
  it('reassembles frames split at any byte and several frames in one chunk', () => {
    const messages = [{ id: 1, method: 'a', params: { sql: 'select \'é\' -- ünïcode' } }, { id: 2, result: [1, 2, 3] }];
    const bytes = Buffer.concat(messages.map(encodeFrame));
    for (let split = 1; split < bytes.length; split++) {
      const decoder = new FrameDecoder();
      const out = [...decoder.push(bytes.subarray(0, split)), ...decoder.push(bytes.subarray(split))];
      assert.deepEqual(out, messages, `split at ${split}`);
    }
  });

  it('refuses a frame longer than the limit instead of buffering forever', () => {
    const header = Buffer.alloc(4);
    header.writeUInt32BE(0xffffffff, 0);
    assert.throws(() => new FrameDecoder().push(header), /exceeds the channel limit/);
  });
});
