import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnowflakeEngine } from '../../../src/core/engine/snowflake/snowflakeEngine';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { SnowflakeStandin } from '../../standin/snowflakeStandin';

// A handler that reads job.query_id on Snowflake must get the id the service assigned
// (what it would pass to RESULT_SCAN or look up in Snowsight), not a local placeholder.
describe('handler query ids via snowflake-sdk against the local stand-in (not a real account)', function () {
  this.timeout(60_000);
  let standin: SnowflakeStandin;
  let runtime: SnowparkRuntime;

  before(async () => {
    standin = await SnowflakeStandin.start({ users: { dev: { password: 'pw' } } });
    const engine = await SnowflakeEngine.open(standin.connection('standin', { user: 'dev', password: 'pw' }));
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', engine, session: engine.sessionContext });
  });
  after(async () => {
    await runtime?.dispose();
    await standin?.close();
  });

  it("collect_nowait() gives the service's query id, and RESULT_SCAN of it works", async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'snowpark-local-ids-')), 'ids.py');
    writeFileSync(
      file,
      'def main(session):\n' +
        '    job = session.sql("select 7 as seven").collect_nowait()\n' +
        '    job.result()\n' +
        '    scanned = session.sql(f"select * from table(result_scan(\'{job.query_id}\'))").collect()[0][0]\n' +
        '    return {"id": job.query_id, "scanned": scanned}\n',
    );
    const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' }).outcome;
    assert.ok(outcome.ok, outcome.error?.message);
    const value = untag(outcome.value ?? null) as { id: string; scanned: number };
    assert.ok(standin.jobs.get(value.id), `the service knows ${value.id}`);
    assert.ok(runtime.jobs.get(value.id), 'and the tree shows the job under that id');
    assert.equal(value.scanned, 7);
  });
});
