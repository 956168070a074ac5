"""Window specs, ported from snowpark-python tests/integ/scala/test_window_spec_suite.py
(expected values from there; code is ours)."""

from decimal import Decimal

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark import Window
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.functions import (
    avg, col, count, cume_dist, dense_rank, lead, lit, max as max_, mean, min as min_, ntile, percent_rank,
    rank, row_number, sum as sum_,
)


# test_window_spec_suite.py::test_partition_by_order_by_rows_between
def test_partition_by_order_by_rows_between(session):
    df = session.create_dataframe([(1, "1"), (2, "1"), (2, "2"), (1, "1"), (2, "2")]).to_df("key", "value")
    window = Window.partition_by("value").order_by("key").rows_between(-1, 2)
    check_answer(df.select("key", avg("key").over(window)),
                 [Row(1, Decimal("1.333")), Row(1, Decimal("1.333")), Row(2, Decimal("1.500")),
                  Row(2, Decimal("2.000")), Row(2, Decimal("2.000"))])


# test_window_spec_suite.py::test_partition_by_order_by_rows_between (currentRow)
def test_rows_between_current_row(session):
    df = session.create_dataframe([(1, "1"), (2, "1"), (2, "2"), (1, "1"), (2, "2")]).to_df("key", "value")
    window2 = Window.rows_between(Window.currentRow, 2).order_by("key")
    check_answer(df.select("key", avg("key").over(window2)),
                 [Row(2, Decimal("2.000")), Row(2, Decimal("2.000")), Row(2, Decimal("2.000")),
                  Row(1, Decimal("1.666")), Row(1, Decimal("1.333"))])


# test_window_spec_suite.py::test_range_between
def test_range_between(session):
    df = session.create_dataframe(["non_numeric"]).to_df("value")
    window = Window.order_by("value")
    check_answer(df.select("value", min_("value").over(window.range_between(Window.unboundedPreceding, Window.unboundedFollowing))),
                 [Row("non_numeric", "non_numeric")])
    window2 = Window.range_between(Window.unboundedPreceding, Window.unboundedFollowing).order_by("value")
    check_answer(df.select("value", min_("value").over(window2)), [Row("non_numeric", "non_numeric")])


# test_window_spec_suite.py::test_window_function_with_aggregates
def test_window_function_with_aggregates(session):
    df = session.create_dataframe([("a", 1), ("a", 1), ("a", 2), ("a", 2), ("b", 4), ("b", 3), ("b", 2)]).to_df("key", "value")
    window = Window.order_by()
    check_answer(df.group_by("key").agg([sum_("value"), sum_(sum_("value")).over(window) - sum_("value")]),
                 [Row("a", 6, 9), Row("b", 9, 6)])


# test_window_spec_suite.py::test_window_function_inside_where_and_having_clauses
def test_window_function_inside_where(session):
    df = session.create_dataframe([[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]], schema=["a", "b"])
    raises(SnowparkSQLException, lambda: df.where((col("b") == 2) & rank().over(Window.order_by("b")) == 1).collect(),
           match="outside of SELECT, QUALIFY, and ORDER BY clauses")


# test_window_spec_suite.py::test_reuse_window_partition_by
def test_reuse_window_partition_by(session):
    df = session.create_dataframe([(1, "1"), (2, "2"), (1, "1"), (2, "2")]).to_df("key", "value")
    w = Window.partition_by("key").order_by("value")
    check_answer(df.select(lead("key", 1).over(w), lead("value", 1).over(w)),
                 [Row(1, "1"), Row(2, "2"), Row(None, None), Row(None, None)])


# test_window_spec_suite.py::test_reuse_window_order_by
def test_reuse_window_order_by(session):
    df = session.create_dataframe([(1, "1"), (2, "2"), (1, "1"), (2, "2")]).to_df("key", "value")
    w = Window.order_by("value").partition_by("key")
    check_answer(df.select(lead("key", 1).over(w), lead("value", 1).over(w)),
                 [Row(1, "1"), Row(2, "2"), Row(None, None), Row(None, None)])


# test_window_spec_suite.py::test_rank_functions_in_unspecific_window
def test_rank_functions_in_unspecific_window(session):
    df = session.create_dataframe([(1, "1"), (2, "2"), (1, "2"), (2, "2")]).to_df("key", "value")
    w = Window.partition_by("value").order_by("key")
    check_answer(df.select(
        "key", max_("key").over(w), min_("key").over(w), mean("key").over(w), count("key").over(w), sum_("key").over(w),
        ntile(lit(2)).over(w), row_number().over(w), dense_rank().over(w), rank().over(w), cume_dist().over(w),
        percent_rank().over(w)), [
        Row(1, 1, 1, 1.0, 1, 1, 1, 1, 1, 1, 0.3333333333333333, 0.0),
        Row(1, 1, 1, 1.0, 1, 1, 1, 1, 1, 1, 1.0, 0.0),
        Row(2, 2, 1, Decimal("1.666667"), 3, 5, 1, 2, 2, 2, 1.0, 0.5),
        Row(2, 2, 1, Decimal("1.666667"), 3, 5, 2, 3, 2, 2, 1.0, 0.5)])


# test_window_spec_suite.py::test_empty_over_spec
def test_empty_over_spec(session):
    df = session.create_dataframe([("a", 1), ("a", 1), ("a", 2), ("b", 2)]).to_df("key", "value")
    expected = [Row("a", 1, 6, 1.5), Row("a", 1, 6, 1.5), Row("a", 2, 6, 1.5), Row("b", 2, 6, 1.5)]
    check_answer(df.select("key", "value", sum_("value").over(), avg("value").over()), expected)
    df.create_or_replace_temp_view("window_empty_over_v")
    check_answer(session.table("window_empty_over_v").select("key", "value", sum_("value").over(), avg("value").over()), expected)


# test_window_spec_suite.py::test_null_inputs
def test_null_inputs(session):
    df = session.create_dataframe([("a", 1), ("a", 1), ("a", 2), ("a", 2), ("b", 4), ("b", 3), ("b", 2)]).to_df("key", "value")
    window = Window.order_by()
    check_answer(df.select("key", "value", avg(lit(None)).over(window), sum_(lit(None)).over(window)),
                 [Row("a", 1, None, None), Row("a", 1, None, None), Row("a", 2, None, None), Row("a", 2, None, None),
                  Row("b", 4, None, None), Row("b", 3, None, None), Row("b", 2, None, None)])


# test_window_spec_suite.py::test_window_function_should_fail_if_order_by_clause_is_not_specified
def test_window_function_should_fail_if_order_by_clause_is_not_specified(session):
    df = session.create_dataframe([(1, "1"), (2, "2"), (1, "2"), (2, "2")]).to_df("key", "value")
    raises(SnowparkSQLException, lambda: df.select(row_number().over(Window.partition_by("value"))).collect(),
           match="requires ORDER BY in window specification")


# Snowflake guide "Working with DataFrames" / Window.rows_between(unboundedPreceding, currentRow): running total
def test_running_total_unbounded_preceding(session):
    df = session.create_dataframe([("a", 1, 10), ("a", 2, 20), ("a", 3, 30), ("b", 1, 5)], schema=["k", "t", "v"])
    w = Window.partition_by("k").order_by("t").rows_between(Window.unboundedPreceding, Window.currentRow)
    check_answer(df.select("k", "t", sum_("v").over(w).alias("running")),
                 [Row("a", 1, 10), Row("a", 2, 30), Row("a", 3, 60), Row("b", 1, 5)])
