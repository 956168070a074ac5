"""Joins, ported from snowpark-python tests/integ/scala/test_dataframe_join_suite.py and
tests/integ/test_dataframe.py (join and suffix tests). Expected values from there; code is ours."""

import copy

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.functions import col, count
from snowflake.snowpark.types import IntegerType, StringType, StructField, StructType


# test_dataframe_join_suite.py::test_join_using
def test_join_using(session):
    df = session.create_dataframe([[i, str(i)] for i in range(1, 4)]).to_df(["int", "str"])
    df2 = session.create_dataframe([[i, str(i + 1)] for i in range(1, 4)]).to_df(["int", "str"])
    check_answer(df.join(df2, "int"), [Row(1, "1", "2"), Row(2, "2", "3"), Row(3, "3", "4")])


# test_dataframe_join_suite.py::test_join_using_multiple_columns
def test_join_using_multiple_columns(session):
    df = session.create_dataframe([[i, i + 1, str(i)] for i in range(1, 4)]).to_df(["int", "int2", "str"])
    df2 = session.create_dataframe([[i, i + 1, str(i + 1)] for i in range(1, 4)]).to_df(["int", "int2", "str"])
    check_answer(df.join(df2, ["int", "int2"]), [Row(1, 2, "1", "2"), Row(2, 3, "2", "3"), Row(3, 4, "3", "4")])


# test_dataframe_join_suite.py::test_full_outer_join_followed_by_inner_join
def test_full_outer_join_followed_by_inner_join(session):
    a = session.create_dataframe([[1, 2], [2, 3]]).to_df(["a", "b"])
    b = session.create_dataframe([[2, 5], [3, 4]]).to_df(["a", "c"])
    c = session.create_dataframe([[3, 1]]).to_df(["a", "d"])
    assert a.join(b, ["a"], "fullouter").join(c, "a").collect() == [Row(3, None, 4, 1)]


# test_dataframe_join_suite.py::test_limit_with_join
def test_limit_with_join(session):
    df = session.create_dataframe([[1, 1, "1"], [2, 2, "3"]]).to_df(["int", "int2", "str"])
    df2 = session.create_dataframe([[1, 1, "1"], [2, 3, "5"]]).to_df(["int", "int2", "str"])
    inner = df.limit(1310721).join(df2.limit(1310721), ["int", "int2"], "inner").agg(count(col("int")))
    assert inner.collect() == [Row(1)]


# test_dataframe_join_suite.py::test_default_inner_join
def test_default_inner_join(session):
    df = session.create_dataframe([1, 2]).to_df(["a"])
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    check_answer(df.join(df2), [Row(1, 1, "test1"), Row(1, 2, "test2"), Row(2, 1, "test1"), Row(2, 2, "test2")])


# test_dataframe_join_suite.py::test_default_inner_join_using_column
def test_default_inner_join_using_column(session):
    df = session.create_dataframe([1, 2]).to_df(["a"])
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    check_answer(df.join(df2, "a"), [Row(1, "test1"), Row(2, "test2")])
    check_answer(df.join(df2, "a").filter(col("a") > 1), [Row(2, "test2")])


# test_dataframe_join_suite.py::test_3_way_joins
def test_3_way_joins(session):
    df1 = session.create_dataframe([1, 2]).to_df(["a"])
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    df3 = session.create_dataframe([[f"test{i}", f"hello{i}"] for i in range(1, 3)]).to_df(["key", "val"])
    check_answer(df1.join(df2, "a").to_df(["num", "key"]).join(df3, ["key"]),
                 [Row("test1", 1, "hello1"), Row("test2", 2, "hello2")])


# test_dataframe_join_suite.py::test_default_inner_join_with_join_conditions
def test_default_inner_join_with_join_conditions(session):
    df1 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    df2 = session.create_dataframe([[i, f"num{i}"] for i in range(1, 3)]).to_df(["num", "val"])
    check_answer(df1.join(df2, df1["a"] == df2["num"]), [Row(1, "test1", 1, "num1"), Row(2, "test2", 2, "num2")])


# test_dataframe_join_suite.py::test_join_with_multiple_conditions
def test_join_with_multiple_conditions(session):
    df1 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    df2 = session.create_dataframe([[i, f"num{i}"] for i in range(1, 3)]).to_df(["num", "val"])
    assert df1.join(df2, (df1["a"] == df2["num"]) & (df1["b"] == df2["val"])).collect() == []


# test_dataframe_join_suite.py::test_join_with_ambiguous_column_in_condition
def test_join_with_ambiguous_column_in_condition(session):
    from snowflake.snowpark.exceptions import SnowparkSQLAmbiguousJoinException
    df = session.create_dataframe([1, 2]).to_df(["a"])
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    error = raises(SnowparkSQLAmbiguousJoinException, lambda: df.join(df2, col("a") == col("a")).collect())
    assert "The reference to the column 'A' is ambiguous." in error.message


# test_dataframe_join_suite.py::test_join_using_multiple_columns_and_specifying_join_type
def test_join_using_multiple_columns_and_specifying_join_type(session):
    schema = StructType([StructField("int", IntegerType()), StructField("int2", IntegerType()), StructField("str", StringType())])
    session.create_dataframe([[1, 2, "1"], [3, 4, "3"]], schema=schema).write.save_as_table("join_t1", table_type="temporary")
    session.create_dataframe([[1, 3, "1"], [5, 6, "5"]], schema=schema).write.save_as_table("join_t2", table_type="temporary")
    df = session.table("join_t1")
    df2 = session.table("join_t2")
    check_answer(df.join(df2, ["int", "str"], "inner"), [Row(1, "1", 2, 3)])
    check_answer(df.join(df2, ["int", "str"], "left"), [Row(1, "1", 2, 3), Row(3, "3", 4, None)])
    check_answer(df.join(df2, ["int", "str"], "right"), [Row(1, "1", 2, 3), Row(5, "5", None, 6)])
    check_answer(df.join(df2, ["int", "str"], "outer"), [Row(1, "1", 2, 3), Row(3, "3", 4, None), Row(5, "5", None, 6)])
    check_answer(df.join(df2, ["int", "str"], "left_semi"), [Row(1, 2, "1")])
    check_answer(df.join(df2, ["int", "str"], "semi"), [Row(1, 2, "1")])
    check_answer(df.join(df2, ["int", "str"], "left_anti"), [Row(3, 4, "3")])
    check_answer(df.join(df2, ["int", "str"], "anti"), [Row(3, 4, "3")])


# test_dataframe_join_suite.py::test_join_using_conditions_and_specifying_join_type
def test_join_using_conditions_and_specifying_join_type(session):
    df1 = session.create_dataframe([[1, 2, "1"], [3, 4, "3"]], schema=["a1", "b1", "str1"])
    df2 = session.create_dataframe([[1, 3, "1"], [5, 6, "5"]], schema=["a2", "b2", "str2"])
    cond = (df1["a1"] == df2["a2"]) & (df1["str1"] == df2["str2"])
    check_answer(df1.join(df2, cond, "left_semi"), [Row(1, 2, "1")])
    check_answer(df1.join(df2, cond, "semi"), [Row(1, 2, "1")])
    check_answer(df1.join(df2, cond, "left_anti"), [Row(3, 4, "3")])
    check_answer(df1.join(df2, cond, "anti"), [Row(3, 4, "3")])


# test_dataframe_join_suite.py::test_natural_join
def test_natural_join(session):
    df = session.create_dataframe([1, 2]).to_df("a")
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df("a", "b")
    check_answer(df.natural_join(df2), [Row(1, "test1"), Row(2, "test2")])


# test_dataframe_join_suite.py::test_natural_outer_join
def test_natural_outer_join(session):
    df1 = session.create_dataframe([[1, "1"], [3, "3"]]).to_df("a", "b")
    df2 = session.create_dataframe([[1, "1"], [4, "4"]]).to_df("a", "c")
    check_answer(df1.natural_join(df2, "left"), [Row(1, "1", "1"), Row(3, "3", None)])
    check_answer(df1.natural_join(df2, "right"), [Row(1, "1", "1"), Row(4, None, "4")])
    check_answer(df1.natural_join(df2, "outer"), [Row(1, "1", "1"), Row(3, "3", None), Row(4, None, "4")])


# test_dataframe_join_suite.py::test_cross_join
def test_cross_join(session):
    df1 = session.create_dataframe([[1, "1"], [3, "3"]]).to_df(["int", "str"])
    df2 = session.create_dataframe([[2, "2"], [4, "4"]]).to_df(["int", "str"])
    check_answer(df1.cross_join(df2), [Row(1, "1", 2, "2"), Row(1, "1", 4, "4"), Row(3, "3", 2, "2"), Row(3, "3", 4, "4")])
    check_answer(df2.cross_join(df1), [Row(2, "2", 1, "1"), Row(2, "2", 3, "3"), Row(4, "4", 1, "1"), Row(4, "4", 3, "3")])


# test_dataframe_join_suite.py::test_join_ambiguous_columns_with_specified_sources
def test_join_ambiguous_columns_with_specified_sources(session):
    df = session.create_dataframe([1, 2]).to_df(["a"])
    df2 = session.create_dataframe([[i, f"test{i}"] for i in range(1, 3)]).to_df(["a", "b"])
    check_answer(df.join(df2, df["a"] == df2["a"]), [Row(1, 1, "test1"), Row(2, 2, "test2")])
    check_answer(df.join(df2, df["a"] == df2["a"]).select(df["a"] * df2["a"], "b"), [Row(1, "test1"), Row(4, "test2")])


# test_dataframe_join_suite.py::test_join_ambiguous_columns_without_specified_sources
def test_join_ambiguous_columns_without_specified_sources(session):
    from snowflake.snowpark.exceptions import SnowparkSQLAmbiguousJoinException
    df = session.create_dataframe([[1, "one"], [2, "two"]]).to_df(["intcol", " stringcol"])
    df2 = session.create_dataframe([[1, "one"], [3, "three"]]).to_df(["intcol", " bcol"])
    for join_type in ["inner", "leftouter", "rightouter", "full_outer"]:
        error = raises(SnowparkSQLAmbiguousJoinException,
                       lambda: df.join(df2, col("intcol") == col("intcol"), join_type).collect())
        assert "The reference to the column 'INTCOL' is ambiguous." in error.message
        error = raises(SnowparkSQLAmbiguousJoinException,
                       lambda: df.join(df2, df["intcol"] == df2["intcol"], join_type).select("intcol").collect())
        assert "The reference to the column 'INTCOL' is ambiguous." in error.message


# test_dataframe_join_suite.py::test_join_expression_ambiguous_columns
def test_join_expression_ambiguous_columns(session):
    lhs = session.create_dataframe([[1, -1, "one"], [2, -2, "two"]]).to_df(["intcol", "negcol", "lhscol"])
    rhs = session.create_dataframe([[1, -10, "one"], [2, -20, "two"]]).to_df(["intcol", "negcol", "rhscol"])
    df = lhs.join(rhs, lhs["intcol"] == rhs["intcol"]).select(
        lhs["intcol"] + rhs["intcol"], lhs["negcol"], rhs["negcol"], "lhscol", "rhscol")
    check_answer(df, [Row(2, -1, -10, "one", "one"), Row(4, -2, -20, "two", "two")])


# test_dataframe_join_suite.py::test_semi_join_with_columns_from_LHS
def test_semi_join_with_columns_from_lhs(session):
    lhs = session.create_dataframe([[1, -1, "one"], [2, -2, "two"]]).to_df(["intcol", "negcol", "lhscol"])
    rhs = session.create_dataframe([[1, -10, "one"], [2, -20, "two"]]).to_df(["intcol", "negcol", "rhscol"])
    check_answer(lhs.join(rhs, lhs["intcol"] == rhs["intcol"], "leftsemi").select("intcol"), [Row(1), Row(2)])
    check_answer(rhs.join(lhs, lhs["intcol"] == rhs["intcol"], "leftsemi").select("intcol"), [Row(1), Row(2)])
    check_answer(lhs.join(rhs, (lhs["intcol"] == rhs["intcol"]) & (lhs["negcol"] == rhs["negcol"]), "leftsemi")
                 .select(lhs["intcol"]), [])
    check_answer(lhs.join(rhs, lhs["intcol"] == rhs["intcol"], "leftanti").select("intcol"), [])
    check_answer(lhs.join(rhs, (lhs["intcol"] == rhs["intcol"]) & (lhs["negcol"] == rhs["negcol"]), "leftanti")
                 .select(lhs["intcol"]), [Row(1), Row(2)])


# test_dataframe_join_suite.py::test_using_joins (inner, leftouter, rightouter, fullouter)
def test_using_joins(session):
    from snowflake.snowpark.exceptions import SnowparkSQLAmbiguousJoinException
    lhs = session.create_dataframe([[1, -1, "one"], [2, -2, "two"]]).to_df(["intcol", "negcol", "lhscol"])
    rhs = session.create_dataframe([[1, -10, "one"], [2, -20, "two"]]).to_df(["intcol", "negcol", "rhscol"])
    for join_type in ["inner", "leftouter", "rightouter", "fullouter"]:
        expected = [Row(1, -1, "one", -10, "one"), Row(2, -2, "two", -20, "two")]
        check_answer(lhs.join(rhs, ["intcol"], join_type).select("*"), expected)
        check_answer(lhs.join(rhs, ["intcol"], join_type), expected)
        error = raises(SnowparkSQLAmbiguousJoinException,
                       lambda: lhs.join(rhs, ["intcol"], join_type).select("negcol").collect())
        assert "reference to the column 'NEGCOL' is ambiguous" in error.message
        check_answer(lhs.join(rhs, ["intcol"], join_type).select("intcol"), [Row(1), Row(2)])
        check_answer(lhs.join(rhs, ["intcol"], join_type).select(lhs["negcol"], rhs["negcol"]), [Row(-1, -10), Row(-2, -20)])


# test_dataframe_join_suite.py::test_columns_with_and_without_quotes
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_columns_with_and_without_quotes(session):
    lhs = session.create_dataframe([[1, 1.0]]).to_df(["intcol", "doublecol"])
    rhs = session.create_dataframe([[1, 2.0]]).to_df(['"INTCOL"', '"DoubleCol"'])
    assert lhs.join(rhs, lhs["intcol"] == rhs["intcol"]).select(
        lhs['"INTCOL"'], rhs["intcol"], "doublecol", col('"DoubleCol"')).collect() == [Row(1, 1, 1.0, 2.0)]
    assert lhs.join(rhs, lhs["doublecol"] == rhs['"DoubleCol"']).select(
        lhs['"INTCOL"'], rhs["intcol"], "doublecol", col('"DoubleCol"')).collect() == []


# test_dataframe_join_suite.py::test_aliases_multiple_levels_deep
def test_aliases_multiple_levels_deep(session):
    lhs = session.create_dataframe([[1, -1, "one"], [2, -2, "two"]]).to_df(["intcol", "negcol", "lhscol"])
    rhs = session.create_dataframe([[1, -10, "one"], [2, -20, "two"]]).to_df(["intcol", "negcol", "rhscol"])
    check_answer(
        lhs.join(rhs, lhs["intcol"] == rhs["intcol"])
        .select((lhs["negcol"] + rhs["negcol"]).alias("newCol"), lhs["intcol"], rhs["intcol"])
        .select((lhs["intcol"] + rhs["intcol"]), "newCol"),
        [Row(2, -11), Row(4, -22)])


# test_dataframe_join_suite.py::test_negative_test_for_self_join_with_conditions
def test_negative_test_for_self_join_with_conditions(session):
    from snowflake.snowpark.exceptions import SnowparkJoinException
    session.create_dataframe([[1, 2], [2, 3]], schema=["c1", "c2"]).write.save_as_table("join_self_neg")
    df = session.table("join_self_neg")
    from snowflake.snowpark import DataFrame
    for df2 in [df, DataFrame(df._session, df._plan)]:
        for join_type in ["inner", "left", "right", "outer"]:
            error = raises(SnowparkJoinException, lambda: df.join(df2, df["c1"] == df["c2"], join_type).collect())
            assert "You cannot join a DataFrame with itself because the column references cannot be resolved correctly" in error.message


# tests/integ/test_multithreading.py::create_aliased_df: a DataFrame joins one built from it, and
# df1.a names the left side (its two rows, each joined with the right's one)
def test_join_with_a_dataframe_built_from_it(session):
    df1 = session.create_dataframe([[1, 2], [3, 4]], schema=["a", "b"])
    df2 = df1.join(df1.filter(col("a") == 1)).select(df1.a.alias("a1"))
    check_answer(df2, [Row(A1=1), Row(A1=3)])
    check_answer(df2.select(df2.a1), [Row(A1=1), Row(A1=3)])


# test_dataframe_join_suite.py::test_clone_can_help_these_self_joins
def test_clone_can_help_these_self_joins(session):
    schema = StructType([StructField("c1", IntegerType()), StructField("c2", IntegerType())])
    session.create_dataframe([[1, 2], [2, 3]], schema=schema).write.save_as_table("join_self_clone", table_type="temporary")
    df = session.table("join_self_clone")
    cloned = copy.copy(df)
    check_answer(df.join(cloned, df["c1"] == cloned["c2"]), [Row(2, 3, 1, 2)])
    check_answer(df.join(cloned, df["c1"] == cloned["c2"], "left"), [Row(1, 2, None, None), Row(2, 3, 1, 2)])
    check_answer(df.join(cloned, df["c1"] == cloned["c2"], "right"), [Row(None, None, 2, 3), Row(2, 3, 1, 2)])
    check_answer(df.join(cloned, df["c1"] == cloned["c2"], "outer"),
                 [Row(None, None, 2, 3), Row(1, 2, None, None), Row(2, 3, 1, 2)])


# test_dataframe_join_suite.py::test_natural_cross_joins
def test_natural_cross_joins(session):
    df1 = session.create_dataframe([[1, 2], [2, 3]], schema=["c1", "c2"])
    df2 = df1
    check_answer(df1.natural_join(df2), [Row(1, 2), Row(2, 3)])
    check_answer(df1.natural_join(copy.copy(df1)), [Row(1, 2), Row(2, 3)])
    check_answer(df1.cross_join(df2), [Row(1, 2, 1, 2), Row(1, 2, 2, 3), Row(2, 3, 1, 2), Row(2, 3, 2, 3)])


# test_dataframe_join_suite.py::test_join_of_join
def test_join_of_join(session):
    session.create_dataframe([[1, 1], [2, 2]], schema=["c1", "c2"]).write.save_as_table("join_of_join", table_type="temporary")
    df_l = session.table("join_of_join")
    df_r = copy.copy(df_l)
    df_j = df_l.join(df_r, df_l["c1"] == df_r["c1"])
    check_answer(df_j, [Row(1, 1, 1, 1), Row(2, 2, 2, 2)])
    df_j_clone = copy.copy(df_j)
    name = df_j.schema.fields[0].name
    check_answer(df_j.join(df_j_clone, df_j[name] == df_j_clone[name]),
                 [Row(1, 1, 1, 1, 1, 1, 1, 1), Row(2, 2, 2, 2, 2, 2, 2, 2)])


# test_dataframe_join_suite.py::test_drop_on_join
def test_drop_on_join(session):
    session.create_dataframe([[1, "a", True], [2, "b", False]]).to_df("a", "b", "c").write.save_as_table("join_drop_1", table_type="temporary")
    session.create_dataframe([[3, "a", True], [4, "b", False]]).to_df("a", "b", "c").write.save_as_table("join_drop_2", table_type="temporary")
    df1 = session.table("join_drop_1")
    df2 = session.table("join_drop_2")
    df3 = df1.join(df2, df1["c"] == df2["c"]).drop(df1["a"], df2["b"], df1["c"])
    check_answer(df3, [Row("a", 3, True), Row("b", 4, False)])
    check_answer(df3.drop(df2["c"], df1["b"], col("other")), [Row(3), Row(4)])


# test_dataframe_join_suite.py::test_with_column_on_join
def test_with_column_on_join(session):
    df1 = session.create_dataframe([[1, "a", True], [2, "b", False]]).to_df("a", "b", "c")
    df2 = session.create_dataframe([[3, "a", True], [4, "b", False]]).to_df("a", "b", "c")
    check_answer(
        df1.join(df2, df1["c"] == df2["c"]).drop(df1["b"], df2["b"], df1["c"]).with_column("newColumn", df1["a"] + df2["a"]),
        [Row(1, 3, True, 4), Row(2, 4, False, 6)])


# test_dataframe_join_suite.py::test_report_error_when_refer_common_col
def test_report_error_when_refer_common_col(session):
    from snowflake.snowpark.exceptions import SnowparkSQLAmbiguousJoinException
    df1 = session.create_dataframe([[1, 2]]).to_df(["a", "b"])
    df2 = session.create_dataframe([[1, 2]]).to_df(["c", "d"])
    df3 = session.create_dataframe([[1, 2]]).to_df(["e", "f"])
    df6 = df1.join(df2, df1["a"] == df2["c"]).join(df3.join(df2, df2["c"] == df3["e"]), col("a") == col("e"))
    error = raises(SnowparkSQLAmbiguousJoinException, lambda: df6.select("*").select(df2["c"]).collect())
    assert "The reference to the column 'C' is ambiguous." in error.message


# test_dataframe_join_suite.py::test_select_all_on_join_result
def test_select_all_on_join_result(session):
    df_left = session.create_dataframe([[1, 2]]).to_df("a", "b")
    df_right = session.create_dataframe([[3, 4]]).to_df("c", "d")
    df = df_left.join(df_right)
    check_answer(df.select("*"), [Row(1, 2, 3, 4)])
    check_answer(df.select(df["*"]), [Row(1, 2, 3, 4)])
    check_answer(df.select(df_left["*"], df_right["*"]), [Row(1, 2, 3, 4)])
    assert df.select(df_right["*"], df_left["*"]).columns == ["C", "D", "A", "B"]
    check_answer(df.select(df_right["*"], df_left["*"]), [Row(3, 4, 1, 2)])


# test_dataframe.py::test_join_inner
def test_join_inner_on_range(session):
    assert session.range(3, 8).join(session.range(5, 10), "id").sort("id").collect() == [Row(5), Row(6), Row(7)]
    assert session.range(3, 8).join(session.range(5, 10), "id", "inner").sort("id").collect() == [Row(5), Row(6), Row(7)]
    df1 = session.range(3, 8).select([col("id"), col("id").alias("id_prime")])
    df2 = session.range(5, 10).select([col("id"), col("id").alias("id_prime")])
    assert df1.join(df2, "id").sort("id").collect() == [Row(5, 5, 5), Row(6, 6, 6), Row(7, 7, 7)]


# test_dataframe.py::test_join_left_anti
def test_join_left_anti_on_range(session):
    res = session.range(3, 8).join(session.range(5, 10), "id", "left_anti").collect()
    assert sorted(res, key=lambda r: r[0]) == [Row(3), Row(4)]
    df1 = session.range(3, 8).select([col("id"), col("id").alias("id_prime")])
    df3 = session.create_dataframe([[i if i & 2 else None] for i in range(3, 8)], schema=["id"])
    assert df3.join(df1, "id", "leftanti").collect() == [Row(ID=None), Row(ID=None)]


# test_dataframe.py::test_join_left_outer
def test_join_left_outer_on_range(session):
    df1 = session.range(3, 8).select([col("id"), col("id").alias("id_prime1")])
    df2 = session.range(5, 10).select([col("id"), col("id").alias("id_prime2")])
    res = df1.join(df2, "id", "left_outer").collect()
    assert sorted(res, key=lambda r: r[0]) == [Row(3, 3, None), Row(4, 4, None), Row(5, 5, 5), Row(6, 6, 6), Row(7, 7, 7)]


# test_dataframe.py::test_df_join_suffix
def test_df_join_suffix(session):
    df1 = session.create_dataframe([[1, 1, "1"], [2, 2, "3"]]).to_df(["a", "b", "c"])
    df2 = session.create_dataframe([[1, 1, "1"], [2, 3, "5"]]).to_df(["a", "b", "c"])
    cond = (df1["a"] == df2["a"]) & (df1["b"] == df2["b"])
    df3 = df1.join(df2, cond, lsuffix="_l", rsuffix="_r")
    assert df3.columns == ["A_L", "B_L", "C_L", "A_R", "B_R", "C_R"]
    check_answer(df3, Row(A_L=1, B_L=1, C_L="1", A_R=1, B_R=1, C_R="1"))
    assert df1.join(df2, cond, lsuffix="_l").columns == ["A_L", "B_L", "C_L", "A", "B", "C"]
    assert df1.join(df2, cond, rsuffix="_r").columns == ["A", "B", "C", "A_R", "B_R", "C_R"]
    df6 = df1.join(df2, cond)
    assert all(c.startswith('"l_') for c in df6.columns[:3]) and all(c.startswith('"r_') for c in df6.columns[3:])
    assert df1.join(df2, cond, lsuffix='"_l"', rsuffix='"_r"').columns == ['"A_l"', '"B_l"', '"C_l"', '"A_r"', '"B_r"', '"C_r"']
    assert df1.join(df2, cond, lsuffix="8l", rsuffix="9r").columns == ["A8L", "B8L", "C8L", "A9R", "B9R", "C9R"]
    assert df1.join(df2, cond, lsuffix="8 l", rsuffix="9 r").columns == ['"A8 l"', '"B8 l"', '"C8 l"', '"A9 r"', '"B9 r"', '"C9 r"']


# test_dataframe.py::test_df_cross_join_suffix
def test_df_cross_join_suffix(session):
    df1 = session.create_dataframe([[1, 1, "1"]]).to_df(["a", "b", "c"])
    df2 = session.create_dataframe([[1, 1, "1"]]).to_df(["a", "b", "c"])
    df3 = df1.cross_join(df2, lsuffix="_l", rsuffix="_r")
    assert df3.columns == ["A_L", "B_L", "C_L", "A_R", "B_R", "C_R"]
    check_answer(df3, Row(A_L=1, B_L=1, C_L="1", A_R=1, B_R=1, C_R="1"))
    df11 = session.create_dataframe([[1]]).to_df(['"a"'])
    df12 = session.create_dataframe([[1]]).to_df(['"a"'])
    assert df11.cross_join(df12, lsuffix="_l", rsuffix="_r").columns == ['"a_l"', '"a_r"']


# test_dataframe.py::test_suffix_negative
def test_suffix_negative(session):
    df1 = session.create_dataframe([[1, 1, "1"]]).to_df(["a", "b", "c"])
    df2 = session.create_dataframe([[1, 1, "1"]]).to_df(["a", "b", "c"])
    raises(ValueError, lambda: df1.cross_join(df2, lsuffix="suffix", rsuffix="suffix"),
           match="'lsuffix' and 'rsuffix' must be different if they're not empty")
    raises(ValueError, lambda: df1.join(df2, lsuffix="suffix", rsuffix="suffix"),
           match="'lsuffix' and 'rsuffix' must be different if they're not empty")
