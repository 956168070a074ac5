import assert from 'node:assert/strict';
import { QueryResult, TaggedValue } from '../../../src/core/runner/protocol';
import { RunOutcome } from '../../../src/core/runner/runTypes';
import { checkExpectation, errorCodesIn, expectationFromOutcome } from '../../../src/core/savedRuns/checkExpectation';
import { canonicalNumber } from '../../../src/core/savedRuns/compareValues';

// The comparison rules of saved-run expectations, on outcomes shaped as the runner gives them.

const returned = (value: TaggedValue): RunOutcome => ({ runId: 'r', ok: true, value, durationMs: 1, cancelledChildren: [] });
const table = (columns: Array<[string, string]>, rows: unknown[][]): RunOutcome => {
  const result: QueryResult = { queryId: 'q', columns: columns.map(([name, type]) => ({ name, type })), data: columns.map((_, c) => rows.map((row) => row[c])), rowCount: rows.length };
  return { runId: 'r', ok: true, table: result, durationMs: 1, cancelledChildren: [] };
};
const failed = (message: string, errorType = 'SnowparkSQLException'): RunOutcome => ({
  runId: 'r', ok: false, durationMs: 1, cancelledChildren: [], error: { kind: 'handler', message, errorType, location: { file: '/ws/h.py', line: 3 } },
});
const SQL_ERROR = "SnowparkSQLException: (1304): 01b-id: 100038 (22018): Numeric value 'abc' is not recognized";

describe('saved-run expectations: values', () => {
  it('compares numbers by value whether written as numbers or text, for decimals and NUMBER columns', () => {
    assert.equal(checkExpectation({ returns: 1.5 }, returned({ $t: 'decimal', v: '1.50' })).passed, true);
    assert.equal(checkExpectation({ returns: '1.5' }, returned({ $t: 'decimal', v: '1.50' })).passed, true);
    assert.equal(checkExpectation({ returns: 1.51 }, returned({ $t: 'decimal', v: '1.50' })).passed, false);
    assert.equal(checkExpectation({ returns: '18446744073709551616' }, returned({ $t: 'int', v: '18446744073709551616' })).passed, true);
    assert.equal(canonicalNumber('0010.500'), '105e-1');
    assert.equal(canonicalNumber(-0), '0');
    assert.equal(canonicalNumber('abc'), undefined);
  });

  it('keeps Python strings, ints and booleans exact: "5" is not 5', () => {
    assert.equal(checkExpectation({ returns: 5 }, returned(5)).passed, true);
    assert.equal(checkExpectation({ returns: '5' }, returned(5)).passed, false);
    assert.equal(checkExpectation({ returns: 'true' }, returned(true)).passed, false);
  });

  it('compares dates as text, VARIANT as JSON with any key order, and reports the path of a difference', () => {
    assert.equal(checkExpectation({ returns: '2024-01-02' }, returned({ $t: 'date', v: '2024-01-02' })).passed, true);
    assert.equal(checkExpectation({ returns: { b: [1, 2], a: null } }, returned({ $t: 'json', v: { a: null, b: [1, 2] } })).passed, true);
    const check = checkExpectation({ returns: { total: 10, items: ['a'] } }, returned({ $t: 'object', v: { total: { $t: 'decimal', v: '11' }, items: ['a'], extra: 1 } }));
    assert.equal(check.passed, false);
    assert.deepEqual(check.differences.map((d) => [d.path, d.expected, d.actual, d.note]), [
      ['returns.total', 10, '11', undefined],
      ['returns.extra', undefined, 1, 'not expected'],
    ]);
    assert.deepEqual(JSON.parse(check.actualText), { returns: { total: '11', items: ['a'], extra: 1 } });
    assert.deepEqual(JSON.parse(check.expectedText), { returns: { total: 10, items: ['a'] } });
  });
});

describe('saved-run expectations: tables', () => {
  const orders = table([['ID', 'NUMBER(38,0)'], ['AMT', 'NUMBER(10,2)'], ['D', 'DATE'], ['V', 'VARIANT']], [
    [1, '1.50', '2024-01-31', '{\n  "a": 1\n}'],
    [2, '2.00', '2024-02-29', null],
  ]);

  it('matches rows keyed by column name, with the type rules per column', () => {
    const check = checkExpectation({ rows: [{ ID: 1, AMT: 1.5, D: '2024-01-31', V: { a: 1 } }, { ID: '2', AMT: '2', D: '2024-02-29', V: null }], rowCount: 2, columns: ['ID', 'AMT', 'D', 'V'] }, orders);
    assert.deepEqual(check.differences, []);
  });

  it('respects row order unless "ordered": false', () => {
    const swapped = [{ ID: 2, AMT: 2, D: '2024-02-29', V: null }, { ID: 1, AMT: 1.5, D: '2024-01-31', V: { a: 1 } }];
    assert.equal(checkExpectation({ rows: swapped }, orders).passed, false);
    assert.equal(checkExpectation({ rows: swapped, ordered: false }, orders).passed, true);
    const missing = checkExpectation({ rows: [swapped[0], { ...swapped[1], ID: 9 }], ordered: false }, orders);
    assert.deepEqual(missing.differences.map((d) => [d.path, d.note]), [['rows[1]', 'no matching row (order ignored)'], ['rows[0]', 'row not expected (order ignored)']]);
  });

  it('reports missing and extra rows and columns, a wrong count and column types', () => {
    const check = checkExpectation({ rows: [{ ID: 1, AMT: 1.5, D: '2024-01-31', X: 1 }], rowCount: 3, columns: [{ name: 'ID', type: 'VARCHAR' }, 'AMT', 'D', 'V'] }, orders);
    assert.deepEqual(check.differences.map((d) => [d.path, d.note]), [
      ['columns', undefined],
      ['rowCount', undefined],
      ['rows[0].X', 'no such column'],
      ['rows[0].V', 'column not in the expected row'],
      ['rows[1]', 'row not expected'],
    ]);
    const actual = JSON.parse(check.actualText);
    assert.deepEqual(Object.keys(actual), ['rows', 'rowCount', 'columns'], 'the actual side keeps the expectation\'s key order');
    assert.deepEqual(actual.columns[0], { name: 'ID', type: 'NUMBER(38,0)' });
    assert.deepEqual(actual.rows[0], { ID: 1, AMT: 1.5, D: '2024-01-31', V: { a: 1 } }, 'equal cells in the expectation\'s spelling: only differences show in a diff');
    assert.deepEqual(actual.rows[1], { ID: 2, AMT: '2.00', D: '2024-02-29', V: null });
  });

  it('says when a value was expected and a table came back, and the other way round', () => {
    assert.match(checkExpectation({ returns: 1 }, orders).differences[0].note!, /returned a table \(use "rows"\)/);
    assert.match(checkExpectation({ rows: [] }, returned(1)).differences[0].note!, /returned a value \(use "returns"\)/);
  });
});

describe('saved-run expectations: errors', () => {
  it('finds Snowflake and Snowpark error codes in a message', () => {
    assert.deepEqual(errorCodesIn(SQL_ERROR), ['100038', '1304']);
    assert.deepEqual(errorCodesIn('ZeroDivisionError: division by zero'), []);
  });

  it('passes on the expected code, type and message, and fails on each one that differs', () => {
    assert.equal(checkExpectation({ error: { code: '100038', type: 'SnowparkSQLException', messageContains: 'not recognized' } }, failed(SQL_ERROR)).passed, true);
    const wrong = checkExpectation({ error: { code: '002003', messageContains: 'does not exist' } }, failed(SQL_ERROR));
    assert.deepEqual(wrong.differences.map((d) => d.path), ['error.code', 'error.messageContains']);
    assert.deepEqual(JSON.parse(wrong.actualText), { error: { code: '100038', messageContains: SQL_ERROR } });
  });

  it('fails when the run succeeds though an error was expected, and when a value run fails', () => {
    assert.match(checkExpectation({ error: { type: 'ZeroDivisionError' } }, returned(1)).differences[0].note!, /the run succeeded/);
    const crashed = checkExpectation({ returns: 1 }, failed('ZeroDivisionError: division by zero', 'ZeroDivisionError'));
    assert.deepEqual(JSON.parse(crashed.actualText), { error: { code: null, type: 'ZeroDivisionError', message: 'ZeroDivisionError: division by zero' } });
  });
});

describe('save current result as expected', () => {
  it('writes a value, rows with their columns, or the error code, each passing against the same outcome', () => {
    const outcomes = [
      returned({ $t: 'object', v: { n: { $t: 'decimal', v: '1.50' } } }),
      table([['ID', 'NUMBER(38,0)'], ['V', 'VARIANT']], [[1, '[1]'], [2, null]]),
      failed(SQL_ERROR),
      failed('ZeroDivisionError: division by zero', 'ZeroDivisionError'),
    ];
    const saved = outcomes.map((outcome) => expectationFromOutcome(outcome));
    assert.deepEqual(saved, [
      { returns: { n: '1.50' } },
      { columns: ['ID', 'V'], rows: [{ ID: 1, V: [1] }, { ID: 2, V: null }] },
      { error: { code: '100038' } },
      { error: { type: 'ZeroDivisionError' } },
    ]);
    outcomes.forEach((outcome, index) => assert.equal(checkExpectation(saved[index], outcome).passed, true, `outcome ${index}`));
    assert.deepEqual(expectationFromOutcome(outcomes[1], { rows: [], ordered: false }), { ...saved[1], ordered: false }, 'keeps "ordered": false');
  });
});
