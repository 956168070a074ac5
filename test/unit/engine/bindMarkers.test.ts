import assert from 'node:assert/strict';
import { toDuckDbBindMarkers } from '../../../src/core/engine/duckdb/bindMarkers';

// Snowflake's numeric bind markers (`:1`) become DuckDB's (`$1`); nothing else changes.
describe('bind markers for DuckDB', () => {
  const cases: Array<[string, string]> = [
    ['select :1 as a, :2 as b', 'select $1 as a, $2 as b'],
    ['select * from t where a = :1 and b in (:2,:3)', 'select * from t where a = $1 and b in ($2,$3)'],
    ['select ? as a', 'select ? as a'],
    ['select x::int, :1::varchar', 'select x::int, $1::varchar'],
    ["select ':1', \"c:1\", :1 -- :2\n/* :3 */", "select ':1', \"c:1\", $1 -- :2\n/* :3 */"],
    ["select 'it''s :1', 'a\\' :2', :3", "select 'it''s :1', 'a\\' :2', $3"],
    ['select v:1 from t', 'select v:1 from t'],
    ['select $$ :1 $$, :1', 'select $$ :1 $$, $1'],
  ];
  for (const [snowflake, duckdb] of cases) {
    it(`rewrites ${JSON.stringify(snowflake)}`, () => assert.equal(toDuckDbBindMarkers(snowflake), duckdb));
  }
});
