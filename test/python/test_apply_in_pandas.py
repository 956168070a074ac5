import os
import sys
import unittest
from unittest import mock

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import RecordingChannel, query_result  # noqa: E402

from snowflake.snowpark import Session  # noqa: E402
from snowflake.snowpark.exceptions import SnowparkSQLException  # noqa: E402
from snowflake.snowpark.relational_grouped_dataframe import GroupingSets  # noqa: E402
from snowflake.snowpark.types import DoubleType, LongType, StringType, StructField, StructType  # noqa: E402

from snowpark_local.apply_in_pandas import KEY_COLUMN_PREFIX, results_of_groups  # noqa: E402

try:
    import pandas
except ImportError:
    pandas = None

needs_pandas = unittest.skipIf(pandas is None, "pandas is not installed for this interpreter")

CONTEXT = {"database": "LOCAL_DB", "schema": "PUBLIC", "role": "LOCAL_ROLE", "warehouse": "LOCAL_WH", "queryTag": None}
KEY_1 = KEY_COLUMN_PREFIX + "1"
KEY_2 = KEY_COLUMN_PREFIX + "2"
SUMS = StructType([StructField("k", StringType()), StructField("n", LongType()), StructField("total", DoubleType())])


def count_and_sum(pdf):
    return pandas.DataFrame([(pdf.K.iloc[0], len(pdf), pdf.V.sum())])


class Engine:
    """Answers every query with one result: the grouped rows as the engine would send them."""

    def __init__(self, result):
        self.result = result

    def __call__(self, method, params):
        if method == "query.execute":
            return self.result
        if method == "query.describe":
            return {"columns": [{"name": column["name"], "type": column["type"]} for column in self.result["columns"]]}
        raise AssertionError(method)


def session_answering(columns, data):
    channel = RecordingChannel(Engine(query_result(columns, data)))
    return Session(channel, CONTEXT), channel


class MissingPandasTest(unittest.TestCase):
    def test_says_which_interpreter_and_how_to_install_before_running_anything(self):
        session, channel = session_answering([("K", "VARCHAR")], [["a"]])
        df = session.sql("select 'a' as k")
        with mock.patch.dict(sys.modules, {"pandas": None}):
            with self.assertRaises(ImportError) as caught:
                df.group_by("k").apply_in_pandas(lambda pdf: pdf, output_schema=SUMS)
        self.assertIn("pandas", str(caught.exception))
        self.assertIn(sys.executable, str(caught.exception))
        self.assertIn("-m pip install pandas", str(caught.exception))
        self.assertEqual(channel.calls, [])


@needs_pandas
class ApplyInPandasTest(unittest.TestCase):
    def test_one_query_with_the_keys_then_a_dataframe_of_the_results(self):
        session, channel = session_answering(
            [("K", "VARCHAR"), ("V", "DOUBLE"), (KEY_1, "VARCHAR")],
            [["b", "a", "b"], [1.0, 2.0, 4.0], ["b", "a", "b"]])
        seen = []

        def record(pdf):
            seen.append(list(pdf.columns))
            return count_and_sum(pdf)

        result = session.sql("select * from t").group_by("k").apply_in_pandas(
            record, output_schema=SUMS, name="my_udtf", packages=["pandas"], imports=[], is_permanent=False)
        self.assertEqual([method for method, _ in channel.calls], ["query.execute"])
        self.assertIn('"K" AS "{}"'.format(KEY_1), channel.calls[0][1]["sql"])
        # func sees the DataFrame's columns only, one group at a time, in key order.
        self.assertEqual(seen, [["K", "V"], ["K", "V"]])
        sql = result.queries["queries"][0]
        self.assertIn("VALUES ('a', 1, 2.0::DOUBLE), ('b', 2, 5.0::DOUBLE)", sql)
        self.assertIn('AS "K", CAST("N" AS BIGINT) AS "N", CAST("TOTAL" AS DOUBLE) AS "TOTAL"', sql)

    def test_empty_input_calls_nothing_and_keeps_the_schema(self):
        session, _ = session_answering([("K", "VARCHAR"), ("V", "DOUBLE"), (KEY_1, "VARCHAR")], [])
        called = []
        result = session.sql("select * from t").group_by("k").apply_in_pandas(
            lambda pdf: called.append(pdf) or pdf, output_schema=SUMS)
        self.assertEqual(called, [])
        self.assertIn("WHERE 1 = 0", result.queries["queries"][0])
        self.assertIn('AS "TOTAL"', result.queries["queries"][0])

    def test_null_keys_are_one_group_of_their_own_and_come_last(self):
        frame = pandas.DataFrame({"K": [None, "a", None, "b"], "V": [1.0, 2.0, 3.0, 4.0],
                                  KEY_1: [None, "a", float("nan"), "b"]})
        result = results_of_groups(frame, [KEY_1], ['"K"'], count_and_sum, SUMS)
        self.assertEqual(result.values.tolist(), [["a", 1, 2.0], ["b", 1, 4.0], [None, 2, 4.0]])

    def test_several_key_columns_group_on_every_key(self):
        frame = pandas.DataFrame({"G": ["B", "A", "B", "A"], "D": [5, 2, 2, 2], "V": [5.0, 11.0, 12.1, 13.9],
                                  KEY_1: ["B", "A", "B", "A"], KEY_2: [5, 2, 2, 2]})

        def group_sum(pdf):
            return pandas.DataFrame([(pdf.G.iloc[0], pdf.D.iloc[0], pdf.V.sum())])

        schema = StructType([StructField("g", StringType()), StructField("d", LongType()),
                             StructField("s", DoubleType())])
        result = results_of_groups(frame, [KEY_1, KEY_2], ['"G"', '"D"'], group_sum, schema)
        self.assertEqual(list(result.columns), ["G", "D", "S"])
        self.assertEqual([row[:2] for row in result.values.tolist()], [["A", 2], ["B", 2], ["B", 5]])
        self.assertAlmostEqual(result.values.tolist()[0][2], 24.9)

    def test_array_keys_group_by_value(self):
        frame = pandas.DataFrame({"K": ["x", "y", "z"], "V": [1.0, 2.0, 4.0], KEY_1: [[1, 2], [3], [1, 2]]})
        result = results_of_groups(frame, [KEY_1], ['"A"'], count_and_sum, SUMS)
        self.assertEqual(sorted(result.values.tolist()), [["x", 2, 5.0], ["y", 1, 2.0]])

    def test_columns_are_matched_by_position_not_by_name(self):
        frame = pandas.DataFrame({"K": ["a"], "V": [1.0], KEY_1: ["a"]})
        result = results_of_groups(frame, [KEY_1], ['"K"'],
                                   lambda pdf: pandas.DataFrame({"x": ["a"], "y": [7], "z": [1.5]}), SUMS)
        self.assertEqual(result.values.tolist(), [["a", 7, 1.5]])
        self.assertEqual(list(result.columns), ["K", "N", "TOTAL"])

    def test_a_function_returning_an_empty_frame_adds_no_rows(self):
        frame = pandas.DataFrame({"K": ["a", "b"], "V": [1.0, 2.0], KEY_1: ["a", "b"]})
        result = results_of_groups(frame, [KEY_1], ['"K"'],
                                   lambda pdf: pandas.DataFrame() if pdf.K.iloc[0] == "a" else count_and_sum(pdf), SUMS)
        self.assertEqual(result.values.tolist(), [["b", 1, 2.0]])
        nothing = results_of_groups(frame, [KEY_1], ['"K"'], lambda pdf: pandas.DataFrame(), SUMS)
        self.assertEqual((len(nothing), list(nothing.columns)), (0, ["K", "N", "TOTAL"]))

    def test_an_error_in_the_function_is_a_python_interpreter_error_naming_the_group(self):
        frame = pandas.DataFrame({"K": ["a", None], "V": [1.0, 2.0], KEY_1: ["a", None]})

        def broken(pdf):
            if pdf.K.iloc[0] is None:
                raise ValueError("no key")
            return count_and_sum(pdf)

        with self.assertRaises(SnowparkSQLException) as caught:
            results_of_groups(frame, [KEY_1], ['"K"'], broken, SUMS)
        error = caught.exception
        self.assertEqual((error.error_code, error.sql_error_code, error.sqlstate), ("1304", 100357, "P0000"))
        self.assertIn("Python Interpreter Error", str(error))
        self.assertIn("ValueError: no key", str(error))
        self.assertIn('(group "K"=NULL)', str(error))
        self.assertIsInstance(error.__cause__, ValueError)

    def test_a_result_of_the_wrong_shape_is_an_error(self):
        frame = pandas.DataFrame({"K": ["a"], "V": [1.0], KEY_1: ["a"]})
        with self.assertRaises(SnowparkSQLException) as caught:
            results_of_groups(frame, [KEY_1], ['"K"'], lambda pdf: pdf, SUMS)
        self.assertIn("returned 2 columns but output_schema has 3", str(caught.exception))
        with self.assertRaises(SnowparkSQLException) as caught:
            results_of_groups(frame, [KEY_1], ['"K"'], lambda pdf: None, SUMS)
        self.assertIn("must return a pandas.DataFrame, it returned NoneType", str(caught.exception))

    def test_grouping_sets_are_not_supported(self):
        session, _ = session_answering([("K", "VARCHAR")], [["a"]])
        df = session.sql("select 'a' as k")
        with self.assertRaises(NotImplementedError):
            df.group_by_grouping_sets(GroupingSets([df.k])).apply_in_pandas(lambda pdf: pdf, output_schema=SUMS)


if __name__ == "__main__":
    unittest.main()
