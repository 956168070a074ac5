import { DuckDBInstance } from '@duckdb/node-api';
import { median, report, runHandler } from './benchSupport';

// 100k rows × 4 columns into Python Rows, against Python's own sqlite3 fetchall() of the
// same rows, in the same process. Both read a table that already exists. Also a floor for
// any design that keeps DuckDB in Node and builds rows in Python: raw DuckDB executing the
// query into its own chunks in Node (no conversion of a single value: a lower bound), plus
// sqlite3's fetchall as the Python side's share.
const TABLE = "create table t as select range::integer as id, 'name_' || range as name, (range * 1.5)::double as amount, (range % 97)::integer as qty from range(100000)";

async function rawDuckDbReads(rounds: number): Promise<number[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run(TABLE);
    const out: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      const result = await connection.run('select * from t');
      for (let i = 0; i < result.chunkCount; i++) result.getChunk(i);
      out.push(performance.now() - started);
    }
    return out;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

async function main(): Promise<void> {
  const result = await runHandler<{ ours: number[]; sqlite: number[]; rows: number }>(`
import json, sqlite3, time
def main(session):
    session.sql("${TABLE}").collect()
    db = sqlite3.connect(":memory:")
    db.execute("create table t (id integer, name text, amount real, qty integer)")
    db.executemany("insert into t values (?, ?, ?, ?)", ((i, "name_%d" % i, i * 1.5, i % 97) for i in range(100000)))
    ours, base, rows = [], [], 0
    for _ in range(5):
        t = time.perf_counter(); rows = len(session.sql("select * from t").collect()); ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); db.execute("select * from t").fetchall(); base.append((time.perf_counter() - t) * 1000)
    return json.dumps({"ours": ours, "sqlite": base, "rows": rows})
`);
  const duckdb = median(await rawDuckDbReads(5));
  const ours = median(result.ours);
  const sqlite = median(result.sqlite);
  report(
    `100k rows × 4 columns → Row (${result.rows} rows)`,
    `median ${ours.toFixed(0)} ms`,
    `sqlite3 fetchall median ${sqlite.toFixed(0)} ms; floor (raw DuckDB executing it in Node ${duckdb.toFixed(0)} ms + sqlite3's fetchall) ${((duckdb + sqlite) / sqlite).toFixed(2)}×`,
    ours / sqlite,
    'ratio ≤ 1.2',
    ours / sqlite <= 1.2,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
