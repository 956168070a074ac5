"""group_by / agg / pivot / grouping sets, ported from snowpark-python
tests/integ/scala/test_dataframe_aggregate_suite.py (expected values from there; code is ours)."""

from decimal import Decimal
from math import sqrt

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.functions import (
    avg, col, count, count_distinct, kurtosis, listagg, lit, max as max_, mean, median, min as min_,
    stddev, stddev_pop, stddev_samp, sum as sum_, sum_distinct, var_pop, var_samp, variance,
)


def _test_data2(session):
    return session.create_dataframe([[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]], schema=["a", "b"])


def _test_data3(session):
    return session.create_dataframe([[1, None], [2, 2]], schema=["a", "b"])


def _monthly_sales(session):
    return session.create_dataframe([
        (1, 10000, "JAN"), (1, 400, "JAN"), (2, 4500, "JAN"), (2, 35000, "JAN"),
        (1, 5000, "FEB"), (1, 3000, "FEB"), (2, 200, "FEB"), (2, 90500, "FEB"),
        (1, 6000, "MAR"), (1, 5000, "MAR"), (2, 2500, "MAR"), (2, 9500, "MAR"),
        (1, 8000, "APR"), (1, 10000, "APR"), (2, 800, "APR"), (2, 4500, "APR"),
    ], schema=["empid", "amount", "month"])


def _monthly_sales_with_team(session):
    return session.create_dataframe([
        (1, "A", 10000, "JAN"), (1, "A", 400, "JAN"), (2, "A", 4500, "JAN"), (2, "B", 35000, "JAN"),
        (1, "B", 5000, "FEB"), (1, "B", 3000, "FEB"), (2, "A", 200, "FEB"), (2, "A", 90500, "FEB"),
        (1, "B", 6000, "MAR"), (1, "A", 5000, "MAR"), (2, "B", 2500, "MAR"), (2, "B", 9500, "MAR"),
        (1, "B", 8000, "APR"), (1, "A", 10000, "APR"), (2, "A", 800, "APR"), (2, "A", 4500, "APR"),
    ], schema=("empid", "team", "amount", "month"))


def _nurse(session):
    return session.create_dataframe([
        [201, "Thomas Leonard Vicente", "LVN", "Technician"], [202, "Tamara Lolita VanZant", "LVN", "Technician"],
        [341, "Georgeann Linda Vente", "LVN", "General"], [471, "Andrea Renee Nouveau", "RN", "Amateur Extra"],
        [101, "Lily Vine", "LVN", None], [102, "Larry Vancouver", "LVN", None], [172, "Rhonda Nova", "RN", None],
    ]).to_df(["id", "full_name", "medical_license", "radio_license"])


# test_dataframe_aggregate_suite.py::test_pivot
def test_pivot(session):
    check_answer(
        _monthly_sales(session).pivot("month", ["JAN", "FEB", "MAR", "APR"]).agg(sum_(col("amount"))).sort(col("empid")),
        [Row(1, 10400, 8000, 11000, 18000), Row(2, 39500, 90700, 12000, 5300)], sort=False)


# test_dataframe_aggregate_suite.py::test_group_by_pivot
def test_group_by_pivot(session):
    check_answer(
        _monthly_sales_with_team(session).group_by("empid").pivot("month", ["JAN", "FEB", "MAR", "APR"])
        .agg(sum_(col("amount"))).sort(col("empid")),
        [Row(1, 10400, 8000, 11000, 18000), Row(2, 39500, 90700, 12000, 5300)], sort=False)
    check_answer(
        _monthly_sales_with_team(session).group_by(["empid", "team"]).pivot("month", ["JAN", "FEB", "MAR", "APR"])
        .agg(sum_(col("amount"))).sort(col("empid"), col("team")),
        [Row(1, "A", 10400, None, 5000, 10000), Row(1, "B", None, 8000, 6000, 8000),
         Row(2, "A", 4500, 90700, None, 5300), Row(2, "B", 35000, None, 12000, None)], sort=False)


# test_dataframe_aggregate_suite.py::test_group_by_pivot_agg_same_column
def test_group_by_pivot_agg_same_column(session):
    check_answer(
        _monthly_sales_with_team(session).group_by("empid").pivot("month", ["JAN", "FEB", "MAR", "APR"]).agg(count(col("month"))),
        [Row(EMPID=1, JAN=2, FEB=2, MAR=2, APR=2), Row(EMPID=2, JAN=2, FEB=2, MAR=2, APR=2)])


# test_dataframe_aggregate_suite.py::test_join_on_pivot
def test_join_on_pivot(session):
    df1 = _monthly_sales(session).pivot("month", ["JAN", "FEB", "MAR", "APR"]).agg(sum_(col("amount")))
    df2 = session.create_dataframe([[1, 12345], [2, 67890]], schema=["empid", "may"])
    check_answer(df1.join(df2, "empid"),
                 [Row(1, 10400, 8000, 11000, 18000, 12345), Row(2, 39500, 90700, 12000, 5300, 67890)])


# test_dataframe_aggregate_suite.py::test_rel_grouped_dataframe_agg
def test_rel_grouped_dataframe_agg(session):
    df = session.create_dataframe([[1, "One"], [2, "Two"], [3, "Three"]]).to_df(["empid", "name"]).group_by()
    assert df.agg(max_(col("empid"))).collect() == [Row(3)]
    assert df.agg([min_(col("empid"))]).collect() == [Row(1)]
    assert df.agg([(col("empid"), "max")]).collect() == [Row(3)]
    assert df.agg([(col("empid"), "avg")]).collect() == [Row(2.0)]
    assert df.agg([max_(col("empid")), max_(col("name"))]).collect() == [Row(3, "Two")]
    assert df.agg([(col("empid"), "min"), (col("name"), "min")]).collect() == [Row(1, "One")]


# test_dataframe_aggregate_suite.py::test_group_by
def test_group_by_union_all(session):
    nurse = _nurse(session)
    result = (
        nurse.group_by("medical_license").agg(count(col("*")).as_("count")).with_column("radio_license", lit(None))
        .select("medical_license", "radio_license", "count")
        .union_all(nurse.group_by("radio_license").agg(count(col("*")).as_("count"))
                   .with_column("medical_license", lit(None)).select("medical_license", "radio_license", "count"))
        .sort(col("count"), col("radio_license")))
    check_answer(result, [Row(None, "Amateur Extra", 1), Row(None, "General", 1), Row("RN", None, 2),
                          Row(None, "Technician", 2), Row(None, None, 3), Row("LVN", None, 5)], sort=False)


# test_dataframe_aggregate_suite.py::test_group_by_grouping_sets
def test_group_by_grouping_sets(session):
    from snowflake.snowpark import GroupingSets
    nurse = _nurse(session)
    grouping_sets = (nurse.group_by_grouping_sets(GroupingSets([col("medical_license")], [col("radio_license")]))
                     .agg(count(col("*")).as_("count")).sort(col("count"), col("radio_license")))
    check_answer(grouping_sets, [Row(None, "Amateur Extra", 1), Row(None, "General", 1), Row("RN", None, 2),
                                 Row(None, "Technician", 2), Row(None, None, 3), Row("LVN", None, 5)], sort=False)
    check_answer(
        nurse.group_by_grouping_sets(GroupingSets([col("medical_license"), col("radio_license")]),
                                     GroupingSets([col("radio_license")]))
        .agg(col("radio_license")).sort(col("medical_license"), col("radio_license")),
        [Row("LVN", None), Row("LVN", "General"), Row("LVN", "Technician"), Row("RN", None), Row("RN", "Amateur Extra")],
        sort=False)


# test_dataframe_aggregate_suite.py::test_group_by_grouping_sets (comparing with group_by)
def test_group_by_two_columns_with_nulls(session):
    check_answer(
        _nurse(session).group_by("medical_license", "radio_license").agg(count(col("*")).as_("count"))
        .select("count", "medical_license", "radio_license")
        .sort(col("count"), col("medical_license"), col("radio_license")),
        [Row(1, "LVN", "General"), Row(1, "RN", None), Row(1, "RN", "Amateur Extra"), Row(2, "LVN", None),
         Row(2, "LVN", "Technician")], sort=False)


# test_dataframe_aggregate_suite.py::test_rel_grouped_dataframe_max
def test_rel_grouped_dataframe_max(session):
    df1 = session.create_dataframe([("a", 1, 11, "b"), ("b", 2, 22, "c"), ("a", 3, 33, "d"), ("b", 4, 44, "e")]) \
        .to_df(["key", "value1", "value2", "rest"])
    expected = [Row("a", 3, 33), Row("b", 4, 44)]
    check_answer(df1.group_by("key").max(col("value1"), col("value2")), expected)
    check_answer(df1.group_by("key").agg([max_(col("value1")), max_(col("value2"))]), expected)
    check_answer(df1.group_by("key").max("value1", "value2"), expected)


# test_dataframe_aggregate_suite.py::test_rel_grouped_dataframe_avg_mean
def test_rel_grouped_dataframe_avg_mean(session):
    df1 = session.create_dataframe([("a", 1, 11, "b"), ("b", 2, 22, "c"), ("a", 3, 33, "d"), ("b", 4, 44, "e")]) \
        .to_df(["key", "value1", "value2", "rest"])
    expected = [Row("a", 2.0, 22.0), Row("b", 3, 33.0)]
    check_answer(df1.group_by("key").avg(col("value1"), col("value2")), expected)
    check_answer(df1.group_by("key").agg([avg(col("value1")), avg(col("value2"))]), expected)
    check_answer(df1.group_by("key").mean("value1", "value2"), expected)
    check_answer(df1.group_by("key").agg([mean("value1"), mean("value2")]), expected)


# test_dataframe_aggregate_suite.py::test_rel_grouped_dataframe_median
def test_rel_grouped_dataframe_median(session):
    df1 = session.create_dataframe([("a", 1, 11, "b"), ("b", 2, 22, "c"), ("a", 3, 33, "d"), ("b", 4, 44, "e"),
                                    ("b", 4, 44, "f")]).to_df(["key", "value1", "value2", "rest"])
    check_answer(df1.select(median(col("value1")), median(col("value2"))), [Row(3.0, 33.0)])
    expected = [Row("a", 2.0, 22.0), Row("b", 4, 44.0)]
    assert df1.group_by("key").median(col("value1"), col("value2")).sort(col("key")).collect() == expected
    assert df1.group_by("key").agg([median("value1"), median("value2")]).sort("key").collect() == expected


# test_dataframe_aggregate_suite.py::test_builtin_functions
def test_builtin_functions(session):
    df = session.create_dataframe([(1, 11), (2, 12), (1, 13)]).to_df(["a", "b"])
    assert df.group_by("a").builtin("max")(col("a"), col("b")).sort(col("a")).collect() == [Row(1, 1, 13), Row(2, 2, 12)]
    assert df.group_by("a").builtin("max")(col("b")).sort(col("a")).collect() == [Row(1, 13), Row(2, 12)]


# test_dataframe_aggregate_suite.py::test_non_empty_arg_functions
def test_non_empty_arg_functions(session):
    df = session.create_dataframe([[1], [2], [3]]).to_df(["a"])
    for name in ("avg", "sum", "median", "min", "max"):
        raises(ValueError, lambda: getattr(df.group_by("a"), name)(),
               match="You must pass a list of one or more Columns to function: " + name)


# test_dataframe_aggregate_suite.py::test_null_count
def test_null_count(session):
    assert _test_data3(session).group_by("a").agg(count(col("b"))).sort(col("a")).collect() == [Row(1, 0), Row(2, 1)]
    assert _test_data3(session).group_by("a").agg(count(col("a") + col("b"))).sort(col("a")).collect() == [Row(1, 0), Row(2, 1)]
    assert _test_data3(session).agg([count(col("a")), count(col("b")), count(lit(1)), count_distinct(col("a")),
                                     count_distinct(col("b"))]).collect() == [Row(2, 1, 2, 2, 1)]
    assert _test_data3(session).agg([count(col("b")), count_distinct(col("b")), sum_distinct(col("b"))]).collect() == [Row(1, 1, 2)]


# test_dataframe_aggregate_suite.py::test_distinct
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_distinct(session):
    df = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0), (2, "two", 1.0)]).to_df("i", "s", '"i"')
    check_answer(df.distinct(), [Row(1, "one", 1.0), Row(2, "one", 2.0), Row(2, "two", 1.0)])
    check_answer(df.select("i").distinct(), [Row(1), Row(2)])
    check_answer(df.select('"i"').distinct(), [Row(1), Row(2)])
    check_answer(df.select("s").distinct(), [Row("one"), Row("two")])
    check_answer(df.select(["i", '"i"']).distinct(), [Row(1, 1.0), Row(2, 1.0), Row(2, 2.0)])
    check_answer(df.filter(col("i") < 0).distinct(), [])


# test_dataframe_aggregate_suite.py::test_distinct_and_joins
def test_distinct_and_joins(session):
    lhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    rhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    res = lhs.join(rhs, lhs["i"] == rhs["i"]).distinct().collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row(1, "one", 1.0, 1, "one", 1.0), Row(2, "one", 2.0, 2, "one", 2.0)]
    lhs_d = lhs.select(col("s")).distinct()
    res = lhs_d.join(rhs, lhs_d["s"] == rhs["s"]).collect()
    res.sort(key=lambda x: x[1])
    assert res == [Row("one", 1, "one", 1.0), Row("one", 2, "one", 2.0)]
    rhs_d = rhs.select(col("s")).distinct()
    assert lhs_d.join(rhs_d, lhs_d["s"] == rhs_d["s"]).collect() == [Row("one", "one")]


# test_dataframe_aggregate_suite.py::test_groupBy
def test_group_by_forms(session):
    check_answer(_test_data2(session).group_by("a").agg(sum_(col("b"))), [Row(1, 3), Row(2, 3), Row(3, 3)])
    check_answer(_test_data2(session).group_by("a").agg(sum_(col("b")).as_("totB")).agg(sum_(col("totB"))), [Row(9)])
    check_answer(_test_data2(session).group_by("a").agg(count(col("*"))), [Row(1, 2), Row(2, 2), Row(3, 2)])
    check_answer(_test_data2(session).group_by("a").agg([(col("*"), "count")]), [Row(1, 2), Row(2, 2), Row(3, 2)])
    check_answer(_test_data2(session).group_by("a").agg([(col("b"), "sum")]), [Row(1, 3), Row(2, 3), Row(3, 3)])
    df1 = session.create_dataframe([("a", 1, 0, "b"), ("b", 2, 4, "c"), ("a", 2, 3, "d")]).to_df(["key", "value1", "value2", "rest"])
    check_answer(df1.group_by("key").min(col("value2")), [Row("a", 0), Row("b", 4)])
    check_answer(df1.group_by("key").min("value2"), [Row("a", 0), Row("b", 4)])


# test_dataframe_aggregate_suite.py::test_groupBy (decimal data)
def test_group_by_decimal(session):
    df = session.create_dataframe([[Decimal(1), Decimal(1)], [Decimal(1), Decimal(2)], [Decimal(2), Decimal(1)],
                                   [Decimal(2), Decimal(2)], [Decimal(3), Decimal(1)], [Decimal(3), Decimal(2)]]).to_df(["a", "b"])
    check_answer(df.group_by("a").agg(sum_(col("b"))),
                 [Row(Decimal(1), Decimal(3)), Row(Decimal(2), Decimal(3)), Row(Decimal(3), Decimal(3))])


# test_dataframe_aggregate_suite.py::test_agg_should_be_order_preserving
def test_agg_should_be_order_preserving(session):
    df = session.range(2).group_by("id").agg([(col("id"), "sum"), (col("id"), "count"), (col("id"), "min")])
    assert [f.name for f in df.schema.fields] == ["ID", '"SUM(ID)"', '"COUNT(ID)"', '"MIN(ID)"']
    check_answer(df, [Row(0, 0, 1, 0), Row(1, 1, 1, 1)])


# test_dataframe_aggregate_suite.py::test_count
def test_count(session):
    assert _test_data2(session).agg([count(col("a")), sum_distinct(col("a"))]).collect() == [Row(6, 6.0)]


# test_dataframe_aggregate_suite.py::test_stddev
def test_stddev(session):
    dev = sqrt(4 / 5)
    check_answer(_test_data2(session).agg([stddev(col("a")), stddev_pop(col("a")), stddev_samp(col("a"))]),
                 [Row(dev, 0.8164967850518458, dev)])
    check_answer(_test_data2(session).agg([stddev("a"), stddev_pop("a"), stddev_samp("a")]),
                 [Row(dev, 0.8164967850518458, dev)])


# test_dataframe_aggregate_suite.py::test_sn_moments
def test_sn_moments(session):
    test_data2 = _test_data2(session)
    check_answer(test_data2.agg(variance(col("a"))), [Row(Decimal("0.8"))])
    check_answer(test_data2.group_by(col("a")).agg(variance(col("b"))), [Row(1, 0.5), Row(2, 0.5), Row(3, 0.5)])
    check_answer(test_data2.agg(var_pop(col("a"))), [Row(Decimal("0.666667"))])
    check_answer(test_data2.agg(var_samp(col("a"))), [Row(Decimal("0.8"))])
    check_answer(test_data2.agg(kurtosis(col("a"))), [Row(Decimal("-1.8750"))])


# test_dataframe_aggregate_suite.py::test_decimal_sum_over_window_should_work
def test_decimal_sum_over_window_should_work(session):
    df = session.create_dataframe([1.0, 2.0, 3.0], schema=["a"])
    assert df.select(sum_("a").over()).collect() == [Row(6.0), Row(6.0), Row(6.0)]
    assert df.select(avg("a").over()).collect() == [Row(2.0), Row(2.0), Row(2.0)]


# test_dataframe_aggregate_suite.py::test_aggregate_function_in_groupby
def test_aggregate_function_in_groupby(session):
    df = session.create_dataframe([[i, str(i)] for i in range(1, 101)], schema=["key", "value"])
    raises(SnowparkSQLException, lambda: df.group_by(sum_(col('"KEY"'))).count().collect(),
           match="is not a valid group by expression")


# test_dataframe_aggregate_suite.py::test_ints_in_agg_exprs_are_taken_as_groupby_ordinal
def test_ints_in_agg_exprs_are_taken_as_groupby_ordinal(session):
    assert _test_data2(session).group_by(lit(3), lit(4)).agg([lit(6), lit(7), sum_(col("b"))]).collect() == [Row(3, 4, 6, 7, 9)]


# test_dataframe_aggregate_suite.py::test_distinct_and_unions
def test_distinct_and_unions(session):
    lhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    rhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    res = lhs.union(rhs).distinct().collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row(1, "one", 1.0), Row(2, "one", 2.0)]
    lhs_d = lhs.select(col("s")).distinct()
    assert lhs_d.union(rhs.select(col("s"))).collect() == [Row("one")]


# test_dataframe_aggregate_suite.py::test_distinct_and_unionall
def test_distinct_and_unionall(session):
    lhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    rhs = session.create_dataframe([(1, "one", 1.0), (2, "one", 2.0)]).to_df("i", "s", '"i"')
    res = lhs.union_all(rhs).distinct().collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row(1, "one", 1.0), Row(2, "one", 2.0)]
    lhs_d = lhs.select(col("s")).distinct()
    assert lhs_d.union_all(rhs.select(col("s"))).collect() == [Row("one"), Row("one"), Row("one")]
    assert lhs_d.union_all(rhs.select("s").distinct()).collect() == [Row("one"), Row("one")]


# test_dataframe_aggregate_suite.py::test_count_if
def test_count_if(session):
    session.create_dataframe([["a", None], ["a", 1], ["a", 2], ["a", 3], ["b", None], ["b", 4], ["b", 5], ["b", 6]]) \
        .toDF("x", "y").create_or_replace_temp_view("agg_count_if_v")
    assert session.sql("SELECT COUNT_IF(NULL), COUNT_IF(y % 2 = 0), COUNT_IF(y % 2 <> 0), COUNT_IF(y IS NULL) "
                       "FROM agg_count_if_v").collect() == [Row(0, 3, 3, 2)]
    res = session.sql("SELECT x, COUNT_IF(NULL), COUNT_IF(y % 2 = 0), COUNT_IF(y % 2 <> 0), COUNT_IF(y IS NULL) "
                      "FROM agg_count_if_v GROUP BY x").collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row("a", 0, 1, 2, 1), Row("b", 0, 2, 1, 1)]
    raises(SnowparkSQLException, lambda: session.sql("SELECT COUNT_IF(x) FROM agg_count_if_v").collect())


# test_dataframe_aggregate_suite.py::test_agg_without_groups / test_agg_without_groups_and_functions
def test_agg_without_groups(session):
    assert _test_data2(session).agg(sum_(col("b"))).collect() == [Row(9)]
    assert _test_data2(session).agg(lit(1)).collect() == [Row(1)]


# test_dataframe_aggregate_suite.py::test_null_average
def test_null_average(session):
    assert _test_data3(session).agg(avg(col("b"))).collect() == [Row(2.0)]
    assert _test_data3(session).agg([avg(col("b")), count_distinct(col("b"))]).collect() == [Row(2.0, 1)]
    assert _test_data3(session).agg([avg(col("b")), sum_distinct(col("b"))]).collect() == [Row(2.0, 2.0)]


# test_dataframe_aggregate_suite.py::test_zero_average / test_zero_count / test_zero_sum / test_zero_stddev
@known_difference("Snowflake casts a NULL VARCHAR column to a number for AVG/SUM; DuckDB rejects AVG(VARCHAR)")
def test_aggregates_of_empty_column(session):
    df = session.create_dataframe([[]]).to_df(["a"])
    assert df.agg(avg(col("a"))).collect() == [Row(None)]
    assert df.agg([avg(col("a")), sum_distinct(col("a"))]).collect() == [Row(None, None)]
    assert df.agg([count(col("a")), sum_distinct(col("a"))]).collect() == [Row(0, None)]
    assert df.agg([sum_(col("a"))]).collect() == [Row(None)]
    assert df.agg([stddev(col("a")), stddev_pop(col("a")), stddev_samp(col("a"))]).collect() == [Row(None, None, None)]


# test_dataframe_aggregate_suite.py::test_multiple_column_distinct_count
def test_multiple_column_distinct_count(session):
    df1 = session.create_dataframe([("a", "b", "c"), ("a", "b", "c"), ("a", "b", "d"), ("x", "y", "z"), ("x", "q", None)]) \
        .to_df("key1", "key2", "key3")
    assert df1.agg(count_distinct(col("key1"), col("key2"))).collect() == [Row(3)]
    assert df1.agg(count_distinct(col("key1"), col("key2"), col("key3"))).collect() == [Row(3)]
    res = df1.group_by(col("key1")).agg(count_distinct(col("key2"), col("key3"))).collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row("a", 2), Row("x", 1)]
    aa = ["a1", "a1", "a1", "a1", "a2", "a2", "a2", "a3", "a3", "a4"]
    bb = ["b1", "b2", "b2", "b3", "b1", "b2", "b5", "b1", "b4", "b1"]
    df = session.create_dataframe(list(zip(aa, bb)), ["a", "b"])
    assert df.group_by("a").agg(count_distinct("b").alias("C")).select(avg("C").alias("C")).collect() == [Row(2.25)]


# test_dataframe_aggregate_suite.py::test_limit_and_aggregates
def test_limit_and_aggregates(session):
    df = session.create_dataframe([("a", 1), ("b", 2), ("c", 1), ("d", 5)]).to_df("id", "value")
    limit_2df = df.limit(2)
    check_answer(limit_2df.group_by("id").count().select(col("id")), limit_2df.select("id").collect())


# test_dataframe_aggregate_suite.py::test_listagg / test_listagg_within_group
def test_listagg(session):
    df = session.create_dataframe([
        (2, 1, 35, "red", 99), (7, 2, 24, "red", 99), (7, 9, 77, "green", 99), (8, 5, 11, "green", 99),
        (8, 4, 14, "blue", 99), (8, 3, 21, "red", 99), (9, 9, 12, "orange", 99)],
        schema=["v1", "v2", "length", "color", "unused"])
    assert len(df.group_by("color").agg(listagg("length", ",")).collect()) == 4
    check_answer(df.group_by("color").agg(listagg("length", ",").within_group(df.length.asc())).sort("color"),
                 [Row("blue", "14"), Row("green", "11,77"), Row("orange", "12"), Row("red", "21,24,35")], sort=False)
