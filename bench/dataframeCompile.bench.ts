import { median, percentile, report, runHandler } from './benchSupport';

// The Snowpark DataFrame layer's own cost: building and compiling a 20-step chain (no
// engine round trip), and collect() of a 10-join DataFrame (its describe requests
// included) against the same SQL text sent as session.sql(...) in the same run.
const PLANS = 500;
const JOIN_RUNS = 15;

async function main(): Promise<void> {
  const figures = await runHandler<{ compileUs: number[]; rawUs: number[]; frameUs: number[]; sameRows: boolean }>(`
import json, time
from snowflake.snowpark import functions as F
from snowflake.snowpark.functions import col, lit

def chain(session):
    df = session.table("t0")
    for step in range(4):
        df = (df.filter(col("v") > step).select(col("id"), (col("v") + step).alias("v"), col("k"))
                .sort(col("v").desc()).limit(100000 - step))
    return (df.group_by("k").agg(F.sum("v").alias("s"), F.count("id").alias("n"))
              .filter(col("n") > 0).sort("k").limit(50))

def joins(session):
    df = session.table("t0")
    for i in range(1, 11):
        right = session.table("t{}".format(i))
        df = df.join(right, df["id"] == right["id"]).select(df["id"].alias("id"), (df["v"] + right["v"]).alias("v"))
    return df.sort("id")

def main(session):
    for i in range(11):
        session.sql("create or replace table t{} as select range as id, range % 7 as v, range % 3 as k from range(2000)".format(i)).collect()
    compile_us = []
    for _ in range(${PLANS}):
        started = time.perf_counter_ns()
        chain(session)._sql_text()
        compile_us.append((time.perf_counter_ns() - started) / 1000)
    frame_us, raw_us, same = [], [], True
    sql = joins(session)._sql_text()
    for _ in range(${JOIN_RUNS}):
        started = time.perf_counter_ns()
        framed = joins(session).collect()
        frame_us.append((time.perf_counter_ns() - started) / 1000)
        started = time.perf_counter_ns()
        raw = session.sql(sql).collect()
        raw_us.append((time.perf_counter_ns() - started) / 1000)
        same = same and framed == raw
    return json.dumps({"compileUs": compile_us, "rawUs": raw_us, "frameUs": frame_us, "sameRows": same})
`);
  if (!figures.sameRows) throw new Error('the 10-join DataFrame and its SQL text returned different rows');
  const compileP50 = percentile(figures.compileUs, 50) / 1000;
  report(
    'DataFrame: build + compile a 20-step chain',
    `p50 ${compileP50.toFixed(3)} ms, p99 ${(percentile(figures.compileUs, 99) / 1000).toFixed(3)} ms`,
    'the same SQL as a string (0 ms)',
    compileP50,
    '≤ 1 ms per plan',
    compileP50 <= 1,
  );
  const frame = median(figures.frameUs) / 1000;
  const raw = median(figures.rawUs) / 1000;
  report(
    'DataFrame: collect() of a 10-join query, describes included',
    `median ${frame.toFixed(1)} ms`,
    `the same SQL via session.sql ${raw.toFixed(1)} ms`,
    frame / raw,
    'overhead reported, no goal',
    true,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
