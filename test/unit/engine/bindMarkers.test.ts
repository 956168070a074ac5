import assert from 'node:assert/strict';
import { toDuckDbMarkers } from '../../../src/core/engine/duckdb/bindMarkers';

// Snowflake's numeric bind markers (`:1`) become DuckDB's (`$1`), and its positional column
// references (`$1`) DuckDB's (`#1`); nothing else changes.
describe('bind markers and positional columns for DuckDB', () => {
  const cases: Array<[string, string]> = [
    ['select :1 as a, :2 as b', 'select $1 as a, $2 as b'],
    ['select * from t where a = :1 and b in (:2,:3)', 'select * from t where a = $1 and b in ($2,$3)'],
    ['select ? as a', 'select ? as a'],
    ['select x::int, :1::varchar', 'select x::int, $1::varchar'],
    ["select ':1', \"c:1\", :1 -- :2\n/* :3 */", "select ':1', \"c:1\", $1 -- :2\n/* :3 */"],
    ["select 'it''s :1', 'a\\' :2', :3", "select 'it''s :1', 'a\\' :2', $3"],
    ['select v:1 from t', 'select v:1 from t'],
    ['select $$ :1 $$, :1', 'select $$ :1 $$, $1'],
    ['select $1, $2 from t where $1 = :1', 'select #1, #2 from t where #1 = $1'],
    ["select system$wait(1), a$1, '$1', \"$1\", $$ $1 $$ -- $1", "select system$wait(1), a$1, '$1', \"$1\", $$ $1 $$ -- $1"],
  ];
  for (const [snowflake, duckdb] of cases) {
    it(`rewrites ${JSON.stringify(snowflake)}`, () => assert.equal(toDuckDbMarkers(snowflake, true), duckdb));
  }
  it('leaves `:1` alone without binds (a path or a typo, for DuckDB to report), and still rewrites `$1`', () => {
    assert.equal(toDuckDbMarkers('select $1 from t where a = :1', false), 'select #1 from t where a = :1');
  });
});
