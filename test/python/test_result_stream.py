import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import RecordingChannel, query_result  # noqa: E402

from snowflake.snowpark import Session  # noqa: E402
from snowflake.snowpark.exceptions import SnowparkSQLException  # noqa: E402
from snowpark_local import result_stream  # noqa: E402
from snowpark_local.errors import exception_from_channel_error  # noqa: E402

CONTEXT = {"database": "LOCAL_DB", "schema": "PUBLIC", "role": "LOCAL_ROLE", "warehouse": "LOCAL_WH", "queryTag": None}
COLUMNS = [("N", "NUMBER(38,0)")]


class StreamingNode:
    """A Node side holding `total` rows, sent in batches of the size Python asks for."""

    def __init__(self, total, streaming=True, fail_at=None):
        self.total, self.streaming, self.fail_at = total, streaming, fail_at
        self.sent = 0
        self.fetches = []
        self.stream_params = []

    def __call__(self, method, params):
        if method == "query.stream":
            self.stream_params.append(params)
            return {"queryId": "q1", "streaming": True, "columns": []} if self.streaming else {"queryId": "q1", "streaming": False}
        if method == "query.result":
            return query_result(COLUMNS, [list(range(self.total))], "q1")
        if method == "query.fetch":
            self.fetches.append(params["maxRows"])
            if self.fail_at is not None and self.sent >= self.fail_at:
                raise exception_from_channel_error({"kind": "cancelled", "message": "SQL execution canceled"})
            rows = list(range(self.sent, min(self.total, self.sent + params["maxRows"])))
            self.sent += len(rows)
            result = query_result(COLUMNS, [rows], "q1")
            return dict(result, done=self.sent >= self.total)
        raise AssertionError(method)


class ResultStreamTest(unittest.TestCase):
    def session(self, node):
        del result_stream._dropped[:]
        return Session(RecordingChannel(node), CONTEXT)

    def test_reads_every_row_in_growing_batches(self):
        node = StreamingNode(300000)
        rows = [row[0] for row in self.session(node).sql("select n").to_local_iterator()]
        self.assertEqual(rows, list(range(300000)))
        self.assertEqual(node.fetches[0], result_stream.FIRST_BATCH_ROWS)
        self.assertEqual(max(node.fetches), result_stream.BATCH_ROWS)
        self.assertEqual(node.fetches, sorted(node.fetches))

    def test_is_lazy_one_batch_at_a_time(self):
        node = StreamingNode(300000)
        rows = self.session(node).sql("select n").to_local_iterator()
        self.assertEqual(node.fetches, [])
        self.assertEqual(next(rows)[0], 0)
        self.assertEqual(len(node.fetches), 1)

    def test_empty_result_yields_nothing(self):
        self.assertEqual(list(self.session(StreamingNode(0)).sql("select n").to_local_iterator()), [])

    def test_whole_result_when_node_does_not_stream(self):
        node = StreamingNode(3, streaming=False)
        self.assertEqual([row[0] for row in self.session(node).sql("select n").to_local_iterator()], [0, 1, 2])
        self.assertEqual(node.fetches, [])

    def test_dropped_iterator_is_named_on_the_next_stream(self):
        node = StreamingNode(300000)
        session = self.session(node)
        rows = session.sql("select n").to_local_iterator()
        next(rows)
        del rows
        list(session.sql("select n").limit(1).to_local_iterator())
        self.assertEqual(node.stream_params[0]["closing"], [])
        self.assertEqual(node.stream_params[1]["closing"], ["q1"])

    def test_fully_read_iterator_is_not_named(self):
        node = StreamingNode(10)
        session = self.session(node)
        list(session.sql("select n").to_local_iterator())
        list(session.sql("select n").to_local_iterator())
        self.assertEqual(node.stream_params[1]["closing"], [])

    def test_cancelled_stream_raises_after_the_rows_already_fetched(self):
        node = StreamingNode(300000, fail_at=result_stream.FIRST_BATCH_ROWS)
        rows = self.session(node).sql("select n").to_local_iterator()
        read = 0
        with self.assertRaises(SnowparkSQLException):
            for _ in rows:
                read += 1
        self.assertEqual(read, result_stream.FIRST_BATCH_ROWS)



class FinishedNode(StreamingNode):
    """A finished query's kept result, sliced where Python asks (query.fetch with fromRow)."""

    def __call__(self, method, params):
        if method == "query.fetch" and params.get("fromRow") != self.sent:
            raise AssertionError("fromRow {} but {} rows were sent".format(params.get("fromRow"), self.sent))
        return super().__call__(method, params)


class FinishedBatchesTest(unittest.TestCase):
    def test_reads_a_finished_result_from_where_the_last_batch_ended(self):
        node = FinishedNode(250000)
        session = Session(RecordingChannel(node), CONTEXT)
        rows = [row[0] for row in result_stream.rows_of_batches(result_stream.finished_batches(session, "q1"))]
        self.assertEqual(rows, list(range(250000)))
        self.assertEqual(node.fetches[0], result_stream.FIRST_BATCH_ROWS)
        self.assertEqual(node.fetches, sorted(node.fetches))

    def test_a_failed_query_raises_at_the_call_not_at_the_first_row(self):
        node = FinishedNode(10, fail_at=0)
        session = Session(RecordingChannel(node), CONTEXT)
        with self.assertRaises(SnowparkSQLException):
            result_stream.finished_batches(session, "q1")


if __name__ == "__main__":
    unittest.main()
