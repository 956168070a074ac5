import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { untag } from '../../../src/core/runner/taggedValues';
import { RunHandle } from '../../../src/core/runner/runTypes';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { MAX_ACTIVE_CONNECTIONS } from '../../../src/core/engine/duckdb/connectionSlots';

// to_local_iterator / to_pandas_batches read the result a batch at a time (query.stream,
// query.fetch): the rows must be exactly collect()'s, and a stream cut short (cancelled,
// dropped, left open at the run's end) must give its DuckDB connection back.
const PYTHON = '/usr/bin/python3';
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

// A hang must fail this file fast, with what was still open, rather than stall CI: each run
// gets a deadline after which it is cancelled, and each test a timeout a little above it.
const RUN_DEADLINE_MS = 90_000;

describe('streamed results: to_local_iterator and to_pandas_batches', function () {
  this.timeout(RUN_DEADLINE_MS + 15_000);
  let runtime: SnowparkRuntime;
  before(async () => {
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: existsSync(PYTHON) ? PYTHON : undefined });
  });
  after(() => runtime?.dispose());

  function start(source: string): RunHandle {
    const file = join(mkdtempSync(join(tmpdir(), 'snowpark-local-stream-')), 'stream_handler.py');
    writeFileSync(file, source);
    return runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' });
  }

  async function run(source: string): Promise<{ value: unknown; runId: string }> {
    const handle = start(source);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), RUN_DEADLINE_MS)));
    const first = await Promise.race([handle.outcome, deadline]).finally(() => clearTimeout(timer));
    if (first === 'late') {
      const running = runtime.jobs.list({ runId: handle.runId, kind: 'query' }).filter((job) => job.status === 'RUNNING' || job.status === 'ABORTING');
      void handle.cancel();
      assert.fail(`run still going after ${RUN_DEADLINE_MS} ms; statements not settled: ${JSON.stringify(running.map((job) => [job.id, job.status]))}`);
    }
    const outcome = first;
    assert.ok(outcome.ok, `${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
    return { value: untag(outcome.value ?? null), runId: handle.runId };
  }

  it('gives exactly the rows collect() gives, for 0 rows, 1 row and more than one batch', async () => {
    const { value } = await run(`
from snowflake.snowpark.row import Row
def main(session):
    out = {}
    for n in (0, 1, 250001):
        df = session.sql("""select i, i::decimal(12,2) + 0.25 as d, 'v' || i as s, dateadd(day, i % 400, '2024-01-01'::date) as day,
                            case when i % 3 = 0 then null else i * 0.5 end as f, i % 2 = 0 as b
                            from range({}) t(i) order by i desc""".format(n))
        streamed = list(df.to_local_iterator())
        collected = df.collect()
        out[str(n)] = {"equal": streamed == collected, "count": len(streamed),
                       "types": [type(v).__name__ for v in streamed[0]] if streamed else [],
                       "rows": all(isinstance(r, Row) for r in streamed), "fields": list(streamed[0].asDict()) if streamed else []}
    return out
`);
    const types = ['int', 'Decimal', 'str', 'date', 'Decimal', 'bool'];
    const fields = ['I', 'D', 'S', 'DAY', 'F', 'B'];
    assert.deepEqual(value, {
      '0': { equal: true, count: 0, types: [], rows: true, fields: [] },
      '1': { equal: true, count: 1, types: ['int', 'Decimal', 'str', 'date', 'NoneType', 'bool'], rows: true, fields },
      '250001': { equal: true, count: 250001, types, rows: true, fields },
    });
  });

  it('falls back to the whole result for a statement the engine does not stream, and raises SQL errors at the call', async () => {
    const { value } = await run(`
def main(session):
    session.sql("create or replace table t_fallback (a int)").collect()
    inserted = [tuple(r) for r in session.sql("insert into t_fallback values (1), (2)").to_local_iterator()]
    try:
        session.sql("select * from no_such_table").to_local_iterator()
        error = None
    except Exception as e:
        error = type(e).__name__
    return {"inserted": inserted, "error": error}
`);
    assert.deepEqual(value, { inserted: [[2]], error: 'SnowparkSQLException' });
  });

  it('cancelling mid-stream aborts the job and frees its connection, more times than there are connections', async () => {
    const { value, runId } = await run(`
from snowflake.snowpark.exceptions import SnowparkSQLException
def main(session):
    outcomes = []
    for _ in range(${MAX_ACTIVE_CONNECTIONS + 8}):
        with session.query_history() as history:
            rows = session.range(1000000).to_local_iterator()
        first = next(rows)
        job = session.create_async_job(history.queries[-1].query_id)
        job.cancel()
        try:
            # The batch already fetched is the reader's; the next fetch fails.
            sum(1 for _ in rows)
            outcomes.append("read on")
        except SnowparkSQLException as error:
            outcomes.append(job.status() + ":" + error.sqlstate)
    return {"outcomes": sorted(set(outcomes)), "after": session.sql("select 42").collect()[0][0]}
`);
    assert.deepEqual(value, { outcomes: ['ABORTED:57014'], after: 42 });
    const streamed = runtime.jobs.list({ runId, kind: 'query' }).filter((job) => job.status === 'ABORTED');
    assert.equal(streamed.length, MAX_ACTIVE_CONNECTIONS + 8);
  });

  it('closes dropped iterators on the next stream and open ones at the run end, leaving no statement running', async () => {
    const { value, runId } = await run(`
kept = []
def main(session):
    for _ in range(${MAX_ACTIVE_CONNECTIONS + 8}):
        rows = session.range(300000).to_local_iterator()
        next(rows)
        del rows
    kept.append(session.range(1000000).to_local_iterator())
    return next(kept[0])[0]
`);
    assert.equal(value, 0);
    const jobs = runtime.jobs.list({ runId, kind: 'query' });
    assert.deepEqual(jobs.filter((job) => job.status === 'RUNNING'), []);
    // Dropped ones were closed by their reader (SUCCESS, as on Snowflake); the one left open ended with the run.
    assert.equal(jobs.filter((job) => job.status === 'SUCCESS').length, MAX_ACTIVE_CONNECTIONS + 8);
    assert.equal(jobs.filter((job) => job.status === 'ABORTED').length, 1);
    assert.deepEqual(runtime.executor.retained.running, 0);
  });

  it('cancelling the run mid-stream aborts the stream and frees its connection for the next query', async () => {
    const handle = start(`
import time
def main(session):
    rows = session.range(1000000).to_local_iterator()
    next(rows)
    print("first row read", flush=True)
    time.sleep(600)
`);
    await new Promise<void>((resolve) => {
      const listening = runtime.runner.onOutput((output) => {
        if (output.runId === handle.runId && output.text.includes('first row read')) {
          listening.dispose();
          resolve();
        }
      });
    });
    await handle.cancel();
    const outcome = await handle.outcome;
    assert.equal(outcome.ok, false);
    assert.equal(outcome.error?.kind, 'cancelled');
    const jobs = runtime.jobs.list({ runId: handle.runId, kind: 'query' });
    assert.deepEqual(jobs.map((job) => job.status), ['ABORTED']);
    assert.equal(runtime.executor.retained.running, 0);
    assert.equal((await run('def main(session):\n    return session.sql("select 42").collect()[0][0]\n')).value, 42);
  });

  it('AsyncJob.result("row_iterator") reads a finished result in batches, equal to collect(), its error raised at result()', async () => {
    const { value } = await run(`
def main(session):
    fetches = []
    call = session._channel.call
    def recording(method, params, **options):
        if method in ("query.fetch", "query.result"):
            fetches.append((method, params.get("fromRow")))
        return call(method, params, **options)
    session._channel.call = recording
    df = session.sql("select i, 'v' || i as s, case when i % 7 = 0 then null else i / 4 end as f from range(120000) t(i) order by i")
    job = df.collect_nowait()
    rows = job.result("row_iterator")
    first = next(rows)
    streamed = [first] + list(rows)
    same = streamed == df.collect()
    empty = list(session.sql("select 1 as a where false").collect_nowait().result("row_iterator"))
    dml = [tuple(r) for r in session.sql("create or replace temporary table t_async_iter as select 1 as a").collect_nowait().result("row_iterator")]
    iterator_job = df.to_local_iterator(block=False)
    default_kind = sum(1 for _ in iterator_job.result())
    failing = session.sql("select 1/0").collect_nowait()
    try:
        failing.result("row_iterator")
        error = None
    except Exception as e:
        error = type(e).__name__
    batch_fetches = [f for f in fetches if f[0] == "query.fetch"]
    return {"same": same, "count": len(streamed), "several": len(batch_fetches) > 2,
            "offsets_grow": [f[1] for f in batch_fetches[:3]] == sorted(f[1] for f in batch_fetches[:3]),
            "whole_reads": [f for f in fetches if f[0] == "query.result"], "empty": empty, "dml": dml,
            "default_kind": default_kind, "error": error}
`);
    assert.deepEqual(value, {
      same: true,
      count: 120000,
      several: true,
      offsets_grow: true,
      whole_reads: [],
      empty: [],
      dml: [['Table T_ASYNC_ITER successfully created.']],
      default_kind: 120000,
      error: 'SnowparkSQLException',
    });
  });

  it('query.fetch of a finished query refuses a fromRow that is not where a batch starts, and a maxRows below 1', async () => {
    const { value } = await run(`
def main(session):
    job = session.sql("select * from range(5000)").collect_nowait()
    job.result("no_result")
    out = []
    for params in ({"maxRows": 10, "fromRow": 7}, {"maxRows": 0, "fromRow": 0}, {"maxRows": 10, "fromRow": -1}):
        try:
            session._channel.call("query.fetch", dict(params, queryId=job.query_id))
            out.append("accepted")
        except Exception as e:
            out.append(type(e).__name__)
    whole = session._channel.call("query.fetch", {"queryId": job.query_id, "maxRows": 10**9, "fromRow": 0})
    return {"refused": out, "whole": [whole["rowCount"], whole["done"]]}
`);
    // A usage error on the channel is a ValueError in Python (errors.py).
    assert.deepEqual(value, { refused: ['ValueError', 'ValueError', 'ValueError'], whole: [5000, true] });
  });

  it('to_pandas_batches gives frames whose concatenation is to_pandas()', async function () {
    if (!hasPandas) this.skip();
    const { value } = await run(`
import pandas as pd
def main(session):
    df = session.sql("select i, 'x' || i as s, case when i % 5 = 0 then null else i / 3 end as f from range(230000) t(i) order by i")
    batches = list(df.to_pandas_batches())
    whole = df.to_pandas()
    joined = pd.concat(batches, ignore_index=True)
    pd.testing.assert_frame_equal(joined, whole)
    job_batches = list(df.collect_nowait().result("pandas_batches"))
    pd.testing.assert_frame_equal(pd.concat(job_batches, ignore_index=True), whole)
    return {"several": len(batches) > 1, "rows": len(joined), "columns": list(joined.columns), "job_several": len(job_batches) > 1}
`);
    assert.deepEqual(value, { several: true, rows: 230000, columns: ['I', 'S', 'F'], job_several: true });
  });
});
