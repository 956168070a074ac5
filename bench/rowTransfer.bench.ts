import { median, report, runHandler } from './benchSupport';

// 100k rows × 4 columns into Python Rows, against Python's own sqlite3 fetchall() of the
// same rows, in the same process. Both read a table that already exists.
async function main(): Promise<void> {
  const result = await runHandler<{ ours: number[]; sqlite: number[]; rows: number }>(`
import json, sqlite3, time
def main(session):
    session.sql("create table t as select range::integer as id, 'name_' || range as name, (range * 1.5)::double as amount, (range % 97)::integer as qty from range(100000)").collect()
    db = sqlite3.connect(":memory:")
    db.execute("create table t (id integer, name text, amount real, qty integer)")
    db.executemany("insert into t values (?, ?, ?, ?)", ((i, "name_%d" % i, i * 1.5, i % 97) for i in range(100000)))
    ours, base, rows = [], [], 0
    for _ in range(5):
        t = time.perf_counter(); rows = len(session.sql("select * from t").collect()); ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter(); db.execute("select * from t").fetchall(); base.append((time.perf_counter() - t) * 1000)
    return json.dumps({"ours": ours, "sqlite": base, "rows": rows})
`);
  const ours = median(result.ours);
  const sqlite = median(result.sqlite);
  report(
    `100k rows × 4 columns → Row (${result.rows} rows)`,
    `median ${ours.toFixed(0)} ms`,
    `sqlite3 fetchall median ${sqlite.toFixed(0)} ms`,
    ours / sqlite,
    'ratio ≤ 1.2',
    ours / sqlite <= 1.2,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
