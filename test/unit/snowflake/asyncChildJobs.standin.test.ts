import assert from 'node:assert/strict';
import { SnowflakeEngine } from '../../../src/core/engine/snowflake/snowflakeEngine';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { SnowflakeStandin } from '../../standin/snowflakeStandin';
import { defineAsyncSeedTests } from '../support/asyncSeedSuite';

// The same five docs examples, with the same observable results, but every child job's SQL
// goes through snowflake-sdk to the LOCAL STAND-IN (test/standin), not to a real account.
// The procedures themselves run locally (ProcedureRouter), as they do with DuckDB.
let standin: SnowflakeStandin;

defineAsyncSeedTests(
  'Snowflake docs async child jobs via snowflake-sdk against the local stand-in (not a real account)',
  async () => {
    standin = await SnowflakeStandin.start({ users: { dev: { password: 'standin-pw' } } });
    const engine = await SnowflakeEngine.open(standin.connection('standin', { user: 'dev', password: 'standin-pw' }));
    const runtime = await SnowparkRuntime.open({ dbPath: ':memory:', engine, session: engine.sessionContext });
    return { runtime, serviceStatus: (queryId) => standin.jobs.get(queryId)?.status };
  },
  async (target) => {
    await target.runtime.dispose();
    await standin?.close();
  },
  () => {
    it('used the asynchronous protocol: asyncExec submissions, status monitoring, result fetches', () => {
      assert.equal(standin.count('/session/v1/login-request'), 1, 'one login for the whole runtime');
      assert.ok(standin.count('/monitoring/queries/') > 0);
      assert.ok(standin.count('/result') > 0);
      assert.ok(standin.jobs.list({ kind: 'query' }).filter((job) => /system\$cancel_query/i.test(job.label)).length >= 3);
    });
  },
);
