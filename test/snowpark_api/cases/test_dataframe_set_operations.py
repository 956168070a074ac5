"""union / intersect / except, ported from snowpark-python
tests/integ/scala/test_dataframe_set_operations_suite.py (expected values from there; code is ours)."""

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.exceptions import SnowparkClientException
from snowflake.snowpark.functions import col, lit, min as min_, sum as sum_
from snowflake.snowpark.types import IntegerType


def _lower_case_data(session):
    return session.create_dataframe([[1, "a"], [2, "b"], [3, "c"], [4, "d"]], schema=["n", "l"])


def _upper_case_data(session):
    return session.create_dataframe([[1, "A"], [2, "B"], [3, "C"], [4, "D"], [5, "E"], [6, "F"]], schema=["N", "L"])


def _null_ints(session):
    return session.create_dataframe([[1], [2], [3], [None]], schema=["a"])


def _all_nulls(session):
    return session.create_dataframe([[None], [None], [None], [None]], schema=["a"])


# test_dataframe_set_operations_suite.py::test_union_with_filters
def test_union_with_filters(session):
    def check(new_col, cfilter, result):
        df1 = session.create_dataframe([[1, 1]]).to_df(["a", "b"]).with_column("c", new_col)
        check_answer(df1.union(df1).with_column("d", lit(100)).filter(cfilter), result)
    check(lit(None).cast(IntegerType()), col("c").is_null(), [Row(1, 1, None, 100)])
    check(lit(None).cast(IntegerType()), col("c").is_not_null(), [])
    check(lit(2).cast(IntegerType()), col("c").is_null(), [])
    check(lit(2).cast(IntegerType()), col("c").is_not_null(), [Row(1, 1, 2, 100)])
    check(lit(2).cast(IntegerType()), col("c") == 2, [Row(1, 1, 2, 100)])
    check(lit(2).cast(IntegerType()), col("c") != 2, [])


# test_dataframe_set_operations_suite.py::test_union_all_with_filters
def test_union_all_with_filters(session):
    def check(new_col, cfilter, result):
        df1 = session.create_dataframe([[1, 1]]).to_df(["a", "b"]).with_column("c", new_col)
        check_answer(df1.union_all(df1).with_column("d", lit(100)).filter(cfilter), result)
    check(lit(None).cast(IntegerType()), col("c").is_null(), [Row(1, 1, None, 100), Row(1, 1, None, 100)])
    check(lit(2).cast(IntegerType()), col("c").is_not_null(), [Row(1, 1, 2, 100), Row(1, 1, 2, 100)])
    check(lit(2).cast(IntegerType()), col("c") != 2, [])


# test_dataframe_set_operations_suite.py::test_except
def test_except(session):
    lower, upper = _lower_case_data(session), _upper_case_data(session)
    check_answer(lower.except_(upper), [Row(1, "a"), Row(2, "b"), Row(3, "c"), Row(4, "d")])
    check_answer(lower.except_(lower), [])
    null_ints = _null_ints(session)
    check_answer(null_ints.except_(null_ints.filter(lit(0) == 1)), null_ints.collect())
    check_answer(null_ints.except_(null_ints), [])
    all_nulls = _all_nulls(session)
    check_answer(all_nulls.except_(all_nulls.filter(lit(0) == 1)), [Row(None)])
    check_answer(all_nulls.except_(all_nulls), [])
    df = session.create_dataframe((("id1", 1), ("id1", 1), ("id", 1), ("id1", 2))).to_df("id", "value")
    check_answer(df.except_(df.filter(lit(0) == 1)), [Row("id", 1), Row("id1", 1), Row("id1", 2)])
    check_answer(all_nulls.filter(lit(0) == 1).except_(all_nulls), [])


# test_dataframe_set_operations_suite.py::test_except_between_two_projects_without_references_used_in_filter
def test_except_between_two_projects(session):
    df = session.create_dataframe(((1, 2, 4), (1, 3, 5), (2, 2, 3), (2, 4, 5))).to_df("a", "b", "c")
    df1 = df.filter(col("a") == 1)
    df2 = df.filter(col("a") == 2)
    check_answer(df1.select("b").except_(df2.select("b")), Row(3))
    check_answer(df1.select("b").except_(df2.select("c")), Row(2))


# test_dataframe_set_operations_suite.py::test_dataframe_except_edge_cases
def test_dataframe_except_edge_cases(session):
    df1 = session.create_dataframe([[None, None], [1, 2], [1, 2], [3, 4], [5, 6]])
    df2 = session.create_dataframe([[1, 1], [2, 2], [5, 6]])
    check_answer(df1.except_(df2), [Row(None, None), Row(1, 2), Row(3, 4)])
    check_answer(df1.minus(df2), [Row(None, None), Row(1, 2), Row(3, 4)])


# test_dataframe_set_operations_suite.py::test_union_unionall_unionbyname_unionallbyname_in_one_case
def test_union_unionall_unionbyname_unionallbyname_in_one_case(session):
    df1 = session.create_dataframe([(1, 2, 3)]).to_df("a", "b", "c")
    df2 = session.create_dataframe([(3, 1, 2)]).to_df("c", "a", "b")
    df3 = session.create_dataframe([(1, 2, 3)]).to_df("b", "c", "a")
    check_answer(df1.union(df2), [Row(1, 2, 3), Row(3, 1, 2)])
    check_answer(df1.union_all(df2), [Row(1, 2, 3), Row(3, 1, 2)])
    check_answer(df1.union_by_name(df2), Row(1, 2, 3))
    check_answer(df1.union_all_by_name(df2), [Row(1, 2, 3), Row(1, 2, 3)])
    check_answer(df1.union(df3), Row(1, 2, 3))
    check_answer(df1.union_all(df3), [Row(1, 2, 3), Row(1, 2, 3)])
    check_answer(df1.union_by_name(df3), [Row(1, 2, 3), Row(3, 1, 2)])
    check_answer(df1.union_all_by_name(df3), [Row(1, 2, 3), Row(3, 1, 2)])


# test_dataframe_set_operations_suite.py::test_union_all
def test_union_all(session):
    td4 = session.create_dataframe([[i, str(i)] for i in range(1, 101)], schema=["key", "value"])
    assert td4.union(td4).union(td4).union(td4).union(td4).agg([min_(col("key")), sum_(col("key"))]).collect() == [Row(1, 5050)]
    assert td4.union_all(td4).union_all(td4).union_all(td4).union_all(td4).agg(
        [min_(col("key")), sum_(col("key"))]).collect() == [Row(1, 25250)]


# test_dataframe_set_operations_suite.py::test_union_by_name
def test_union_by_name(session):
    df1 = session.create_dataframe([(1, 2, 3)]).to_df("a", "b", "c")
    df2 = session.create_dataframe([(3, 1, 2)]).to_df("c", "a", "b")
    df3 = session.create_dataframe([(2, 3, 1)]).to_df("b", "c", "a")
    check_answer(df1.union_by_name(df2.union_by_name(df3)), Row(1, 2, 3))
    df1 = session.create_dataframe([(1, "A"), (1, "A")]).to_df("a", "c")
    df2 = session.create_dataframe([(2, 2, "B")]).to_df("a", "b", "c")
    df3 = session.create_dataframe([(3, "C", "C")]).to_df("a", "c", "e")
    raises(SnowparkClientException, lambda: df1.union_by_name(df2).collect(),
           match='Cannot union the DataFrames by column names. \\("B"\\) is in the right hand side, but not the left.')
    raises(SnowparkClientException, lambda: df3.union_by_name(df1).collect(),
           match='Cannot union the DataFrames by column names. \\("E"\\) is in the left hand side, but not the right.')


# test_dataframe_set_operations_suite.py::test_union_by_name (allow_missing_columns)
def test_union_by_name_allow_missing_columns(session):
    df1 = session.create_dataframe([(1, "A"), (1, "A")]).to_df("a", "c")
    df2 = session.create_dataframe([(2, 2, "B")]).to_df("a", "b", "c")
    df3 = session.create_dataframe([(3, "C", "C")]).to_df("a", "c", "e")
    union1 = df1.union_by_name(df2, allow_missing_columns=True)
    assert union1.columns == ["A", "C", "B"]
    check_answer(union1, [Row(A=1, C="A", B=None), Row(A=2, C="B", B=2)])
    union2 = df2.union_by_name(df3, allow_missing_columns=True)
    assert union2.columns == ["A", "B", "C", "E"]
    check_answer(union2, [Row(A=2, B=2, C="B", E=None), Row(A=3, B=None, C="C", E="C")])


# test_dataframe_set_operations_suite.py::test_unionall_by_name
def test_unionall_by_name(session):
    df1 = session.create_dataframe([(1, 2, 3)]).to_df("a", "b", "c")
    df2 = session.create_dataframe([(3, 1, 2)]).to_df("c", "a", "b")
    df3 = session.create_dataframe([(2, 3, 1)]).to_df("b", "c", "a")
    check_answer(df1.union_all_by_name(df2.union_all_by_name(df3)), [Row(1, 2, 3), Row(1, 2, 3), Row(1, 2, 3)])
    df1 = session.create_dataframe([(1, "A"), (1, "A")]).to_df("a", "c")
    df2 = session.create_dataframe([(2, 2, "B")]).to_df("a", "b", "c")
    union1 = df1.union_all_by_name(df2, allow_missing_columns=True)
    assert union1.columns == ["A", "C", "B"]
    check_answer(union1, [Row(1, "A", None), Row(1, "A", None), Row(2, "B", 2)])


# test_dataframe_set_operations_suite.py::test_union_by_quoted_name
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_union_by_quoted_name(session):
    df1 = session.create_dataframe([(1, 2, 3)]).to_df('"a"', "a", "c")
    df2 = session.create_dataframe([(3, 1, 2)]).to_df("c", '"a"', "a")
    df3 = session.create_dataframe([(2, 3, 1)]).to_df("a", "c", '"a"')
    check_answer(df1.union_by_name(df2.union_by_name(df3)), Row(1, 2, 3))
    df1 = session.create_dataframe([(1, 2, 3)]).to_df('"a"', "b", "c")
    df2 = session.create_dataframe([(4, 5, 6)]).to_df("a", "c", "b")
    raises(SnowparkClientException, lambda: df1.union_by_name(df2))


# test_dataframe_set_operations_suite.py::test_intersect_nullability
@known_difference("DuckDB result metadata reports every derived column as nullable; Snowflake tracks NOT NULL through VALUES and INTERSECT")
def test_intersect_nullability(session):
    non_nullable = session.create_dataframe([[1], [3]]).to_df("a")
    null_ints = _null_ints(session)
    assert all(not f.nullable for f in non_nullable.schema.fields)
    assert all(f.nullable for f in null_ints.schema.fields)
    df1 = non_nullable.intersect(null_ints)
    assert sorted(df1.collect(), key=lambda x: x[0]) == [Row(1), Row(3)]
    df3 = null_ints.intersect(null_ints)
    assert sorted(df3.collect(), key=lambda x: x[0] or 0) == [Row(None), Row(1), Row(2), Row(3)]


# test_dataframe_set_operations_suite.py::test_intersect
def test_intersect(session):
    lcd = _lower_case_data(session)
    assert sorted(lcd.intersect(lcd).collect(), key=lambda x: x[0]) == [Row(1, "a"), Row(2, "b"), Row(3, "c"), Row(4, "d")]
    assert lcd.intersect(_upper_case_data(session)).collect() == []
    assert _all_nulls(session).intersect(_all_nulls(session)).collect() == [Row(None)]
    df = session.create_dataframe([("id1", 1), ("id1", 1), ("id", 1), ("id1", 2)]).to_df("id", "value")
    assert sorted(df.intersect(df).collect(), key=lambda x: (x[0], x[1])) == [Row("id", 1), Row("id1", 1), Row("id1", 2)]


# test_dataframe_set_operations_suite.py::test_project_should_not_be_pushed_down_through_intersect_or_except
def test_project_not_pushed_through_intersect_or_except(session):
    df1 = session.create_dataframe([[i] for i in range(1, 101)]).to_df("i")
    df2 = session.create_dataframe([[i] for i in range(1, 31)]).to_df("i")
    assert df1.intersect(df2).count() == 30
    assert df1.except_(df2).count() == 70


# test_dataframe_set_operations_suite.py::test_except_nullability
def test_except_nullability(session):
    non_nullable = session.create_dataframe(((11,), (3,))).to_df(["a"])
    null_ints = _null_ints(session)
    check_answer(non_nullable.except_(null_ints), Row(11))
    check_answer(null_ints.except_(non_nullable), [Row(1), Row(2), Row(None)])
    check_answer(null_ints.except_(null_ints), [])


# test_dataframe_set_operations_suite.py::test_except_distinct_sql_compliance
def test_except_distinct_sql_compliance(session):
    df_left = session.create_dataframe([(1,), (2,), (2,), (3,), (3,), (4,)]).to_df("id")
    df_right = session.create_dataframe([(1,), (3,)]).to_df("id")
    check_answer(df_left.except_(df_right), [Row(2), Row(4)])


# test_dataframe_set_operations_suite.py::test_mix_set_operator
def test_mix_set_operator(session):
    df1 = session.create_dataframe([1]).to_df("a")
    df2 = session.create_dataframe([2]).to_df("a")
    df3 = session.create_dataframe([3]).to_df("a")
    check_answer(df1.union(df2).intersect(df2.union(df3)), df2.collect())
    check_answer(df1.union(df2).intersect(df2.union(df3)).union(df3), df2.union(df3).collect())
    check_answer(df1.union(df2).except_(df2.union(df3).intersect(df1.union(df2))), df1.collect())
