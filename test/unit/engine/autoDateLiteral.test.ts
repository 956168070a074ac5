import assert from 'node:assert/strict';
import { translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql, runSqlOk } from '../support/runtimeFixture';

// A string constant in TO_DATE / TO_TIMESTAMP* is read while translating (autoDateLiteral.ts),
// a column by the SQL macros (autoDateFormats.ts). Both must read Snowflake's AUTO formats
// (https://docs.snowflake.com/en/sql-reference/date-time-input-output, "Supported formats for
// AUTO detection") the same way: every text below goes through both, and the answers must agree.
const TEXTS = [
  '2024-01-02', '2024-1-2', '01/02/2024', '1/2/2024', '02-Jan-2024', '2-january-2024', '02-JAN-2024',
  '2024-01-02 03:04:05', '2024-01-02T03:04:05', '2024-01-02 03:04:05.123456', '2024-01-02 03:04', '2024-01-02T03',
  '2024-01-02 03:04:05 +05:00', '2024-01-02 03:04:05.5 -0330', '2024-01-02T03:04:05.123+05:00', '2024-01-02 03:04:05+05', '2024-01-02T03:04:05Z',
  'Tue, 02 Jan 2024 03:04:05 +0100', 'Tue, 02 Jan 2024 03:04:05', 'Tue, 02 Jan 2024 03:04:05 PM', 'tue, 02 jan 2024 12:04:05.25 am +0000',
  'Tue Jan 02 03:04:05 +0100 2024', '01/02/2024 03:04:05', '  2024-01-02  ',
  // Not valid, or not an AUTO format: NULL from both (TRY_ forms).
  '2024-02-30', '2024-13-01', '2024-01-02 24:00:00', '2024-01-02 23:60:00', '13/01/2024', '02-Foo-2024', 'Tue, 02 Jan 2024 13:04:05 PM', '2024/01/02', 'yesterday', '',
  '2023-02-29', '2024-02-29',
];
const FUNCTIONS = ['TRY_TO_DATE', 'TRY_TO_TIMESTAMP', 'TRY_TO_TIMESTAMP_NTZ', 'TRY_TO_TIMESTAMP_TZ', 'TRY_TO_TIMESTAMP_LTZ'];

const literal = (text: string): string => `'${text.replace(/'/g, "''")}'`;

describe('AUTO date and timestamp formats: a constant read while translating, a column by SQL', () => {
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  for (const fn of FUNCTIONS) {
    it(`${fn} of a constant and of a column agree on ${TEXTS.length} texts`, async () => {
      const sql = TEXTS.map((text) => `select ${fn}(${literal(text)}) as constant, ${fn}(x) as col from (select ${literal(text)} as x)`).join(';\n');
      const outcomes = await runSqlOk(runtime, sql);
      outcomes.forEach((outcome, i) => {
        const [constant, column] = outcome.result!.data.map((values) => values[0]);
        assert.deepEqual(constant, column, `${fn}(${literal(TEXTS[i])})`);
      });
      // At least the valid texts were answered: the comparison above is not NULL = NULL throughout.
      assert.ok(outcomes.filter((outcome) => outcome.result!.data[0][0] !== null).length >= 20, fn);
    });
  }

  it('reads a recognised constant without the macros, and leaves the rest to them', () => {
    assert.doesNotMatch(translateToDuckDb("select to_date('02-Jan-2024'), to_timestamp_ltz('Tue, 02 Jan 2024 03:04:05 +0100')").sql, /snowpark_local_fns/);
    assert.equal(translateToDuckDb("select to_date('01/02/2024')").sql, `select CAST('2024-01-02' AS DATE) AS "TO_DATE('01/02/2024')"`);
    // Epoch digits, text no format reads and invalid dates keep the macros (NULL or Snowflake's error).
    for (const text of ['1704067200', 'yesterday', '2024-02-30']) assert.match(translateToDuckDb(`select to_date('${text}')`).sql, /snowpark_local_fns\.main\.to_date\(/, text);
  });

  it('TO_DATE of a constant no format reads is still the error Snowflake gives', async () => {
    const [outcome] = await runSql(runtime, "select to_date('yesterday')");
    assert.match(outcome.error?.message ?? 'no error', /^100040 .*Date 'yesterday' is not recognized/s);
  });
});
