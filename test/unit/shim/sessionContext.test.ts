import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { runShimHandler } from './shimHandler';

// The shim's get_current_schema() follows USE and CREATE SCHEMA sent as plain SQL, as it
// follows use_schema(): Snowflake's CREATE SCHEMA makes the new schema current.
describe("the shim's session context follows USE written as SQL", function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('moves with create schema and use schema; cached results stay visible to async jobs', async () => {
    const seen = await runShimHandler(
      runtime,
      `
def main(session):
    before = session.get_current_schema()
    session.sql("create schema s2").collect()
    created = session.get_current_schema()
    session.sql("use schema public").collect()
    used = session.get_current_schema()
    cached = session.create_dataframe([[1], [2], [3]], schema=["a"]).cache_result()
    counts = [job.result() for job in [cached.count(block=False) for _ in range(10)]]
    return {"schemas": [before, created, used], "counts": counts}
`,
    );
    assert.deepEqual(seen, { schemas: ['"PUBLIC"', '"S2"', '"PUBLIC"'], counts: Array(10).fill(3) });
  });
});
