import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { MAX_ACTIVE_CONNECTIONS } from '../../../src/core/engine/duckdb/connectionSlots';

// to_local_iterator / to_pandas_batches read the result a batch at a time (query.stream,
// query.fetch): the rows must be exactly collect()'s, and a stream cut short (cancelled,
// dropped, left open at the run's end) must give its DuckDB connection back.
const PYTHON = '/usr/bin/python3';
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

describe('streamed results: to_local_iterator and to_pandas_batches', function () {
  this.timeout(120_000);
  let runtime: SnowparkRuntime;
  before(async () => {
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: existsSync(PYTHON) ? PYTHON : undefined });
  });
  after(() => runtime?.dispose());

  async function run(source: string): Promise<{ value: unknown; runId: string }> {
    const file = join(mkdtempSync(join(tmpdir(), 'snowpark-local-stream-')), 'stream_handler.py');
    writeFileSync(file, source);
    const handle = runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' });
    const outcome = await handle.outcome;
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
    return {"several": len(batches) > 1, "rows": len(joined), "columns": list(joined.columns)}
`);
    assert.deepEqual(value, { several: true, rows: 230000, columns: ['I', 'S', 'F'] });
  });
});
