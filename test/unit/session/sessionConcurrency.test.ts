import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { handlerValue, startHandler } from './sessionHandlers';

// Snowflake keeps temp tables, USE, variables and the transaction per session ("Working
// with Temporary and Transient Tables", USE SCHEMA, SET): every query of the session sees
// them, whichever pooled DuckDB connection runs it. Each run below is one session, and
// its 50 collect_nowait() jobs run on several connections at once.

describe('Session state under concurrency (real engine, real channel)', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  beforeEach(async () => (runtime = await openMemoryRuntime()));
  afterEach(() => runtime.dispose());

  it('50 concurrent jobs of one session all see its temp table, USE, variables and cache_result()', async () => {
    const seen = await handlerValue(
      startHandler(
        runtime,
        `
def main(session):
    session.sql("create schema s2").collect()
    session.sql("create table s2.marker as select 'in s2' as place").collect()
    session.sql("use schema public").collect()
    session.sql("create temporary table tmp_numbers as select range as n from range(10)").collect()
    session.sql("use schema s2").collect()
    session.sql("set threshold = 5").collect()
    cached = session.sql("select n from tmp_numbers where n < 3").cache_result()
    jobs = [session.sql("select (select count(*) from tmp_numbers where n >= $threshold) as c, current_schema() as s, (select place from marker) as m").collect_nowait() for _ in range(50)]
    counts = [cached.count(block=False) for _ in range(50)]
    return {
        "rows": [list(job.result()[0]) for job in jobs],
        "cached": [job.result() for job in counts],
        "schema": session.get_current_schema(),
    }
`,
      ),
    );
    const rows = seen.rows as unknown[][];
    assert.equal(rows.length, 50);
    for (const row of rows) assert.deepEqual(row, [5, 'S2', 'in s2']);
    assert.deepEqual(seen.cached, new Array(50).fill(3));
  });

  it('50 concurrent jobs inside BEGIN see the uncommitted rows; ROLLBACK undoes them', async () => {
    const seen = await handlerValue(
      startHandler(
        runtime,
        `
def main(session):
    session.sql("create table tx (v int)").collect()
    session.sql("begin").collect()
    session.sql("insert into tx values (1), (2)").collect()
    jobs = [session.sql("select count(*) from tx").collect_nowait() for _ in range(50)]
    inside = [job.result()[0][0] for job in jobs]
    session.sql("rollback").collect()
    after_rollback = session.sql("select count(*) from tx").collect()[0][0]
    session.sql("begin transaction").collect()
    session.sql("insert into tx values (3)").collect()
    session.sql("commit").collect()
    return {"inside": inside, "afterRollback": after_rollback, "afterCommit": session.sql("select count(*) from tx").collect()[0][0]}
`,
      ),
    );
    assert.deepEqual(seen.inside, new Array(50).fill(2));
    assert.equal(seen.afterRollback, 0);
    assert.equal(seen.afterCommit, 1);
  });

  it('two runs at once are two sessions: temp tables and USE of one are invisible to the other', async () => {
    await runSql(runtime, 'create table handshake (step varchar); create schema s_a;');
    // A waits for B's check before it ends, so A's session is alive while B looks.
    const a = startHandler(
      runtime,
      `
import time
def main(session):
    session.sql("use schema public").collect()
    session.sql("create temporary table secret as select 42 as v").collect()
    session.sql("set mine = 'a'").collect()
    session.sql("use schema s_a").collect()
    session.sql("insert into public.handshake values ('a-ready')").collect()
    while session.sql("select count(*) from public.handshake where step = 'b-done'").collect()[0][0] == 0:
        time.sleep(0.02)
    return {"schema": session.sql("select current_schema()").collect()[0][0], "secret": session.sql("select v from secret").collect()[0][0]}
`,
    );
    const b = startHandler(
      runtime,
      `
import time
def main(session):
    while session.sql("select count(*) from handshake where step = 'a-ready'").collect()[0][0] == 0:
        time.sleep(0.02)
    def error_of(sql):
        try:
            session.sql(sql).collect()
            return None
        except Exception as error:
            return error.sql_error_code
    seen = {
        "schema": session.sql("select current_schema()").collect()[0][0],
        "secret": error_of("select v from secret"),
        "variable": error_of("select $mine"),
        "tempCatalogsOnPath": session.sql("select count(*) from (select unnest(string_split(current_setting('search_path'), ',')) as p) where p like '%SNOWPARK_SESSION_%'").collect()[0][0],
    }
    session.sql("insert into handshake values ('b-done')").collect()
    return seen
`,
    );
    const [seenA, seenB] = await Promise.all([handlerValue(a), handlerValue(b)]);
    assert.deepEqual(seenA, { schema: 'S_A', secret: 42 });
    assert.equal(seenB.schema, 'PUBLIC');
    assert.equal(seenB.secret, 2003, "Snowflake's 002003: object does not exist or not authorized");
    assert.ok(seenB.variable, 'an unset variable is an error');
    assert.equal(seenB.tempCatalogsOnPath, 0);
  });
});
