import assert from 'node:assert/strict';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { planDml } from '../../../src/core/engine/duckdb/dmlPlan';
import { SqlError } from '../../../src/core/engine/sqlError';
import { TaggedValue } from '../../../src/core/runner/protocol';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { runShimHandler } from '../shim/shimHandler';

// Snowflake's multi-table INSERT on the DuckDB engine. Expected values come from the examples
// of https://docs.snowflake.com/en/sql-reference/sql/insert-multi-table (DOC below; its tables
// of t1/t2 contents after each example) and from its rules. The answer row's column names
// ("number of rows inserted into FOO", one per INTO) are the ones Snowflake's Node.js
// connector records in its test of a multi-table insert (test/integration/testUpdatedRows.js).

const DOC = 'https://docs.snowflake.com/en/sql-reference/sql/insert-multi-table';
const context = { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null };
const STAGING_TABLES = `select count(*) from duckdb_tables() where temporary and table_name like '__snowpark_local_multi_insert_%'`;

describe('multi-table INSERT (INSERT [OVERWRITE] ALL | FIRST)', function () {
  this.timeout(30_000);
  let engine: DuckDbEngine;
  let executor: QueryExecutor;
  let session: SessionState;
  const run = (sql: string, binds?: TaggedValue[]) => executor.run({ runId: 'r', parentId: 'r', sql, session, binds });
  const rows = async (sql: string) => {
    const result = await run(sql);
    return Array.from({ length: result.rowCount }, (_, r) => result.data.map((column) => column[r]));
  };
  /** The answer row as [column name, count] pairs (names repeat when a table is named twice). */
  const answer = async (sql: string, binds?: TaggedValue[]) => {
    const result = await run(sql, binds);
    assert.equal(result.rowCount, 1);
    return result.columns.map((column, i) => [column.name, result.data[i][0]]);
  };
  const rejects = (sql: string, code: string, detail: RegExp) =>
    assert.rejects(run(sql), (error: SqlError) => {
      assert.equal(error.errorCode, code, error.message);
      assert.match(error.detail, detail);
      assert.ok(error.queryId, 'the error names the query');
      return true;
    });

  beforeEach(async () => {
    engine = await DuckDbEngine.open({ path: ':memory:' });
    executor = new QueryExecutor(engine, new JobManager());
    session = new SessionState(context);
  });
  afterEach(() => engine.close());

  describe(`the examples of ${DOC}`, () => {
    beforeEach(async () => {
      await run(`create table src (n1 int, n2 int, n3 int)`);
      await run(`insert into src values (1, 2, 3), (11, 12, 13), (101, 102, 103)`);
    });

    const UNCONDITIONAL = `
      INTO t1
      INTO t1 (c1, c2, c3) VALUES (n2, n1, DEFAULT)
      INTO t2 (c1, c2, c3)
      INTO t2 VALUES (n3, n2, n1)
    SELECT n1, n2, n3 from src`;

    it('unconditional: each src row goes twice into t1 and twice into t2, varied by VALUES (DEFAULT is the column default)', async () => {
      // DOC "Unconditional multi-table inserts".
      await run(`create table t1 (c1 int, c2 int, c3 int default -1)`);
      await run(`create table t2 (c1 int, c2 int, c3 int)`);
      assert.deepEqual(await answer(`INSERT ALL ${UNCONDITIONAL}`), [
        ['number of rows inserted into T1', 3],
        ['number of rows inserted into T1', 3],
        ['number of rows inserted into T2', 3],
        ['number of rows inserted into T2', 3],
      ]);
      assert.deepEqual(await rows(`select * from t1 order by c1, c2`), [
        [1, 2, 3], [2, 1, -1], [11, 12, 13], [12, 11, -1], [101, 102, 103], [102, 101, -1],
      ]);
      assert.deepEqual(await rows(`select * from t2 order by c1, c2`), [
        [1, 2, 3], [3, 2, 1], [11, 12, 13], [13, 12, 11], [101, 102, 103], [103, 102, 101],
      ]);
    });

    it('unconditional with OVERWRITE: t1 and t2 are truncated first, so a second run leaves one round of rows', async () => {
      // DOC "Unconditional multi-table inserts", second statement.
      await run(`create table t1 (c1 int, c2 int, c3 int default -1)`);
      await run(`create table t2 (c1 int, c2 int, c3 int)`);
      await run(`insert into t1 values (0, 0, 0)`);
      await run(`INSERT OVERWRITE ALL ${UNCONDITIONAL}`);
      await run(`INSERT OVERWRITE ALL ${UNCONDITIONAL}`);
      assert.deepEqual(await rows(`select count(*), count(*) filter (where c3 = -1) from t1`), [[6, 3]]);
      assert.deepEqual(await rows(`select count(*) from t2`), [[6]]);
      assert.deepEqual(await rows(`select count(*) from t1 where c1 = 0`), [[0]], 'the row t1 held before is gone');
    });

    const CONDITIONAL = `
      WHEN n1 > 100 THEN
        INTO t1
      WHEN n1 > 10 THEN
        INTO t1
        INTO t2
      ELSE
        INTO t2
    SELECT n1 from src`;

    it('conditional ALL with ELSE: t1 holds 101, 101, 11 and t2 holds 101, 11, 1 (the doc\'s tables)', async () => {
      // DOC "Conditional multi-table inserts": "Execute all WHEN clauses with an ELSE clause".
      await run(`create table t1 (n1 int)`);
      await run(`create table t2 (n1 int)`);
      assert.deepEqual(await answer(`INSERT ALL ${CONDITIONAL}`), [
        ['number of rows inserted into T1', 1],
        ['number of rows inserted into T1', 2],
        ['number of rows inserted into T2', 2],
        ['number of rows inserted into T2', 1],
      ]);
      assert.deepEqual(await rows(`select n1 from t1 order by n1 desc`), [[101], [101], [11]]);
      assert.deepEqual(await rows(`select n1 from t2 order by n1 desc`), [[101], [11], [1]]);
    });

    it('conditional FIRST: t1 holds 101, 11 and t2 holds 11, 1 (only the first WHEN that holds runs)', async () => {
      // DOC "Conditional multi-table inserts": "similar to the previous example, except with a FIRST clause".
      await run(`create table t1 (n1 int)`);
      await run(`create table t2 (n1 int)`);
      await run(`INSERT FIRST ${CONDITIONAL}`);
      assert.deepEqual(await rows(`select n1 from t1 order by n1 desc`), [[101], [11]]);
      assert.deepEqual(await rows(`select n1 from t2 order by n1 desc`), [[11], [1]]);
    });

    it('VALUES reads a positional alias ($1), an explicit alias and a default alias ("10 + 20"): (1, 50, 30)', async () => {
      // DOC "Multi-table inserts with aliases and references", first example.
      await run(`create table t1 (a int, b int, c int)`);
      await run(`INSERT ALL
        INTO t1 VALUES ($1, an_alias, "10 + 20")
      SELECT 1, 50 AS an_alias, 10 + 20`);
      assert.deepEqual(await rows(`select * from t1`), [[1, 50, 30]]);
    });

    it('WHEN and VALUES read only the columns the subquery selects: selecting b and c makes it work', async () => {
      // DOC "Illustrate inserting values from columns that must be selected to be referenced".
      await run(`create table abc (a int, b int, c int)`);
      await run(`insert into abc values (1, 10, 5), (2, 20, 15), (3, 30, 25)`);
      await run(`create table t1 (col1 int, col2 int)`);
      await rejects(`INSERT ALL
          WHEN c > 10 THEN
            INTO t1 (col1, col2) VALUES (a, b)
        SELECT a FROM abc`, '000904', /invalid identifier '[BC]'/);
      assert.deepEqual(await answer(`INSERT ALL
          WHEN c > 10 THEN
            INTO t1 (col1, col2) VALUES (a, b)
        SELECT a, b, c FROM abc`), [['number of rows inserted into T1', 2]]);
      assert.deepEqual(await rows(`select * from t1 order by col1`), [[2, 20], [3, 30]]);
    });

    it('a table column the subquery does not select (src1.key) is an invalid identifier; selected and aliased it works', async () => {
      // DOC "Illustrate inserting values from a column that cannot be referenced (src1.key)".
      await run(`create table src1 (key int, a varchar)`);
      await run(`create table src2 (key int)`);
      await run(`insert into src1 values (1, 'one'), (2, 'two'), (3, 'three')`);
      await run(`insert into src2 values (1), (3)`);
      await run(`create table t1 (key int, a varchar)`);
      await rejects(`INSERT ALL
          INTO t1 VALUES (src1.key, a)
        SELECT src1.a AS a
        FROM src1, src2 WHERE src1.key = src2.key`, '000904', /invalid identifier 'SRC1\.KEY'/);
      await run(`INSERT ALL
          INTO t1 VALUES (key, a)
        SELECT src1.key AS key, src1.a AS a
        FROM src1, src2 WHERE src1.key = src2.key`);
      assert.deepEqual(await rows(`select * from t1 order by key`), [[1, 'one'], [3, 'three']]);
    });
  });

  describe(`the rules of ${DOC}`, () => {
    beforeEach(async () => {
      await run(`create table nums (n int)`);
      await run(`insert into nums values (1), (5), (20), (null)`);
      await run(`create table a (n int)`);
      await run(`create table b (n int)`);
      await run(`create table c (n int)`);
    });

    it('overlapping conditions: ALL runs every WHEN that holds, FIRST the first; a NULL condition does not hold', async () => {
      const statement = (mode: string) => `INSERT ${mode}
        WHEN n > 0 THEN INTO a
        WHEN n > 2 THEN INTO b
        WHEN n > 10 THEN INTO c
        ELSE INTO c (n) VALUES (NULL)
      SELECT n FROM nums`;
      assert.deepEqual((await answer(statement('ALL'))).map(([, count]) => count), [3, 2, 1, 1]);
      assert.deepEqual(await rows(`select n from a order by n`), [[1], [5], [20]]);
      assert.deepEqual(await rows(`select n from b order by n`), [[5], [20]]);
      assert.deepEqual(await rows(`select n from c order by n`), [[20], [null]], 'ELSE took only the NULL row');
      assert.deepEqual((await answer(statement('OVERWRITE FIRST'))).map(([, count]) => count), [3, 0, 0, 1]);
      assert.deepEqual(await rows(`select count(*) from b`), [[0]]);
      assert.deepEqual(await rows(`select n from c`), [[null]]);
    });

    it('FIRST runs every INTO of the WHEN clause it picks, and the same table may appear in several clauses', async () => {
      assert.deepEqual(await answer(`INSERT FIRST
        WHEN n >= 5 THEN INTO a INTO b INTO a (n) VALUES (-n)
        WHEN n >= 1 THEN INTO a
      SELECT n FROM nums`), [
        ['number of rows inserted into A', 2],
        ['number of rows inserted into B', 2],
        ['number of rows inserted into A', 2],
        ['number of rows inserted into A', 1],
      ]);
      assert.deepEqual(await rows(`select n from a order by n`), [[-20], [-5], [1], [5], [20]]);
    });

    it('ELSE runs only for rows no WHEN holds for (ALL too)', async () => {
      await run(`INSERT ALL WHEN n > 3 THEN INTO a WHEN n > 10 THEN INTO a ELSE INTO b SELECT n FROM nums`);
      assert.deepEqual(await rows(`select n from a order by n`), [[5], [20], [20]]);
      assert.deepEqual(await rows(`select n from b order by n`), [[1], [null]]);
    });

    it('column lists and VALUES: DEFAULT, NULL, columns in another order, values coerced as INSERT does', async () => {
      await run(`create table wide (id int, label varchar default 'none', amount number(10,2) default 1.5, note varchar)`);
      await run(`create table src (k varchar, v int, t varchar)`);
      await run(`insert into src values ('7', 3, 'x'), ('8', 4, 'y')`);
      assert.deepEqual(await answer(`INSERT ALL
        INTO wide (note, id) VALUES (t, k)
        INTO wide VALUES (v, DEFAULT, NULL, t)
        INTO wide (id, amount, label) VALUES (v, '2.25', DEFAULT)
        INTO wide (id, label, amount, note) VALUES (DEFAULT, DEFAULT, DEFAULT, DEFAULT)
      SELECT k, v, t FROM src`), [
        ['number of rows inserted into WIDE', 2],
        ['number of rows inserted into WIDE', 2],
        ['number of rows inserted into WIDE', 2],
        ['number of rows inserted into WIDE', 2],
      ]);
      assert.deepEqual(await rows(`select id, label, amount, note from wide order by id nulls last, note nulls first, label`), [
        [3, 'none', '2.25', null],
        [3, 'none', null, 'x'],
        [4, 'none', '2.25', null],
        [4, 'none', null, 'y'],
        [7, 'none', '1.50', 'x'],
        [8, 'none', '1.50', 'y'],
        [null, 'none', '1.50', null],
        [null, 'none', '1.50', null],
      ]);
    });

    it('OVERWRITE runs the subquery before it empties the targets, so a target may read itself', async () => {
      await run(`insert into a values (1), (2)`);
      await run(`INSERT OVERWRITE ALL INTO a INTO b SELECT n * 10 FROM a`);
      assert.deepEqual(await rows(`select n from a order by n`), [[10], [20]]);
      assert.deepEqual(await rows(`select n from b order by n`), [[10], [20]]);
    });

    it('the subquery runs once: every target gets the same RANDOM() rows', async () => {
      await run(`create table r1 (v bigint, s int)`);
      await run(`create table r2 (v bigint, s int)`);
      await run(`INSERT ALL INTO r1 INTO r2 SELECT random(), seq4() FROM table(generator(rowcount => 50))`);
      const first = await rows(`select v, s from r1 order by s`);
      assert.equal(first.length, 50);
      assert.deepEqual(await rows(`select v, s from r2 order by s`), first);
    });

    it('binds reach the subquery, the conditions and VALUES', async () => {
      const result = await answer(`INSERT ALL WHEN n > ? THEN INTO a (n) VALUES (n * ?) SELECT n FROM nums WHERE n < ?`, [2, 10, 100]);
      assert.deepEqual(result, [['number of rows inserted into A', 2]]);
      assert.deepEqual(await rows(`select n from a order by n`), [[50], [200]]);
    });

    it('a failing INTO leaves every target as it was: the whole statement is atomic, its staging table gone', async () => {
      await run(`create table strict (n int not null)`);
      await run(`insert into a values (100)`);
      await assert.rejects(run(`INSERT OVERWRITE ALL INTO a INTO b INTO strict SELECT n FROM nums`), (error: SqlError) => {
        assert.equal(error.errorCode, '100072');
        assert.match(error.detail, /NOT NULL/i);
        return true;
      });
      assert.deepEqual(await rows(`select n from a`), [[100]], 'not overwritten');
      assert.deepEqual(await rows(`select count(*) from b`), [[0]]);
      assert.deepEqual(await rows(STAGING_TABLES), [[0]]);
    });

    it('inside an explicit transaction it takes part in it, and leaves no staging table behind', async () => {
      await run(`begin`);
      await run(`INSERT ALL INTO a INTO b SELECT n FROM nums WHERE n IS NOT NULL`);
      assert.deepEqual(await rows(STAGING_TABLES), [[0]]);
      assert.deepEqual(await rows(`select count(*) from a`), [[3]]);
      await assert.rejects(run(`INSERT ALL INTO a (n) VALUES (n, n) SELECT n FROM nums`), (error: SqlError) => error.errorCode === '002020');
      assert.deepEqual(await rows(STAGING_TABLES), [[0]], 'a statement that failed in the transaction leaves none either');
      await run(`rollback`);
      assert.deepEqual(await rows(`select count(*) from a`), [[0]]);
      assert.deepEqual(await rows(`select count(*) from b`), [[0]]);
    });

    it('a multi-table INSERT cancelled while its subquery runs is rolled back', async () => {
      const id = executor.submit({
        runId: 'r',
        parentId: 'r',
        session,
        async: true,
        sql: `INSERT ALL INTO a INTO b SELECT x.range * y.range FROM range(100000) x, range(100000) y`,
      });
      await new Promise((resolve) => setTimeout(resolve, 400));
      await executor.cancel(id);
      assert.equal(executor.status(id), 'ABORTED');
      assert.deepEqual(await rows(`select count(*) from a`), [[0]]);
      assert.deepEqual(await rows(`select count(*) from b`), [[0]]);
      assert.deepEqual(await rows(STAGING_TABLES), [[0]]);
    });

    it('a VALUES list or subquery that does not fit the target columns is 002020, naming the counts', async () => {
      await rejects(`INSERT ALL INTO a (n) VALUES (n, n) SELECT n FROM nums`, '002020', /Insert value list does not match column list expecting 1 but got 2/);
      await rejects(`INSERT ALL INTO a SELECT n, n FROM nums`, '002020', /expecting 1 but got 2/);
      assert.deepEqual(await rows(`select count(*) from a`), [[0]]);
    });

    it('FIRST without WHEN, or WHEN mixed into an unconditional insert, is a syntax error (001003)', async () => {
      await rejects(`INSERT FIRST INTO a SELECT 1`, '001003', /syntax error: unexpected 'INTO'/);
      await rejects(`INSERT ALL INTO a WHEN 1 = 1 THEN INTO b SELECT 1`, '001003', /unexpected 'WHEN'/);
      await rejects(`INSERT ALL WHEN 1 = 1 THEN INTO a`, '001003', /unexpected end of statement/);
    });

    it('an unknown target table is 002003 "does not exist"', async () => {
      await rejects(`INSERT ALL INTO a INTO nope SELECT 1`, '002003', /NOPE/);
      assert.deepEqual(await rows(`select count(*) from a`), [[0]]);
    });
  });

  describe('the answer row', () => {
    it('has one NUMBER(38,0) column per INTO, named after the table as Snowflake resolves it', async () => {
      await run(`create table foo (k int)`);
      await run(`create table "MixedCase" (k int)`);
      const result = await run(`insert ALL into local_db.public.foo into "MixedCase" select 1 union all select 2`);
      assert.deepEqual(result.columns, [
        { name: 'number of rows inserted into FOO', type: 'NUMBER(38,0)' },
        { name: 'number of rows inserted into MixedCase', type: 'NUMBER(38,0)' },
      ]);
      assert.deepEqual(result.data, [[2], [2]]);
      assert.equal(result.rowCount, 1);
    });

    it('planDml plans INSERT ALL / FIRST and leaves INSERT OVERWRITE INTO to its own plan', () => {
      const plan = planDml(`insert overwrite first when a > 1 then into t1 select 1 as a`);
      assert.ok(plan?.count, 'a multi-table insert answers with its own row');
      assert.match(plan.sql, /^DROP TABLE temp\.main\."__snowpark_local_multi_insert_[0-9a-f]+"$/);
      assert.equal(planDml(`insert overwrite into t select 1`)?.sql, `DELETE FROM T; insert into t select 1`);
      assert.equal(planDml(`insert into t select 1`), undefined);
    });
  });
});

describe('multi-table INSERT from the Python shim', function () {
  this.timeout(60_000);

  it('session.sql("insert all …").collect() gives the same answer row', async () => {
    const runtime = await openMemoryRuntime();
    try {
      const seen = await runShimHandler(
        runtime,
        `
def main(session):
    session.sql("create or replace table foo (k number, v number)").collect()
    session.sql("create or replace table bar (k number, v number)").collect()
    row = session.sql("insert ALL into foo into bar select * from values (0, 100), (1, 101), (2, 102)").collect()[0]
    return {"fields": list(row._fields), "values": list(row), "bar": [list(r) for r in session.table("bar").sort("k").collect()]}
`,
      );
      // Snowflake's answer to this statement (Node.js connector test): FOO 3, BAR 3.
      assert.deepEqual(seen.fields, ['number of rows inserted into FOO', 'number of rows inserted into BAR']);
      assert.deepEqual(seen.values, [3, 3]);
      assert.deepEqual(seen.bar, [[0, 100], [1, 101], [2, 102]]);
    } finally {
      await runtime.dispose();
    }
  });
});
