"""Session, DataFrameWriter, schema/types, Row and errors, ported from snowpark-python
tests/integ/scala/test_dataframe_range_suite.py, test_dataframe_writer_suite.py, tests/integ/test_session.py,
tests/integ/test_bind_variable.py, tests/unit/test_row.py and the docs examples named per case.
Expected values come from those sources; the code is ours."""

import json
from decimal import Decimal

from _support import known_difference, Row, check_answer, raises, require_pandas
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.functions import col, lit, sum as sum_, seq4, uniform
from snowflake.snowpark.types import IntegerType, LongType, StringType, StructField, StructType


# test_dataframe_range_suite.py::test_range
def test_range(session):
    assert session.range(5).collect() == [Row(i) for i in range(5)]
    assert session.range(3, 5).collect() == [Row(i) for i in range(3, 5)]
    assert session.range(3, 10, 2).collect() == [Row(i) for i in range(3, 10, 2)]


# test_dataframe_range_suite.py::test_negative_test
def test_range_negative(session):
    raises(ValueError, lambda: session.range(-3, 5, 0), match="The step for range\\(\\) cannot be 0.")


# test_dataframe_range_suite.py::test_empty_result_and_negative_start_end_step
def test_range_empty_and_negative_steps(session):
    assert session.range(3, 5, -1).collect() == []
    assert session.range(-3, -5, 1).collect() == []
    assert session.range(-3, -10, -2).collect() == [Row(i) for i in range(-3, -10, -2)]
    assert session.range(10, 3, -3).collect() == [Row(i) for i in range(10, 3, -3)]


# test_dataframe_range_suite.py::test_range_api
def test_range_api(session):
    assert session.range(1, -2).select("id").count() == 0
    res10 = session.range(10).select("id")
    assert res10.count() == 10
    assert res10.agg(sum_(col("id")).as_("sumid")).collect() == [Row(45)]
    res12 = session.range(3, 15, 3).select("id")
    assert res12.count() == 4
    assert res12.agg(sum_(col("id")).as_("sumid")).collect() == [Row(30)]
    assert session.range(0, 100, 2).to_df(["id"]).filter(col("id") >= 50).count() == 25
    assert session.range(100, -100, -2).to_df(["id"]).filter(col("id") <= 0).count() == 50


# test_session.py::test_generator (session.generator with seq4 and rowcount)
def test_generator(session):
    df = session.generator(seq4(), rowcount=5)
    check_answer(df, [Row(0), Row(1), Row(2), Row(3), Row(4)])
    df2 = session.generator(lit(1).as_("one"), uniform(1, 10, 2).as_("u"), rowcount=3)
    rows = df2.collect()
    assert len(rows) == 3 and all(r[0] == 1 and 1 <= r[1] <= 10 for r in rows)


# test_bind_variable.py::test_qmark_binding / test_numeric_binding
def test_sql_with_params(session):
    assert session.sql("select ? as a, ? as b", params=[1, "x"]).collect() == [Row(1, "x")]
    assert session.sql("select :2 as a, :1 as b", params=["x", 1]).collect() == [Row(1, "x")]


# test_session.py::test_table_with_fully_qualified_name (session.table([db, schema, name]))
def test_table_with_name_parts(session):
    session.create_dataframe([[1, "a"]], schema=["n", "s"]).write.save_as_table("sess_parts_t")
    db = session.get_current_database().strip('"')
    schema = session.get_current_schema().strip('"')
    check_answer(session.table([db, schema, "sess_parts_t"]), [Row(1, "a")])
    check_answer(session.table(f"{db}.{schema}.sess_parts_t"), [Row(1, "a")])
    assert session.table("sess_parts_t").table_name.upper().endswith("SESS_PARTS_T")


# test_dataframe_writer_suite.py::test_write_with_target_column_name_order
def test_write_with_target_column_name_order(session):
    empty_df = session.create_dataframe([], schema=StructType([StructField("a", IntegerType()), StructField("b", IntegerType())]))
    empty_df.write.save_as_table("writer_col_order", table_type="temporary")
    df1 = session.create_dataframe([[1, 2]], schema=["b", "a"])
    df1.write.save_as_table("writer_col_order", mode="append", table_type="temp")
    check_answer(session.table("writer_col_order"), [Row(**{"A": 1, "B": 2})])
    empty_df.write.save_as_table("writer_col_order", mode="truncate", table_type="temporary")
    df1.write.save_as_table("writer_col_order", mode="append", column_order="index", table_type="temp")
    check_answer(session.table("writer_col_order"), [Row(**{"A": 1, "B": 2})])
    empty_df.write.save_as_table("writer_col_order", mode="truncate", table_type="temporary")
    df1.write.save_as_table("writer_col_order", mode="append", column_order="name", table_type="temp")
    check_answer(session.table("writer_col_order"), [Row(**{"A": 2, "B": 1})])


# test_dataframe_writer_suite.py::test_negative_write_with_target_column_name_order
def test_negative_write_with_target_column_name_order(session):
    session.create_dataframe([], schema=StructType([StructField("a", IntegerType()), StructField("b", IntegerType())])) \
        .write.save_as_table("writer_col_order_neg", table_type="temporary")
    df1 = session.create_dataframe([[1, 2]], schema=["a", "c"])
    raises(SnowparkSQLException, lambda: df1.write.save_as_table("writer_col_order_neg", mode="append", column_order="name",
                                                                   table_type="temp"), match="invalid identifier 'C'")
    for column_order in ("any_value", "", None):
        raises(ValueError, lambda: df1.write.save_as_table("writer_col_order_neg", mode="append", column_order=column_order,
                                                             table_type="temp"), match="'column_order' must be either 'name' or 'index'")


# test_dataframe_writer_suite.py::test_write_truncate_with_less_columns
def test_write_truncate_with_less_columns(session):
    schema1 = StructType([StructField("A", LongType(), False), StructField("B", LongType(), True)])
    schema2 = StructType([StructField("A", LongType(), False)])
    session.create_dataframe([(1, 2), (3, 4)], schema=schema1).write.save_as_table("writer_trunc", mode="truncate")
    check_answer(session.table("writer_trunc"), [Row(1, 2), Row(3, 4)])
    session.create_dataframe([1, 2], schema=schema2).write.save_as_table("writer_trunc", mode="truncate")
    check_answer(session.table("writer_trunc"), [Row(1, None), Row(2, None)])


# DataFrameWriter.mode docs: errorifexists fails on an existing table, ignore leaves it unchanged, overwrite replaces
def test_writer_modes(session):
    df = session.create_dataframe([[1]], schema=["a"])
    df.write.mode("overwrite").save_as_table("writer_modes")
    raises(SnowparkSQLException, lambda: df.write.mode("errorifexists").save_as_table("writer_modes"), match="already exists")
    session.create_dataframe([[2]], schema=["a"]).write.mode("ignore").save_as_table("writer_modes")
    check_answer(session.table("writer_modes"), [Row(1)])
    session.create_dataframe([[3]], schema=["a"]).write.mode("append").save_as_table("writer_modes")
    check_answer(session.table("writer_modes"), [Row(1), Row(3)])
    session.create_dataframe([[4]], schema=["a"]).write.mode("overwrite").save_as_table("writer_modes")
    check_answer(session.table("writer_modes"), [Row(4)])


# Snowpark API docs, DataFrame.columns / dtypes / schema; test_dataframe.py::test_dtypes
def test_columns_dtypes_schema(session):
    df = session.create_dataframe([[1, "a", 1.5, True]], schema=["int", "str", "dbl", "bool"])
    assert df.columns == ["INT", "STR", "DBL", "BOOL"]
    # snow_type_to_dtype_str: LongType -> bigint, StringType(n) -> string(n) (string without a length), DoubleType -> double
    dtypes = df.dtypes
    assert [d[0] for d in dtypes] == ["INT", "STR", "DBL", "BOOL"]
    assert dtypes[0][1] == "bigint" and dtypes[1][1].startswith("string") and dtypes[2][1] == "double" and dtypes[3][1] == "boolean", dtypes
    assert [type(f.datatype).__name__ for f in df.schema.fields] == ["LongType", "StringType", "DoubleType", "BooleanType"]


# test_dataframe.py::test_create_dataframe_with_explicit_schema (nullable=False is honoured)
def test_create_dataframe_with_explicit_schema_nullable(session):
    schema = StructType([StructField("id", LongType(), nullable=False), StructField("name", StringType(), nullable=True)])
    df = session.create_dataframe([[1, "a"], [2, None]], schema=schema)
    assert [f.nullable for f in df.schema.fields] == [False, True]
    check_answer(df, [Row(1, "a"), Row(2, None)])


# test_dataframe.py::test_create_dataframe_with_dict (dict rows become columns, names upper-cased)
def test_create_dataframe_from_dicts(session):
    df = session.create_dataframe([{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    assert df.columns == ["A", "B"]
    check_answer(df, [Row(1, "x"), Row(2, "y")])


# test_dataframe.py::test_create_dataframe_with_semi_structured_data_types (list/dict values become ARRAY/OBJECT)
@known_difference("VARIANT, ARRAY and OBJECT are all DuckDB JSON locally, so a described column is VariantType")
def test_create_dataframe_semi_structured_values(session):
    df = session.create_dataframe([[[1, 2], {"k": "v"}]], schema=["arr", "obj"])
    types = [type(f.datatype).__name__ for f in df.schema.fields]
    assert types == ["ArrayType", "MapType"], types
    row = df.collect()[0]
    assert json.loads(row[0]) == [1, 2] and json.loads(row[1]) == {"k": "v"}


# Snowflake docs: NUMBER division and AVG return NUMBER with scale (Decimal), integer sums stay int
def test_decimal_scales(session):
    # (A division and an aggregate cannot share one SELECT without GROUP BY, in Snowflake too.)
    df = session.create_dataframe([[3, 2]], schema=["a", "b"])
    row = df.select((col("a") / col("b")).alias("q")).collect()[0]
    assert row["Q"] == Decimal("1.500000") and isinstance(row["Q"], Decimal)
    assert str(row["Q"]) == "1.500000"
    total = df.select(sum_("a").alias("s")).collect()[0]
    assert total["S"] == 3 and isinstance(total["S"], int)


# test_dataframe.py::test_select_negative (unknown column is a SnowparkSQLException with a SQL error code)
def test_unknown_column_error_code(session):
    df = session.create_dataframe([[1]], schema=["a"])
    error = raises(SnowparkSQLException, lambda: df.select(col("nope")).collect(), match="invalid identifier")
    assert error.sql_error_code == 904
    assert error.sfqid


# tests/unit/test_row.py::test_row_collect_case_insensitive (collect(case_sensitive=False))
def test_collect_case_insensitive(session):
    row = session.create_dataframe([[1]], schema=["abc"]).collect(case_sensitive=False)[0]
    assert row["abc"] == 1 and row["ABC"] == 1 and row.abc == 1


# test_df_to_pandas.py::test_to_pandas_new_df_from_range
def test_to_pandas(session):
    require_pandas()
    pdf = session.range(3).to_pandas()
    assert list(pdf.columns) == ["ID"]
    assert list(pdf["ID"]) == [0, 1, 2]


# Snowpark API docs, DataFrame.describe
def test_describe(session):
    df = session.create_dataframe([[1, "a"], [3, "b"]], schema=["n", "s"])
    rows = {r[0]: r for r in df.describe().collect()}
    assert set(rows) == {"count", "mean", "stddev", "min", "max"}
    assert rows["count"][1] == 2 and rows["mean"][1] == 2.0 and rows["min"][1] == 1 and rows["max"][1] == 3
    assert rows["min"][2] == "a" and rows["max"][2] == "b"


# test_dataframe_suite.py::test_df_stat_corr / test_df_stat_cov
def test_df_stat_corr_cov(session):
    null_data2 = session.create_dataframe(
        [[1, 2, 3], [None, 2, 3], [None, None, 3], [None, None, None], [1, None, 3], [1, None, None], [1, 2, None]],
        schema=["a", "b", "c"])
    assert null_data2.stat.corr("a", "b") is None
    assert null_data2.stat.cov("a", "b") == 0
    double4 = session.sql("select * from values(1.0, 1) as T(a, b)")
    assert double4.stat.corr("a", "b") is None
    assert double4.stat.cov("a", "b") is None
    double2 = session.create_dataframe([[0.1, 0.5], [0.2, 0.6], [0.3, 0.7]], schema=["a", "b"])
    assert abs(double2.stat.corr("a", "b") - 0.9999999999999991) < 1e-9
    assert abs(double2.stat.cov("a", "b") - 0.010000000000000037) < 1e-12


# test_dataframe_suite.py::test_df_stat_approx_quantile
def test_df_stat_approx_quantile(session):
    df = session.create_dataframe([[1], [2], [3], [4], [5], [6], [7], [8], [9], [0]], schema=["a"])
    assert df.stat.approx_quantile("a", [0.5]) == [4.5]
    assert df.stat.approx_quantile(col("a"), [0.5]) == [4.5]
    assert df.stat.approx_quantile("a", [0, 0.1, 0.4, 0.6, 1]) in (
        [-0.5, 0.5, 3.5, 5.5, 9.5], [0.0, 0.9, 3.6, 5.3999999999999995, 9.0])


# test_dataframe_suite.py::test_df_stat_crosstab
def test_df_stat_crosstab(session):
    monthly_sales = session.create_dataframe([
        (1, 10000, "JAN"), (1, 400, "JAN"), (2, 4500, "JAN"), (2, 35000, "JAN"),
        (1, 5000, "FEB"), (1, 3000, "FEB"), (2, 200, "FEB"), (2, 90500, "FEB"),
        (1, 6000, "MAR"), (1, 5000, "MAR"), (2, 2500, "MAR"), (2, 9500, "MAR"),
        (1, 8000, "APR"), (1, 10000, "APR"), (2, 800, "APR"), (2, 4500, "APR"),
    ], schema=["empid", "amount", "month"])
    cross_tab = monthly_sales.stat.crosstab("empid", "month").sort(col("empid")).collect()
    for row, empid in zip(cross_tab, (1, 2)):
        assert row["EMPID"] == empid
        assert row["'JAN'"] == 2 and row["'FEB'"] == 2 and row["'MAR'"] == 2 and row["'APR'"] == 2
