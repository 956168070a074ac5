import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { ATTEMPT, runShimHandler as runHandler } from './shimHandler';

// session.file (PUT/GET) and session.read (DataFrameReader) through the real channel and the
// real DuckDB engine. Expected values: snowpark-python's test_file_operation_suite (PutResult /
// GetResult fields, `.gz` added by auto_compress, SKIPPED on a second put) and
// test_dataframe_reader_suite (a CSV read with a user schema, options, with_metadata; JSON as one
// VARIANT column "$1"; the DF_MUST_PROVIDE_SCHEMA_FOR_READING_FILE error).

describe('session.file and session.read on the real engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'snowpark-local-reader-'));
    runtime = await SnowparkRuntime.open({ dbPath: join(folder, 'db', 'local.duckdb') });
    writeFileSync(join(folder, 'test1.csv'), '1,one,1.2\n2,two,2.2\n');
    writeFileSync(join(folder, 'test2.csv'), 'a|b|c\n3|three|3.3\n');
    writeFileSync(join(folder, 'people.json'), '{"name": "Ann", "age": 31}\n{"name": "Bob", "age": 40}\n');
  });
  after(async () => {
    await runtime.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  it('session.file.put / get / put_stream / get_stream', async () => {
    const seen = await runHandler(runtime, `${ATTEMPT}
import io
def main(session):
    session.sql("create or replace temp stage mystage").collect()
    first = session.file.put(${JSON.stringify(join(folder, 'test1.csv'))}, "@mystage/prefix1")[0]
    again = session.file.put("file://" + ${JSON.stringify(join(folder, 'test1.csv'))}, "mystage/prefix1", overwrite=False)[0]
    plain = session.file.put(${JSON.stringify(join(folder, 'test2.csv'))}, "@mystage/prefix1", auto_compress=False)[0]
    got = session.file.get("@mystage/prefix1", ${JSON.stringify(join(folder, 'got'))})
    streamed = session.file.put_stream(io.BytesIO(b"x,y\\n"), "@mystage/streams/s.csv", auto_compress=False)
    back = session.file.get_stream("@mystage/prefix1/test1.csv.gz", decompress=True).read().decode()
    import os
    os.chdir(${JSON.stringify(folder)})
    relative = session.file.put("test1.csv", "@mystage/relative")[0].status
    missing = attempt(lambda: session.file.put(${JSON.stringify(join(folder, 'nope.csv'))}, "@mystage"))
    return {"first": list(first), "fields": list(first._fields), "again": again.status, "plain": [plain.target, plain.target_compression],
            "got": [[g.file, g.status, g.message] for g in got], "streamed": [streamed.target, streamed.status], "back": back,
            "missing": missing, "relative": relative}
`);
    assert.deepEqual(seen.fields, ['source', 'target', 'source_size', 'target_size', 'source_compression', 'target_compression', 'status', 'message']);
    const [source, target, sourceSize, , sourceCompression, targetCompression, status, message] = seen.first as unknown[];
    assert.deepEqual([source, target, sourceSize, sourceCompression, targetCompression, status, message], ['test1.csv', 'test1.csv.gz', 20, 'NONE', 'GZIP', 'UPLOADED', '']);
    assert.equal(seen.again, 'SKIPPED');
    assert.deepEqual(seen.plain, ['test2.csv', 'NONE']);
    assert.deepEqual(seen.got, [['test1.csv.gz', 'DOWNLOADED', ''], ['test2.csv', 'DOWNLOADED', '']]);
    assert.equal(readFileSync(join(folder, 'got', 'test2.csv'), 'utf8'), 'a|b|c\n3|three|3.3\n');
    assert.deepEqual(seen.streamed, ['s.csv', 'UPLOADED']);
    assert.equal(seen.back, '1,one,1.2\n2,two,2.2\n');
    // A path relative to the handler's working folder is the handler's, not the engine's.
    assert.equal(seen.relative, 'UPLOADED');
    assert.match(String(seen.missing), /^ERR SnowparkSQLException: 253006 qid .*File doesn't exist/);
  });

  it('session.read: CSV with a schema and options, with_metadata, a filter on top; JSON as "$1"; Parquet with a schema', async () => {
    const seen = await runHandler(runtime, `${ATTEMPT}
from snowflake.snowpark.types import StructType, StructField, IntegerType, StringType, DoubleType
from snowflake.snowpark.functions import col
def main(session):
    session.sql("create or replace temp stage rs").collect()
    session.file.put(${JSON.stringify(join(folder, 'test1.csv'))}, "@rs/csv")
    session.file.put(${JSON.stringify(join(folder, 'test2.csv'))}, "@rs/pipes")
    session.file.put(${JSON.stringify(join(folder, 'people.json'))}, "@rs/json")
    schema = StructType([StructField("a", IntegerType()), StructField("b", StringType()), StructField("c", DoubleType())])
    df = session.read.schema(schema).csv("@rs/csv/")
    rows = [list(r) for r in df.filter(col("a") > 1).collect()]
    names = df.columns
    piped = session.read.schema(schema).option("field_delimiter", "|").option("skip_header", 1).csv("@rs/pipes")
    meta = session.read.schema(schema).with_metadata("METADATA$FILENAME", "metadata$file_row_number").csv("@rs/csv")
    js = session.read.json("@rs/json")
    session.sql("create or replace table pq_src (name string, age int)").collect()
    session.sql("insert into pq_src values ('Ann', 31), ('Bob', 40)").collect()
    session.sql("copy into @rs/pq/ from pq_src file_format = (type = parquet) header = true").collect()
    pq = session.read.schema(StructType([StructField("name", StringType()), StructField("age", IntegerType())])).parquet("@rs/pq/")
    inferred = session.read.parquet("@rs/pq/")
    bad = session.read.schema(schema).options({"field_delimiter": "|", "on_error": "continue"}).csv("@rs/pipes")
    no_schema = attempt(lambda: session.read.csv("@rs/csv"))
    no_infer = attempt(lambda: session.read.option("infer_schema", False).csv("@rs/csv"))
    return {"rows": rows, "names": names, "piped": [list(r) for r in piped.collect()],
            "meta": [list(r) for r in meta.sort("METADATA$FILE_ROW_NUMBER").collect()], "meta_names": meta.columns,
            "js": [r[0] for r in js.sort(col("$1")["age"]).collect()], "js_names": js.columns,
            "pq": [list(r) for r in pq.sort("AGE").collect()], "inferred": [list(r) for r in inferred.sort("AGE").collect()],
            "inferred_schema": [[f.name, type(f.datatype).__name__] for f in inferred.schema.fields], "bad": [list(r) for r in bad.collect()],
            "no_schema": no_schema, "no_infer": no_infer}
`);
    assert.deepEqual(seen.rows, [[2, 'two', 2.2]]);
    assert.deepEqual(seen.names, ['A', 'B', 'C']);
    assert.deepEqual(seen.piped, [[3, 'three', 3.3]]);
    assert.deepEqual(seen.meta_names, ['METADATA$FILENAME', 'METADATA$FILE_ROW_NUMBER', 'A', 'B', 'C']);
    assert.deepEqual(seen.meta, [['csv/test1.csv.gz', 1, 1, 'one', 1.2], ['csv/test1.csv.gz', 2, 2, 'two', 2.2]]);
    // As Snowpark's Attribute('"$1"', VariantType()): a name that needs its quotes keeps them.
    assert.deepEqual(seen.js_names, ['"$1"']);
    assert.deepEqual((seen.js as string[]).map((text) => JSON.parse(text)), [{ age: 31, name: 'Ann' }, { age: 40, name: 'Bob' }]);
    assert.deepEqual(seen.pq, [['Ann', 31], ['Bob', 40]]);
    // Without a schema, Parquet's columns come from INFER_SCHEMA, as Snowpark reads them.
    assert.deepEqual(seen.inferred, [['Ann', 31], ['Bob', 40]]);
    assert.deepEqual(seen.inferred_schema, [['NAME', 'StringType'], ['AGE', 'LongType']]);
    // ON_ERROR = CONTINUE through COPY INTO a temporary table: the header line a|b|c is the one bad row.
    assert.deepEqual(seen.bad, [[3, 'three', 3.3]]);
    assert.match(String(seen.no_schema), /^ERR NotImplementedError: .*INFER_SCHEMA/);
    assert.match(String(seen.no_infer), /^ERR SnowparkDataframeReaderException: None - \(1106\): No schema specified in DataFrameReader\.schema\(\)/);
  });
});
