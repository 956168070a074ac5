import assert from 'node:assert/strict';
import { SnowflakeEngine } from '../../../src/core/engine/snowflake/snowflakeEngine';
import { prepareConnection } from '../../../src/core/engine/snowflake/openConnection';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { onlyCell, runSql } from '../support/runtimeFixture';

// The only test that may talk to a REAL Snowflake account, and only when a contributor
// names a connection from their connections.toml:
//   SNOWPARK_LOCAL_LIVE_CONNECTION=dev npm test
// Everywhere else (CI, these machines) it is skipped: they cannot reach Snowflake.
const live = process.env.SNOWPARK_LOCAL_LIVE_CONNECTION;
const title = live
  ? `Snowflake engine against the real account of connection '${live}' (SNOWPARK_LOCAL_LIVE_CONNECTION)`
  : 'Snowflake engine against a real account (skipped: set SNOWPARK_LOCAL_LIVE_CONNECTION=<connection name> to run it)';

describe(title, function () {
  this.timeout(120_000);
  let engine: SnowflakeEngine;
  let runtime: SnowparkRuntime;

  before(async function () {
    if (!live) return this.skip();
    engine = await prepareConnection(live, () => undefined).connect();
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', engine, session: engine.sessionContext });
  });
  after(async () => {
    await runtime?.dispose();
  });

  it('runs a query and an async child job with a real query id, and cancels one', async () => {
    const [answer] = await runSql(runtime, 'select 40 + 2 as answer');
    assert.equal(onlyCell(answer), 42);
    const [created] = await runSql(
      runtime,
      "CREATE OR REPLACE PROCEDURE snowpark_local_live_check() RETURNS VARCHAR LANGUAGE PYTHON RUNTIME_VERSION = '3.11' PACKAGES = ('snowflake-snowpark-python') HANDLER = 'main' AS $$\n" +
        'def main(session):\n    job = session.sql("select system$wait(30)").collect_nowait()\n    return str(job.is_done())\n$$',
    );
    assert.equal(created.error, undefined, created.error?.message);
    const [called] = await runSql(runtime, 'CALL snowpark_local_live_check()');
    assert.equal(onlyCell(called), 'False');
    const child = runtime.jobs.list({ kind: 'query' }).find((job) => job.label === 'select system$wait(30)')!;
    assert.equal(child.status, 'ABORTED');
    assert.equal(await engine.queryStatus(child.id), 'ABORTED', 'cancelled on the account too');
  });
});
