import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, known, page, sql } from './docHelpers';

// Data type semantics on store and cast: declared VARCHAR lengths, NUMBER(p, s) ranges.

const TEXT = '../data-types-text';
const NUMERIC = '../data-types-numeric';
const CONVERSION = '../data-type-conversion';

/** A self-made case whose answer follows from the rules on a data type page. */
const semantics = (fn: string, p: string, statement: string, outcome: Pick<FunctionCase, 'rows' | 'error'>, note: string, setup?: string[]): FunctionCase => ({
  fn,
  sql: statement,
  ...outcome,
  doc: page(p),
  source: `semantics ${page(p)}`,
  note,
  setup,
});

const testText = [
  'CREATE OR REPLACE TABLE test_text(vm VARCHAR(134217728), vd VARCHAR, v50 VARCHAR(50), cm CHAR(134217728), cd CHAR, c10 CHAR(10), sm STRING(134217728), sd STRING, s20 STRING(20), tm TEXT(134217728), td TEXT, t30 TEXT(30))',
];
const lengths = ['CREATE OR REPLACE TABLE string_lengths (v3 VARCHAR(3), c CHAR, s2 STRING(2), t NVARCHAR(4))'];
const TOO_LONG = "storing a string longer than the declared length fails with 100074 String '…' is too long and would be truncated (Snowflake's error for it)";
const testFixed = ['CREATE OR REPLACE TABLE test_fixed(num0 NUMBER, num10 NUMBER(10,1), dec20 DECIMAL(20,2), numeric30 NUMERIC(30,3), int1 INT, int2 INTEGER)'];
const fixed = ['CREATE OR REPLACE TABLE fixed_range (n NUMBER(5,2))'];
const avgExample = [
  'CREATE OR REPLACE TABLE avg_example (int_col INT, d DECIMAL(10,5), s1 VARCHAR(10), s2 VARCHAR(10))',
  "INSERT INTO avg_example VALUES (1, 1.1, '1.1', 'one'), (1, 10, '10', 'ten'), (2, 2.4, '2.4', 'two'), (2, NULL, NULL, 'NULL'), (3, NULL, NULL, 'NULL'), (NULL, 9.9, '9.9', 'nine')",
];
const ARITHMETIC = '../operators-arithmetic';
const DATETIME = '../data-types-datetime';
/** The data-types-datetime example: two inserts into ts_test(ts <type>) with TIMEZONE America/Los_Angeles. */
const tsTest = (type: string, thenZone?: string): string[] => [
  `CREATE OR REPLACE TABLE ts_test(ts ${type})`,
  "ALTER SESSION SET TIMEZONE = 'America/Los_Angeles'",
  "INSERT INTO ts_test VALUES('2024-01-01 16:00:00')",
  "INSERT INTO ts_test VALUES('2024-01-02 16:00:00 +00:00')",
  ...(thenZone ? [`ALTER SESSION SET TIMEZONE = '${thenZone}'`] : []),
];
const LTZ_DISPLAY = 'TIMESTAMP_LTZ values are shown in UTC (2024-01-02 00:00:00+00:00), not in the session TIMEZONE with its offset; the value and HOUR() are right';
const TZ_OFFSET = "TIMESTAMP_TZ keeps no per-value offset (DuckDB's TIMESTAMPTZ is an instant): values show in UTC and HOUR() reads the session TIMEZONE";

export const TYPE_CASES: FunctionCase[] = [
  docEx(
    'VARCHAR',
    TEXT,
    sql`DESC TABLE test_text`,
    [['VM', 'VARCHAR(134217728)'], ['VD', 'VARCHAR(16777216)'], ['V50', 'VARCHAR(50)'], ['CM', 'VARCHAR(134217728)'], ['CD', 'VARCHAR(1)'], ['C10', 'VARCHAR(10)'], ['SM', 'VARCHAR(134217728)'], ['SD', 'VARCHAR(16777216)'], ['S20', 'VARCHAR(20)'], ['TM', 'VARCHAR(134217728)'], ['TD', 'VARCHAR(16777216)'], ['T30', 'VARCHAR(30)']],
    'only the name and type columns are compared',
    { setup: testText },
  ),
  semantics('VARCHAR', TEXT, sql`INSERT INTO string_lengths (v3) VALUES ('abcd')`, { error: '100074' }, TOO_LONG, lengths),
  semantics('VARCHAR', TEXT, sql`INSERT INTO string_lengths (c) VALUES ('ab')`, { error: '100074' }, 'CHAR without a length is CHAR(1); ' + TOO_LONG, lengths),
  semantics('VARCHAR', TEXT, sql`UPDATE string_lengths SET s2 = 'abc'`, { error: '100074' }, 'an UPDATE stores too; ' + TOO_LONG, [...lengths, "INSERT INTO string_lengths (s2) VALUES ('ab')"]),
  semantics(
    'VARCHAR',
    TEXT,
    sql`SELECT v3, c, s2, t FROM string_lengths ORDER BY v3`,
    { rows: [['abc', 'x', 'ab', 'ñäöü'], [null, null, null, null]] },
    'strings up to the declared length (counted in characters, not bytes) and NULLs are stored as they are; CHAR is not space-padded',
    [...lengths, "INSERT INTO string_lengths VALUES ('abc', 'x', 'ab', 'ñäöü'), (NULL, NULL, NULL, NULL)"],
  ),
  semantics('VARCHAR', TEXT, sql`MERGE INTO string_lengths USING (SELECT 'abcd' AS v) s ON string_lengths.v3 = s.v WHEN NOT MATCHED THEN INSERT (v3) VALUES (s.v)`, { error: '100074' }, 'MERGE stores too; ' + TOO_LONG, lengths),
  semantics('CAST', CONVERSION, sql`SELECT 'abcdef'::VARCHAR(3)`, { error: '100074' }, 'usage notes: Snowflake does not truncate a VARCHAR value, "either implicitly or explicitly"'),
  semantics('CAST', CONVERSION, sql`SELECT CAST('abcdef' AS VARCHAR(5))`, { error: '100074' }, 'usage notes: Snowflake does not truncate a VARCHAR value, "either implicitly or explicitly"'),
  semantics('CAST', CONVERSION, sql`SELECT 'abc'::VARCHAR(3), CAST('ab' AS STRING(10)), NULL::VARCHAR(1), 12345::VARCHAR(5)`, { rows: [['abc', 'ab', null, '12345']] }, 'a value that fits is cast unchanged'),
  docEx(
    'NUMBER',
    NUMERIC,
    sql`DESC TABLE test_fixed`,
    [['NUM0', 'NUMBER(38,0)'], ['NUM10', 'NUMBER(10,1)'], ['DEC20', 'NUMBER(20,2)'], ['NUMERIC30', 'NUMBER(30,3)'], ['INT1', 'NUMBER(38,0)'], ['INT2', 'NUMBER(38,0)']],
    'only the name and type columns are compared',
    { setup: testFixed },
  ),
  semantics('NUMBER', NUMERIC, sql`SELECT 999::NUMBER(2,0)`, { error: '100039' }, '"the value 999 fits into NUMBER(38,0) but not into NUMBER(2,0)": 100039 Numeric value \'999\' is out of range'),
  semantics('NUMBER', NUMERIC, sql`INSERT INTO fixed_range VALUES (12345)`, { error: '100039' }, 'NUMBER(5,2) has room for 3 digits left of the point: 100039 Numeric value \'12345\' is out of range', fixed),
  semantics('NUMBER', NUMERIC, sql`INSERT INTO fixed_range VALUES ('1000')`, { error: '100039' }, 'a numeric string too wide for NUMBER(5,2) is out of range too', fixed),
  semantics('NUMBER', NUMERIC, sql`UPDATE fixed_range SET n = n * 1000`, { error: '100039' }, 'an UPDATE stores too: 123460.00 does not fit NUMBER(5,2)', [...fixed, 'INSERT INTO fixed_range VALUES (123.46)']),
  semantics(
    'NUMBER',
    CONVERSION,
    sql`SELECT n FROM fixed_range ORDER BY n`,
    { rows: [[-999.99], [0.01], [123.46]] },
    'usage notes: only the least significant digits may be lost; 123.456 is stored rounded to scale 2',
    [...fixed, 'INSERT INTO fixed_range VALUES (123.456), (0.005), (-999.99)'],
  ),
  semantics('NUMBER', CONVERSION, sql`SELECT 12.3::FLOAT::NUMBER(3,2)`, { error: '100039' }, 'the usage notes example: NUMBER(3,2) has room for one digit before the point, so the cast fails'),
  docEx('AVG', 'avg', sql`SELECT AVG(int_col), AVG(d) FROM avg_example`, [[1.8, 5.85]], 'compared as numbers: the value is rounded to the scale (6 for INT, 5 + 6 = 11 for DECIMAL(10,5)) but its type is FLOAT, so 1.800000 shows as 1.8', { setup: avgExample }),
  docEx('AVG', 'avg', sql`SELECT int_col, AVG(d), AVG(s1) FROM avg_example GROUP BY int_col ORDER BY int_col`, [[1, 5.55, 5.55], [2, 2.4, 2.4], [3, null, null], [null, 9.9, 9.9]], undefined, { setup: avgExample }),
  docEx('AVG', 'avg', sql`SELECT int_col, AVG(int_col) OVER (PARTITION BY int_col) FROM avg_example ORDER BY int_col`, [[1, 1], [1, 1], [2, 2], [2, 2], [3, 3], [null, null]], undefined, { setup: avgExample }),
  semantics('AVG', 'avg', sql`SELECT AVG(x), AVG(DISTINCT x) FROM (VALUES (1), (2), (2)) AS t(x)`, { rows: [['1.666667', 1.5]] }, 'DISTINCT averages each value once; an integer average has scale 6, rounded (operators-arithmetic: division scale)'),
  semantics('AVG', 'avg', sql`SELECT AVG(x) FROM (VALUES (1), (NULL)) AS t(x) WHERE x > 5`, { rows: [[null]] }, 'the average of no (non-NULL) records is NULL'),
  semantics('AVG', ARITHMETIC, sql`SELECT AVG(x::NUMBER(10,2)), AVG(x::NUMBER(10,8)), AVG(x::FLOAT) FROM (VALUES (1), (2), (2)) AS t(x)`, { rows: [['1.66666667', '1.666666666667', 1.6666666666666667]] }, 'AVG scale is max(s, min(s + 6, 12)), as for division: 8 for scale 2, 12 for scale 8; a FLOAT keeps every digit'),
  docEx('TIMESTAMP_NTZ', DATETIME, sql`SELECT ts, HOUR(ts) FROM ts_test`, [['2024-01-01 16:00:00', 16], ['2024-01-02 16:00:00', 16]], 'both times are stored as the same wallclock time', { setup: tsTest('TIMESTAMP_NTZ') }),
  docEx('TIMESTAMP_NTZ', DATETIME, sql`SELECT ts, HOUR(ts) FROM ts_test`, [['2024-01-01 16:00:00', 16], ['2024-01-02 16:00:00', 16]], 'changing the session time zone does not affect NTZ', { setup: tsTest('TIMESTAMP_NTZ', 'America/New_York') }),
  docEx('TIMESTAMP_NTZ', '../functions/typeof', sql`SELECT status, time FROM typeof_cast`, [['check in', '2024-01-17 19:00:00']], 'the TYPEOF example table: a string with an offset stored into TIMESTAMP (NTZ) drops the offset; the TYPEOF columns are left out', {
    setup: ['CREATE OR REPLACE TABLE typeof_cast(status VARCHAR, time TIMESTAMP)', "INSERT INTO typeof_cast VALUES('check in', '2024-01-17 19:00:00.000 -0800')"],
  }),
  semantics(
    'TIMESTAMP_NTZ',
    DATETIME,
    sql`SELECT id, ntz FROM offsets ORDER BY id`,
    { rows: [[1, '2024-01-17 19:00:00'], [2, '2024-01-17 19:00:00.5'], [3, '2024-01-17 19:00:00']] },
    'NTZ stores wallclock time: any offset in the text is dropped, in a column list in any order, several rows at once',
    [
      'CREATE OR REPLACE TABLE offsets (id INT, ntz TIMESTAMP_NTZ, ltz TIMESTAMP_LTZ)',
      "INSERT INTO offsets (ntz, id) VALUES ('2024-01-17 19:00:00 -0800', 1), ('2024-01-17T19:00:00.5+05:30', 2), ('2024-01-17 19:00:00', 3)",
    ],
  ),
  semantics(
    'TIMESTAMP_LTZ',
    DATETIME,
    sql`SELECT id, HOUR(ltz) FROM offsets ORDER BY id`,
    { rows: [[1, 3], [2, 13]] },
    'LTZ stores the instant the offset names: 19:00 -0800 is 03:00 UTC, 19:00 +0530 is 13:30 UTC (shown in the session TIMEZONE, UTC here)',
    [
      'CREATE OR REPLACE TABLE offsets (id INT, ntz TIMESTAMP_NTZ, ltz TIMESTAMP_LTZ)',
      "ALTER SESSION SET TIMEZONE = 'UTC'",
      "INSERT INTO offsets (id, ltz) VALUES (1, '2024-01-17 19:00:00 -0800'), (2, '2024-01-17T19:00:00+05:30')",
    ],
  ),
  semantics('TIMESTAMP_LTZ', DATETIME, sql`SELECT HOUR(ts) FROM ts_test`, { rows: [[16], [8]] }, 'the LTZ example with HOUR only: operations use the session time zone (Los Angeles)', tsTest('TIMESTAMP_LTZ')),
  semantics('TIMESTAMP_LTZ', DATETIME, sql`SELECT HOUR(ts) FROM ts_test`, { rows: [[19], [11]] }, 'the LTZ example with HOUR only, after ALTER SESSION SET TIMEZONE = America/New_York', tsTest('TIMESTAMP_LTZ', 'America/New_York')),
  known(docEx('TIMESTAMP_LTZ', DATETIME, sql`SELECT ts, HOUR(ts) FROM ts_test`, [['2024-01-01 16:00:00.000 -0800', 16], ['2024-01-02 08:00:00.000 -0800', 8]], undefined, { setup: tsTest('TIMESTAMP_LTZ') }), LTZ_DISPLAY),
  known(docEx('TIMESTAMP_TZ', DATETIME, sql`SELECT ts, HOUR(ts) FROM ts_test`, [['2024-01-01 16:00:00.000 -0800', 16], ['2024-01-02 16:00:00.000 +0000', 16]], undefined, { setup: tsTest('TIMESTAMP_TZ') }), TZ_OFFSET),
  semantics('CURRENT_TIMESTAMP', '../functions/current_timestamp', sql`SELECT CURRENT_TIMESTAMP IS NOT NULL, CURRENT_DATE = CURRENT_TIMESTAMP::DATE`, { rows: [[true, true]] }, 'the bare keywords work beside their own output column names; CURRENT_DATE is the date of CURRENT_TIMESTAMP in the session time zone'),
];
