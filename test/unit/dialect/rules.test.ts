import assert from 'node:assert/strict';
import { dialectRules, DialectError, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';
import { SNOWFLAKE_FUNCTION_CASES } from './snowflakeFunctionCases';

// One table: each rule name with Snowflake inputs and the DuckDB SQL they must become.
// Expressions sit in a WHERE clause so the select-list naming rule stays out of the way.
const where = (expression: string): string => `select a from t where ${expression}`;

const ruleCases: Array<{ rule: string; cases: Array<[snowflake: string, duckdb: string]> }> = [
  {
    rule: 'IFF',
    cases: [
      [where('iff(c, 1, 2)'), where('CASE WHEN c THEN 1 ELSE 2 END')],
      [where('IFF(NVL(a,0) > 1, DIV0(x,y), 0)'), where('CASE WHEN COALESCE(a, 0) > 1 THEN CASE WHEN (y) = 0 THEN 0 ELSE (x) / (y) END ELSE 0 END')],
    ],
  },
  { rule: 'NVL', cases: [[where('nvl(a, b)'), where('COALESCE(a, b)')]] },
  { rule: 'NVL2', cases: [[where('NVL2(a, b, c)'), where('CASE WHEN (a) IS NOT NULL THEN b ELSE c END')]] },
  { rule: 'ZEROIFNULL', cases: [[where('zeroifnull(a + 1)'), where('COALESCE(a + 1, 0)')]] },
  { rule: 'DIV0', cases: [[where('div0(a + 1, b - 1)'), where('CASE WHEN (b - 1) = 0 THEN 0 ELSE (a + 1) / (b - 1) END')]] },
  {
    rule: 'CURRENT_TIMESTAMP()',
    cases: [
      [where('x < current_timestamp()'), where('x < get_current_timestamp()')],
      [where('x < SYSDATE()'), where('x < get_current_timestamp()')],
      [where('x < localtimestamp()'), where('x < get_current_timestamp()')],
    ],
  },
  {
    rule: 'CURRENT_TIMESTAMP keyword',
    cases: [
      [where('x < current_timestamp'), where('x < get_current_timestamp()')],
      [where('d = CURRENT_DATE'), where('d = current_date()')],
      [where('t.current_date = 1'), where('t.current_date = 1')],
    ],
  },
  { rule: "X'hex' binary literal", cases: [[where("b = X'6162'"), where("b = from_hex('6162')")], [where("x'zz' = 1"), where("x'zz' = 1")]] },
  {
    rule: 'FROM VALUES without parentheses',
    cases: [
      ["select column1 from values (1, 'a'), (2, 'b') where column1 > 1", "select column1 from (VALUES (1, 'a'), (2, 'b')) AS snowpark_local_values(column1, column2) where column1 > 1"],
      ['select * from values (1, 2) as t(a, b)', 'select * from (VALUES (1, 2)) AS t(a, b)'],
      ['select x.column1 from values (1) x join y on true', 'select x.column1 from (VALUES (1)) AS x(column1) join y on true'],
      ['insert into t values (1, 2)', 'insert into t values (1, 2)'],
    ],
  },
  {
    rule: 'VALUES table columns COLUMN1…',
    cases: [
      ['select column2 from (values (1, 2)) v', 'select column2 from (values (1, 2)) AS v(column1, column2)'],
      ['select * from (values (1)) order by 1', 'select * from (values (1)) AS snowpark_local_values(column1) order by 1'],
      ['select * from (values (1)) as v(a)', 'select * from (values (1)) as v(a)'],
    ],
  },
  {
    rule: 'EXTRACT',
    cases: [
      [where("extract('quarter', d) = 2"), where("date_part('quarter', d) = 2")],
      [where('extract(epoch_second from ts) > 0'), where('(epoch_us(ts) // 1000000) > 0')],
      [where('extract(dow from iff(a, d, e)) = 1'), where("date_part('dayofweek', CASE WHEN a THEN d ELSE e END) = 1")],
    ],
  },
  {
    rule: 'division',
    cases: [
      [where('a / b > 1'), where('snowpark_local_fns.main.divide(a, b) > 1')],
      // `/` binds tighter than `+` and as tight as `*`, left to right; casts and paths belong to their operand.
      [where('x + a * b / c::float > 1'), where('x + snowpark_local_fns.main.divide(a * b, c::DOUBLE) > 1')],
      [where('a / b / c > 1'), where('snowpark_local_fns.main.divide(snowpark_local_fns.main.divide(a, b), c) > 1')],
      [where('sum(t.a) / -count(*) > 1'), where('snowpark_local_fns.main.divide(sum(t.a), -count(*)) > 1')],
      // A dividend it cannot delimit keeps DuckDB's `/`, with the divisor checked for zero.
      [where('case when a then 1 end / b > 1'), where('case when a then 1 end / snowpark_local_fns.main.divisor(b) > 1')],
    ],
  },
  {
    rule: 'CREATE SEQUENCE options',
    cases: [
      ["CREATE OR REPLACE SEQUENCE s START = 1 INCREMENT = 5 NOORDER COMMENT = 'c'", 'CREATE OR REPLACE SEQUENCE s START WITH 1 INCREMENT BY 5'],
      ['create sequence if not exists db.s.q with start with 10', 'create sequence if not exists db.s.q START WITH 10 INCREMENT BY 1'],
      ['create sequence q increment by -2', 'create sequence q START WITH 1 INCREMENT BY -2 MINVALUE -9223372036854775807 MAXVALUE 9223372036854775807'],
    ],
  },
  {
    rule: 'seq.NEXTVAL',
    cases: [
      [where('a = seq_01.nextval'), where("a = nextval('seq_01')")],
      [where('a = db."S".seq.NEXTVAL + 1'), where(`a = nextval('db."S".seq') + 1`)],
    ],
  },
  { rule: 'LOCALTIMESTAMP', cases: [[where('x < localtimestamp'), where('x < CURRENT_TIMESTAMP')]] },
  { rule: 'CURRENT_DATE()', cases: [[where('d = current_date()'), where('d = CURRENT_DATE')]] },
  { rule: 'CURRENT_TIME()', cases: [[where('d = current_time()'), where('d = CURRENT_TIME')]] },
  {
    rule: 'TO_VARCHAR',
    cases: [
      [where('to_varchar(x) = y'), where('snowpark_local_fns.main.to_char(x) = y')],
      [where('to_char(x) = y'), where('snowpark_local_fns.main.to_char(x) = y')],
      [where("to_varchar(d, 'YYYY-MM-DD HH24:MI:SS') = y"), where("strftime(d, '%Y-%m-%d %H:%M:%S') = y")],
    ],
  },
  {
    rule: 'TO_NUMBER',
    cases: [
      [where("to_number('12') = y"), where("snowpark_local_fns.main.decimal_or_error(TRY_CAST('12' AS DECIMAL(38,0)), '12') = y")],
      [where('to_decimal(x, 10) = y'), where('snowpark_local_fns.main.decimal_or_error(TRY_CAST(x AS DECIMAL(10,0)), x) = y')],
      [where('to_numeric(x, 10, 2) = y'), where('snowpark_local_fns.main.decimal_or_error(TRY_CAST(x AS DECIMAL(10,2)), x) = y')],
    ],
  },
  {
    rule: 'TRY_TO_NUMBER',
    cases: [
      [where('try_to_number(x, 10, 2) = y'), where('TRY_CAST(x AS DECIMAL(10,2)) = y')],
      [
        where("try_to_decimal(x, 'XX') = y"),
        where("TRY_CAST(snowpark_local_fns.main.number_text(CAST(x AS VARCHAR), '(?i)^\\s*([0-9A-F]{1,2})()()()\\s*$', ['i', 'f', 'e', 's'], true) AS DECIMAL(38,0)) = y"),
      ],
    ],
  },
  {
    rule: 'ROUND',
    cases: [
      [where('round(x, 2) = y'), where('round(x, 2) = y')],
      [where('round(EXPR => x, SCALE => s) = y'), where('snowpark_local_fns.main.round_at(x, s) = y')],
      [where("round(x, -1, 'half_to_even') = y"), where('snowpark_local_fns.main.round_half_even(snowpark_local_fns.main.fixed_point(x), -1) = y')],
    ],
  },
  {
    rule: 'PARSE_JSON',
    cases: [
      [where(`parse_json('{"a": 1}') is not null`), where(`snowpark_local_fns.main.parse_json('{"a": 1}', false) is not null`)],
      [where(`parse_json(s, 'd') is not null`), where(`snowpark_local_fns.main.parse_json(s, true) is not null`)],
    ],
  },
  {
    rule: 'ARRAY and OBJECT constants',
    cases: [
      [where(`array_size([1, 'a']) = 2`), where(`CASE WHEN json_type(CAST(json_array(1, 'a') AS JSON)) = 'ARRAY' THEN json_array_length(CAST(json_array(1, 'a') AS JSON)) END = 2`)],
      [where(`a[0] = [x]`), where(`json_extract(CAST(a AS JSON), '$[0]') = json_array(x)`)],
      [where(`{'k': 1} is not null`), where(`snowpark_local_fns.main.object_construct([{'k': CAST('k' AS VARCHAR), 'v': to_json(1)}]) is not null`)],
    ],
  },
  { rule: 'ARRAY_CONSTRUCT', cases: [[where('array_construct(1, b) is not null'), where('json_array(1, b) is not null')]] },
  {
    rule: 'TRANSIENT TABLE',
    cases: [
      ['create or replace transient table t as select 1 as a', 'create or replace table t as select 1 as a'],
      ['CREATE TRANSIENT TABLE t (a INT)', 'CREATE TABLE t (a BIGINT)'],
      ['create transient schema s', 'create schema s'],
    ],
  },
  {
    rule: ':: cast type',
    cases: [
      [where('x::variant is not null'), where('CAST(to_json(x) AS JSON) is not null')],
      [where('x::number(10, 2) > 0'), where('x::DECIMAL(10,2) > 0')],
      [where('x::double precision > 0'), where('x::DOUBLE > 0')],
    ],
  },
  {
    rule: 'CAST type',
    cases: [
      [where('cast(x as number) > 0'), where('cast(x AS DECIMAL(38,0)) > 0')],
      [where('TRY_CAST(x AS STRING) = y'), where('TRY_CAST(snowpark_local_fns.main.to_varchar(x) AS VARCHAR) = y')],
      [where('cast(iff(a, 1, 2) as float) > 0'), where('cast(CASE WHEN a THEN 1 ELSE 2 END AS DOUBLE) > 0')],
    ],
  },
  {
    rule: 'CREATE TABLE column types',
    cases: [
      [
        'create table if not exists s.t (id number not null, "Name" string default \'x\', v variant, primary key (id))',
        'create table if not exists s.t (id DECIMAL(38,0) not null, "Name" VARCHAR default \'x\', v JSON, primary key (id))',
      ],
      // AUTOINCREMENT/IDENTITY: a sequence beside the table, made first (the old table dropped first on OR REPLACE).
      [
        'create or replace table s.t (id int autoincrement start 5 increment 2 order, v string)',
        'DROP TABLE IF EXISTS s.t; CREATE OR REPLACE SEQUENCE s."snowpark_local_identity_T_ID" START WITH 5 INCREMENT BY 2; ' +
          "create or replace table s.t (id BIGINT DEFAULT nextval('snowpark_local_identity_T_ID'), v VARCHAR)",
      ],
      [
        'create table if not exists t (n number identity(10, 5))',
        'CREATE SEQUENCE IF NOT EXISTS "snowpark_local_identity_T_N" START WITH 10 INCREMENT BY 5; ' +
          "create table if not exists t (n DECIMAL(38,0) DEFAULT nextval('snowpark_local_identity_T_N'))",
      ],
    ],
  },
  {
    rule: 'ALTER TABLE column types',
    cases: [
      ['alter table t add column c number(5)', 'alter table t add column c DECIMAL(5,0)'],
      ['alter table t alter column c set data type string', 'alter table t alter column c set data type VARCHAR'],
    ],
  },
  { rule: 'NUMBER', cases: [['create table t (a NUMBER, b numeric, c decimal)', 'create table t (a DECIMAL(38,0), b DECIMAL(38,0), c DECIMAL(38,0))']] },
  { rule: 'NUMBER(p)', cases: [['create table t (a number(10))', 'create table t (a DECIMAL(10,0))']] },
  { rule: 'NUMBER(p,s)', cases: [['create table t (a number(10,2))', 'create table t (a DECIMAL(10,2))']] },
  { rule: 'INT', cases: [['create table t (a int, b integer, c byteint)', 'create table t (a BIGINT, b BIGINT, c BIGINT)']] },
  {
    rule: 'VARCHAR',
    cases: [
      [
        'create table t (a string, b text, c varchar(16777216), d char(3))',
        "create table t (a VARCHAR, b VARCHAR, c VARCHAR, d VARCHAR CHECK (CASE WHEN d IS NULL OR length(d) <= 3 THEN true ELSE error('String ''' || d || ''' is too long and would be truncated') END))",
      ],
    ],
  },
  { rule: 'VARIANT', cases: [['create table t (a variant, b object, c array)', 'create table t (a JSON, b JSON, c JSON)']] },
  { rule: 'TIMESTAMP_NTZ', cases: [['create table t (a timestamp_ntz, b timestamp_ntz(9), c datetime)', 'create table t (a TIMESTAMP, b TIMESTAMP, c TIMESTAMP)']] },
  { rule: 'TIMESTAMP_TZ', cases: [['create table t (a timestamp_ltz, b timestamp_tz(3))', 'create table t (a TIMESTAMPTZ, b TIMESTAMPTZ)']] },
  { rule: 'TIME', cases: [['create table t (a time(9))', 'create table t (a TIME)']] },
  { rule: 'BINARY', cases: [['create table t (a binary, b varbinary(10))', 'create table t (a BLOB, b BLOB)']] },
  {
    rule: 'FLOAT',
    cases: [['create table t (a float, b float4, c float8, d double precision, e real)', 'create table t (a DOUBLE, b DOUBLE, c DOUBLE, d DOUBLE, e DOUBLE)']],
  },
  {
    rule: 'outermost select column names',
    cases: [
      ['select iff(a,1,2) from t', 'select CASE WHEN a THEN 1 ELSE 2 END AS "IFF(A,1,2)" from t'],
      ['select count(*) from t', 'select count(*) AS "COUNT(*)" from t'],
    ],
  },
  {
    rule: 'deferred scalar calls',
    cases: [['insert into t (select system$wait(10))', 'insert into t (select __snowpark_local_deferred_0__)']],
  },
  {
    rule: 'SAMPLE clause',
    cases: [
      ['select a from t sample (10)', 'select a from t TABLESAMPLE bernoulli(10%)'],
      ['select a from t as "X" tablesample block (5) seed (42)', 'select a from t as "X" TABLESAMPLE system(5%) REPEATABLE (42)'],
      ['select a from (select a from t) sample (10 rows)', 'select a from (select a from t) TABLESAMPLE reservoir(10 ROWS)'],
      ['select sample from t', 'select sample from t'],
      [where('sample(y) > 1'), where('sample(y) > 1')],
      ['select * from (select a from t) sample (10 rows)', 'select * from (select a from t) TABLESAMPLE reservoir(10 ROWS)'],
    ],
  },
  {
    rule: 'FIRST_VALUE default frame',
    cases: [
      [where('first_value(x) over (partition by p order by o) = 1'), where('first_value(x) over (partition by p order by o ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) = 1')],
      [where('lag(x) ignore nulls over (order by o) = 1'), where('lag(x IGNORE NULLS) over (order by o) = 1')],
      [where('last_value(x) over (order by o rows between 1 preceding and current row) = 1'), where('last_value(x) over (order by o rows between 1 preceding and current row) = 1')],
    ],
  },
  { rule: 'COUNT(a, b, …)', cases: [[where('count(distinct a, b) > 1'), where('count(DISTINCT CASE WHEN (a) IS NOT NULL AND (b) IS NOT NULL THEN row(a, b) END) > 1')]] },
  { rule: 'BITAND', cases: [[where('bitxor(a, 1) = bitand(a, 2)'), where('xor(CAST(a AS BIGINT), CAST(1 AS BIGINT)) = (CAST(a AS BIGINT) & CAST(2 AS BIGINT))')]] },
  {
    rule: 'RESULT_SCAN',
    cases: [["select * from table(result_scan('01b2')) r", 'select * from __snowpark_local_deferred_0__ r']],
  },
  { rule: 'TABLE(user function)', cases: [['select * from table(db.s.my_udtf(1, iff(c, 2, 3))) t, table(f())', 'select * from db.s.my_udtf(1, CASE WHEN c THEN 2 ELSE 3 END) t, f()']] },
];

/** Every Snowflake input above, for the rule-index equivalence test. */
export const RULE_TEST_INPUTS = ruleCases.flatMap((entry) => entry.cases.map(([snowflake]) => snowflake));

describe('DuckDB dialect rules', () => {
  for (const { rule, cases } of ruleCases) {
    describe(rule, () => {
      for (const [snowflake, duckdb] of cases) {
        it(snowflake, () => assert.equal(translateToDuckDb(snowflake).sql, duckdb));
      }
    });
  }

  it('has a test for every rule in the table', () => {
    // A rule is tested here (its DuckDB text) or by a documented example run on DuckDB.
    const covered = new Set([...ruleCases.map((entry) => entry.rule), ...SNOWFLAKE_FUNCTION_CASES.flatMap((entry) => [entry.fn, ...(entry.also ?? [])])]);
    const untested = dialectRules.filter((rule) => rule.name !== 'GEOGRAPHY' && !covered.has(rule.name)).map((rule) => rule.name);
    assert.deepEqual(untested, []);
  });

  it('GEOGRAPHY: rejects geospatial types with the offset of the type', () => {
    const sql = 'create table t (g geography)';
    assert.throws(() => translateToDuckDb(sql), (error: unknown) => error instanceof DialectError && /GEOGRAPHY is not supported/.test(error.message) && error.offset === sql.indexOf('geography'));
  });

  it('gives every rule a unique name and a reason', () => {
    const names = dialectRules.map((rule) => rule.name);
    assert.equal(new Set(names).size, names.length);
    for (const rule of dialectRules) assert.ok(rule.why.length > 10, rule.name);
  });

  describe('leaves alone', () => {
    const untouched = [
      'select number from t',
      "select a from t where b = 'iff(a, b, c)'",
      'select a from t where "NVL"(b) = 1 -- nvl(a, b)\n',
      'select a from t /* div0(a, b) */',
      'select a from t where s.iff(a, b, c)',
      'create table t (number int) ',
    ];
    for (const sql of untouched) {
      it(sql, () => assert.equal(translateToDuckDb(sql).sql, sql.replace(' (number int)', ' (number BIGINT)')));
    }
  });

  it('reports a wrong argument count', () => {
    assert.throws(() => translateToDuckDb('select a from t where iff(a, b)'), /IFF takes 3 arguments \(got 2\)/);
  });

  it('copies a table for CLONE and LIKE, and says a clone in the past needs Time Travel', () => {
    assert.equal(translateToDuckDb('create or replace table c clone db.s.t copy grants').sql, 'create or replace table c AS SELECT * FROM db.s.t');
    assert.equal(translateToDuckDb('create table if not exists "c" like t').sql, 'create table if not exists "c" AS SELECT * FROM t LIMIT 0');
    assert.equal(translateToDuckDb("select * from t where a like 'x%'").sql, "select * from t where a like 'x%'");
    const sql = 'create table c clone t before(statement => \'q\')';
    assert.throws(() => translateToDuckDb(sql), (error: unknown) => error instanceof DialectError && /needs Time Travel/.test(error.message) && error.offset === sql.indexOf('before'));
  });

  it('rejects TO_VARCHAR formats it cannot translate', () => {
    assert.throws(() => translateToDuckDb("select a from t where to_varchar(x, '999L') = y"), /format '999L' is not supported.*element 'L'/);
    assert.throws(() => translateToDuckDb('select a from t where to_varchar(x, fmt) = y'), /format as a string literal/);
    assert.throws(() => translateToDuckDb("select a from t where to_number(x, '9.99EEEE') = y"), /format '9\.99EEEE' cannot be used: element 'EE' is not supported/);
    assert.throws(() => translateToDuckDb("select a from t where to_number(x, 10, 2, 1) = y"), /at most/);
    assert.throws(() => translateToDuckDb("select a from t where round(x, 0, 'UP') = y"), /rounding_mode must be/);
  });

  it('translates each statement of a multi-statement text', () => {
    assert.equal(translateToDuckDb('select a from t where nvl(a, 1); create transient table u (x number);').sql, 'select a from t where COALESCE(a, 1); create table u (x DECIMAL(38,0));');
  });
});
