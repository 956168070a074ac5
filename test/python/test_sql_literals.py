import datetime
import math
import os
import sys
import unittest
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401

from snowflake.snowpark import Row  # noqa: E402
from snowflake.snowpark.types import (  # noqa: E402
    DecimalType, IntegerType, StringType, StructField, StructType, VariantType)
from snowpark_local.dataframe_from_values import values_query  # noqa: E402
from snowpark_local.sql_literals import quote_identifier, render_literal  # noqa: E402


class RenderLiteralTest(unittest.TestCase):
    def test_scalars(self):
        cases = [
            (None, "NULL"), (True, "TRUE"), (False, "FALSE"), (42, "42"), (-2**70, str(-2**70)),
            (1.5, "1.5::DOUBLE"), (math.nan, "'NaN'::DOUBLE"), (-math.inf, "'-inf'::DOUBLE"),
            (Decimal("12.50"), "12.50"), (Decimal("1E+3"), "1000"),
            (datetime.date(2024, 1, 31), "'2024-01-31'::DATE"),
            (datetime.time(1, 2, 3), "'01:02:03.000000'::TIME"),
            (datetime.datetime(2024, 1, 31, 1, 2, 3), "'2024-01-31 01:02:03.000000'::TIMESTAMP_NTZ"),
            (datetime.datetime(2024, 1, 31, 1, 2, 3, tzinfo=datetime.timezone.utc),
             "'2024-01-31 01:02:03.000000+00:00'::TIMESTAMP_TZ"),
            (b"\x00\xab", "X'00AB'"),
        ]
        for value, expected in cases:
            self.assertEqual(render_literal(value), expected, value)

    def test_strings_cannot_break_out(self):
        self.assertEqual(render_literal("it's"), "'it''s'")
        self.assertEqual(render_literal("a\\'); drop table t; --"), "'a\\\\''); drop table t; --'")
        self.assertEqual(render_literal("two\nlines"), "'two\nlines'")

    def test_semi_structured_is_json_text(self):
        self.assertEqual(render_literal({"a": [1, "x"]}), """'{"a":[1,"x"]}'""")

    def test_unsupported(self):
        with self.assertRaises(TypeError):
            render_literal(object())

    def test_identifiers(self):
        self.assertEqual(quote_identifier("a"), '"A"')
        self.assertEqual(quote_identifier('"Mixed"'), '"Mixed"')
        self.assertEqual(quote_identifier('my "col"'), '"my ""col"""')


class ValuesQueryTest(unittest.TestCase):
    def test_tuples_with_names(self):
        self.assertEqual(values_query([(1, "a"), (2, None)], ["id", "name"]),
                         """SELECT "ID", "NAME" FROM (VALUES (1, 'a'), (2, NULL)) AS T("ID", "NAME")""")

    def test_unnamed_columns_are_numbered(self):
        self.assertEqual(values_query([(1, 2)]), """SELECT "_1", "_2" FROM (VALUES (1, 2)) AS T("_1", "_2")""")

    def test_scalars_make_one_column(self):
        self.assertEqual(values_query([1, 2], ["n"]), """SELECT "N" FROM (VALUES (1), (2)) AS T("N")""")

    def test_rows_and_dicts_name_their_columns(self):
        expected = """SELECT "A", "B" FROM (VALUES (1, 'x')) AS T("A", "B")"""
        self.assertEqual(values_query([Row(a=1, b="x")]), expected)
        self.assertEqual(values_query([{"a": 1, "b": "x"}]), expected)
        self.assertEqual(values_query([{"a": 1}, {"b": "x"}]),
                         """SELECT "A", "B" FROM (VALUES (1, NULL), (NULL, 'x')) AS T("A", "B")""")

    def test_struct_type_casts(self):
        schema = StructType([StructField("id", IntegerType()), StructField("amount", DecimalType(10, 2)),
                             StructField("name", StringType())])
        self.assertEqual(
            values_query([(1, Decimal("2.5"), "x")], schema),
            'SELECT CAST("ID" AS BIGINT) AS "ID", CAST("AMOUNT" AS NUMBER(10,2)) AS "AMOUNT", '
            'CAST("NAME" AS VARCHAR) AS "NAME" FROM (VALUES (1, 2.5, \'x\')) AS T("ID", "AMOUNT", "NAME")')

    def test_semi_structured_values_are_parsed_outside_values(self):
        self.assertEqual(values_query([(1, {"k": 1})], ["a", "v"]),
                         """SELECT "A", PARSE_JSON("V") AS "V" FROM (VALUES (1, '{"k":1}')) AS T("A", "V")""")
        self.assertEqual(values_query([("x",)], StructType([StructField("v", VariantType())])),
                         """SELECT PARSE_JSON("V") AS "V" FROM (VALUES ('"x"')) AS T("V")""")

    def test_empty_data_needs_a_schema(self):
        with self.assertRaises(ValueError):
            values_query([])
        self.assertEqual(values_query([], StructType([StructField("a", IntegerType())])),
                         'SELECT CAST(NULL AS BIGINT) AS "A" WHERE 1 = 0')

    def test_ragged_rows_fail(self):
        with self.assertRaises(ValueError):
            values_query([(1, 2), (3,)], ["a", "b"])


if __name__ == "__main__":
    unittest.main()
