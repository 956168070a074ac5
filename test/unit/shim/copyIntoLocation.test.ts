import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { runSql } from '../support/runtimeFixture';
import { ATTEMPT, runShimHandler as runHandler } from './shimHandler';

// df.write.copy_into_location / csv / json / parquet and COPY INTO @stage through the real channel
// and the real DuckDB engine, with a database file so the stage folders can be read back.
// Expected values: Snowflake's COPY INTO <location> reference (file names, defaults: gzip, no
// header, NULL as an empty field) and snowpark-python's test_dataframe_writer_suite
// (rows_unloaded, the `<path>_0_0_0.csv.gz` name, SINGLE's exact name, PARTITION BY's file count).

const FRAME = `
def frame(session):
    return session.create_dataframe([[1, 2], [3, 4], [5, 6], [3, 7]], schema=["a", "b"])
`;

/** Every file under a folder, '/'-separated, sorted. */
function filesUnder(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(folder, entry.name), `${prefix}${entry.name}/`) : [prefix + entry.name]))
    .sort();
}

async function readWithDuckDb(sql: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    return (await (await connection.run(sql)).getRowsJson()) as unknown[][];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('COPY INTO <location> and DataFrameWriter unloads on the real engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  let stages: string;
  before(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'snowpark-local-unload-'));
    runtime = await SnowparkRuntime.open({ dbPath: join(folder, 'local.duckdb') });
    stages = join(folder, 'stages');
  });
  after(() => runtime.dispose());

  it('csv: default is gzip, no header, named <path>_0_0_0.csv.gz; OVERWRITE replaces; a second unload without it fails', async () => {
    const seen = await runHandler(runtime, `${FRAME}${ATTEMPT}
def main(session):
    df = frame(session)
    first = df.write.csv("@~/test_csv_example1")
    again = attempt(lambda: df.write.csv("@~/test_csv_example1"))
    second = df.write.csv("@~/test_csv_example1", overwrite=True)
    return {"first": [list(first[0]), first[0]._fields], "again": again, "second": second[0].rows_unloaded}
`);
    assert.deepEqual((seen.first as unknown[])[1], ['rows_unloaded', 'input_bytes', 'output_bytes']);
    const [rows, inputBytes, outputBytes] = (seen.first as number[][])[0];
    assert.equal(rows, 4);
    assert.equal(seen.second, 4);
    assert.match(String(seen.again), /^ERR SnowparkSQLException: 1030 qid .*001030 \(22000\): Files already existing at the unload destination: @~\/test_csv_example1\. Use overwrite option/);
    assert.deepEqual(filesUnder(join(stages, 'user')), ['test_csv_example1_0_0_0.csv.gz']);
    const packed = readFileSync(join(stages, 'user', 'test_csv_example1_0_0_0.csv.gz'));
    const text = gunzipSync(packed).toString('utf8');
    assert.equal(text, '1,2\n3,4\n5,6\n3,7\n');
    assert.equal(inputBytes, Buffer.byteLength(text));
    assert.equal(outputBytes, packed.length);
  });

  it('csv: SINGLE writes exactly the path; header, COMPRESSION = NONE, sep/quote aliases; DuckDB reads it back', async () => {
    const seen = await runHandler(runtime, `${FRAME}
def main(session):
    df = session.create_dataframe([[1, "x,y"], [2, None], [3, 'say "hi"']], schema=["a", "b"])
    single = df.write.csv("@~/ex5/my_file.csv", single=True)
    mixed = df.write.options({"single": True, "compression": "None"}).csv("@~/test_mixed_options", header=True)
    aliased = df.write.csv("@~/ex7/my_file.csv", format_type_options={"SEP": ":", "quote": '"', "compression": "none"},
                           single=True, header=True)
    listed = session.sql("list @~/test_mixed").collect()
    return {"counts": [single[0].rows_unloaded, mixed[0].rows_unloaded, aliased[0].rows_unloaded],
            "listed": [[r["name"], r["size"], len(r["md5"])] for r in listed]}
`);
    assert.deepEqual(seen.counts, [3, 3, 3]);
    const user = join(stages, 'user');
    assert.ok(filesUnder(user).includes('ex5/my_file.csv'));
    // SINGLE keeps the name as given, and the default compression (gzip) still applies.
    assert.equal(gunzipSync(readFileSync(join(user, 'ex5/my_file.csv'))).toString(), '1,x,y\n2,\n3,say "hi"\n');
    assert.equal(readFileSync(join(user, 'test_mixed_options'), 'utf8'), 'A,B\n1,x,y\n2,\n3,say "hi"\n');
    assert.equal(readFileSync(join(user, 'ex7/my_file.csv'), 'utf8'), '"A":"B"\n1:"x,y"\n2:\n3:"say ""hi"""\n');
    assert.deepEqual(seen.listed, [['test_mixed_options', Buffer.byteLength('A,B\n1,x,y\n2,\n3,say "hi"\n'), 32]]);
    const back = await readWithDuckDb(`SELECT * FROM read_csv('${join(user, 'ex7/my_file.csv')}', delim=':', quote='"', header=true) ORDER BY 1`);
    assert.deepEqual(back, [['1', 'x,y'], ['2', null], ['3', 'say "hi"']]);
  });

  it('json and parquet: one VARIANT column per line; parquet with and without header; files read back', async () => {
    const seen = await runHandler(runtime, `${FRAME}
from snowflake.snowpark.functions import object_construct, col, lit
def main(session):
    df = frame(session)
    # Snowpark's test selects object_construct("*"); the local engine needs the pairs spelled out.
    obj = object_construct(lit("A"), col("a"), lit("B"), col("b")).alias("o")
    js = df.select(obj).write.option("compression", "None").json("@~/js/")
    pq = df.write.parquet("@~/pq/out", header=True)
    pq_plain = df.write.parquet("@~/pq/plain", single=True)
    saved = df.select(obj).write.option("compression", "None").format("json").save("@~/fmt/x")
    return {"counts": [js[0].rows_unloaded, pq[0].rows_unloaded, pq_plain[0].rows_unloaded, saved[0].rows_unloaded]}
`);
    assert.deepEqual(seen.counts, [4, 4, 4, 4]);
    const user = join(stages, 'user');
    const lines = readFileSync(join(user, 'js/data_0_0_0.json'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(lines, [{ A: 1, B: 2 }, { A: 3, B: 4 }, { A: 5, B: 6 }, { A: 3, B: 7 }]);
    assert.ok(existsSync(join(user, 'fmt/x_0_0_0.json')));
    const withHeader = await readWithDuckDb(`SELECT * FROM '${join(user, 'pq/out_0_0_0.snappy.parquet')}' ORDER BY 1, 2`);
    assert.deepEqual(withHeader, [['1', '2'], ['3', '4'], ['3', '7'], ['5', '6']]);
    const names = await readWithDuckDb(`SELECT name FROM parquet_schema('${join(user, 'pq/out_0_0_0.snappy.parquet')}') WHERE num_children IS NULL`);
    assert.deepEqual(names, [['A'], ['B']]);
    const generic = await readWithDuckDb(`SELECT name FROM parquet_schema('${join(user, 'pq/plain')}') WHERE num_children IS NULL`);
    assert.deepEqual(generic, [['col1'], ['col2']]);
  });

  it('PARTITION BY: one folder per value, NULL as _NULL_, the query id in the names; the kwarg beats .partition_by()', async () => {
    const seen = await runHandler(runtime, `
from snowflake.snowpark.functions import col
def main(session):
    df = session.create_dataframe([[1, "a"], [1, "b"], [2, "c"], [2, "d"], [None, "e"]], schema=["a", "b"])
    by_a = df.write.partition_by(col("a")).csv("@~/test_partition_by_a")
    by_b = df.write.partition_by(col("a")).csv("@~/test_partition_by_b/", partition_by="b")
    return {"counts": [by_a[0].rows_unloaded, by_b[0].rows_unloaded],
            "listed": len(session.sql("list @~/test_partition_by_b").collect())}
`);
    assert.deepEqual(seen.counts, [5, 5]);
    assert.equal(seen.listed, 5);
    const byA = filesUnder(join(stages, 'user', 'test_partition_by_a'));
    assert.equal(byA.length, 3);
    assert.deepEqual(byA.map((f) => f.split('/')[0]), ['1', '2', '_NULL_']);
    for (const file of byA) assert.match(file, /^[^/]+\/data_.+_0_0_0\.csv\.gz$/);
  });

  it('table stage, named stage (CREATE STAGE), LIST and REMOVE from SQL; a missing named stage is Snowflake\'s error', async () => {
    const outcomes = await runSql(
      runtime,
      `create or replace table orderstiny (id int, s string);
insert into orderstiny values (1, 'a'), (2, 'b');
COPY INTO @%orderstiny/result/data_ FROM orderstiny FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE);
create or replace stage my_stage;
COPY INTO @my_stage/result/data_ FROM (SELECT * FROM orderstiny WHERE id > 1) file_format=(type='csv' compression='none');
LIST @my_stage;
REMOVE @my_stage/result;
LIST @my_stage;
COPY INTO @no_such_stage/x FROM (select 1);
COPY INTO 'no_at/x' FROM (select 1);
COPY INTO @~/bad FROM (select 1) FILE_FORMAT = (TYPE = XML);`,
    );
    const rows = outcomes.map((o) => (o.error ? `ERR ${o.error.message}` : o.result!.data));
    assert.deepEqual(rows[2], [[2], [8], [8]]);
    assert.equal(readFileSync(join(stages, 'table_ORDERSTINY', 'result/data__0_0_0.csv'), 'utf8'), '1,a\n2,b\n');
    assert.deepEqual(rows[3], [['Stage area MY_STAGE successfully created.']]);
    assert.deepEqual((rows[5] as unknown[][])[0], ['my_stage/result/data__0_0_0.csv']);
    assert.deepEqual((rows[5] as unknown[][])[1], [4]);
    assert.deepEqual(rows[6], [['my_stage/result/data__0_0_0.csv'], ['removed']]);
    assert.deepEqual(rows[7], [[], [], [], []]);
    assert.match(String(rows[8]), /Stage 'LOCAL_DB\.PUBLIC\.NO_SUCH_STAGE' does not exist or not authorized/);
    assert.match(String(rows[9]), /Invalid stage location no_at\/x/);
    assert.match(String(rows[10]), /file format type 'XML' cannot be unloaded/);
  });

  it('a location without @ gets one, as Snowpark does, so a missing stage is Snowflake\'s 002003', async () => {
    const seen = await runHandler(runtime, `${FRAME}${ATTEMPT}
def main(session):
    return {"err": attempt(lambda: frame(session).write.csv("test_path")),
            "q": frame(session).write.options(single=True).csv("@~/q", block=False).query}
`);
    assert.match(String(seen.err), /^ERR SnowparkSQLException: 2003 qid .*Stage 'LOCAL_DB\.PUBLIC\.TEST_PATH' does not exist/);
    assert.match(String(seen.q), /^COPY INTO '@~\/q' FROM \( .* \) FILE_FORMAT = \( TYPE = CSV ?\) +SINGLE = True +HEADER = False$/);
  });

  it('block=False returns an AsyncJob whose result() is the unload row', async () => {
    const seen = await runHandler(runtime, `${FRAME}
def main(session):
    job = frame(session).write.csv("@~/async/", block=False)
    rows = job.result()
    return {"type": type(job).__name__, "rows": rows[0].rows_unloaded}
`);
    assert.deepEqual(seen, { type: 'AsyncJob', rows: 4 });
    assert.deepEqual(filesUnder(join(stages, 'user', 'async')), ['data_0_0_0.csv.gz']);
  });
});
