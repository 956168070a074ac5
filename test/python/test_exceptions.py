import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401

from snowflake.snowpark.exceptions import (  # noqa: E402
    SnowparkClientException, SnowparkServerException, SnowparkSessionException, SnowparkSQLException)
from snowpark_local.errors import exception_from_channel_error  # noqa: E402

QUERY_ID = "01bd2c3e-0000-4a1b-0000-00015e2f0a21"


class SnowparkSQLExceptionTest(unittest.TestCase):
    def test_str_like_snowpark(self):
        error = SnowparkSQLException("boom", "1304", sfqid=QUERY_ID, query="select 1")
        self.assertEqual(str(error), "(1304): {}: boom".format(QUERY_ID))
        self.assertEqual((error.message, error.error_code, error.sfqid, error.query), ("boom", "1304", QUERY_ID, "select 1"))
        self.assertIsNone(error.sqlstate)

    def test_str_without_query_id_or_code(self):
        self.assertEqual(str(SnowparkSQLException("boom", "1304")), "(1304): boom")
        self.assertEqual(str(SnowparkSQLException("boom")), "boom")

    def test_hierarchy(self):
        self.assertTrue(issubclass(SnowparkSQLException, SnowparkClientException))
        self.assertTrue(issubclass(SnowparkSessionException, SnowparkServerException))
        self.assertTrue(issubclass(SnowparkClientException, Exception))


class ChannelErrorMappingTest(unittest.TestCase):
    def test_sql_error(self):
        error = exception_from_channel_error(
            {"kind": "sql", "message": "Result for query {} has expired".format(QUERY_ID), "errorCode": "000710",
             "sqlState": "02000", "queryId": QUERY_ID}, query="select 1")
        self.assertIsInstance(error, SnowparkSQLException)
        self.assertEqual(str(error), "(1304): {0}: 000710 (02000): Result for query {0} has expired".format(QUERY_ID))
        self.assertEqual((error.sqlstate, error.sfqid, error.query, error.sql_error_code), ("02000", QUERY_ID, "select 1", 710))
        self.assertEqual(error.raw_message, "Result for query {} has expired".format(QUERY_ID))

    def test_cancelled_error(self):
        error = exception_from_channel_error({"kind": "cancelled", "message": "SQL execution canceled", "queryId": "q1"})
        self.assertIsInstance(error, SnowparkSQLException)
        self.assertEqual(str(error), "(1304): q1: 000604 (57014): SQL execution canceled")

    def test_usage_and_internal(self):
        usage = exception_from_channel_error({"kind": "usage", "message": "unknown query id"})
        self.assertIs(type(usage), ValueError)
        self.assertEqual(str(usage), "unknown query id")
        internal = exception_from_channel_error({"kind": "internal", "message": "oops"})
        self.assertIs(type(internal), RuntimeError)
        self.assertIn("oops", str(internal))


if __name__ == "__main__":
    unittest.main()
