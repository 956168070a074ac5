import assert from 'node:assert/strict';
import { DialectError, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';
import { compileNumberOutputFormat, NumberOutputModel } from '../../../src/core/engine/duckdb/dialect/numberToText';

// The numeric format models TO_CHAR prints with (https://docs.snowflake.com/en/sql-reference/sql-format-models):
// how a model is read, and which models are refused before anything runs. What they print on
// DuckDB is checked end to end by the TO_VARCHAR cases of snowflakeFunctionCases.ts.

function compiled(format: string): NumberOutputModel {
  const result = compileNumberOutputFormat(format);
  if ('unsupported' in result) assert.fail(`${format}: ${result.unsupported}`);
  return result.model;
}

describe('compileNumberOutputFormat', () => {
  it('reads a fixed-position number with group separators, a point and fraction digits', () => {
    const model = compiled('$9,990.09');
    assert.deepEqual(model.number, { kind: 'fixed', integer: '9990', groupsAfter: [0], point: true, fraction: '09', hex: false, blankZero: false });
    assert.deepEqual(model.anchored, ['sign', '$'], 'the sign slot and $ print next to the first digit');
    assert.deepEqual(model.items, [{ kind: 'number' }]);
  });

  it('places S before the number next to it, and MI where it stands', () => {
    assert.deepEqual(compiled('S99').anchored, ['S']);
    const mi = compiled('MI99');
    assert.deepEqual(mi.anchored, []);
    assert.deepEqual(mi.items, [{ kind: 'sign', element: 'MI', compact: false }, { kind: 'number' }]);
    assert.deepEqual(compiled('99S').items, [{ kind: 'number' }, { kind: 'sign', element: 'S', compact: false }]);
  });

  it('keeps literals, quoted text and % in place', () => {
    const model = compiled('">"99"<" (;)');
    assert.equal(model.number.kind, 'fixed');
    const tm = compiled('TM9%');
    assert.equal(tm.percent, true);
    assert.deepEqual(tm.items, [{ kind: 'number' }, { kind: 'literal', text: '%' }]);
    assert.deepEqual(compiled('"a""b"9').items[0], { kind: 'literal', text: 'a"b' });
  });

  it('reads FM, B, exponents, hexadecimal digits and text-minimal elements', () => {
    assert.equal(compiled('FM99').compact, true);
    assert.equal(compiled('FMFM99').compact, false, 'FM toggles');
    assert.equal((compiled('B9.9').number as { blankZero: boolean }).blankZero, true);
    assert.deepEqual((compiled('9.99eeee').number as { exponent: unknown }).exponent, { width: 4, letter: 'e' });
    const hex = compiled('0xXX');
    assert.equal(hex.number.kind === 'fixed' && hex.number.hex, true);
    assert.deepEqual(hex.anchored, [], 'hexadecimal numbers print unsigned, without a sign slot');
    assert.deepEqual(compiled('tme').number, { kind: 'text-minimal', element: 'TME', letter: 'e' });
    assert.deepEqual(compiled('TM').number, { kind: 'text-minimal', element: 'TM', letter: 'E' });
  });

  const refused: Array<[format: string, why: RegExp]> = [
    ['999L', /element 'L' is not supported/],
    ['99PR', /element 'PR' is not supported/],
    ['9.9E', /element 'E' is not supported/],
    ['9.9EEEEEEEE', /element 'EEEEEEEE' is not supported/],
    ['XX.X', /hexadecimal fractions/],
    ['9X', /'9' and 'X' cannot be mixed/],
    ['TM9(6,3)', /TM9\(digits,group\) parameters are not supported/],
    ['S99MI', /more than one sign element/],
    ['99.9$$', /element '\$' can be used once/],
    ['9 9', /more than one number/],
    ['MI999|999MI', /alternative formats/],
    ['99B', /'B' must come before the number/],
    ['$', /no digits/],
  ];
  for (const [format, why] of refused) {
    it(`refuses ${format}`, () => {
      const result = compileNumberOutputFormat(format);
      assert.ok('unsupported' in result, `${format} compiled`);
      assert.match(result.unsupported, why);
    });
  }
});

describe('TO_CHAR with a format', () => {
  const where = (expression: string): string => `select a from t where ${expression}`;

  it('compiles a numeric model into SQL on the value, bound once', () => {
    const sql = translateToDuckDb(where("to_char(x + 1, '999.99') = y")).sql;
    assert.match(sql, /list_transform\(\[x \+ 1\], x__ -> /);
    assert.match(sql, /fixed_digits\(x__, TRY_CAST\(x__ AS DECIMAL\(38, 2\)\), 3\)/);
  });

  it('keeps date/time formats on strftime', () => {
    assert.equal(translateToDuckDb(where("to_char(d, 'YYYY-MM-DD') = y")).sql, where("strftime(d, '%Y-%m-%d') = y"));
    assert.equal(translateToDuckDb(where("to_varchar(d, 'HH24:MI') = y")).sql, where("strftime(d, '%H:%M') = y"));
  });

  it('names the element it cannot print', () => {
    assert.throws(
      () => translateToDuckDb(where("to_char(x, '9,999L') = y")),
      (error: unknown) => error instanceof DialectError && /TO_CHAR format '9,999L' is not supported in Snowpark Local: element 'L' is not supported/.test(error.message),
    );
    assert.throws(() => translateToDuckDb(where("to_varchar(x, 'RN') = y")), /format 'RN' is not supported.*'RN'.*Date\/time formats/);
    assert.throws(() => translateToDuckDb(where("to_varchar(x, '0XXX.X') = y")), /hexadecimal fractions/);
  });
});
