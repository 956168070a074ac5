"""Not a test: checks the two speed goals of the Python side. Run: python3 test/python/bench_rows.py

1. 100k rows x 4 columns into Rows (JSON decode included) within 1.5x of sqlite3's fetchall.
2. p50 of an is_done() round trip (against a Python stand-in server) at most 100 us.
"""

import json
import os
import sqlite3
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import FakeNodeServer  # noqa: E402

from snowflake.snowpark import Session  # noqa: E402
from snowpark_local.channel import connect  # noqa: E402
from snowpark_local.results import rows_from_result  # noqa: E402

ROWS = 100000


def best_of(function, repeats=5):
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        timings.append(time.perf_counter() - started)
    return min(timings)


def rows_benchmark():
    connection = sqlite3.connect(":memory:")
    connection.execute("create table t (a integer, b text, c real, d integer)")
    connection.executemany("insert into t values (?, ?, ?, ?)",
                           [(i, "name%d" % i, i * 1.5, i % 7) for i in range(ROWS)])
    sqlite_seconds = best_of(lambda: connection.execute("select * from t").fetchall())
    payload = json.dumps({"queryId": "q", "rowCount": ROWS, "columns": [
        {"name": "A", "type": "NUMBER(38,0)"}, {"name": "B", "type": "VARCHAR"},
        {"name": "C", "type": "FLOAT"}, {"name": "D", "type": "NUMBER(38,0)"}],
        "data": [list(range(ROWS)), ["name%d" % i for i in range(ROWS)], [i * 1.5 for i in range(ROWS)],
                 [i % 7 for i in range(ROWS)]]}).encode()
    ours_seconds = best_of(lambda: rows_from_result(json.loads(payload)))
    print("rows: sqlite fetchall {:.1f} ms, ours (json + rows) {:.1f} ms, ratio {:.2f} (goal <= 1.5)".format(
        sqlite_seconds * 1e3, ours_seconds * 1e3, ours_seconds / sqlite_seconds))


def round_trip_benchmark():
    server = FakeNodeServer(lambda request, reply: reply({"id": request["id"], "result": {"status": "RUNNING"}}))
    try:
        session = Session(connect(server.address), {})
        job = session.create_async_job("01bd2c3e-0000-4a1b-0000-00015e2f0a21")
        timings = []
        for _ in range(2000):
            started = time.perf_counter()
            job.is_done()
            timings.append(time.perf_counter() - started)
        timings.sort()
        print("is_done round trip: p50 {:.0f} us, p99 {:.0f} us (goal p50 <= 100)".format(
            timings[len(timings) // 2] * 1e6, timings[int(len(timings) * 0.99)] * 1e6))
    finally:
        server.close()


if __name__ == "__main__":
    rows_benchmark()
    round_trip_benchmark()
