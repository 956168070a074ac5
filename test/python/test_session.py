import io
import os
import sys
import unittest
from contextlib import redirect_stdout
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import RecordingChannel, query_result  # noqa: E402

from snowflake.snowpark import AsyncJob, DataFrame, Row, Session  # noqa: E402
from snowflake.snowpark.async_job import _AsyncResultType  # noqa: E402
from snowflake.snowpark.context import get_active_session  # noqa: E402
from snowflake.snowpark.exceptions import SnowparkSessionException  # noqa: E402

CONTEXT = {"database": "LOCAL_DB", "schema": "PUBLIC", "role": "LOCAL_ROLE", "warehouse": "LOCAL_WH", "queryTag": None}
WAIT_RESULT = query_result([("SYSTEM$WAIT(1)", "VARCHAR")], [["waited 1 seconds"]], "q-wait")


class Engine:
    """Answers the channel like a tiny Node side: queries finish when told to."""

    def __init__(self):
        self.status = "RUNNING"
        self.result = WAIT_RESULT

    def __call__(self, method, params):
        if method == "query.execute":
            if params["block"]:
                if params["sql"].startswith("SELECT COUNT(*)"):
                    return query_result([("COUNT(*)", "NUMBER(18,0)")], [[3]])
                return self.result
            return {"queryId": "q-async"}
        if method == "query.describe":
            return {"columns": [{"name": "A", "type": "NUMBER(38,0)"}]}
        if method == "query.status":
            return {"status": self.status}
        if method == "query.cancel":
            self.status = "ABORTED"
            return {"status": "ABORTED"}
        if method == "query.result":
            return self.result
        if method == "query.stream":
            return {"queryId": "q-stream", "streaming": True, "columns": self.result["columns"]}
        if method == "query.fetch":
            return dict(self.result, done=True)
        if method == "proc.call":
            if params["block"]:
                return self.result
            return {"queryId": "q-call"}
        raise AssertionError(method)


class SessionTestCase(unittest.TestCase):
    def setUp(self):
        self.engine = Engine()
        self.channel = RecordingChannel(self.engine)
        self.session = Session(self.channel, CONTEXT)

    def methods(self):
        return [method for method, _ in self.channel.calls]


class SessionTest(SessionTestCase):
    def test_context_names_are_quoted_as_snowpark_returns_them(self):
        self.assertEqual(self.session.get_current_database(), '"LOCAL_DB"')
        self.assertEqual(self.session.get_current_schema(), '"PUBLIC"')
        self.assertEqual(self.session.get_current_role(), '"LOCAL_ROLE"')
        self.assertEqual(self.session.get_current_warehouse(), '"LOCAL_WH"')
        self.assertEqual(self.session.get_fully_qualified_current_schema(), '"LOCAL_DB"."PUBLIC"')

    def test_query_tag_is_settable(self):
        self.assertIsNone(self.session.query_tag)
        self.session.query_tag = "etl"
        self.assertEqual(self.session.query_tag, "etl")

    def test_builder(self):
        with self.assertRaises(SnowparkSessionException) as caught:
            Session.builder.configs({"account": "x"}).create()
        self.assertIn("first argument", str(caught.exception))
        self.assertIs(Session.builder.getOrCreate(), self.session)
        self.assertIs(get_active_session(), self.session)

    def test_sql_collect(self):
        rows = self.session.sql("select system$wait(1)").collect()
        self.assertEqual(rows, [Row(**{"SYSTEM$WAIT(1)": "waited 1 seconds"})])
        self.assertEqual(self.channel.calls, [("query.execute", {"sql": "select system$wait(1)", "block": True})])

    def test_sql_params_are_encoded(self):
        self.session.sql("select ?", params=[2**60]).collect()
        self.assertEqual(self.channel.calls[0][1]["params"], [{"$t": "int", "v": str(2**60)}])

    def test_table_and_create_dataframe(self):
        self.assertEqual(self.session.table("t").queries, {"queries": ["SELECT * FROM t"], "post_actions": []})
        self.assertEqual(self.session.table(["db", "s", "t"])._sql_text(), "SELECT * FROM db.s.t")
        df = self.session.create_dataframe([(1, "a")], schema=["n", "s"])
        self.assertEqual(df._sql_text(), """SELECT CAST("N" AS BIGINT) AS "N", CAST("S" AS VARCHAR) AS "S" FROM (VALUES (1, 'a')) AS T("N", "S")""")

    def test_call_scalar_and_table(self):
        self.engine.result = query_result([("MY_PROC", "VARCHAR")], [["ok"]], "q-proc")
        self.assertEqual(self.session.call("db.s.my_proc", 1, "x"), "ok")
        self.assertEqual(self.channel.calls[-1], ("proc.call", {"name": "db.s.my_proc", "args": [1, "x"], "block": True}))
        self.engine.result = query_result([("A", "NUMBER(38,0)"), ("B", "VARCHAR")], [[1], ["x"]], "q-table")
        table = self.session.call("table_proc")
        self.assertIsInstance(table, DataFrame)
        self.assertEqual(table._sql_text(), "select * from table(result_scan('q-table'))")

    def test_call_nowait(self):
        job = self.session.call_nowait("my_proc", 5)
        self.assertEqual((job.query_id, job.query), ("q-call", "CALL my_proc(5)"))
        self.assertEqual(self.channel.calls[-1][1]["block"], False)


class AsyncJobTest(SessionTestCase):
    def test_collect_nowait_returns_a_job_at_once(self):
        job = self.session.sql("select system$wait(1)").collect_nowait()
        self.assertIsInstance(job, AsyncJob)
        self.assertEqual(job.query_id, "q-async")
        self.assertEqual(job.query, "select system$wait(1)")
        self.assertEqual(self.channel.calls, [("query.execute", {"sql": "select system$wait(1)", "block": False})])

    def test_status_is_asked_until_terminal_then_cached(self):
        job = self.session.sql("select 1").collect(block=False)
        self.assertFalse(job.is_done())
        self.assertEqual(job.status(), "RUNNING")
        self.engine.status = "SUCCESS"
        self.assertTrue(job.is_done())
        calls = len(self.channel.calls)
        for _ in range(5):
            self.assertTrue(job.is_done())
            self.assertFalse(job.is_failed())
        self.assertEqual(len(self.channel.calls), calls)

    def test_aborting_is_not_cached_but_failed(self):
        job = self.session.create_async_job("q-x")
        self.engine.status = "ABORTING"
        self.assertTrue(job.is_failed())
        self.assertTrue(job.is_done())
        self.engine.status = "ABORTED"
        self.assertEqual(job.status(), "ABORTED")
        self.assertIsNone(job.query)

    def test_cancel(self):
        job = self.session.sql("select system$wait(10)").collect_nowait()
        job.cancel()
        self.assertEqual(self.channel.calls[-1], ("query.cancel", {"queryId": "q-async"}))
        calls = len(self.channel.calls)
        self.assertTrue(job.is_failed())
        self.assertEqual(len(self.channel.calls), calls)

    def test_result_types(self):
        job = self.session.sql("select system$wait(1)").collect_nowait()
        expected = [("waited 1 seconds",)]
        self.assertEqual(job.result(), expected)
        self.assertEqual(job.result("row"), expected)
        self.assertEqual(list(job.result("row_iterator")), expected)
        self.assertEqual(list(job.result(_AsyncResultType.ITERATOR)), expected)
        self.assertIsNone(job.result("no_result"))
        self.assertEqual(self.channel.calls[-1], ("query.result", {"queryId": "q-async"}))
        with self.assertRaises(ValueError):
            job.result("rows")

    def test_pandas_missing_says_where_and_how(self):
        job = self.session.sql("select 1").collect_nowait()
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaises(ImportError) as caught:
                job.result("pandas")
        self.assertIn(sys.executable, str(caught.exception))
        self.assertIn("pip install pandas", str(caught.exception))

    def test_pandas_result_is_built_from_decoded_columns(self):
        class FakePandas:
            @staticmethod
            def DataFrame(data, columns):
                return ("frame", data, columns)

        self.engine.result = query_result([("A", "NUMBER(10,2)"), ("B", "VARCHAR")], [["1.50"], ["x"]])
        job = self.session.sql("select 1").collect_nowait()
        with mock.patch.dict(sys.modules, {"pandas": FakePandas}):
            from decimal import Decimal
            expected = ("frame", {"A": [Decimal("1.50")], "B": ["x"]}, ["A", "B"])
            self.assertEqual(job.result("pandas"), expected)
            self.assertEqual(list(job.result("pandas_batches")), [expected])
            self.assertEqual(self.session.sql("select 1").to_pandas(), expected)

    def test_count_and_save_as_table_jobs(self):
        self.assertEqual(self.session.sql("select 1").count(), 3)
        count_job = self.session.sql("select 1").count(block=False)
        self.assertEqual(self.channel.calls[-1][1], {"sql": "SELECT COUNT(*) FROM (select 1)", "block": False})
        self.engine.result = query_result([("COUNT(*)", "NUMBER(18,0)")], [[7]])
        self.assertEqual(count_job.result(), 7)
        save_job = self.session.sql("select 1").save_as_table("t", mode="overwrite", block=False)
        self.assertEqual(self.channel.calls[-1][1]["sql"], "CREATE OR REPLACE TABLE t AS SELECT * FROM (select 1)")
        self.assertIsNone(save_job.result())

    def test_to_df_reads_result_scan(self):
        job = self.session.sql("select 1").collect_nowait()
        self.assertEqual(job.to_df().queries["queries"], ["select * from table(result_scan('q-async'))"])


class DataFrameTest(SessionTestCase):
    def test_save_modes(self):
        df = self.session.sql("select 1 as a")
        df.save_as_table("t")
        df.save_as_table("t", mode="ignore")
        df.write.mode("append").save_as_table("t")
        df.save_as_table("t", mode="overwrite", table_type="temp")
        sqls = [params["sql"] for method, params in self.channel.calls if method == "query.execute"]
        self.assertEqual(sqls, [
            "CREATE TABLE t AS SELECT * FROM (select 1 as a)",
            "CREATE TABLE IF NOT EXISTS t AS SELECT * FROM (select 1 as a)",
            # Append to a table that exists (the describe request said so) inserts.
            "INSERT INTO t SELECT * FROM (select 1 as a)",
            "CREATE OR REPLACE TEMPORARY TABLE t AS SELECT * FROM (select 1 as a)",
        ])
        with self.assertRaises(ValueError):
            df.save_as_table("t", mode="merge")

    def test_first_and_limit(self):
        df = self.session.sql("select 1")
        self.assertEqual(df.first(), ("waited 1 seconds",))
        self.assertEqual(self.channel.calls[-1][1]["sql"], "SELECT * FROM (select 1) LIMIT 1")
        self.assertEqual(df.first(2), [("waited 1 seconds",)])
        self.assertEqual(list(df.to_local_iterator()), [("waited 1 seconds",)])

    def test_show_matches_snowpark_layout(self):
        self.engine.result = query_result([("SYSTEM$WAIT(1)", "VARCHAR"), ("N", "NUMBER(38,0)")],
                                          [["waited 1 seconds", None], [1, 22]])
        out = io.StringIO()
        with redirect_stdout(out):
            self.session.sql("select 1").show()
        self.assertEqual(out.getvalue(),
                         "--------------------------\n"
                         '|"SYSTEM$WAIT(1)"  |"N"  |\n'
                         "--------------------------\n"
                         "|waited 1 seconds  |1    |\n"
                         "|NULL              |22   |\n"
                         "--------------------------\n")
        self.assertEqual(self.channel.calls[-1][1]["sql"], "SELECT * FROM (select 1) LIMIT 10")


if __name__ == "__main__":
    unittest.main()
