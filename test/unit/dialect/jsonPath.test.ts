import assert from 'node:assert/strict';
import { jsonPathOf } from '../../../src/core/engine/duckdb/dialect/semiStructuredRules';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { onlyCell, openMemoryRuntime, runSql } from '../support/runtimeFixture';

// Snowflake reads `v['key']` with the key as a SQL string (a doubled quote is one quote, and
// a dot is part of the key), and `v:a.b[0]` as a path of names and indexes.
describe('semi-structured paths: keys with quotes and dots', function () {
  this.timeout(30_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('turns Snowflake paths into DuckDB JSONPath', () => {
    assert.equal(jsonPathOf('a.b[0]'), '$."a"."b"[0]');
    assert.equal(jsonPathOf("['date with '' and .']"), '$."date with \' and ."');
    assert.equal(jsonPathOf('x[2]."y z"'), '$."x"[2]."y z"');
  });

  it("reads a key holding a quote and a dot from a VARIANT", async () => {
    const [outcome] = await runSql(runtime, `select parse_json('{"it''s.x": 1, "it''s": {"x": 2}}')['it''s.x']::int`);
    assert.equal(onlyCell(outcome), 1);
  });
});
