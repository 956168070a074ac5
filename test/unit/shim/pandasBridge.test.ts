import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';

// to_pandas, to_pandas_batches, AsyncJob results as pandas, create_dataframe(pandas_df) and
// write_pandas, with the pandas of the handler's interpreter (Debian's python3-pandas under
// /usr/bin/python3 stands in for a user's). Without it the case says so and is skipped.
const PYTHON = '/usr/bin/python3';
const hasPandas = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;

describe('pandas in and out of DataFrames (real pandas, real engine)', function () {
  this.timeout(90_000);
  let runtime: SnowparkRuntime;
  before(async function () {
    if (!hasPandas) this.skip();
    runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: PYTHON });
  });
  after(() => runtime?.dispose());

  it('reads results into pandas and writes pandas frames into tables', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'snowpark-local-pandas-')), 'pandas_handler.py');
    writeFileSync(
      file,
      `
import pandas as pd
def main(session):
    df = session.create_dataframe([(1, "a", 1.5), (2, "b", None)], schema=["id", "s", "f"]).sort("id")
    p = df.to_pandas()
    batches = list(df.to_pandas_batches())
    from_job = df.collect_nowait().result(result_type="pandas")
    back = session.create_dataframe(pd.DataFrame({"X": [3, 4], "Y": ["c", "d"]}))
    session.write_pandas(pd.DataFrame({"ID": [7, 8], "NAME": ["g", "h"]}), "PEOPLE", auto_create_table=True)
    session.write_pandas(pd.DataFrame({"NAME": ["i"], "ID": [9]}), "PEOPLE")
    try:
        session.write_pandas(pd.DataFrame({"ID": [1]}), "NOWHERE")
        missing = None
    except Exception as error:
        missing = type(error).__name__
    return {
        "type": type(p).__name__, "columns": list(p.columns), "ids": [int(v) for v in p["ID"]], "s": list(p["S"]),
        "f": [None if v != v else float(v) for v in p["F"]], "batch_rows": sum(len(b) for b in batches),
        "job_ids": [int(v) for v in from_job["ID"]], "back": [list(r) for r in back.sort("X").collect()],
        "people": [list(r) for r in session.table("PEOPLE").sort("ID").collect()], "missing": missing,
    }
`,
    );
    const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: 'VARIANT' }).outcome;
    assert.ok(outcome.ok, `${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`);
    assert.deepEqual(untag(outcome.value ?? null), {
      type: 'DataFrame',
      columns: ['ID', 'S', 'F'],
      ids: [1, 2],
      s: ['a', 'b'],
      f: [1.5, null],
      batch_rows: 2,
      job_ids: [1, 2],
      back: [
        [3, 'c'],
        [4, 'd'],
      ],
      people: [
        [7, 'g'],
        [8, 'h'],
        [9, 'i'],
      ],
      missing: 'SnowparkSQLException',
    });
  });
});
