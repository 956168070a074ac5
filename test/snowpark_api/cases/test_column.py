"""Column expressions, ported from snowpark-python tests/integ/scala/test_column_suite.py
and tests/integ/test_column.py (expected values from those tests; the code is ours)."""

import datetime
import json
import math
from decimal import Decimal

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.functions import col, lit, when, in_, parse_json, sql_expr, avg
from snowflake.snowpark.types import (
    DecimalType, IntegerType, StringType, StructField, StructType, TimestampType,
)


def _test_data1(session):
    # TestData.test_data1: Data(num, bool, str)
    return session.create_dataframe([[1, True, "a"], [2, False, "b"]], schema=["num", "bool", "str"])


def _null_data1(session):
    return session.create_dataframe([[None], [2], [1], [3], [None]], schema=["a"])


def _string4(session):
    return session.create_dataframe([["apple"], ["banana"], ["peach"]], schema=["a"])


# test_column_suite.py::test_column_names_with_space
def test_column_names_with_space(session):
    c1 = '"name with space"'
    c2 = '"name.with.dot"'
    df = session.create_dataframe([[1, "a"]]).to_df([c1, c2])
    assert df.select(c1).collect() == [Row(1)]
    assert df.select(col(c1)).collect() == [Row(1)]
    assert df.select(df[c1]).collect() == [Row(1)]
    assert df.select(c2).collect() == [Row("a")]
    assert df.select(col(c2)).collect() == [Row("a")]
    assert df.select(df[c2]).collect() == [Row("a")]


# test_column_suite.py::test_column_alias_and_case_insensitive_name
def test_column_alias_and_case_insensitive_name(session):
    df = session.create_dataframe([1, 2]).to_df(["a"])
    assert df.select(df["a"].as_("b")).schema.fields[0].name == "B"
    assert df.select(df["a"].alias("b")).schema.fields[0].name == "B"
    assert df.select(df["a"].name("b")).schema.fields[0].name == "B"


# test_column_suite.py::test_column_alias_and_case_sensitive_name
def test_column_alias_and_case_sensitive_name(session):
    df = session.create_dataframe([1, 2]).to_df(["a"])
    assert df.select(df["a"].as_('"b"')).schema.fields[0].name == '"b"'
    assert df.select(df["a"].alias('"b"')).schema.fields[0].name == '"b"'
    assert df.select(df["a"].name('"b"')).schema.fields[0].name == '"b"'


# test_column_suite.py::test_unary_operator
def test_unary_operator(session):
    df = _test_data1(session)
    check_answer(df.select(-df["NUM"]), [Row(-1), Row(-2)], sort=False)
    check_answer(df.select(~df["BOOL"]), [Row(False), Row(True)], sort=False)


# test_column_suite.py::test_alias
def test_alias(session):
    df = _test_data1(session)
    assert df.select(df["NUM"]).schema.fields[0].name == "NUM"
    assert df.select(df["NUM"].as_("NUMBER")).schema.fields[0].name == "NUMBER"
    assert df.select(df["NUM"].as_("NUMBER")).schema.fields[0].name != '"NUM"'
    assert df.select(df["NUM"].alias("NUMBER")).schema.fields[0].name == "NUMBER"


# test_column_suite.py::test_equal_and_not_equal
def test_equal_and_not_equal(session):
    df = _test_data1(session)
    assert df.where(df["BOOL"] == True).collect() == [Row(1, True, "a")]  # noqa: E712
    assert df.where(df["BOOL"] == lit(True)).collect() == [Row(1, True, "a")]
    assert df.where(df["BOOL"] == False).collect() == [Row(2, False, "b")]  # noqa: E712
    assert df.where(df["BOOL"] != True).collect() == [Row(2, False, "b")]  # noqa: E712
    assert df.where(df["BOOL"] != lit(True)).collect() == [Row(2, False, "b")]
    df2 = session.create_dataframe(
        [[0.1, 0.1], [0.2, 0.6], [0.3, 0.7]],
        schema=StructType([StructField("A", DecimalType(20, 2), nullable=True), StructField("B", DecimalType(20, 2))]),
    )
    assert df2.where(df2.a == df2.b).collect() == [Row(A=Decimal("0.10"), B=Decimal("0.10"))]
    check_answer(df2.where(df2.a != df2.b),
                 [Row(A=Decimal("0.20"), B=Decimal("0.60")), Row(A=Decimal("0.30"), B=Decimal("0.70"))])
    assert df2.where(df2.a != df2.b).collect()[0][0] == Decimal("0.20")


# test_column_suite.py::test_gt_and_lt
def test_gt_and_lt(session):
    df = _test_data1(session)
    assert df.where(df["NUM"] > 1).collect() == [Row(2, False, "b")]
    assert df.where(df["NUM"] > lit(1)).collect() == [Row(2, False, "b")]
    assert df.where(df["NUM"] < 2).collect() == [Row(1, True, "a")]
    assert df.where(df["NUM"] < lit(2)).collect() == [Row(1, True, "a")]
    # TestData.datetime_primitives2
    ts = session.create_dataframe(
        ["9999-12-31 00:00:00.123456", "1583-01-01 23:59:59.56789"],
        StructType([StructField("timestamp", TimestampType())]),
    )
    res = datetime.datetime(2000, 5, 6, 0, 0, 0)
    assert ts.where(ts["timestamp"] > res).collect() == [Row(datetime.datetime(9999, 12, 31, 0, 0, 0, 123456))]
    assert ts.where(ts["timestamp"] < res).collect() == [Row(datetime.datetime(1583, 1, 1, 23, 59, 59, 567890))]


# test_column_suite.py::test_leq_and_geq
def test_leq_and_geq(session):
    df = _test_data1(session)
    assert df.where(df["NUM"] >= 2).collect() == [Row(2, False, "b")]
    assert df.where(df["NUM"] >= lit(2)).collect() == [Row(2, False, "b")]
    assert df.where(df["NUM"] <= 1).collect() == [Row(1, True, "a")]
    assert df.where(df["NUM"] <= lit(1)).collect() == [Row(1, True, "a")]
    assert df.where(df["NUM"].between(lit(0), lit(1))).collect() == [Row(1, True, "a")]
    assert df.where(df["NUM"].between(0, 1)).collect() == [Row(1, True, "a")]


# test_column_suite.py::test_null_safe_operators
def test_null_safe_operators(session):
    df = session.create_dataframe([[None, 1], [2, 2], [None, None]], schema=["a", "b"])
    check_answer(df.select(df["A"].equal_null(df["B"])), [Row(False), Row(True), Row(True)], sort=False)
    check_answer(df.select(df["A"].eqNullSafe(df["B"])), [Row(False), Row(True), Row(True)], sort=False)


# test_column_suite.py::test_nan_and_null
def test_nan_and_null(session):
    df = session.create_dataframe([[1.1, 1], [None, 2], [math.nan, 3]], schema=["a", "b"])
    res = df.where(df["A"].equal_nan()).collect()
    assert len(res) == 1
    assert math.isnan(res[0][0])
    assert res[0][1] == 3
    assert df.where(df["A"].is_null()).collect() == [Row(None, 2)]
    first, second = df.where(df["A"].is_not_null()).sort("B").collect()
    assert first == Row(1.1, 1)
    assert math.isnan(second[0]) and second[1] == 3


# test_column_suite.py::test_and_or
def test_and_or(session):
    df = session.create_dataframe([[True, True], [True, False], [False, True], [False, False]], schema=["a", "b"])
    check_answer(df.where(df["A"] & df["B"]), [Row(True, True)])
    check_answer(df.where(df["A"] | df["B"]), [Row(True, True), Row(True, False), Row(False, True)])


# test_column_suite.py::test_add_subtract_multiply_divide_mod_pow
def test_add_subtract_multiply_divide_mod_pow(session):
    df = session.create_dataframe([[11, 13]], schema=["a", "b"])
    assert df.select(df["A"] + df["B"]).collect() == [Row(24)]
    assert df.select(df["A"] - df["B"]).collect() == [Row(-2)]
    assert df.select(df["A"] * df["B"]).collect() == [Row(143)]
    assert df.select(df["A"] % df["B"]).collect() == [Row(11)]
    assert df.select(df["A"] ** df["B"]).collect() == [Row(11 ** 13)]
    res = df.select(df["A"] / df["B"]).collect()
    assert res[0][0].to_eng_string() == "0.846154"


# test_column_suite.py::test_add_subtract_multiply_divide_mod_pow (reverse operators)
def test_reflected_arithmetic(session):
    df = session.create_dataframe([[11, 13]], schema=["a", "b"])
    assert df.select(2 + df["B"]).collect() == [Row(15)]
    assert df.select(2 - df["B"]).collect() == [Row(-11)]
    assert df.select(2 * df["B"]).collect() == [Row(26)]
    assert df.select(2 % df["B"]).collect() == [Row(2)]
    assert df.select(2 ** df["B"]).collect() == [Row(2 ** 13)]
    res = df.select(2 / df["B"]).collect()
    assert res[0][0].to_eng_string() == "0.153846"


# test_column_suite.py::test_cast
@known_difference("an unaliased expression column is named after the SQL as sent (CAST(\"NUM\" AS VARCHAR)); Snowflake names it after its own normalised text (CAST (\"NUM\" AS STRING))")
def test_cast(session):
    df = _test_data1(session)
    sc = df.select(df["NUM"].cast(StringType())).schema
    assert len(sc.fields) == 1
    assert sc.fields[0].name == '"CAST (""NUM"" AS STRING)"'
    assert type(sc.fields[0].datatype) == StringType
    assert not sc.fields[0].nullable


# test_column_suite.py::test_order
def test_order(session):
    df = _null_data1(session)
    check_answer(df.sort(df["A"].asc()), [Row(None), Row(None), Row(1), Row(2), Row(3)], sort=False)
    check_answer(df.sort(df["A"].asc_nulls_first()), [Row(None), Row(None), Row(1), Row(2), Row(3)], sort=False)
    check_answer(df.sort(df["A"].asc_nulls_last()), [Row(1), Row(2), Row(3), Row(None), Row(None)], sort=False)
    check_answer(df.sort(df["A"].desc()), [Row(3), Row(2), Row(1), Row(None), Row(None)], sort=False)
    check_answer(df.sort(df["A"].desc_nulls_last()), [Row(3), Row(2), Row(1), Row(None), Row(None)], sort=False)
    check_answer(df.sort(df["A"].desc_nulls_first()), [Row(None), Row(None), Row(3), Row(2), Row(1)], sort=False)


# test_column_suite.py::test_bitwise_operator
def test_bitwise_operator(session):
    df = session.create_dataframe([[1, 2]], schema=["a", "b"])
    assert df.select(df["A"].bitand(df["B"])).collect() == [Row(0)]
    assert df.select(df["A"].bitor(df["B"])).collect() == [Row(3)]
    assert df.select(df["A"].bitxor(df["B"])).collect() == [Row(3)]


# test_column_suite.py::test_withcolumn_with_special_column_names
def test_withcolumn_with_special_column_names(session):
    check_answer(session.create_dataframe([[1]]).to_df(['"One"']).with_column("Two", lit("two")), Row(1, "two"))
    check_answer(session.create_dataframe([[1]]).to_df(['"One"']).with_column("One", lit("two")), Row(1, "two"))
    check_answer(session.create_dataframe([[1]]).to_df(["One"]).with_column('"One"', lit("two")), Row(1, "two"))
    check_answer(session.create_dataframe([[1]]).to_df(["one"]).with_column('"ONE"', lit("two")), Row("two"))
    check_answer(session.create_dataframe([[1]]).to_df(["One"]).with_column("One", lit("two")), Row("two"))
    check_answer(session.create_dataframe([[1]]).to_df(["OnE"]).with_column("oNe", lit("two")), Row("two"))
    check_answer(session.create_dataframe([[1]]).to_df(['"OnE"']).with_column('"OnE"', lit("two")), Row("two"))


# test_column_suite.py::test_toDF_with_special_column_names
def test_to_df_with_special_column_names(session):
    def schema(*names):
        return session.create_dataframe([[1]]).to_df(list(names)).schema
    assert schema("ONE") == schema("one")
    assert schema("OnE") == schema("oNe")
    assert schema("OnE") == schema('"ONE"')
    assert schema("ONE") != schema('"oNe"')
    assert schema('"ONe"') != schema('"oNe"')
    assert schema('"ONe"') != schema("ONe")


# test_column_suite.py::test_column_resolution_with_different_kins_of_names
def test_column_resolution_with_different_kinds_of_names(session):
    from snowflake.snowpark.exceptions import SnowparkColumnException
    df = session.create_dataframe([[1]]).to_df(["One"])
    assert df.select(df["one"]).collect() == [Row(1)]
    assert df.select(df["oNe"]).collect() == [Row(1)]
    assert df.select(df['"ONE"']).collect() == [Row(1)]
    raises(SnowparkColumnException, lambda: df.col('"One"'))
    df = session.create_dataframe([[1]]).to_df(["One One"])
    assert df.select(df["One One"]).collect() == [Row(1)]
    assert df.select(df['"One One"']).collect() == [Row(1)]
    raises(SnowparkColumnException, lambda: df.col('"one one"'))
    raises(SnowparkColumnException, lambda: df.col("one one"))


# test_column_suite.py::test_drop_columns_by_string
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_drop_columns_by_string(session):
    from snowflake.snowpark.exceptions import SnowparkColumnException
    df = session.create_dataframe([[1, 2]]).to_df(["One", '"One"'])
    assert df.drop("one").schema.fields[0].name == '"One"'
    assert df.drop('"One"').schema.fields[0].name == "ONE"
    assert [f.name for f in df.drop([]).schema.fields] == ["ONE", '"One"']
    assert [f.name for f in df.drop('"one"').schema.fields] == ["ONE", '"One"']
    raises(SnowparkColumnException, lambda: df.drop("ONE", '"One"'), match="Cannot drop all columns")


# test_column_suite.py::test_drop_columns_by_column
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_drop_columns_by_column(session):
    from snowflake.snowpark.exceptions import SnowparkColumnException
    df = session.create_dataframe([[1, 2]]).to_df(["One", '"One"'])
    assert df.drop(col("one")).schema.fields[0].name == '"One"'
    assert df.drop(df['"One"']).schema.fields[0].name == "ONE"
    raises(SnowparkColumnException, lambda: df.drop(df["ONE"], col('"One"')), match="Cannot drop all columns")
    raises(SnowparkColumnException, lambda: df.drop(df["ONE"] + col('"One"')), match="You must specify the column by name")


# test_column_suite.py::test_column_constructors_col
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_column_constructors_col(session):
    df = session.create_dataframe([[1, 2, 3]]).to_df("col", '"col"', "col .")
    assert df.select(col("col")).collect() == [Row(1)]
    assert df.select(col('"col"')).collect() == [Row(2)]
    assert df.select(col("col .")).collect() == [Row(3)]
    assert df.select(col("COL")).collect() == [Row(1)]
    assert df.select(col("CoL")).collect() == [Row(1)]
    assert df.select(col('"COL"')).collect() == [Row(1)]
    raises(SnowparkSQLException, lambda: df.select(col('"Col"')).collect(), match="invalid identifier")
    raises(SnowparkSQLException, lambda: df.select(col("COL .")).collect(), match="invalid identifier")


# test_column_suite.py::test_column_constructors_select
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_column_constructors_select(session):
    df = session.create_dataframe([[1, 2, 3]]).to_df("col", '"col"', "col .")
    assert df.select("col").collect() == [Row(1)]
    assert df.select('"col"').collect() == [Row(2)]
    assert df.select("col .").collect() == [Row(3)]
    assert df.select("COL").collect() == [Row(1)]
    assert df.select('"COL"').collect() == [Row(1)]
    raises(SnowparkSQLException, lambda: df.select('"Col"').collect(), match="invalid identifier")


# test_column.py::test_column_constructors_subscriptable
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_column_constructors_subscriptable(session):
    from snowflake.snowpark.exceptions import SnowparkColumnException
    df = session.create_dataframe([[1, 2, 3]]).to_df("col", '"col"', "col .")
    assert df.select(df["col"]).collect() == [Row(1)]
    assert df.select(df['"col"']).collect() == [Row(2)]
    assert df.select(df["col ."]).collect() == [Row(3)]
    assert df.select(df["CoL"]).collect() == [Row(1)]
    raises(SnowparkColumnException, lambda: df.select(df['"Col"']).collect(),
           match="The DataFrame does not contain the column")


# test_column_suite.py::test_sql_expr_column
@known_difference("DuckDB matches identifiers case-insensitively even when quoted, so \"col\" and COL are one column; Snowflake keeps them apart")
def test_sql_expr_column(session):
    df = session.create_dataframe([[1, 2, 3]]).to_df("col", '"col"', "col .")
    assert df.select(sql_expr("col")).collect() == [Row(1)]
    assert df.select(sql_expr('"col"')).collect() == [Row(2)]
    assert df.select(sql_expr("CoL")).collect() == [Row(1)]
    assert df.select(sql_expr("col + 10")).collect() == [Row(11)]
    assert df.select(sql_expr('"col" + 10')).collect() == [Row(12)]
    assert df.filter(sql_expr("col < 1")).collect() == []
    assert df.filter(sql_expr('"col" = 2')).select(col("col")).collect() == [Row(1)]
    raises(SnowparkSQLException, lambda: df.select(sql_expr('"Col"')).collect(), match="invalid identifier")


# test_column_suite.py::test_like
def test_like(session):
    check_answer(_string4(session).where(col("A").like(lit("%p%"))), [Row("apple"), Row("peach")])
    check_answer(_string4(session).where(col("A").like("a%")), [Row("apple")])
    assert _string4(session).where(col("A").like("%x%")).collect() == []
    assert _string4(session).where(col("A").like("ap.le")).collect() == []
    assert _string4(session).where(col("A").like("")).collect() == []


# test_column_suite.py::test_subfield
@known_difference("Snowflake's PARSE_JSON accepts relaxed JSON such as [{a:1}] (unquoted keys); DuckDB's JSON parser rejects it")
def test_subfield(session):
    nj = session.create_dataframe([['{"a": null}'], ['{"a": "foo"}'], [None]]).select(parse_json(col("_1")).as_("v"))
    check_answer(nj.select(col("v")["a"]), [Row("null"), Row('"foo"'), Row(None)], sort=False)
    arr = session.sql(
        "select array_construct(a,b,c) as arr1, d, e, f from"
        " values(1,2,3,2,'e1','[{a:1}]'),(6,7,8,1,'e2','[{a:1},{b:2}]') as T(a,b,c,d,e,f)")
    check_answer(arr.select(col("arr1")[0]), [Row("1"), Row("6")])
    check_answer(arr.select(parse_json(col("f"))[0]["a"]), [Row("1"), Row("1")])


# test_column_suite.py::test_subfield (TestData.variant2 paths)
def test_subfield_variant_paths(session):
    src = ('{"date with \' and .": "2017-04-28", "salesperson": {"id": "55", "name": "Frank Beasley"},'
           ' "customer": [{"name": "Joyce Ridgely", "phone": "16504378889", "address": "San Francisco, CA"}],'
           ' "vehicle": [{"make": "Honda", "extras": ["ext warranty", "paint protection"]}]}')
    v = session.create_dataframe([src], schema=["values"]).select(parse_json("values").as_("src"))
    assert v.select(col("src")["vehicle"][0]["make"]).collect() == [Row('"Honda"')]
    assert v.select(col("SRC")["vehicle"][0]["make"]).collect() == [Row('"Honda"')]
    assert v.select(col("src")["VEHICLE"][0]["make"]).collect() == [Row(None)]
    assert v.select(col("src")["vehicle"][0]["MAKE"]).collect() == [Row(None)]
    assert v.select(col("src")["vehicle"][0]["extras"][1]).collect() == [Row('"paint protection"')]
    assert v.select(col("src")["date with '' and ."]).collect() == [Row('"2017-04-28"')]
    assert v.select(col("src")["salesperson.id"]).collect() == [Row(None)]


# test_column_suite.py::test_regexp
def test_regexp(session):
    check_answer(_string4(session).where(col("a").regexp(lit("ap.le"))), [Row("apple")])
    check_answer(_string4(session).where(col("a").regexp(".*(a?a)")), [Row("banana")])
    assert _string4(session).where(col("A").regexp("%a%")).collect() == []
    assert _string4(session).where(col("A").regexp("AP.LE", "c")).collect() == []
    check_answer(_string4(session).where(col("A").regexp("AP.LE", "i")), [Row("apple")])
    df = session.create_dataframe(
        [["MATCH", "MATCH"], ["MAT.*", "MATCH"], [".*", "MATCH"], ["NO_MATCH", "MATCH"]], schema=["pattern", "content"])
    check_answer(df.select(col("CONTENT").regexp(col("PATTERN")).alias("RESULT")),
                 [Row(True), Row(True), Row(True), Row(False)], sort=False)


# test_column_suite.py::test_regexp (invalid pattern)
def test_regexp_invalid_pattern(session):
    raises(SnowparkSQLException, lambda: _string4(session).where(col("A").regexp("+*")).collect(),
           match="Invalid regular expression")


# test_column_suite.py::test_get_column_name
def test_get_column_name(session):
    df = session.create_dataframe([[1], [2], [3]]).to_df(["a"])
    assert df.col("a").getName() == '"A"'
    assert not (col("col") > 100).getName()


# test_column_suite.py::test_when_case
def test_when_case(session):
    df = _null_data1(session)
    expected = [Row(5), Row(7), Row(6), Row(7), Row(5)]
    check_answer(df.select(when(col("a").is_null(), lit(5)).when(col("a") == 1, lit(6)).otherwise(lit(7)).as_("a")),
                 expected, sort=False)
    check_answer(df.select(when(col("a").is_null(), lit(5)).when(col("a") == 1, lit(6)).else_(lit(7)).as_("a")),
                 expected, sort=False)
    check_answer(df.select(when(col("a").is_null(), lit(5)).when(col("a") == 1, lit(6)).as_("a")),
                 [Row(5), Row(None), Row(6), Row(None), Row(5)], sort=False)


# test_column_suite.py::test_when_case (wrong type)
def test_when_case_wrong_type(session):
    df = _null_data1(session)
    raises(SnowparkSQLException,
           lambda: df.select(when(col("a").is_null(), lit("a")).when(col("a") == 1, lit(6)).as_("a")).collect())


# test_column.py::test_when_accept_literal_value
def test_when_accept_literal_value(session):
    df = _null_data1(session)
    check_answer(df.select(when(col("a").is_null(), 5).when(col("a") == 1, 6).otherwise(7).as_("a")),
                 [Row(5), Row(7), Row(6), Row(7), Row(5)], sort=False)
    check_answer(df.select(when(col("a").is_null(), 5).when(col("a") == 1, 6).as_("a")),
                 [Row(5), Row(None), Row(6), Row(None), Row(5)], sort=False)


# test_column.py::test_when_accept_sql_expr
def test_when_accept_sql_expr(session):
    df = _null_data1(session)
    check_answer(df.select(when("a is NULL", 5).when("a = 1", 6).otherwise(7).as_("a")),
                 [Row(5), Row(7), Row(6), Row(7), Row(5)], sort=False)


# test_column_suite.py::test_lit_contains_single_quote
def test_lit_contains_single_quote(session):
    df = session.create_dataframe([[1, "'"], [2, "''"]]).to_df(["a", "b"])
    assert df.where(col("b") == "'").collect() == [Row(1, "'")]


# test_column_suite.py::test_in_expression_1_in_with_constant_value_list
def test_in_expression_1_in_with_constant_value_list(session):
    df = session.create_dataframe([[1, "a", 1, 1], [2, "b", 2, 2], [3, "b", 33, 33]]).to_df(["a", "b", "c", "d"])
    check_answer(df.filter(col("a").in_(1, 2)), [Row(1, "a", 1, 1), Row(2, "b", 2, 2)], sort=False)
    check_answer(df.filter(~col("a").in_(lit(1), lit(2))), [Row(3, "b", 33, 33)], sort=False)
    check_answer(df.select(col("a").in_(1, 2).as_("in_result")), [Row(True), Row(True), Row(False)], sort=False)
    check_answer(df.filter(col("a").in_([1, 2])), [Row(1, "a", 1, 1), Row(2, "b", 2, 2)], sort=False)
    check_answer(df.select(~col("a").in_([lit(1), lit(2)]).as_("in_result")), [Row(False), Row(False), Row(True)], sort=False)
    check_answer(df.select(~col("a").in_([lit("1").cast(IntegerType()), lit("2").cast(IntegerType())]).as_("in_result")),
                 [Row(False), Row(False), Row(True)], sort=False)
    check_answer(df.filter(col("a").isin(1, 2)), [Row(1, "a", 1, 1), Row(2, "b", 2, 2)])


# test_column_suite.py::test_in_expression_2_in_with_subquery
def test_in_expression_2_in_with_subquery(session):
    df0 = session.create_dataframe([[1], [2], [5]]).to_df(["a"])
    df = session.create_dataframe([[1, "a", 1, 1], [2, "b", 2, 2], [3, "b", 33, 33]]).to_df(["a", "b", "c", "d"])
    check_answer(df.filter(col("a").in_(df0.filter(col("a") < 3))), [Row(1, "a", 1, 1), Row(2, "b", 2, 2)])
    check_answer(df.filter(~df["a"].in_(df0.filter(col("a") < 3))), [Row(3, "b", 33, 33)])
    check_answer(df.select(col("a").in_(df0.filter(col("a") < 2)).as_("in_result")), [Row(True), Row(False), Row(False)])


# test_column_suite.py::test_in_expression_6_multiple_columns_with_const_values
def test_in_expression_6_multiple_columns_with_const_values(session):
    df = session.create_dataframe([[1, "a", -1, 1], [2, "b", -2, 2], [3, "b", 33, 33]]).to_df("a", "b", "c", "d")
    check_answer(df.filter(in_([col("a"), col("b")], [[1, "a"], [2, "b"], [3, "c"]])),
                 [Row(1, "a", -1, 1), Row(2, "b", -2, 2)])
    check_answer(df.filter(~in_([col("a"), col("b")], [[1, "a"], [2, "b"], [3, "c"]])), [Row(3, "b", 33, 33)])


# test_column_suite.py::test_in_expression_5_negative_test_that_sub_query_has_multiple_columns
def test_in_expression_5_subquery_with_multiple_columns(session):
    df = session.create_dataframe([[1, "a", 1, 1], [2, "b", 2, 2], [3, "b", 33, 33]]).to_df("a", "b", "c", "d")
    raises(ValueError, lambda: df.filter(col("a").in_(df.select("c", "d"))), match="does not match the number of columns")


# test_column_suite.py::test_in_expression_null_cases
def test_in_expression_null_cases(session):
    df = session.create_dataframe(
        [[1, "a", 1, 1], [2, "b", 2, 2], [3, "b", 33, 33], [None, "c", 44, 44]]).to_df(["a", "b", "c", "d"])
    check_answer(df.select(col("a").in_(1, 2).as_("in_result")), [Row(True), Row(True), Row(False), Row(None)], sort=False)
    check_answer(df.select(~col("a").in_(lit(1), lit(2)).as_("in_result")),
                 [Row(False), Row(False), Row(True), Row(None)], sort=False)
    check_answer(df.filter(col("a").in_([])), [], sort=False)


# test_column.py::test_between
def test_between(session):
    df = session.create_dataframe([[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]]).to_df(["a", "b"])
    check_answer(df.where(col("a").between(lit(2), 6)), [Row(3, 4), Row(5, 6)])
    check_answer(df.select(col("a").between(lit(2), 6)), [Row(False), Row(True), Row(True), Row(False), Row(False)])


# test_column.py::test_try_cast
def test_try_cast(session):
    df = session.create_dataframe([["2018-01-01"]], schema=["a"])
    cast_res = df.select(df["a"].cast("date")).collect()
    try_cast_res = df.select(df["a"].try_cast("date")).collect()
    assert cast_res[0][0] == try_cast_res[0][0] == datetime.date(2018, 1, 1)


# test_column.py::test_try_cast_work_cast_not_work
def test_try_cast_work_cast_not_work(session):
    df = session.create_dataframe([["aaa"]], schema=["a"])
    raises(SnowparkSQLException, lambda: df.select(df["a"].cast("date")).collect())
    check_answer(df.select(df["a"].try_cast("date")), [Row(None)])


# test_column.py::test_cast_try_cast_negative
def test_cast_try_cast_negative(session):
    df = session.create_dataframe([["aaa"]], schema=["a"])
    raises(ValueError, lambda: df.select(df["a"].cast("wrong_type")), match="'wrong_type' is not a supported type")
    raises(ValueError, lambda: df.select(df["a"].try_cast("wrong_type")), match="'wrong_type' is not a supported type")


# test_column.py::test_cast_decimal
def test_cast_decimal(session):
    df = session.create_dataframe([[5.2354]], schema=["a"])
    check_answer(df.select(df["a"].cast(" decimal ( 3, 2 ) ")), [Row(Decimal("5.24"))])


# test_column.py::test_cast_array_type
def test_cast_array_type(session):
    df = session.create_dataframe([["[1,2,3]"]], schema=["a"])
    result = df.select(parse_json(df["a"]).cast("array")).collect()
    assert json.loads(result[0][0]) == [1, 2, 3]


# test_column.py::test_startswith / test_endswith
def test_startswith_endswith(session):
    check_answer(_string4(session).select(col("a").startswith(lit("a"))), [Row(True), Row(False), Row(False)], sort=False)
    check_answer(_string4(session).select(col("a").endswith(lit("ana"))), [Row(False), Row(True), Row(False)], sort=False)


# test_column.py::test_substring
def test_substring(session):
    check_answer(_string4(session).select(col("a").substring(1, 3), col("a").substring(2, 100)),
                 [Row("app", "pple"), Row("ban", "anana"), Row("pea", "each")], sort=False)
    check_answer(_string4(session).select(col("a").substring(0, 3), col("a").substr(1, 3)),
                 [Row("app", "app"), Row("ban", "ban"), Row("pea", "pea")], sort=False)


# test_column.py::test_contains
def test_contains(session):
    check_answer(_string4(session).filter(col("a").contains(lit("e"))), [Row("apple"), Row("peach")], sort=False)


# test_column.py::test_logical_operator_raise_error
def test_logical_operator_raise_error(session):
    df = session.create_dataframe([[1, 2]], schema=["a", "b"])
    raises(TypeError, lambda: df.filter(df.a > 1 and df.b > 1), match="Cannot convert a Column object into bool")


# test_column.py::test_column_with_builtins_that_shadow_functions
def test_column_with_builtins_that_shadow_functions(session):
    df = session.create_dataframe([[1.111], [2.222], [3.333]], schema=StructType([StructField("a", DecimalType(scale=3))]))
    raises(TypeError, lambda: df.select(max(col("a"), 25)).collect(), match="Cannot convert a Column object into bool")
    raises(TypeError, lambda: df.select(max(col("a"))).collect(), match="Column is not iterable")
    raises(TypeError, lambda: df.select(round(col("a"))).collect(), match="Column cannot be rounded")
    raises(TypeError, lambda: df.select(sum(col("a"))).collect(), match="Column is not iterable")
    check_answer(df.select(pow(col("a"), 2)), [Row(1.234321), Row(4.937284), Row(11.108889)])


# test_column.py::test_function_calls_inside_when
def test_function_calls_inside_when(session):
    from snowflake.snowpark.functions import hour, minute
    schema = StructType([StructField("id", IntegerType()), StructField("timestamp", TimestampType())])
    df = session.create_dataframe(
        [(1, datetime.datetime(2020, 1, 1, 1, 1, 1)), (1, datetime.datetime(2020, 1, 1, 23, 46, 1)),
         (1, datetime.datetime(2020, 1, 1, 1, 46, 1))], schema=schema)
    df2 = df.withColumn("hour_rounded", when(minute("timestamp") > 45, when(hour("timestamp") == 23, lit(0))
                                             .otherwise(hour("timestamp") + 1)).otherwise(hour("timestamp")))
    check_answer(df2, [Row(1, datetime.datetime(2020, 1, 1, 1, 1, 1), 1),
                       Row(1, datetime.datetime(2020, 1, 1, 23, 46, 1), 0),
                       Row(1, datetime.datetime(2020, 1, 1, 1, 46, 1), 2)])


# test_column_suite.py::test_errors_for_aliased_columns
def test_errors_for_aliased_columns(session):
    df = session.create_dataframe([[1]]).to_df("c")
    raises(SnowparkSQLException, lambda: df.select(col("a").as_("b") + 10).collect())
    raises(SnowparkSQLException, lambda: df.group_by(col("a")).agg(avg(col("a").as_("b"))).collect())


# test_dataframe_reader_suite.py::test_read_json_with_no_schema (query_test): a VARIANT field
# compared with a string keeps the rows whose field is that string; fields holding a number or
# a boolean are simply not equal (no error).
def test_variant_field_equals_string(session):
    df = session.create_dataframe(
        [['{"color": "Red", "fruit": "Apple"}'], ['{"color": 10, "fruit": "NewApple"}'], ['{"color": true, "fruit": "Banana"}']],
        schema=["j"],
    ).select(parse_json(col("j")).as_("v"))
    # A VARIANT comes back as its JSON text, as in Snowpark.
    check_answer(df.where(df["v"]["color"] == "Red").select(df["v"]["fruit"]), [Row('"Apple"')])
    check_answer(df.where(df["v"]["fruit"].isin("Apple", "Banana")).select(df["v"]["fruit"]), [Row('"Apple"'), Row('"Banana"')])
