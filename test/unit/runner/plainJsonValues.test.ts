import assert from 'node:assert/strict';
import { resultForReturnValue } from '../../../src/core/procedures/procedureValues';
import { TaggedValue } from '../../../src/core/runner/protocol';
import { lazyJsonValue, lazyStrValue } from '../../../src/core/runner/lazyJsonValue';
import { untag } from '../../../src/core/runner/taggedValues';
import { checkExpectation, expectationFromOutcome } from '../../../src/core/savedRuns/checkExpectation';
import { shownOutcome } from '../../../src/vscode/runs/outcomeTable';

// A handler's plain-JSON return value ({"$t": "json"}, src/python/snowpark_local/plain_json.py)
// must show exactly as the same value sent with tags does.
const outcome = (value: TaggedValue) => ({ runId: 'r1', ok: true, value, durationMs: 1, cancelledChildren: [] });

const plainRows: TaggedValue = { $t: 'json', v: [{ A: 1, B: 'x', $t: 'object' }, { A: 2, B: null, $t: 'object' }] };
const taggedRows: TaggedValue = [
  { $t: 'object', v: { A: 1, B: 'x', $t: 'object' } },
  { $t: 'object', v: { A: 2, B: null, $t: 'object' } },
];

describe('plain-JSON return values', () => {
  it('untag gives the value itself, "$t" keys inside included', () => {
    assert.deepEqual(untag(plainRows), untag(taggedRows));
    assert.deepEqual(untag({ $t: 'json', v: { $t: 'int', v: '1' } }), { $t: 'int', v: '1' });
  });

  it('a list of dicts shows as the same table either way', () => {
    const plain = shownOutcome(outcome(plainRows), 'main', null);
    assert.equal(plain?.tabular, true);
    assert.deepEqual(plain, shownOutcome(outcome(taggedRows), 'main', null));
    assert.deepEqual(plain?.table.data, [[1, 2], ['x', null], ['object', 'object']]);
  });

  it('anything but a list of objects stays one VARIANT cell, as with tags', () => {
    for (const [json, tagged] of [
      [[1, [2]], [1, [2]]],
      [[{ a: 1 }, 2], [{ $t: 'object', v: { a: 1 } }, 2]],
      [[], []],
    ] as Array<[unknown, TaggedValue]>) {
      const plain = shownOutcome(outcome({ $t: 'json', v: json }), 'main', null);
      assert.equal(plain?.tabular, false);
      assert.deepEqual(plain, shownOutcome(outcome(tagged), 'main', null));
    }
    assert.deepEqual(resultForReturnValue('P', 'VARIANT', { $t: 'json', v: { a: [1] } }, 'q').data, [['{\n  "a": [\n    1\n  ]\n}']]);
  });

  // A large value arrives as text (binaryMessages.ts) and is parsed when read: the results
  // panel, the CLI table and saved-run expectations must see it as the eager form.
  it('a value kept as text shows, checks and saves as the parsed value does', () => {
    const lazyRows = lazyJsonValue([Buffer.from('[{"A":1,"B":"x",'), Buffer.from('"$t":"object"},{"A":2,"B":null,"$t":"object"}]')], true);
    assert.deepEqual(shownOutcome(outcome(lazyRows), 'main', null), shownOutcome(outcome(plainRows), 'main', null));
    assert.deepEqual(untag(lazyRows), untag(plainRows));
    const expectation = expectationFromOutcome(outcome(plainRows));
    assert.equal(checkExpectation(expectation, outcome(lazyRows)).passed, true);
    const lazyStr = lazyStrValue([Buffer.from('żó'.slice(0, 1)), Buffer.from('łć')]);
    assert.deepEqual(expectationFromOutcome(outcome(lazyStr)), { returns: 'żłć' });
    assert.equal(checkExpectation({ returns: 'other' }, outcome(lazyStr)).passed, false);
    assert.deepEqual(resultForReturnValue('P', 'VARCHAR', lazyStr, 'q').data, [['żłć']]);
  });
});
