import assert from 'node:assert/strict';
import { translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';

// Snowflake names an unaliased column after its expression text, upper-cased.
const cases: Array<[string, string, string[]?]> = [
  ['select system$wait(5)', 'select __snowpark_local_deferred_0__ AS "SYSTEM$WAIT(5)"'],
  ['select 1+1', 'select 1+1 AS "1+1"'],
  ['select 1 + 1 from t', 'select 1 + 1 AS "1 + 1" from t'],
  ['select count(*) from t', 'select count(*) AS "COUNT(*)" from t'],
  ["select 'a\"b'", `select 'a"b' AS "'A""B'"`],
  ['select null, true', 'select null AS "NULL", true AS "TRUE"'],
  ['select x::int from t', 'select x::BIGINT AS "X::INT" from t'],
  ['select x::double precision from t', 'select x::DOUBLE AS "X::DOUBLE PRECISION" from t'],
  ['select case when a then 1 end from t', 'select case when a then 1 end AS "CASE WHEN A THEN 1 END" from t'],
  ['select a is not null from t', 'select a is not null AS "A IS NOT NULL" from t'],
  // Left alone: bare columns and stars.
  ['select a, t.b, $1, *, t.* from t', 'select a, t.b, $1, *, t.* from t'],
  ['select * exclude (a) from t', 'select * exclude (a) from t'],
  // Aliases: explicit or implicit; unquoted ones become upper-case quoted names.
  ['select count(*) as total from t', 'select count(*) as "TOTAL" from t'],
  ['select count(*) total from t', 'select count(*) "TOTAL" from t'],
  ['select a b, 1 one, x::int i from t', 'select a "B", 1 "ONE", x::BIGINT "I" from t'],
  ['select case when a then 1 end c from t', 'select case when a then 1 end "C" from t'],
  ['select sum(a) as "Total" from t', 'select sum(a) as "Total" from t', ['Total']],
  ['select "myCol", t."Other", "UPPER" from t', 'select "myCol", t."Other", "UPPER" from t', ['myCol', 'Other']],
  // Only the outermost list, which comes after WITH, and ends at FROM and friends.
  [
    'with c as (select iff(a,1,2) from t) select nvl(a, b) from c',
    'with c as (select CASE WHEN a THEN 1 ELSE 2 END from t) select COALESCE(a, b) AS "NVL(A, B)" from c',
  ],
  ['select distinct a + 1 from t order by 1', 'select distinct a + 1 AS "A + 1" from t order by 1'],
  ['select top 5 a + 1 from t', 'select top 5 a + 1 AS "A + 1" from t'],
  ['select 1 union select 2', 'select 1 AS "1" union select 2'],
  ['select a is distinct from b from t', 'select a is distinct from b AS "A IS DISTINCT FROM B" from t'],
  ['insert into t select 1 + 1', 'insert into t select 1 + 1'],
  ['select (select max(a) from t)', 'select (select max(a) from t) AS "(SELECT MAX(A) FROM T)"'],
  ['select /* first */ a + 1 /* sum */ , b from t', 'select /* first */ a + 1 AS "A + 1" /* sum */ , b from t'],
  ['select iff(a,1,2) x from t', 'select CASE WHEN a THEN 1 ELSE 2 END "X" from t'],
];

describe('outermost select column names', () => {
  for (const [snowflake, duckdb, preserve] of cases) {
    it(snowflake, () => {
      const translation = translateToDuckDb(snowflake);
      assert.equal(translation.sql, duckdb);
      assert.deepEqual(translation.preserveCaseColumns, preserve ?? []);
    });
  }

  it('keeps the alias text as written when the expression spans lines', () => {
    assert.equal(translateToDuckDb('select nvl(a,\n  b)\nfrom t').sql, 'select COALESCE(a, b) AS "NVL(A,\n  B)"\nfrom t');
  });
});
