"""DataFrame methods, ported from snowpark-python tests/integ/scala/test_dataframe_suite.py
(expected values from those tests; the code is ours)."""

import contextlib
import datetime
import io
import math
from decimal import Decimal

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.exceptions import SnowparkColumnException, SnowparkSQLException
from snowflake.snowpark.functions import col, lit, max as max_, min as min_, mean, sum as sum_, parse_json
from snowflake.snowpark.types import (
    BooleanType, DateType, DecimalType, DoubleType, IntegerType, LongType, StringType, StructField,
    StructType, TimestampType, TimeType, BinaryType,
)


def _show(df, *args):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        df.show(*args)
    return out.getvalue()


def _double3(session):
    # TestData.double3
    return session.sql(
        "select * from values(1.0, 1),('NaN'::Double, 2),(null, 3),"
        "(4.0, null), (null, null), ('NaN'::Double, null) as T(a, b)")


def _null_data3(session):
    # TestData.null_data3
    return session.sql(
        "select * from values(1.0, 1, true, 'a'),('NaN'::Double, 2, null, 'b'),"
        "(null, 3, false, null), (4.0, null, null, 'd'), (null, null, null, null),"
        "('NaN'::Double, null, null, null) as T(flo, int, boo, str)")


def _countries(session):
    return session.create_dataframe([
        ("country A", "state A", 50), ("country A", "state A", 50), ("country A", "state B", 5),
        ("country A", "state B", 5), ("country B", "state A", 100), ("country B", "state A", 100),
        ("country B", "state B", 10), ("country B", "state B", 10),
    ]).to_df(["country", "state", "value"])


# test_dataframe_suite.py::test_null_data_in_tables
def test_null_data_in_tables(session):
    session.sql("create or replace table df_null_tbl (num int)").collect()
    session.sql("insert into df_null_tbl values(null),(null),(null)").collect()
    assert session.table("df_null_tbl").collect() == [Row(None), Row(None), Row(None)]


# test_dataframe_suite.py::test_null_data_in_local_relation_with_filters
def test_null_data_in_local_relation_with_filters(session):
    df = session.create_dataframe([[1, None], [2, "NotNull"], [3, None]]).to_df(["a", "b"])
    assert df.collect() == [Row(1, None), Row(2, "NotNull"), Row(3, None)]
    assert df.filter(col("b").is_null()).collect() == [Row(1, None), Row(3, None)]
    assert df.filter(col("b").is_not_null()).collect() == [Row(2, "NotNull")]
    assert df.sort(col("b").asc_nulls_last(), col("a")).collect() == [Row(2, "NotNull"), Row(1, None), Row(3, None)]


# test_dataframe_suite.py::test_project_null_values
@known_difference("DuckDB types an untyped NULL inside a subquery as INTEGER, so lit(None) describes as LongType, not StringType")
def test_project_null_values(session):
    df = session.create_dataframe([1, 2]).to_df("a").with_column("b", lit(None))
    assert df.collect() == [Row(1, None), Row(2, None)]
    df2 = session.create_dataframe([1, 2]).to_df("a").select(lit(None))
    assert len(df2.schema.fields) == 1
    assert df2.schema.fields[0].datatype == StringType()
    assert df2.collect() == [Row(None), Row(None)]


# test_dataframe_suite.py::test_write_null_data_to_table
def test_write_null_data_to_table(session):
    df = session.create_dataframe([(1, None), (2, None), (3, None)]).to_df("a", "b")
    df.write.save_as_table("df_write_null")
    check_answer(session.table("df_write_null"), df.collect())


# test_dataframe_suite.py::test_view_should_be_updated
def test_view_should_be_updated(session):
    df = session.create_dataframe([(1, 2), (3, 4)], schema=["a", "b"])
    df.write.save_as_table("df_view_src", table_type="temporary")
    session.table("df_view_src").select(sum_(col("a")), sum_(col("b"))).create_or_replace_view("df_view_sum")
    check_answer(session.table("df_view_sum"), [Row(4, 6)])
    session.create_dataframe([(5, 6), (7, 8)], schema=["a", "b"]).write.save_as_table("df_view_src", mode="append")
    check_answer(session.table("df_view_sum"), [Row(16, 20)])


# test_dataframe_suite.py::test_create_or_replace_view_with_null_data
def test_create_or_replace_view_with_null_data(session):
    df = session.create_dataframe([[1, None], [2, "NotNull"], [3, None]]).to_df(["a", "b"])
    df.create_or_replace_view("df_view_nulls")
    res = session.table("df_view_nulls").collect()
    res.sort(key=lambda x: x[0])
    assert res == [Row(1, None), Row(2, "NotNull"), Row(3, None)]


# test_dataframe_suite.py::test_adjust_column_width_of_show
def test_adjust_column_width_of_show(session):
    df = session.create_dataframe([[1, None], [2, "NotNull"]]).to_df("a", "b")
    assert _show(df, 10, 4) == (
        "--------------\n"
        '|"A"  |"B"   |\n'
        "--------------\n"
        "|1    |NULL  |\n"
        "|2    |N...  |\n"
        "--------------\n")


# test_dataframe_suite.py::test_show_with_null_data
def test_show_with_null_data(session):
    df = session.create_dataframe([[1, None], [2, "NotNull"]]).to_df("a", "b")
    assert _show(df, 10) == (
        "-----------------\n"
        '|"A"  |"B"      |\n'
        "-----------------\n"
        "|1    |NULL     |\n"
        "|2    |NotNull  |\n"
        "-----------------\n")


# test_dataframe_suite.py::test_show_multi_lines_row
def test_show_multi_lines_row(session):
    df = session.create_dataframe(
        [("line1\nline2", None), ("single line", "NotNull\none more line\nlast line")]).to_df("a", "b")
    assert _show(df, 2) == (
        "-------------------------------\n"
        '|"A"          |"B"            |\n'
        "-------------------------------\n"
        "|line1        |NULL           |\n"
        "|line2        |               |\n"
        "|single line  |NotNull        |\n"
        "|             |one more line  |\n"
        "|             |last line      |\n"
        "-------------------------------\n")


# test_dataframe_suite.py::test_show
def test_show(session):
    df = session.create_dataframe([[1, True, "a"], [2, False, "b"]], schema=["num", "bool", "str"])
    assert _show(df) == (
        "--------------------------\n"
        '|"NUM"  |"BOOL"  |"STR"  |\n'
        "--------------------------\n"
        "|1      |True    |a      |\n"
        "|2      |False   |b      |\n"
        "--------------------------\n")


# test_dataframe_suite.py::test_limit (show of limit(1) and limit(0))
def test_limit_show(session):
    df = session.create_dataframe([[1, 2], [2, 3]]).to_df("a", "b")
    assert _show(df.limit(1)) == (
        "-------------\n"
        '|"A"  |"B"  |\n'
        "-------------\n"
        "|1    |2    |\n"
        "-------------\n")
    assert _show(df.limit(0)) == (
        "-------------\n"
        '|"A"  |"B"  |\n'
        "-------------\n"
        "|     |     |\n"
        "-------------\n")


# test_dataframe_suite.py::test_cache_result
def test_cache_result(session):
    session.create_dataframe([[1], [2]], schema=["num"]).write.save_as_table("df_cache_t")
    df = session.table("df_cache_t")
    check_answer(df, [Row(1), Row(2)])
    session.create_dataframe([[3]], schema=["num"]).write.save_as_table("df_cache_t", mode="append")
    check_answer(df, [Row(1), Row(2), Row(3)])
    df1 = df.cache_result()
    session.create_dataframe([[4]], schema=["num"]).write.save_as_table("df_cache_t", mode="append")
    check_answer(df1, [Row(1), Row(2), Row(3)])
    check_answer(df, [Row(1), Row(2), Row(3), Row(4)])
    check_answer(df1.where(col("num") > 2), [Row(3)])
    check_answer(df.where(col("num") > 2), [Row(3), Row(4)])
    session.table("df_cache_t").drop_table()
    check_answer(df1, [Row(1), Row(2), Row(3)])


# test_dataframe_suite.py::test_select_star
def test_select_star(session):
    df = session.create_dataframe([[0.1, 0.5], [0.2, 0.6], [0.3, 0.7]], schema=["a", "b"])
    expected = df.collect()
    assert df.select("*").collect() == expected
    assert df.select(df.col("*")).collect() == expected


# test_dataframe_suite.py::test_first
def test_first(session):
    integer1 = session.create_dataframe([[1], [2], [3]]).to_df(["a"])
    assert integer1.first() == Row(1)
    assert session.create_dataframe([[None], [2], [1], [3], [None]], schema=["a"]).first() == Row(None)
    assert integer1.filter(col("a") < 0).first() is None
    assert sorted(integer1.first(2), key=lambda x: x[0]) == [Row(1), Row(2)]
    assert sorted(integer1.first(3), key=lambda x: x[0]) == [Row(1), Row(2), Row(3)]
    assert sorted(integer1.first(10), key=lambda x: x[0]) == [Row(1), Row(2), Row(3)]
    assert sorted(integer1.first(-10), key=lambda x: x[0]) == [Row(1), Row(2), Row(3)]


# test_dataframe_suite.py::test_sample_with_row_count
def test_sample_with_row_count(session):
    df = session.range(10000)
    assert df.sample(n=0).count() == 0
    assert df.sample(n=1000).count() == 1000
    assert df.sample(n=10000).count() == 10000
    assert df.sample(n=10010).count() == 10000
    assert len(df.sample(n=1000).collect()) == 1000


# test_dataframe_suite.py::test_sample_with_frac
def test_sample_with_frac(session):
    df = session.range(10000)
    assert df.sample(frac=0.0).count() == 0
    assert abs(df.sample(frac=0.5).count() - 5000) < 5000 * 0.4
    assert df.sample(frac=1.0).count() == 10000


# test_dataframe_suite.py::test_sample_negative
def test_sample_negative(session):
    df = session.range(10000)
    raises(ValueError, lambda: df.sample(n=-1))
    raises(ValueError, lambda: df.sample(frac=-0.01))
    raises(ValueError, lambda: df.sample(frac=1.01))
    raises(ValueError, lambda: df.sample(), match="'frac' and 'n' cannot both be None")


# test_dataframe_suite.py::test_toDf
def test_to_df_names(session):
    df1 = session.create_dataframe([1, 2, 3]).to_df("a")
    assert df1.count() == 3 and len(df1.schema.fields) == 1 and df1.schema.fields[0].name == "A"
    assert _show(df1) == '-------\n|"A"  |\n-------\n|1    |\n|2    |\n|3    |\n-------\n'
    df3 = session.create_dataframe([(1, None), (2, "NotNull"), (3, None)]).to_df("a", "b")
    assert df3.count() == 3 and [f.name for f in df3.schema.fields] == ["A", "B"]
    df6 = session.create_dataframe([(1, None, "a"), (2, "NotNull", "a"), (3, None, "a")]).to_df(["a", "b", "c"])
    assert df6.count() == 3 and df6.schema.fields[0].name == "A" and df6.schema.fields[-1].name == "C"


# test_dataframe_suite.py::test_toDF_negative_test
def test_to_df_negative(session):
    values = session.create_dataframe([[1, None], [2, "NotNull"], [3, None]])
    raises(ValueError, lambda: values.to_df(), match="The number of columns doesn't match")
    raises(ValueError, lambda: values.to_df("a"), match="The number of columns doesn't match")
    raises(ValueError, lambda: values.to_df(["a", "b", "c"]), match="The number of columns doesn't match")


# test_dataframe_suite.py::test_to_df
def test_to_df_on_range(session):
    expected = [Row(1), Row(3), Row(5), Row(7), Row(9)]
    check_answer(session.range(1, 10, 2).to_df("col1"), expected)
    check_answer(session.range(1, 10, 2).to_df(["col1"]), expected)
    raises(TypeError, lambda: session.range(1, 10, 2).to_df([1]),
           match="Invalid input type in to_df\\(\\), expected str or a list of strs")


# test_dataframe_suite.py::test_sort
def test_sort(session):
    df = session.create_dataframe([(1, 1), (1, 2), (1, 3), (2, 1), (2, 2), (2, 3), (3, 1), (3, 2), (3, 3)]).to_df("a", "b")
    rows = df.sort(col("a").desc(), col("b").desc()).collect()
    assert rows == sorted(rows, key=lambda r: (-r[0], -r[1]))
    assert rows[0] == Row(3, 3) and rows[-1] == Row(1, 1)
    rows = df.sort(col("a").asc(), col("b").desc()).collect()
    assert rows[0] == Row(1, 3) and rows[-1] == Row(3, 1)


# test_dataframe_suite.py::test_sort_with_array_arg
def test_sort_with_array_arg(session):
    df = session.create_dataframe([(1, 1, 1), (2, 0, 4), (1, 2, 3)]).to_df("col1", "col2", "col3")
    check_answer(df.sort([col("col1").asc(), col("col2").desc(), col("col3")]),
                 [Row(1, 2, 3), Row(1, 1, 1), Row(2, 0, 4)], sort=False)


# test_dataframe_suite.py::test_select
def test_select(session):
    df = session.create_dataframe([(1, "a", 10), (2, "b", 20), (3, "c", 30)]).to_df(["a", "b", "c"])
    expected = [Row(1), Row(2), Row(3)]
    assert df.select("a").collect() == expected
    assert df.select(["a"]).collect() == expected
    assert df.select(col("a")).collect() == expected
    assert df.select([col("a")]).collect() == expected
    expected = [Row(1, "a", 10), Row(2, "b", 20), Row(3, "c", 30)]
    assert df.select(["a", "b", "c"]).collect() == expected
    assert df.select(col("a"), col("b"), col("c")).collect() == expected
    assert df.select(col("b"), col("a") + col("c")).collect() == [Row("a", 11), Row("b", 22), Row("c", 33)]
    assert df.select([col("b"), col("a") + col("c")]).collect() == [Row("a", 11), Row("b", 22), Row("c", 33)]


# test_dataframe_suite.py::test_select_negative_select
def test_select_negative_select(session):
    df = session.create_dataframe([(1, "a", 10), (2, "b", 20), (3, "c", 30)]).to_df(["a", "b", "c"])
    raises(ValueError, lambda: df.select(), match="The input of select\\(\\) cannot be empty")
    raises(ValueError, lambda: df.select([]), match="The input of select\\(\\) cannot be empty")
    raises(SnowparkSQLException, lambda: df.select("not_exists_column").collect(), match="SQL compilation error")
    raises(SnowparkSQLException, lambda: df.select(col("not_exists_column")).collect(), match="SQL compilation error")


# test_dataframe_suite.py::test_drop_and_dropcolumns
def test_drop_and_dropcolumns(session):
    df = session.create_dataframe([(1, "a", 10), (2, "b", 20), (3, "c", 30)]).to_df(["a", "b", "c"])
    full = [Row(1, "a", 10), Row(2, "b", 20), Row(3, "c", 30)]
    assert df.drop("not_exist_column").collect() == full
    assert df.drop(col("not_exist_column")).collect() == full
    assert df.drop("a").collect() == [Row("a", 10), Row("b", 20), Row("c", 30)]
    assert df.drop([col("a")]).collect() == [Row("a", 10), Row("b", 20), Row("c", 30)]
    assert df.drop("b").collect() == [Row(1, 10), Row(2, 20), Row(3, 30)]
    assert df.drop("b", "c").collect() == [Row(1), Row(2), Row(3)]
    assert df.drop([col("b"), col("c")]).collect() == [Row(1), Row(2), Row(3)]
    raises(SnowparkColumnException, lambda: df.drop("a", "b", "c"), match="Cannot drop all column")
    raises(SnowparkColumnException, lambda: df.drop([col("a"), col("b"), col("c")]), match="Cannot drop all column")


# test_dataframe_suite.py::test_dataframe_agg
def test_dataframe_agg(session):
    df = session.create_dataframe([(1, "One"), (2, "Two"), (3, "Three")]).to_df("empid", "name")
    assert df.agg(max_(col("empid"))).collect() == [Row(3)]
    assert df.agg([min_(col("empid"))]).collect() == [Row(1)]
    assert df.agg({"empid": "max"}).collect() == [Row(3)]
    assert df.agg(("empid", "max")).collect() == [Row(3)]
    assert df.agg([("empid", "max")]).collect() == [Row(3)]
    assert df.agg({"empid": "avg"}).collect() == [Row(2.0)]
    assert df.agg(("empid", "avg")).collect() == [Row(2.0)]
    assert df.agg([max_(col("empid")), max_(col("name"))]).collect() == [Row(3, "Two")]
    assert df.agg([min_(col("empid")), min_("name")]).collect() == [Row(1, "One")]
    assert df.agg({"empid": "max", "name": "max"}).collect() == [Row(3, "Two")]
    assert df.agg([("empid", "min"), ("name", "min")]).collect() == [Row(1, "One")]


# test_dataframe_suite.py::test_agg_with_array_args
def test_agg_with_array_args(session):
    df = session.create_dataframe([[1, 2], [4, 5]]).to_df("col1", "col2")
    check_answer(df.agg([max_(col("col1")), mean(col("col2"))]), [Row(4, 3.5)])


# test_dataframe_suite.py::test_rollup
def test_rollup(session):
    df = _countries(session)
    expected = [Row("country A", 110), Row("country B", 220), Row(None, 330)]
    check_answer(df.rollup("country").agg(sum_(col("value"))), expected)
    check_answer(df.rollup(["country"]).agg(sum_(col("value"))), expected)
    check_answer(df.rollup(col("country")).agg(sum_(col("value"))), expected)
    expected = [Row(None, None, 330), Row("country A", None, 110), Row("country A", "state A", 100),
                Row("country A", "state B", 10), Row("country B", None, 220), Row("country B", "state A", 200),
                Row("country B", "state B", 20)]
    check_answer(df.rollup("country", "state").agg(sum_(col("value"))).sort(col("country"), col("state")), expected, sort=False)
    check_answer(df.rollup([col("country"), col("state")]).agg(sum_(col("value"))).sort(col("country"), col("state")),
                 expected, sort=False)


# test_dataframe_suite.py::test_rollup (negative: rollup of no column)
def test_rollup_without_columns(session):
    df = _countries(session)
    error = raises(SnowparkSQLException, lambda: df.rollup(list()).agg(sum_(col("value"))).collect(),
                   match="SQL compilation error")
    assert "001003 (42000)" in str(error)


# test_dataframe_suite.py::test_groupby
def test_groupby(session):
    df = _countries(session)
    check_answer(df.group_by().agg(max_(col("value"))), [Row(100)])
    check_answer(df.group_by([]).agg(sum_(col("value"))), [Row(330)])
    check_answer(df.group_by().agg([sum_(col("value"))]), [Row(330)])
    expected = [Row("country A", 110), Row("country B", 220)]
    check_answer(df.group_by("country").agg(sum_(col("value"))), expected)
    check_answer(df.group_by(["country"]).agg(sum_(col("value"))), expected)
    check_answer(df.group_by(col("country")).agg(sum_(col("value"))), expected)
    expected = [Row("country A", "state B", 10), Row("country B", "state B", 20),
                Row("country A", "state A", 100), Row("country B", "state A", 200)]
    assert sorted(df.group_by(["country", "state"]).agg(sum_(col("value"))).collect(), key=lambda x: x[2]) == expected
    assert sorted(df.group_by([col("country"), col("state")]).agg(sum_(col("value"))).collect(), key=lambda x: x[2]) == expected


# test_dataframe_suite.py::test_cube
def test_cube(session):
    df = _countries(session)
    check_answer(df.cube("country").agg(sum_(col("value"))), [Row("country A", 110), Row("country B", 220), Row(None, 330)])
    expected = [Row(None, None, 330), Row(None, "state A", 300), Row(None, "state B", 30), Row("country A", None, 110),
                Row("country A", "state A", 100), Row("country A", "state B", 10), Row("country B", None, 220),
                Row("country B", "state A", 200), Row("country B", "state B", 20)]
    check_answer(df.cube("country", "state").agg(sum_(col("value"))).sort(col("country"), col("state")), expected, sort=False)
    check_answer(df.cube([col("country"), col("state")]).agg(sum_(col("value"))).sort(col("country"), col("state")),
                 expected, sort=False)


# test_dataframe_suite.py::test_flatten
def test_flatten(session):
    df = session.create_dataframe(["[1,2]"], schema=["a"])
    table = df.select(parse_json(col("a")).alias("a"))
    check_answer(table.flatten("a").select("value"), [Row("1"), Row("2")])
    df = session.create_dataframe(['{"a":[1,2]}'], schema=["a"])
    table2 = df.select(parse_json(col("a")).as_("a"))
    flatten3 = table2.flatten(table2["a"]["a"])
    check_answer(flatten3.select(flatten3["value"]), [Row("1"), Row("2")], sort=False)


# test_dataframe_suite.py::test_flatten (conflicting column names, wrong mode)
def test_flatten_conflicting_names(session):
    df = session.create_dataframe(["[1,2]"], schema=["value"])
    table1 = df.select(parse_json(col("value")).alias("value"))
    flatten = table1.flatten(table1["value"], "", outer=False, recursive=False, mode="both")
    check_answer(flatten.select(table1["value"], flatten["value"]),
                 [Row("[\n  1,\n  2\n]", "1"), Row("[\n  1,\n  2\n]", "2")], sort=False)
    raises(ValueError, lambda: flatten.flatten(col("value"), "", outer=False, recursive=False, mode="wrong"),
           match="mode must be one of")


# test_dataframe_suite.py::test_flatten_in_session
def test_flatten_in_session(session):
    check_answer(session.flatten(parse_json(lit('["a","\'"]'))).select(col("value")), [Row('"a"'), Row('"\'"')], sort=False)
    check_answer(session.flatten(parse_json(lit('{"a":[1,2]}')), "a", outer=True, recursive=True, mode="ARRAY")
                 .select("value"), [Row("1"), Row("2")])
    df1 = session.flatten(parse_json(lit("[1,2]")))
    df2 = session.flatten(parse_json(lit('{"a":[1,2]}')), "a", outer=False, recursive=False, mode="BOTH")
    check_answer(df1.union(df2).select("path"), [Row("[0]"), Row("[1]"), Row("a[0]"), Row("a[1]")])
    check_answer(df1.join(df2, df1["value"] == df2["value"]).select(df1["path"].as_("path1"), df2["path"].as_("path2")),
                 [Row("[0]", "a[0]"), Row("[1]", "a[1]")])


# test_dataframe_suite.py::test_createDataFrame_with_given_schema
def test_create_dataframe_with_given_schema(session):
    schema = StructType([
        StructField("string", StringType(84)), StructField("int", IntegerType()), StructField("long", LongType()),
        StructField("double", DoubleType()), StructField("number", DecimalType(10, 3)),
        StructField("boolean", BooleanType()), StructField("binary", BinaryType()),
        StructField("timestamp", TimestampType()), StructField("date", DateType()),
    ])
    data = [
        Row("a", 3, 4, 1.2, Decimal("1.2"), True, bytearray([1, 2]),
            datetime.datetime(2017, 2, 24, 12, 0, 5, 456000), datetime.date(2017, 2, 25)),
        Row(None, None, None, None, None, None, None, None, None),
    ]
    result = session.create_dataframe(data, schema)
    types = [type(f.datatype).__name__ for f in result.schema.fields]
    assert types == ["StringType", "LongType", "LongType", "DoubleType", "DecimalType", "BooleanType",
                     "BinaryType", "TimestampType", "DateType"], types
    assert result.schema.fields[0].datatype == StringType(84)
    assert result.schema.fields[4].datatype == DecimalType(10, 3)
    rows = result.collect()
    assert rows[0][:6] == ("a", 3, 4, 1.2, Decimal("1.200"), True)
    assert bytes(rows[0][6]) == b"\x01\x02"
    assert rows[0][7] == datetime.datetime(2017, 2, 24, 12, 0, 5, 456000)
    assert rows[0][8] == datetime.date(2017, 2, 25)
    assert tuple(rows[1]) == (None,) * 9


# test_dataframe_suite.py::test_createDataFrame_with_schema_inference
def test_create_dataframe_with_schema_inference(session):
    df1 = session.create_dataframe([1, 2, 3]).to_df("int")
    check_answer(df1, [Row(1), Row(2), Row(3)])
    assert len(df1.schema.fields) == 1
    assert df1.schema.fields[0].name == "INT"
    assert df1.schema.fields[0].datatype == LongType()
    df2 = session.create_dataframe([(True, "a"), (False, "b")]).to_df("boolean", "string")
    check_answer(df2, [Row(True, "a"), Row(False, "b")], sort=False)


# test_dataframe_suite.py::test_create_nullable_dataframe_with_schema_inference
@known_difference("the engine's describe reports no nullability after a projection; every column reads nullable=True")
def test_create_nullable_dataframe_with_schema_inference(session):
    df = session.create_dataframe([(1, 1, None), (2, 3, True)]).to_df("a", "b", "c")
    assert str(df.schema) == (
        "StructType([StructField('A', LongType(), nullable=False), "
        "StructField('B', LongType(), nullable=False), "
        "StructField('C', BooleanType(), nullable=True)])")
    check_answer(df, [Row(1, 1, None), Row(2, 3, True)])


# test_dataframe_suite.py::test_schema_inference_binary_type
def test_schema_inference_binary_type(session):
    df = session.create_dataframe([[b"\x01", b"\x02"], [b"\x03", b"\x04"], [None, b""]])
    assert str(df.schema) == (
        "StructType([StructField('_1', BinaryType(), nullable=True), "
        "StructField('_2', BinaryType(), nullable=False)])")


# test_dataframe_suite.py::test_time_date_and_timestamp_test
def test_time_date_and_timestamp(session):
    assert str(session.create_dataframe(data=["00:00:00"], schema=StructType([StructField("c", TimeType())])).collect()[0][0]) == "00:00:00"
    assert str(session.create_dataframe(data=["1970-1-1 00:00:00"], schema=StructType([StructField("c", TimestampType())])).collect()[0][0]) == "1970-01-01 00:00:00"
    assert str(session.create_dataframe(data=["1970-1-1"], schema=StructType([StructField("c", DateType())])).collect()[0][0]) == "1970-01-01"


# test_dataframe_suite.py::test_create_or_replace_temporary_view
def test_create_or_replace_temporary_view(session):
    df = session.create_dataframe([1, 2, 3]).to_df("a")
    df.create_or_replace_temp_view("df_temp_view_1")
    check_answer(session.table("df_temp_view_1"), [Row(1), Row(2), Row(3)])
    # replace it with other data
    session.create_dataframe([4, 5]).to_df("a").create_or_replace_temp_view("df_temp_view_1")
    check_answer(session.sql("select * from df_temp_view_1"), [Row(4), Row(5)])


# test_dataframe_suite.py::test_select_with_array_args / test_select_string_with_array_args / test_drop_*_with_array_args
def test_select_and_drop_with_array_args(session):
    df = session.create_dataframe([[1, 2]]).to_df("col1", "col2")
    check_answer(df.select(df.col("col1"), lit("abc"), df.col("col1") + df.col("col2")), Row(1, "abc", 3))
    df3 = session.create_dataframe([[1, 2, 3]]).to_df("col1", "col2", "col3")
    check_answer(df3.select(["col1", "col2"]), [Row(1, 2)])
    check_answer(df3.drop(["col3"]), [Row(1, 2)])
    check_answer(df3.drop([df3["col3"]]), [Row(1, 2)])


# test_dataframe_suite.py::test_rename_basic / test_rename_function_basic
def test_rename_basic(session):
    df = session.create_dataframe([[1, 2]], schema=["a", "b"])
    df2 = df.with_column_renamed("b", "b1")
    assert df2.schema.names[1] == "B1"
    check_answer(df2, [Row(1, 2)])
    df3 = df.rename("b", "b1")
    assert df3.schema.names[1] == "B1"
    df4 = df.rename({"b": "b1"})
    assert df4.schema.names[1] == "B1"
    check_answer(df4, [Row(1, 2)])


# test_dataframe_suite.py::test_rename_function_multiple
def test_rename_function_multiple(session):
    df = session.create_dataframe([[1, 2]], schema=["a", "b"])
    df2 = df.rename({col("b"): "b1", "a": "a1"})
    assert df2.schema.names[1] == "B1" and df2.schema.names[0] == "A1"
    check_answer(df2, [Row(1, 2)])


# test_dataframe_suite.py::test_rename_join_dataframe
def test_rename_join_dataframe(session):
    df_left = session.create_dataframe([[1, 2]], schema=["a", "b"])
    df_right = session.create_dataframe([[3, 4]], schema=["a", "c"])
    df_join = df_left.join(df_right)
    df1 = df_join.rename(df_left.a, "left_a").rename(df_left.b, "left_b")
    assert df1.schema.names[0] == "LEFT_A" and df1.schema.names[1] == "LEFT_B"
    check_answer(df1, [Row(1, 2, 3, 4)])
    df2 = df1.rename(df_right.a, "right_a").rename(df_right.c, "right_c")
    assert df2.schema.names == ["LEFT_A", "LEFT_B", "RIGHT_A", "RIGHT_C"]
    check_answer(df2, [Row(1, 2, 3, 4)])


# test_dataframe_suite.py::test_rename_negative_test
@known_difference("DuckDB renames duplicate column names of a subquery (A, A_1, A_2), so a DataFrame never has three columns named A")
def test_rename_negative(session):
    df = session.create_dataframe([[1, 2]], schema=["a", "b"])
    raises(ValueError, lambda: df.rename("not_exist_column", "c"), match="because it doesn't exist")
    df2 = session.sql("select 1 as A, 2 as A, 3 as A")
    raises(SnowparkColumnException, lambda: df2.rename("A", "B"), match='this DataFrame has 3 columns named "A"')
    raises(ValueError, lambda: df.rename({}), match="dictionary cannot be empty")


# test_dataframe_suite.py::test_with_columns_input_doesnt_match_each_other
def test_with_columns_size_mismatch(session):
    df = session.create_dataframe([Row(1, 2, 3)]).to_df(["a", "b", "c"])
    raises(ValueError, lambda: df.with_columns(["e", "f"], [lit(1)]),
           match="The size of column names \\(2\\) is not equal to the size of columns \\(1\\)")


# test_dataframe_suite.py::test_with_columns_replace_existing
def test_with_columns_replace_existing(session):
    df = session.create_dataframe([Row(1, 2, 3)]).to_df(["a", "b", "c"])
    replaced = df.with_columns(["b", "d"], [lit(5), lit(6)])
    check_answer(replaced, [Row(A=1, C=3, B=5, D=6)])
    assert replaced.columns == ["A", "C", "B", "D"]
    raises(ValueError, lambda: df.with_columns(["d", "b", "D"], [lit(4), lit(5), lit(6)]),
           match="The same column name is used multiple times")


# test_dataframe_suite.py::test_drop_duplicates
def test_drop_duplicates(session):
    df = session.create_dataframe([[1, 1, 1, 1], [1, 1, 1, 2], [1, 1, 2, 3], [1, 2, 3, 4], [1, 2, 3, 4]],
                                  schema=["a", "b", "c", "d"])
    everything = [Row(1, 1, 1, 1), Row(1, 1, 1, 2), Row(1, 1, 2, 3), Row(1, 2, 3, 4)]
    check_answer(df.dropDuplicates(), everything)
    result1 = df.drop_duplicates(["a"])
    assert result1.count() == 1
    assert result1.collect()[0] in everything
    result2 = df.drop_duplicates(["a", "b"])
    assert result2.count() == 2
    check_answer(result2.where(col("b") == lit(2)), [Row(1, 2, 3, 4)])
    result3 = df.drop_duplicates("a", "b", "c")
    assert result3.count() == 3
    check_answer(df.drop_duplicates("a", "b", "c", "d", "d"), everything)
    raises(SnowparkColumnException, lambda: df.drop_duplicates("e").collect(),
           match="The DataFrame does not contain the column named e")


# test_dataframe_suite.py::test_dropna
def test_dropna(session):
    check_answer(_double3(session).na.drop(thresh=1, subset=["a"]), [Row(1.0, 1), Row(4.0, None)])
    res = _double3(session).na.drop(thresh=1, subset=["a", "b"]).collect()
    assert len(res) == 4
    assert _double3(session).na.drop(thresh=0, subset=["a"]).count() == 6
    assert _double3(session).na.drop(thresh=3, subset=["a", "b"]).count() == 0
    assert _double3(session).na.drop(thresh=1, subset=[]).count() == 6
    raises(SnowparkColumnException, lambda: _double3(session).na.drop(thresh=1, subset=["c"]),
           match="The DataFrame does not contain the column named")
    raises(ValueError, lambda: _double3(session).na.drop(how="bad"), match="should be 'any' or 'all'")


# test_dataframe_suite.py::test_fillna
def test_fillna(session):
    check_answer(_null_data3(session).na.fill({"flo": 12.3, "int": 11, "boo": False, "str": "f"}), [
        Row(1.0, 1, True, "a"), Row(12.3, 2, False, "b"), Row(12.3, 3, False, "f"),
        Row(4.0, 11, False, "d"), Row(12.3, 11, False, "f"), Row(12.3, 11, False, "f")], sort=False)
    # a value of the wrong type is not used
    check_answer(_null_data3(session).na.fill({"flo": 12.3, "int": "11", "boo": False, "str": 1}), [
        Row(1.0, 1, True, "a"), Row(12.3, 2, False, "b"), Row(12.3, 3, False, None),
        Row(4.0, None, False, "d"), Row(12.3, None, False, None), Row(12.3, None, False, None)], sort=False)
    raises(SnowparkColumnException, lambda: _null_data3(session).na.fill({"wrong": 11}),
           match="The DataFrame does not contain the column named")


# test_dataframe_suite.py::test_replace
def test_replace(session):
    check_answer(_null_data3(session).na.replace({float("nan"): 11.0}, subset=["flo"]), [
        Row(1.0, 1, True, "a"), Row(11.0, 2, None, "b"), Row(None, 3, False, None),
        Row(4.0, None, None, "d"), Row(None, None, None, None), Row(11.0, None, None, None)], sort=False)
    res = _null_data3(session).na.replace({None: True}, subset=["boo"]).collect()
    assert res[0] == Row(1.0, 1, True, "a")
    assert res[1][1:] == Row(2, True, "b")
    assert res[3] == Row(4.0, None, True, "d")
    check_answer(_null_data3(session).na.replace({float("nan"): None}, subset=["flo"]), [
        Row(1.0, 1, True, "a"), Row(None, 2, None, "b"), Row(None, 3, False, None),
        Row(4.0, None, None, "d"), Row(None, None, None, None), Row(None, None, None, None)], sort=False)


# test_dataframe_suite.py::test_to_local_iterator
def test_to_local_iterator(session):
    df = session.create_dataframe([1, 2, 3]).toDF("a")
    iterator = df.to_local_iterator()
    assert hasattr(iterator, "__next__")
    array = df.collect()
    assert list(iterator) == array
    for row in df.to_local_iterator():
        assert row == array[0]
        break


# test_dataframe_suite.py::test_random_split
def test_random_split(session):
    df1 = session.range(10000)
    parts = df1.random_split([0.2])
    assert len(parts) == 1
    for weights, seed in (([0.2, 0.8], None), ([0.2, 0.8], 42), ([0.11111, 0.6666, 1.3], None)):
        parts = df1.random_split(weights, seed)
        assert len(parts) == len(weights)
        counts = [p.count() for p in parts]
        assert sum(counts) == 10000
        for weight, count in zip(weights, counts):
            expected = 10000 * weight / sum(weights)
            assert abs(expected - count) < expected * 0.4


# test_dataframe_suite.py::test_random_split_negative
def test_random_split_negative(session):
    df1 = session.range(10)
    raises(ValueError, lambda: df1.random_split([]), match="weights can't be None or empty")
    raises(ValueError, lambda: df1.random_split([-0.1, -0.2]), match="weights must be positive numbers")
    raises(ValueError, lambda: df1.random_split([0.1, 0]), match="weights must be positive numbers")


# test_dataframe_suite.py::test_escaped_character
def test_escaped_character(session):
    df = session.create_dataframe(["'", "\\", "\n"]).to_df("a")
    check_answer(df, [Row("'"), Row("\\"), Row("\n")], sort=False)
