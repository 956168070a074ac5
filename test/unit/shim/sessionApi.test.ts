import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';

// The shim's Snowpark API through the real channel and the real DuckDB engine: each
// handler below returns what it observed, and the test checks it.

async function runHandler(runtime: SnowparkRuntime, source: string, returnType = 'VARIANT') {
  const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-api-'));
  const file = join(directory, 'api_handler.py');
  writeFileSync(file, source);
  const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType }).outcome;
  if (!outcome.ok) throw new Error(`${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
  return untag(outcome.value ?? null) as Record<string, unknown>;
}

describe('Snowpark shim API on the real engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('create_dataframe with Snowflake literals, save_as_table modes and table()', async () => {
    const seen = await runHandler(
      runtime,
      `
import datetime, decimal
def main(session):
    df = session.create_dataframe(
        [(1, "it's", 1.5, True, datetime.date(2024, 1, 31), decimal.Decimal("2.50"), datetime.datetime(2024, 1, 31, 10, 0, 0), b"ab", None)],
        schema=["a", "s", "f", "b", "d", "dec", "ts", "bin", "n"])
    row = df.collect()[0]
    df.write.mode("overwrite").save_as_table("saved")
    session.create_dataframe([(2, "x", 2.5, False, None, None, None, None, None)], schema=["a", "s", "f", "b", "d", "dec", "ts", "bin", "n"]).write.mode("append").save_as_table("saved")
    return {
        "fields": list(row.as_dict().keys()),
        "values": [row["A"], row["S"], row["F"], row["B"], str(row["D"]), str(row["DEC"]), str(row["TS"]), row["BIN"].hex() if row["BIN"] else None, row["N"]],
        "count": session.table("saved").count(),
        "first": session.table("saved").sort("A").first()["S"] if hasattr(session.table("saved"), "sort") else session.sql("select s from saved order by a").first()["S"],
    }
`,
    );
    assert.deepEqual(seen.fields, ['A', 'S', 'F', 'B', 'D', 'DEC', 'TS', 'BIN', 'N']);
    assert.deepEqual(seen.values, [1, "it's", 1.5, true, '2024-01-31', '2.500000000000000000', '2024-01-31 10:00:00', '6162', null]);
    assert.equal(seen.count, 2);
    assert.equal(seen.first, "it's");
  });

  it('AsyncJob: status, result types, count and collect without blocking, create_async_job', async () => {
    const seen = await runHandler(
      runtime,
      `
def main(session):
    job = session.sql("select system$wait(1) as w").collect_nowait()
    early = (job.is_done(), job.status())
    rows = job.result()
    again = session.create_async_job(job.query_id)
    counted = session.sql("select * from range(7)").count(block=False)
    collected = session.sql("select 1 as one").collect(block=False)
    iterated = [r["ONE"] for r in session.sql("select 1 as one union all select 2").collect_nowait().result(result_type="row_iterator")]
    nothing = session.sql("select 3").collect_nowait().result(result_type="no_result")
    failing = session.sql("select * from nowhere").collect_nowait()
    try:
        failing.result()
        failure = None
    except Exception as error:
        failure = [type(error).__name__, error.sql_error_code, error.sfqid, error.error_code]
    return {
        "early": list(early), "rows": [list(r) for r in rows], "done": job.is_done(), "status": job.status(),
        "again": [list(r) for r in again.result()], "count": counted.result(), "collected": [r["ONE"] for r in collected.result()],
        "iterated": iterated, "nothing": nothing, "failure": failure, "failingId": failing.query_id, "failed": failing.is_failed(),
        "queryText": job.query,
    }
`,
    );
    assert.deepEqual(seen.early, [false, 'RUNNING']);
    assert.deepEqual(seen.rows, [['waited 1 seconds']]);
    assert.equal(seen.done, true);
    assert.equal(seen.status, 'SUCCESS');
    assert.deepEqual(seen.again, [['waited 1 seconds']]);
    assert.equal(seen.count, 7);
    assert.deepEqual(seen.collected, [1]);
    assert.deepEqual(seen.iterated, [1, 2]);
    assert.equal(seen.nothing, null);
    const failure = seen.failure as unknown[];
    assert.equal(failure[0], 'SnowparkSQLException');
    assert.equal(failure[1], 2003, 'sql_error_code is the SQL error, as in Snowpark');
    assert.equal(failure[3], '1304', "error_code is Snowpark's own 1304");
    assert.equal(failure[2], seen.failingId);
    assert.equal(seen.failed, true);
    assert.equal(seen.queryText, 'select system$wait(1) as w');
  });

  it('binds, context functions, session.call and call_nowait of a worksheet procedure', async () => {
    const [created] = await runSql(
      runtime,
      `CREATE OR REPLACE PROCEDURE add_one(n INT) RETURNS INT LANGUAGE PYTHON RUNTIME_VERSION = 3.12 PACKAGES = ('snowflake-snowpark-python') HANDLER = 'run'
AS $$
def run(session, n):
    return n + 1
$$`,
    );
    assert.equal(created.error, undefined, created.error?.message);
    const seen = await runHandler(
      runtime,
      `
def main(session):
    bound = session.sql("select ? + ? as total, ? as label", params=[40, 2, "x"]).collect()[0]
    return {
        "bound": [bound["TOTAL"], bound["LABEL"]],
        "context": [session.get_current_database(), session.get_current_schema(), session.get_current_role(), session.get_current_warehouse()],
        "sqlContext": list(session.sql("select current_database(), current_schema()").collect()[0]),
        "called": session.call("add_one", 41),
        "nowait": session.call_nowait("add_one", 1).result(),
        "viaSql": session.sql("call add_one(9)").collect()[0][0],
    }
`,
    );
    assert.deepEqual(seen.bound, [42, 'x']);
    assert.deepEqual(seen.context, ['"LOCAL_DB"', '"PUBLIC"', '"LOCAL_ROLE"', '"LOCAL_WH"']);
    assert.deepEqual(seen.sqlContext, ['LOCAL_DB', 'PUBLIC']);
    assert.equal(seen.called, 42);
    assert.equal(seen.viaSql, 10);
    assert.ok(JSON.stringify(seen.nowait).includes('2'), JSON.stringify(seen.nowait));
  });

  // Snowflake's VALUES page selects `column1, $2`: $N names a column by position, and names the
  // result column $N; a bind marker (`?`, `:1`) is still a bind beside it.
  it('positional column references $1, $2 beside bind markers', async () => {
    const seen = await runHandler(
      runtime,
      `
def main(session):
    plain = session.sql("select column1, $2 from (values (1, 'one'), (2, 'two'), (3, 'three')) order by $1")
    bound = session.sql("select $2 as name from values (1, 'one'), (2, 'two') where $1 = ?", params=[2]).collect()
    numbered = session.sql("select $1 + :1 as total from values (10), (20) order by 1", params=[5]).collect()
    return {
        "columns": plain.columns,
        "rows": [list(row) for row in plain.collect()],
        "bound": [row["NAME"] for row in bound],
        "numbered": [row["TOTAL"] for row in numbered],
    }
`,
    );
    assert.deepEqual(seen, {
      columns: ['COLUMN1', '"$2"'],
      rows: [
        [1, 'one'],
        [2, 'two'],
        [3, 'three'],
      ],
      bound: ['two'],
      numbered: [15, 25],
    });
  });

  it('a handler that returns a DataFrame gives a table, as RETURNS TABLE(...) does', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-api-'));
    const file = join(directory, 'table_handler.py');
    writeFileSync(file, 'def main(session):\n    return session.sql("select 1 as a, \'x\' as b union all select 2, \'y\'")\n');
    const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'TABLE(A NUMBER, B VARCHAR)' }).outcome;
    assert.ok(outcome.ok, outcome.error?.message);
    assert.deepEqual(outcome.table?.columns.map((column) => column.name), ['A', 'B']);
    assert.deepEqual(outcome.table?.data, [[1, 2], ['x', 'y']]);
  });

  it('to_pandas() without pandas says it is missing and how to install it', async () => {
    await assert.rejects(
      runHandler(runtime, 'def main(session):\n    return str(session.sql("select 1").to_pandas())\n'),
      /pandas/i,
    );
  });
});
