import assert from 'node:assert/strict';
import { indentedJsonPrefix } from '../../../src/cli/indentedJsonPrefix';

describe('indentedJsonPrefix', () => {
  const values: unknown[] = [
    [{ id: 1, name: 'n1' }, { id: 2, name: 'n"2\\' }],
    { a: { b: [[], {}, [1, [2, {}]], null, true, false] }, 'k,:{}[]': 'v,:{}[]"', empty: '' },
    'x'.repeat(200),
    'żółć 🚀 \u2028 \n \u0000',
    [],
    {},
    -5,
  ];

  it('is the start of JSON.stringify(value, null, 2), at least as long as asked', () => {
    for (const value of values) {
      const full = JSON.stringify(value, null, 2);
      for (let chars = 0; chars <= full.length + 2; chars++) {
        const prefix = indentedJsonPrefix(JSON.stringify(value), chars);
        assert.ok(full.startsWith(prefix), `${JSON.stringify(value).slice(0, 40)} at ${chars}: ${JSON.stringify(prefix)}`);
        assert.ok(prefix.length >= Math.min(chars, full.length), `long enough at ${chars}`);
      }
      assert.equal(indentedJsonPrefix(JSON.stringify(value), Infinity), full);
    }
  });

  it('a text cut off inside a string or after an opening bracket still gives a prefix', () => {
    const full = JSON.stringify([{ s: 'abc"def' }], null, 2);
    for (const cut of ['[{"s":"ab', '[{"s":"abc\\', '[', '[{']) assert.ok(full.startsWith(indentedJsonPrefix(cut, 1000)), cut);
  });
});
