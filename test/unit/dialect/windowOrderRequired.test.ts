import assert from 'node:assert/strict';
import { DialectError, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';

// Snowflake's reference pages write ORDER BY as required in the OVER clause of these eleven
// (e.g. https://docs.snowflake.com/en/sql-reference/functions/row_number,
// https://docs.snowflake.com/en/sql-reference/functions/lag,
// https://docs.snowflake.com/en/sql-reference/functions/first_value), and refuse a window
// without one at compile time, naming the function; snowpark-python's
// test_window_function_should_fail_if_order_by_clause_is_not_specified expects
// "requires ORDER BY in window specification" for ROW_NUMBER over PARTITION BY alone.
const CALLS = ['ROW_NUMBER()', 'RANK()', 'DENSE_RANK()', 'PERCENT_RANK()', 'CUME_DIST()', 'NTILE(2)', 'LAG(a)', 'LEAD(a)', 'FIRST_VALUE(a)', 'LAST_VALUE(a)', 'NTH_VALUE(a, 1)'];

function refusal(sql: string): DialectError {
  try {
    translateToDuckDb(sql);
  } catch (error) {
    if (error instanceof DialectError) return error;
    throw error;
  }
  assert.fail(`translated without error: ${sql}`);
}

describe('window functions that need ORDER BY', () => {
  for (const call of CALLS) {
    const name = call.slice(0, call.indexOf('('));
    it(`refuses ${name} over an empty window and over PARTITION BY alone, naming it`, () => {
      for (const over of ['()', '(partition by b)']) {
        const sql = `select ${call.toLowerCase()} over ${over} as x from t`;
        const error = refusal(sql);
        assert.equal(error.message, `Window function type [${name}] requires ORDER BY in window specification.`);
        assert.equal(error.offset, sql.indexOf(name.toLowerCase()), 'the offset points at the call');
      }
    });
  }

  it('refuses through IGNORE NULLS, in a subquery and in QUALIFY', () => {
    assert.match(refusal('select lag(a) ignore nulls over (partition by b) from t').message, /\[LAG\]/);
    assert.match(refusal('select * from (select row_number() over () as n from t)').message, /\[ROW_NUMBER\]/);
    assert.match(refusal('select a from t qualify rank() over (partition by b) = 1').message, /\[RANK\]/);
  });

  it('runs the same functions over an ordered window, and aggregates over any window', () => {
    for (const call of CALLS) assert.doesNotThrow(() => translateToDuckDb(`select ${call} over (partition by b order by a) from t`), call);
    assert.doesNotThrow(() => translateToDuckDb('select sum(a) over (), count(*) over (partition by b), min(a) over (), max(a) over (), avg(a) over () from t'));
    // A column or function merely named like one of them is not a window call.
    assert.doesNotThrow(() => translateToDuckDb('select rank, lag from t'));
    assert.doesNotThrow(() => translateToDuckDb('select rank(a) from t'));
  });
});
