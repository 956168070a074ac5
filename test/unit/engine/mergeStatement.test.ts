import assert from 'node:assert/strict';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { planDml } from '../../../src/core/engine/duckdb/dmlPlan';
import { mergeResult } from '../../../src/core/engine/duckdb/statementMessages';
import { SqlError } from '../../../src/core/engine/sqlError';
import { TaggedValue } from '../../../src/core/runner/protocol';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';

// MERGE, UPDATE … FROM and DELETE … USING on the DuckDB engine answer with Snowflake's
// count rows. Expected counts come from snowpark-python's test_update_delete_merge_suite
// (run against Snowflake) and from Snowflake's MERGE/UPDATE documentation.

const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };

describe('DML counts as Snowflake answers them (MERGE, UPDATE … FROM, DELETE … USING)', function () {
  this.timeout(30_000);
  let engine: DuckDbEngine;
  let executor: QueryExecutor;
  let session: SessionState;
  const run = (sql: string, binds?: TaggedValue[]) => executor.run({ runId: 'r', parentId: 'r', sql, session, binds });
  const answer = async (sql: string) => {
    const result = await run(sql);
    return Object.fromEntries(result.columns.map((column, i) => [column.name, result.data[i][0]]));
  };
  const rows = async (sql: string) => {
    const result = await run(sql);
    return Array.from({ length: result.rowCount }, (_, r) => result.data.map((column) => column[r]));
  };

  beforeEach(async () => {
    engine = await DuckDbEngine.open({ path: ':memory:' });
    executor = new QueryExecutor(engine, new JobManager());
    session = new SessionState(context);
    await run(`create or replace table target (id int, "desc" varchar)`);
    await run(`insert into target values (10, 'old'), (10, 'too_old'), (11, 'old')`);
    await run(`create or replace table source (id int, "desc" varchar)`);
  });
  afterEach(() => engine.close());

  it('MERGE with one WHEN MATCHED UPDATE answers only "number of rows updated", counting target rows', async () => {
    await run(`insert into source values (10, 'new')`);
    const sql = `merge into target using source on target.id = source.id when matched then update set target."desc" = source."desc"`;
    assert.deepEqual(await answer(sql), { 'number of rows updated': 2 });
    assert.deepEqual(await rows(`select * from target order by id, "desc"`), [[10, 'new'], [10, 'new'], [11, 'old']]);
  });

  it('MERGE with delete, update and two inserts answers three columns in Snowflake order (2, 1, 1)', async () => {
    await run(`insert into source values (10, 'new'), (12, 'new'), (13, 'old')`);
    const result = await run(`merge into target t using (select * from source) s on t.id = s.id
      when matched and t."desc" = 'too_old' then delete
      when matched then update set "desc" = s."desc"
      when not matched and s."desc" = 'old' then insert (id, "desc") values (s.id, 'new')
      when not matched then insert (t.id, t."desc") values (s.id, s."desc")`);
    assert.deepEqual(result.columns.map((column) => column.name), ['number of rows inserted', 'number of rows updated', 'number of rows deleted']);
    assert.deepEqual(result.data, [[2], [1], [1]]);
    assert.deepEqual(await rows(`select * from target order by id`), [[10, 'new'], [11, 'old'], [12, 'new'], [13, 'new']]);
  });

  it('MERGE clauses fire in order, first condition that holds wins (4 inserted, 2 updated, 2 deleted)', async () => {
    await run(`create or replace table tk (k int, v int)`);
    await run(`insert into tk values (0, 10), (1, 11), (2, 12), (3, 13)`);
    await run(`create or replace table sk (k int, v int)`);
    await run(`insert into sk values (0, 20), (1, 21), (2, 22), (3, 23), (4, 24), (5, 25), (6, 26), (7, 27)`);
    const result = await answer(`merge into tk using sk on tk.k = sk.k
      when matched and sk.v < 21 then delete
      when matched and sk.v > 22 then update set v = sk.v - 20
      when matched and sk.v != 21 then delete
      when matched then update set v = sk.v
      when not matched and sk.v < 25 then insert values (sk.k, sk.v - 20)
      when not matched and sk.v > 26 then insert (k) values (sk.k)
      when not matched and sk.v != 25 then insert (v) values (sk.v)
      when not matched then insert (k, v) values (sk.k, sk.v)`);
    assert.deepEqual(result, { 'number of rows inserted': 4, 'number of rows updated': 2, 'number of rows deleted': 2 });
    assert.deepEqual(await rows(`select * from tk order by k nulls last`), [[1, 21], [3, 3], [4, 4], [5, 25], [7, null], [null, 26]]);
  });

  it('a target row several source rows would update fails with 100090 and changes nothing', async () => {
    await run(`insert into source values (10, 'a'), (10, 'b')`);
    await run(`delete from target where "desc" = 'too_old'`);
    await assert.rejects(
      run(`merge into target using source on target.id = source.id when matched then update set "desc" = source."desc"`),
      (error: SqlError) => {
        assert.equal(error.errorCode, '100090');
        assert.equal(error.sqlState, '42P18');
        assert.match(error.detail, /^Duplicate row detected during DML action\nRow Values: \[10, "old"\]/);
        assert.ok(error.queryId, 'the error names the query');
        return true;
      },
    );
    assert.deepEqual(await rows(`select * from target order by id`), [[10, 'old'], [11, 'old']]);
  });

  it('several source rows that only delete a target row are deterministic: it is deleted once', async () => {
    await run(`insert into source values (10, 'a'), (10, 'b')`);
    assert.deepEqual(await answer(`merge into target using source on target.id = source.id when matched then delete`), {
      'number of rows deleted': 2,
    });
    assert.deepEqual(await rows(`select * from target`), [[11, 'old']]);
  });

  it('binds keep their values when the count queries reorder the statement', async () => {
    const result = await run(
      `merge into target using (select ? as id, ? as "desc") s on target.id = s.id
      when matched and target."desc" = ? then update set "desc" = s."desc" when not matched and s.id > ? then insert values (s.id, s."desc")`,
      [10, 'new', 'too_old', 0],
    );
    assert.deepEqual(result.data, [[0], [1]]);
    assert.deepEqual(await rows(`select * from target order by id, "desc"`), [[10, 'new'], [10, 'old'], [11, 'old']]);
    const inserted = await run(
      `merge into target using (select ? as id, ? as "desc") s on target.id = s.id
      when matched and target."desc" = ? then update set "desc" = s."desc" when not matched and s.id > ? then insert values (s.id, s."desc")`,
      [12, 'fresh', 'x', 11],
    );
    assert.deepEqual(inserted.data, [[1], [0]]);
    // `:N` markers (bindMarkers.ts makes them `$N`) may repeat and come in any order.
    const numbered = await run(
      `merge into target using (select :2 as id, :1 as "desc") s on target.id = s.id when not matched and s.id > :2 - 1 then insert values (s.id, s."desc")`,
      ['numbered', 20],
    );
    assert.deepEqual(numbered.data, [[1]]);
  });

  it('UPDATE … FROM counts a multi-joined target row once and reports it (3, 3)', async () => {
    await run(`create or replace table t1 as select * from (values (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)) v(a, b)`);
    await run(`create or replace table t2 as select * from (values (1, 'A'), (2, 'B'), (3, 'C'), (4, 'D'), (5, 'E'), (6, 'F')) v(n, l)`);
    assert.deepEqual(await answer(`update t2 set t2.n = 0 from (select * from t1) as s where s.a = t2.n`), {
      'number of rows updated': 3,
      'number of multi-joined rows updated': 3,
    });
    assert.deepEqual(await rows(`select * from t2 order by l`), [[0, 'A'], [0, 'B'], [0, 'C'], [4, 'D'], [5, 'E'], [6, 'F']]);
    assert.deepEqual(await answer(`update t2 as x set n = 9 from (select 'D' as c union all select 'E') s where x.l = s.c`), {
      'number of rows updated': 2,
      'number of multi-joined rows updated': 0,
    });
  });

  it('DELETE … USING counts each target row once (3)', async () => {
    await run(`create or replace table t1 as select * from (values (1, 1), (1, 2), (2, 1), (2, 2), (3, 1), (3, 2)) v(a, b)`);
    await run(`create or replace table t2 as select * from (values (1, 'A'), (2, 'B'), (3, 'C'), (4, 'D'), (5, 'E'), (6, 'F')) v(n, l)`);
    assert.deepEqual(await answer(`delete from t2 using (select * from t1) as s where s.a = t2.n`), { 'number of rows deleted': 3 });
  });

  it('an unknown column in a MERGE is 000904 with the query id', async () => {
    await assert.rejects(
      run(`merge into target using source on target.id = source.id when matched and nope = 1 then delete`),
      (error: SqlError) => error.errorCode === '000904' && /NOPE/.test(error.detail) && Boolean(error.queryId),
    );
  });

  it('a MERGE cancelled while it runs is rolled back', async () => {
    await run(`create or replace table big (i bigint)`);
    await run(`insert into big values (-1)`);
    const id = executor.submit({
      runId: 'r',
      parentId: 'r',
      session,
      async: true,
      sql: `merge into big using (select a.range * b.range as i from range(100000) a, range(100000) b) s on big.i = s.i
        when matched then delete when not matched then insert values (s.i)`,
    });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await executor.cancel(id);
    assert.equal(executor.status(id), 'ABORTED');
    assert.deepEqual(await rows(`select * from big`), [[-1]]);
  });
});

describe('planDml: which statements are counted, and how they are rewritten for DuckDB', () => {
  it('drops the table qualifier of SET and INSERT targets, which DuckDB rejects', () => {
    const plan = planDml(`MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET t.b = s.b, "T"."C" = 1 WHEN NOT MATCHED THEN INSERT (t.a, b) VALUES (s.a, s.b)`);
    assert.equal(plan?.sql, `MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN UPDATE SET b = s.b, "C" = 1 WHEN NOT MATCHED THEN INSERT (a, b) VALUES (s.a, s.b)`);
    assert.equal(planDml(`update t set t.b = 1 where t.a = 2`)?.sql, `update t set b = 1 where t.a = 2`);
  });

  it('leaves CASE … WHEN inside a condition alone, and plain statements to DuckDB', () => {
    const plan = planDml(`merge into t using s on t.a = case when s.a > 0 then s.a else 0 end when matched then delete`);
    assert.ok(plan?.count, 'the MERGE is counted');
    assert.equal(planDml(`update t set b = 1 where a = 2`), undefined);
    assert.equal(planDml(`select 1`), undefined);
    assert.equal(planDml(`merge into t using s on t.a = s.a when matched then delete; select 1`), undefined);
  });

  it('INSERT OVERWRITE INTO becomes DELETE then INSERT (one transaction in the engine)', () => {
    assert.equal(planDml(`insert overwrite into db.s."T" (a) select 1`)?.sql, `DELETE FROM DB.S.T; insert into db.s."T" (a) select 1`);
    assert.equal(planDml(`insert into t select 1`), undefined);
  });

  it('a MERGE result has one column per action present', () => {
    assert.deepEqual(mergeResult({ inserted: 1, deleted: 2 }, 'q').columns.map((column) => column.name), [
      'number of rows inserted',
      'number of rows deleted',
    ]);
  });
});
