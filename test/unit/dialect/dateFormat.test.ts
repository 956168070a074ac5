import assert from 'node:assert/strict';
import { DATE_FORMAT_ELEMENTS, translateDateFormat } from '../../../src/core/engine/duckdb/dialect';

describe('translateDateFormat', () => {
  const cases: Array<[string, string]> = [
    ['YYYY-MM-DD', '%Y-%m-%d'],
    ['yy/mm/dd', '%y/%m/%d'],
    ['DY, DD MON YYYY', '%a, %d %b %Y'],
    ['HH24:MI:SS', '%H:%M:%S'],
    ['HH12:MI AM', '%I:%M %p'],
    ['HH12:MI PM', '%I:%M %p'],
    ['SS.FF', '%S.%n'],
    ['SS.FF3', '%S.%g'],
    ['SS.FF6', '%S.%f'],
    ['SS.FF9', '%S.%n'],
    ['YYYY-MM-DD"T"HH24:MI:SS', '%Y-%m-%dT%H:%M:%S'],
    ['"100%" YYYY', '100%% %Y'],
    ['MMMM', '%B'],
    ['TZH:TZM', '%z'],
  ];
  for (const [snowflake, strftime] of cases) {
    it(`${snowflake} → ${strftime}`, () => assert.deepEqual(translateDateFormat(snowflake), { strftime }));
  }

  it('covers every element in its table', () => {
    const tested = cases.map(([format]) => format.toUpperCase()).join(' ');
    for (const [element] of DATE_FORMAT_ELEMENTS) assert.ok(tested.includes(element), element);
  });

  it('reports what it cannot translate', () => {
    assert.deepEqual(translateDateFormat('YYYY Q'), { unsupported: "unknown format element at 'Q'" });
  });
});
