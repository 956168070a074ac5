"""The run bootstrap end to end, against a stand-in Node side."""

import os
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import SHIM_ROOT, FakeNodeServer, query_result  # noqa: E402

TOKEN = "run-token-123"
SESSION = {"database": "LOCAL_DB", "schema": "PUBLIC", "role": "LOCAL_ROLE", "warehouse": "LOCAL_WH", "queryTag": None}


class Run:
    def __init__(self, finish, exit_code, stdout, stderr, requests, elapsed):
        self.finish = finish
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr
        self.requests = requests
        self.elapsed = elapsed


class BootstrapTestCase(unittest.TestCase):
    def setUp(self):
        self._directory = tempfile.TemporaryDirectory()
        self.addCleanup(self._directory.cleanup)
        self.directory = self._directory.name

    def write(self, name, text):
        path = os.path.join(self.directory, name)
        with open(path, "w") as handle:
            handle.write(textwrap.dedent(text))
        return path

    def run_handler(self, module, handler="main", args=(), on_request=None):
        spec = {"runId": "r1", "handler": handler, "module": module, "args": list(args), "returnType": None,
                "packages": [], "importPaths": [], "warehouseType": "standard", "workers": 2, "session": SESSION}
        finished = []

        def handle(request, reply):
            method = request["method"]
            if on_request is not None and on_request(request, reply):
                return
            if method == "run.start":
                reply({"id": request["id"], "result": spec})
            elif method == "query.execute":
                reply({"id": request["id"], "result": query_result([("ANSWER", "NUMBER(10,2)")], [["41.50"]], "q1")})
            elif method == "run.finish":
                finished.append(request["params"])
                reply({"id": request["id"], "result": {}})

        server = FakeNodeServer(handle)
        self.addCleanup(server.close)
        env = dict(os.environ, PYTHONPATH=SHIM_ROOT, SNOWPARK_LOCAL_CHANNEL=server.address,
                   SNOWPARK_LOCAL_RUN_TOKEN=TOKEN)
        started = time.monotonic()
        completed = subprocess.run([sys.executable, "-m", "snowpark_local.bootstrap"], env=env, cwd=self.directory,
                                   capture_output=True, text=True, timeout=60)
        return Run(finished[0] if finished else None, completed.returncode, completed.stdout, completed.stderr,
                   list(server.requests), time.monotonic() - started)


class BootstrapTest(BootstrapTestCase):
    def test_handler_gets_session_and_arguments_and_its_value_is_sent(self):
        path = self.write("handler.py", """
            import helper_module
            from decimal import Decimal
            def main(session, name, amount):
                print("hello", name)
                row = session.sql("select 41.50 as answer").collect()[0]
                return {"db": session.get_current_database(), "answer": row.ANSWER + amount,
                        "helper": helper_module.VALUE}
            """)
        self.write("helper_module.py", "VALUE = 'imported from the handler directory'\n")
        run = self.run_handler({"kind": "file", "path": path}, args=["Ann", {"$t": "decimal", "v": "0.50"}])
        self.assertEqual(run.exit_code, 0, run.stderr)
        self.assertEqual(run.requests[0]["method"], "run.start")
        self.assertEqual(run.requests[0]["params"]["token"], TOKEN)
        self.assertIsInstance(run.requests[0]["params"]["pid"], int)
        self.assertEqual(run.finish, {"ok": True, "value": {"$t": "object", "v": {
            "db": '"LOCAL_DB"', "answer": {"$t": "decimal", "v": "42.00"},
            "helper": "imported from the handler directory"}}})
        self.assertEqual(run.stdout, "hello Ann\n")

    def test_returned_dataframe_is_sent_as_sql(self):
        path = self.write("handler.py", """
            def main(session):
                return session.sql("select 1 as a").limit(5)
            """)
        run = self.run_handler({"kind": "file", "path": path})
        self.assertEqual(run.finish, {"ok": True, "dataframeSql": "SELECT * FROM (select 1 as a) LIMIT 5"})

    def test_error_reports_users_frames_outermost_first(self):
        path = self.write("handler.py", """
            def divide(a, b):
                return a / b

            def main(session):
                session.sql("select 1").collect()
                return divide(1, 0)
            """)
        run = self.run_handler({"kind": "file", "path": path})
        self.assertEqual(run.exit_code, 1)
        error = run.finish["error"]
        self.assertEqual(run.finish["ok"], False)
        self.assertEqual(error["type"], "ZeroDivisionError")
        self.assertEqual(error["message"], "division by zero")
        self.assertEqual(error["frames"], [{"file": path, "line": 7, "function": "main"},
                                           {"file": path, "line": 3, "function": "divide"}])
        self.assertIn("return a / b", error["traceback"])
        self.assertNotIn("snowpark_local", error["traceback"])

    def test_sql_errors_reach_the_handler_as_snowpark_exceptions(self):
        path = self.write("handler.py", """
            from snowflake.snowpark.exceptions import SnowparkSQLException
            def main(session):
                try:
                    session.sql("select nope").collect()
                except SnowparkSQLException as error:
                    return [str(error), error.sfqid, error.sqlstate]
            """)

        def fail_queries(request, reply):
            if request["method"] == "query.execute":
                reply({"id": request["id"], "error": {"kind": "sql", "message": "invalid identifier 'NOPE'",
                                                      "errorCode": "000904", "sqlState": "42000", "queryId": "q7"}})
                return True
            return False

        run = self.run_handler({"kind": "file", "path": path}, on_request=fail_queries)
        # A list of plain strings is plain JSON (plain_json.py): it travels untagged inside.
        self.assertEqual(run.finish, {"ok": True, "value": {"$t": "json", "v": [
            "(1304): q7: 000904 (42000): invalid identifier 'NOPE'", "q7", "42000"]}})

    def test_inline_handler_lines_are_the_worksheets_lines(self):
        worksheet = textwrap.dedent("""\
            -- worksheet
            CREATE OR REPLACE PROCEDURE checkstatus()
            RETURNS VARCHAR
            LANGUAGE PYTHON
            HANDLER = 'run'
            AS $$
            def run(session):
                x = 1
                raise ValueError("line nine")
            $$;
            """)
        path = self.write("worksheet.sql", worksheet)
        source = "def run(session):\n    x = 1\n    raise ValueError(\"line nine\")\n"
        run = self.run_handler({"kind": "inline", "path": path, "source": source, "firstLine": 7,
                                "moduleName": "checkstatus"}, handler="run")
        error = run.finish["error"]
        self.assertEqual(error["frames"], [{"file": path, "line": 9, "function": "run"}])
        self.assertIn('raise ValueError("line nine")', error["traceback"])

    def test_inline_source_that_differs_from_disk_still_shows_its_lines(self):
        path = self.write("worksheet.sql", "-- saved version\n\n\n")
        source = "def run(session):\n    raise KeyError('unsaved edit')\n"
        run = self.run_handler({"kind": "inline", "path": path, "source": source, "firstLine": 3,
                                "moduleName": "unsaved"}, handler="run")
        self.assertEqual(run.finish["error"]["frames"], [{"file": path, "line": 4, "function": "run"}])
        self.assertIn("raise KeyError('unsaved edit')", run.finish["error"]["traceback"])

    def test_syntax_error_names_file_and_line(self):
        path = self.write("handler.py", """
            def main(session):
                return (1,
            def other():
                pass
            """)
        run = self.run_handler({"kind": "file", "path": path})
        error = run.finish["error"]
        self.assertEqual(error["type"], "SyntaxError")
        self.assertEqual(error["frames"][-1]["file"], path)
        self.assertIn(error["frames"][-1]["line"], (3, 4))
        self.assertIn(path, error["traceback"])
        self.assertNotIn("snowpark_local", error["traceback"])

    def test_missing_handler_lists_the_functions(self):
        path = self.write("handler.py", """
            import os
            def main(session):
                pass
            def helper():
                pass
            """)
        run = self.run_handler({"kind": "file", "path": path}, handler="nope")
        self.assertEqual(run.finish["error"]["message"],
                         "handler 'nope' not found in {}; functions defined there: helper, main".format(path))

    def test_unsendable_return_value_is_a_handler_error(self):
        path = self.write("handler.py", """
            def main(session):
                return {1, 2}
            """)
        run = self.run_handler({"kind": "file", "path": path})
        self.assertEqual(run.finish["error"]["type"], "TypeError")
        self.assertIn("'set'", run.finish["error"]["message"])

    def test_stray_threads_do_not_keep_the_run_alive(self):
        path = self.write("handler.py", """
            import threading, time
            def main(session):
                threading.Thread(target=time.sleep, args=(60,)).start()
                return "done"
            """)
        run = self.run_handler({"kind": "file", "path": path})
        self.assertEqual(run.finish, {"ok": True, "value": "done"})
        self.assertLess(run.elapsed, 30)

    def test_node_side_going_away_ends_the_process(self):
        path = self.write("handler.py", """
            def main(session):
                return session.sql("select 1").collect()
            """)

        def hang_up_on_queries(request, reply):
            if request["method"] == "query.execute":
                raise EOFError
            return False

        run = self.run_handler({"kind": "file", "path": path}, on_request=hang_up_on_queries)
        self.assertIsNone(run.finish)
        self.assertEqual(run.exit_code, 3)
        self.assertIn("gone away", run.stderr)


if __name__ == "__main__":
    unittest.main()
