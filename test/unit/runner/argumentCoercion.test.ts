import assert from 'node:assert/strict';
import { ArgumentError, coerceArguments } from '../../../src/core/runner/argumentCoercion';

const declared = (...types: string[]) => types.map((type, i) => ({ name: `A${i}`, type }));

describe('argument coercion', () => {
  it('converts JSON values to the declared Snowflake types', () => {
    const values = coerceArguments(
      'P',
      declared('INT', 'NUMBER(10,2)', 'FLOAT', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIMESTAMP_NTZ', 'VARIANT', 'OBJECT', 'ARRAY', 'NUMBER'),
      ['42', 3.5, '1e3', 7, 'yes', '2024-02-29', '2024-02-29T10:11:12', { a: [1] }, '{"k": 1}', '[1,2]', 12345678901234567890],
    );
    assert.deepEqual(values, [
      42,
      { $t: 'decimal', v: '3.5' },
      1000,
      '7',
      true,
      { $t: 'date', v: '2024-02-29' },
      { $t: 'timestamp', v: '2024-02-29 10:11:12' },
      { $t: 'object', v: { a: [1] } },
      { $t: 'object', v: { k: 1 } },
      [1, 2],
      { $t: 'int', v: '12345678901234567000' },
    ]);
  });

  it('accepts Python annotations as types', () => {
    assert.deepEqual(coerceArguments('h', declared('int', 'str', 'float'), ['5', 5, '2.5']), [5, '5', 2.5]);
  });

  it('names the argument, its type and the bad value', () => {
    assert.throws(() => coerceArguments('P', declared('INT'), ['abc']), (error: unknown) => {
      assert.ok(error instanceof ArgumentError);
      assert.match(error.message, /argument 1 \(A0\) INT: "abc" is not a whole number/);
      return true;
    });
    assert.throws(() => coerceArguments('P', declared('DATE'), ['31/01/2024']), /is not a date \(use YYYY-MM-DD\)/);
  });

  it('checks the argument count against the signature, defaults included', () => {
    const args = [{ name: 'I', type: 'INT' }, { name: 'S', type: 'VARCHAR', hasDefault: true }];
    assert.throws(() => coerceArguments('P', args, []), /P\(I INT, S VARCHAR\) takes 1 to 2 arguments; 0 given/);
    assert.throws(() => coerceArguments('P', args, [1, 'a', 2]), /3 given/);
    assert.deepEqual(coerceArguments('P', args, [1]), [1]);
  });

  it('passes NULL through for any type', () => {
    assert.deepEqual(coerceArguments('P', declared('INT', 'DATE'), [null, null]), [null, null]);
  });
});
