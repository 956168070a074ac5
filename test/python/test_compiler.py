"""Golden SQL: DataFrame plans compile to the Snowflake SQL a person would write, nested only where needed."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import RecordingChannel  # noqa: E402

from snowflake.snowpark import Session, Window  # noqa: E402
from snowflake.snowpark import functions as F  # noqa: E402
from snowflake.snowpark.exceptions import SnowparkColumnException, SnowparkSQLAmbiguousJoinException  # noqa: E402
from snowflake.snowpark.functions import col, lit  # noqa: E402
from snowflake.snowpark.types import DecimalType, StringType  # noqa: E402

TABLES = {"t1": ["A", "B"], "t2": ["A", "C"]}


def describe(method, params):
    if method != "query.describe":
        raise AssertionError("the compiler tests run no query: {} {}".format(method, params))
    for name, columns in TABLES.items():
        if params["sql"] == "SELECT * FROM " + name:
            return {"columns": [{"name": column, "type": "NUMBER(38,0)"} for column in columns]}
    raise AssertionError("no describe answer for " + params["sql"])


class CompilerTest(unittest.TestCase):
    def setUp(self):
        self.session = Session(RecordingChannel(describe), {})
        self.t1 = self.session.table("t1")
        self.t2 = self.session.table("t2")

    def sql(self, frame):
        return frame.queries["queries"][0]

    def test_filter_group_sort_fold_into_one_select(self):
        frame = (self.t1.filter(col("a") > 1).group_by("b").agg(F.sum("a").alias("total"))
                 .sort(col("total").desc()).limit(5))
        self.assertEqual(self.sql(frame), 'SELECT "B", SUM("A") AS "TOTAL" FROM t1 WHERE ("A" > 1) GROUP BY "B" '
                                          'ORDER BY "TOTAL" DESC NULLS LAST LIMIT 5')

    def test_two_filters_are_one_where(self):
        frame = self.t1.filter(col("a") > 1).where("b < 3")
        self.assertEqual(self.sql(frame), 'SELECT * FROM t1 WHERE ("A" > 1) AND (b < 3)')

    def test_filter_after_limit_wraps(self):
        frame = self.t1.limit(3).filter(col("a") == 1)
        self.assertEqual(self.sql(frame), 'SELECT * FROM (SELECT * FROM t1 LIMIT 3) WHERE ("A" = 1)')

    def test_filter_after_an_aliasing_projection_wraps(self):
        frame = self.t1.select((col("a") + 1).alias("b")).filter(col("b") > 2)
        self.assertEqual(self.sql(frame), 'SELECT * FROM (SELECT ("A" + 1) AS "B" FROM t1) WHERE ("B" > 2)')

    def test_filter_after_a_plain_projection_folds(self):
        frame = self.t1.select("a", "b").filter(col("a") > 2)
        self.assertEqual(self.sql(frame), 'SELECT "A", "B" FROM t1 WHERE ("A" > 2)')

    def test_projection_after_projection_wraps(self):
        frame = self.t1.select("a").select((col("a") * 2).alias("d"))
        self.assertEqual(self.sql(frame), 'SELECT ("A" * 2) AS "D" FROM (SELECT "A" FROM t1)')

    def test_filter_on_an_aggregate_wraps_instead_of_having(self):
        frame = self.t1.group_by("b").count().filter(col("count") > 1)
        self.assertEqual(self.sql(frame), 'SELECT * FROM (SELECT "B", COUNT(1) AS "COUNT" FROM t1 GROUP BY "B") '
                                          'WHERE ("COUNT" > 1)')

    def test_aggregate_without_groups_is_one_row(self):
        # Snowpark names an unaliased aggregate after its SQL without quotes (relational_grouped_dataframe._alias).
        self.assertEqual(self.sql(self.t1.agg(F.max("a"))), 'SELECT MAX("A") AS "MAX(A)" FROM t1 LIMIT 1')

    def test_sort_defaults_follow_snowpark(self):
        frame = self.t1.sort(col("a"), col("b").desc(), col("a").asc_nulls_last())
        self.assertEqual(self.sql(frame), 'SELECT * FROM t1 ORDER BY "A" ASC NULLS FIRST, "B" DESC NULLS LAST, '
                                          '"A" ASC NULLS LAST')

    def test_sort_ascending_flags(self):
        frame = self.t1.sort(["a", "b"], ascending=[True, False])
        self.assertEqual(self.sql(frame), 'SELECT * FROM t1 ORDER BY "A" ASC NULLS FIRST, "B" DESC NULLS LAST')

    def test_distinct_then_sort_wraps(self):
        frame = self.t1.select("a").distinct().sort("a")
        self.assertEqual(self.sql(frame), 'SELECT * FROM (SELECT DISTINCT "A" FROM t1) ORDER BY "A" ASC NULLS FIRST')

    def test_window_expression(self):
        window = Window.partition_by("b").order_by(col("a").desc()).rows_between(Window.UNBOUNDED_PRECEDING, Window.CURRENT_ROW)
        frame = self.t1.select("a", F.sum("a").over(window).alias("running"))
        self.assertEqual(self.sql(frame), 'SELECT "A", SUM("A") OVER (PARTITION BY "B" ORDER BY "A" DESC NULLS LAST '
                                          'ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "RUNNING" FROM t1')

    def test_when_otherwise_iff_and_in(self):
        frame = self.t1.select(F.when(col("a") > 1, lit("big")).when(col("a") < 0, "neg").otherwise(None).alias("size"),
                               F.iff(col("b").isin(1, 2), 1, 0).alias("small"))
        self.assertEqual(self.sql(frame), "SELECT CASE WHEN (\"A\" > 1) THEN 'big' WHEN (\"A\" < 0) THEN 'neg' ELSE NULL "
                                          "END AS \"SIZE\", IFF((\"B\" IN (1, 2)), 1, 0) AS \"SMALL\" FROM t1")

    def test_alias_inside_an_expression_names_the_whole_item(self):
        frame = self.t1.select(~col("a").isin(1, 2).alias("x"))
        self.assertEqual(self.sql(frame), 'SELECT (NOT ("A" IN (1, 2))) AS "X" FROM t1')

    def test_casts_and_typed_literals(self):
        frame = self.t1.select(col("a").cast(DecimalType(10, 2)), col("b").try_cast("string"), lit(None, StringType()))
        self.assertEqual(self.sql(frame), 'SELECT CAST("A" AS NUMBER(10,2)), TRY_CAST("B" AS VARCHAR), NULL :: VARCHAR FROM t1')

    def test_date_part_keyword_and_function_catalogue(self):
        frame = self.t1.select(F.dateadd("day", lit(1), col("a")), F.date_trunc("month", col("b")),
                               F.count_distinct("a", "b"), F.listagg("a", ",").within_group(col("b")))
        self.assertEqual(self.sql(frame), "SELECT DATEADD(DAY, 1, \"A\"), DATE_TRUNC('month', \"B\"), "
                                          "COUNT(DISTINCT \"A\", \"B\"), LISTAGG(\"A\", ',') WITHIN GROUP "
                                          "(ORDER BY \"B\" ASC NULLS FIRST) FROM t1")

    def test_division_and_average_get_snowflakes_number_scale(self):
        # Snowflake: division scale max(S1, min(S1 + 6, 12)); AVG of NUMBER(38,0) has scale 6.
        frame = self.t1.select((col("a") / col("b")).alias("q"), (col("a") / lit(2) / col("b")).alias("r"), col("a") * 1.5)
        self.assertEqual(self.sql(frame), 'SELECT CAST(("A" / "B") AS NUMBER(38,6)) AS "Q", CAST((CAST(("A" / 2) AS '
                                          'NUMBER(38,6)) / "B") AS NUMBER(38,12)) AS "R", ("A" * 1.5::DOUBLE) FROM t1')
        # Unaliased, the column keeps the name Snowflake gives the division.
        self.assertEqual(self.sql(self.t1.select(col("a") / 2)), 'SELECT CAST(("A" / 2) AS NUMBER(38,6)) AS "(""A"" / 2)" FROM t1')
        self.assertEqual(self.sql(self.t1.group_by("b").agg(F.avg("a"))),
                         'SELECT "B", CAST(AVG("A") AS NUMBER(38,6)) AS "AVG(A)" FROM t1 GROUP BY "B"')

    def test_join_renames_shared_columns_and_resolves_each_side(self):
        joined = self.t1.join(self.t2, self.t1["a"] == self.t2["a"], "left")
        text = self.sql(joined)
        left, right = '"SNOWPARK_LEFT_{}"'.format(self.t1._id), '"SNOWPARK_RIGHT_{}"'.format(self.t2._id)
        self.assertIn("FROM t1 AS {} LEFT OUTER JOIN t2 AS {} ON ({}.\"A\" = {}.\"A\")".format(left, right, left, right), text)
        left_a = [name for name in joined._renames.values() if name.startswith('"l_')]
        self.assertEqual(len(left_a), 1)
        self.assertEqual(self.sql(joined.select(self.t1["a"])), "SELECT {} FROM ({})".format(left_a[0], text))

    def test_join_using_keeps_the_key_once(self):
        joined = self.t1.join(self.t2, "a", "outer")
        left, right = '"SNOWPARK_LEFT_{}"'.format(self.t1._id), '"SNOWPARK_RIGHT_{}"'.format(self.t2._id)
        self.assertEqual(self.sql(joined), 'SELECT COALESCE({0}."A", {1}."A") AS "A", {0}."B", {1}."C" FROM t1 AS {0} '
                                           'FULL OUTER JOIN t2 AS {1} USING ("A")'.format(left, right))

    def test_semi_join_is_exists(self):
        joined = self.t1.join(self.t2, self.t1["a"] == self.t2["a"], "semi")
        left, right = '"SNOWPARK_LEFT_{}"'.format(self.t1._id), '"SNOWPARK_RIGHT_{}"'.format(self.t2._id)
        self.assertEqual(self.sql(joined), 'SELECT "A", "B" FROM t1 AS {0} WHERE (EXISTS (SELECT * FROM (SELECT * FROM t2) '
                                           'AS {1} WHERE ({0}."A" = {1}."A")))'.format(left, right))

    def test_ambiguous_bare_column_in_a_join_condition(self):
        with self.assertRaises(SnowparkSQLAmbiguousJoinException) as caught:
            self.t1.join(self.t2, col("a") == col("a"))
        self.assertIn("The reference to the column 'A' is ambiguous", str(caught.exception))

    def test_set_operations_parenthesise_each_side(self):
        frame = self.t1.select("a").union_all(self.t2.select("a")).except_(self.t1.select("a"))
        self.assertEqual(self.sql(frame), '((SELECT "A" FROM t1) UNION ALL (SELECT "A" FROM t2)) EXCEPT (SELECT "A" FROM t1)')

    def test_with_column_replaces_at_the_end_as_snowpark_does(self):
        self.assertEqual(self.sql(self.t1.with_column("a", col("b") + 1)), 'SELECT "B", ("B" + 1) AS "A" FROM t1')

    def test_user_sql_with_a_trailing_semicolon_or_comment_nests(self):
        self.assertEqual(self.sql(self.session.sql("select 1 as a; ").limit(1)), "SELECT * FROM (select 1 as a) LIMIT 1")
        self.assertEqual(self.sql(self.session.sql("select 1 as a -- one").filter(col("a") > 0)),
                         'SELECT * FROM (select 1 as a -- one\n) WHERE ("A" > 0)')

    def test_missing_column_and_dropping_everything(self):
        with self.assertRaises(SnowparkColumnException):
            self.t1.col("nope")
        with self.assertRaises(SnowparkColumnException):
            self.t1.drop("a", "b")

    def test_column_in_python_bool_context_raises(self):
        with self.assertRaises(TypeError) as caught:
            bool(col("a") > 1)
        self.assertIn("Cannot convert a Column object into bool", str(caught.exception))

    def test_missing_dataframe_method_names_itself(self):
        with self.assertRaises(NotImplementedError) as caught:
            self.t1.to_snowpark_pandas()
        self.assertIn("DataFrame.to_snowpark_pandas() is not in Snowpark Local", str(caught.exception))
        with self.assertRaises(AttributeError):
            self.t1.no_such_column_or_method

    def test_print_schema_as_snowpark_prints_it(self):
        self.assertEqual(self.t1._schema_text(), 'root\n |-- "A": LongType() (nullable = True)\n |-- "B": LongType() (nullable = True)')

    def test_missing_function_names_itself(self):
        with self.assertRaises(NotImplementedError) as caught:
            F.some_function_snowpark_has_not
        self.assertIn("functions.some_function_snowpark_has_not is not in Snowpark Local", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
