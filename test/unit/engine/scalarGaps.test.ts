import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';
import { openMemoryRuntime, runSql, runSqlOk } from '../support/runtimeFixture';

// The scalar gaps of test/unit/dialect/scalarGapCases.ts on the columns of a real table, where
// the result's column types are checked too. Expected answers come from the pages named beside
// each test (docs.snowflake.com/en/sql-reference/…).

const DOCS = 'https://docs.snowflake.com/en/sql-reference/';

const TABLE = [
  'CREATE OR REPLACE TABLE gaps (id INTEGER, day_text VARCHAR, ts_text VARCHAR, payload BINARY, doc VARIANT)',
  `INSERT INTO gaps SELECT 1, '2024-01-02', '2024-04-05 12:00:00 +02:00', TO_BINARY('SNOW', 'utf-8'), PARSE_JSON('{"n": 123456789012345678901234567890}')`,
  `INSERT INTO gaps SELECT 2, '01/02/2024', 'Thu, 21 Dec 2000 16:01:07 +0200', TO_BINARY('0aff'), PARSE_JSON('{"n": 12345678901234567890}')`,
  `INSERT INTO gaps SELECT 3, '02-Jan-2024', '2/18/2008 02:36:48', TO_BINARY(''), PARSE_JSON('{"n": 1}')`,
  `INSERT INTO gaps SELECT 4, 'Jan 2, 2024', 'yesterday', NULL, NULL`,
].join(';\n');

/** The rows of a result, row-major. */
function rowsOf(outcome: StatementOutcome): unknown[][] {
  const result = outcome.result!;
  return Array.from({ length: result.rowCount }, (_, r) => result.data.map((column) => column[r]));
}

function typesOf(outcome: StatementOutcome): string[] {
  return outcome.result!.columns.map((column) => column.type);
}

describe('scalar gaps on a table (CONVERT_TIMEZONE, BINARY text and LENGTH, AUTO formats, PARSE_JSON numbers, VARIANT session values, APPROX_TOP_K)', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  const query = async (sql: string): Promise<StatementOutcome> => (await runSqlOk(runtime, `${TABLE};\n${sql}`)).at(-1)!;

  before(async () => {
    runtime = await openMemoryRuntime();
  });
  after(async () => runtime.dispose());

  it(`CONVERT_TIMEZONE: 2 arguments give TIMESTAMP_TZ (the instant), 3 arguments TIMESTAMP_NTZ (${DOCS}functions/convert_timezone)`, async () => {
    const outcome = await query(
      `SELECT CONVERT_TIMEZONE('America/Los_Angeles', ts_text) AS tz2, CONVERT_TIMEZONE('America/Los_Angeles', ts_text) = '2024-04-05 03:00:00 -0700'::TIMESTAMP_TZ AS same, ` +
        `CONVERT_TIMEZONE('America/Los_Angeles', ts_text)::TIMESTAMP_NTZ AS wall, CONVERT_TIMEZONE('America/Los_Angeles', 'America/New_York', TO_TIMESTAMP_NTZ(ts_text)) AS ntz3 FROM gaps WHERE id = 1`,
    );
    assert.deepEqual(typesOf(outcome), ['TIMESTAMP_TZ', 'BOOLEAN', 'TIMESTAMP_NTZ', 'TIMESTAMP_NTZ']);
    const [[, same, wall, ntz3]] = rowsOf(outcome);
    assert.equal(same, true);
    assert.match(String(wall), /^2024-04-05 03:00:00/);
    assert.match(String(ntz3), /^2024-04-05 15:00:00/);
  });

  it(`BINARY as text is HEX, LENGTH counts its bytes (${DOCS}binary-input-output, ${DOCS}functions/length)`, async () => {
    const outcome = await query(`SELECT id, TO_VARCHAR(payload), payload::VARCHAR, CAST(payload AS STRING), LENGTH(payload), LEN(day_text) FROM gaps ORDER BY id`);
    assert.deepEqual(typesOf(outcome).slice(1), ['VARCHAR', 'VARCHAR', 'VARCHAR', 'NUMBER(38,0)', 'NUMBER(38,0)']);
    assert.deepEqual(
      rowsOf(outcome).map((row) => row.map((cell) => (cell === null ? null : String(cell)))),
      [
        ['1', '534E4F57', '534E4F57', '534E4F57', '4', '10'],
        ['2', '0AFF', '0AFF', '0AFF', '2', '10'],
        ['3', '', '', '', '0', '11'],
        ['4', null, null, null, null, '11'],
      ],
    );
  });

  it(`TO_DATE reads the AUTO formats of a column; TRY_TO_DATE gives NULL, TO_DATE an error for others (${DOCS}date-time-input-output)`, async () => {
    const outcome = await query(`SELECT id, TRY_TO_DATE(day_text), TRY_TO_TIMESTAMP(ts_text) FROM gaps ORDER BY id`);
    assert.deepEqual(typesOf(outcome).slice(1), ['DATE', 'TIMESTAMP_NTZ']);
    assert.deepEqual(
      rowsOf(outcome).map(([id, day, ts]) => [String(id), day === null ? null : String(day), ts === null ? null : String(ts)]),
      [
        ['1', '2024-01-02', '2024-04-05 12:00:00'],
        ['2', '2024-01-02', '2000-12-21 16:01:07'],
        ['3', '2024-01-02', '2008-02-18 02:36:48'],
        ['4', null, null],
      ],
    );
    const [failed] = (await runSql(runtime, `${TABLE};\nSELECT TO_DATE(day_text) FROM gaps`)).slice(-1);
    assert.equal(failed.error?.errorCode, '100040');
    assert.equal(failed.error?.message, "100040 (22007): Date 'Jan 2, 2024' is not recognized");
    const [failedTs] = (await runSql(runtime, `${TABLE};\nSELECT TO_TIMESTAMP_TZ(ts_text) FROM gaps`)).slice(-1);
    assert.equal(failedTs.error?.errorCode, '100035');
    const aliased = await query(`SELECT TO_DATE(day_text) AS d, LAST_DAY(d) AS month_end FROM gaps WHERE id = 2`);
    assert.deepEqual(rowsOf(aliased).map((row) => row.map(String)), [['2024-01-02', '2024-01-31']]);
  });

  it(`PARSE_JSON numbers keep every digit in a VARIANT column (${DOCS}functions/parse_json)`, async () => {
    const outcome = await query(`SELECT doc:n, doc:n::NUMBER(38, 0), TYPEOF(doc:n) FROM gaps WHERE id <= 2 ORDER BY id`);
    assert.deepEqual(rowsOf(outcome), [
      ['123456789012345678901234567890', '123456789012345678901234567890', 'INTEGER'],
      ['12345678901234567890', '12345678901234567890', 'INTEGER'],
    ]);
  });

  it(`a session function cast to VARIANT is stored as a VARIANT string (${DOCS}functions/to_variant)`, async () => {
    const outcome = await query(`CREATE OR REPLACE TABLE who (r VARIANT);\nINSERT INTO who SELECT CURRENT_ROLE()::VARIANT;\nSELECT r::STRING = CURRENT_ROLE(), TYPEOF(r) FROM who`);
    assert.deepEqual(rowsOf(outcome), [[true, 'VARCHAR']]);
  });

  it(`APPROX_TOP_K answers [value, frequency] pairs per group (${DOCS}functions/approx_top_k)`, async () => {
    const outcome = await query(`SELECT id <= 2 AS early, APPROX_TOP_K(LEN(day_text), 2) FROM gaps GROUP BY early ORDER BY early`);
    assert.deepEqual(typesOf(outcome), ['BOOLEAN', 'VARIANT']);
    assert.deepEqual(
      rowsOf(outcome).map(([early, pairs]) => [early, JSON.parse(String(pairs))]),
      [
        [false, [[11, 2]]],
        [true, [[10, 2]]],
      ],
    );
  });
});
