"""More of snowflake.snowpark.functions: the functions added after test_function.py, ported from
snowpark-python tests/integ/test_function.py and tests/integ/scala/test_function_suite.py, or, where
snowpark-python has no integration test, from the doctest example in the function's docstring in
snowpark-python's src/snowflake/snowpark/functions.py (its doctests run on a Snowflake account, so
their outputs are Snowflake's). Expected values come from there; the code is ours."""

import contextlib
import datetime
import re
from decimal import Decimal

from _support import known_difference, Row, check_answer, raises
from snowflake.snowpark.functions import (
    acosh, array_agg, array_construct, array_except, array_remove, array_reverse, array_union,
    array_unique_agg, arrays_to_object, arrays_zip, asinh, atanh, base64, bit_length, bitshiftleft,
    bitshiftright, bucket, check_xml, col, collect_list, collect_set, create_map, current_available_roles,
    current_schemas, current_statement, daydiff, div0, divnull, element_at, explode_outer, format_number,
    from_unixtime, from_utc_timestamp, get_ignore_case, hex, hex_encode, ifnull, insert, json_extract_path_text,
    lit, locate, log10, log1p, log2, map_cat, map_concat, map_contains_key, map_keys, monotonically_increasing_id,
    normal, octet_length, parse_json, parse_xml, percentile_approx, randn, regr_sxx, regr_sxy, regr_syy, signum,
    size, sort_array, struct, substring_index, timestamp_ltz_from_parts, timestamp_tz_from_parts, to_date,
    to_utc_timestamp, to_variant, to_xml, truncate, try_to_binary, unbase64, unix_timestamp, xmlget,
)
from snowflake.snowpark.types import VariantType

LOS_ANGELES_PDT = datetime.timezone(datetime.timedelta(hours=-7))


# ------------------------------------------------------------------ numbers

# test_function_suite.py::test_div0 (both parametrizations: Python numbers and lit())
def test_div0(session):
    zero1 = session.create_dataframe([(0,)], schema=["a"])
    check_answer(zero1.select(div0(2, 0), div0(4, 2)), [Row(0.0, 2.0)])
    check_answer(zero1.select(div0(lit(2), lit(0)), div0(lit(4), lit(2))), [Row(0.0, 2.0)])


# doctest of functions.divnull
def test_divnull(session):
    df = session.create_dataframe([1], schema=["a"])
    assert df.select(divnull(df["a"], 1).alias("divided_by_one"), divnull(df["a"], 0).alias("divided_by_zero")) \
        .collect() == [Row(DIVIDED_BY_ONE=Decimal("1.000000"), DIVIDED_BY_ZERO=None)]


# doctests of functions.log10, functions.log2 and functions.log1p; the unaliased name is Snowpark's SQL, LOG(10, "A")
def test_log10_log2_log1p(session):
    check_answer(session.create_dataframe([1, 10], schema=["a"]).select(log10(col("a")).alias("log10")),
                 [Row(0.0), Row(1.0)])
    check_answer(session.create_dataframe([1, 2, 8], schema=["a"]).select(log2("a").alias("log2")),
                 [Row(0.0), Row(1.0), Row(3.0)])
    check_answer(session.create_dataframe([0, 1], schema=["a"]).select(log1p("a").alias("log1p")),
                 [Row(0.0), Row(0.6931471805599453)])
    df = session.create_dataframe([10], schema=["a"])
    assert df.select(log10("a"), log2(8)).columns == ['"LOG(10, ""A"")"', '"LOG(2, 8)"']


# doctest of functions.sign, through its alias signum
def test_signum(session):
    df = session.create_dataframe([(-2, 2, 0)], ["a", "b", "c"])
    check_answer(df.select(signum("a"), signum("b"), signum(col("c"))), [Row(-1, 1, 0)])


# doctests of functions.acosh, functions.asinh and functions.atanh
def test_acosh_asinh_atanh(session):
    assert session.create_dataframe([2.352409615], schema=["a"]).select(acosh("a").as_("acosh")).collect() \
        == [Row(ACOSH=1.4999999998857607)]
    assert session.create_dataframe([2.129279455], schema=["a"]).select(asinh(col("a")).alias("asinh")).collect() \
        == [Row(ASINH=1.4999999999596934)]
    assert session.create_dataframe([0.9051482536], schema=["a"]).select(atanh(col("a")).alias("result")).collect() \
        == [Row(RESULT=1.4999999997517164)]


# doctest of functions.bitshiftleft; test_function.py::test_bitshiftright
def test_bitshiftleft_bitshiftright(session):
    assert session.create_dataframe([2], schema=["a"]).select(bitshiftleft("a", 1)).collect()[0][0] == 4
    assert session.create_dataframe([2], schema=["a"]).select(bitshiftright("a", 1)).collect()[0][0] == 1
    df = session.create_dataframe([(65504), (1), (4)], ["value"])
    res = df.select(bitshiftright("VALUE", 1)).collect()
    assert res[0][0] == 32752 and res[1][0] == 0 and res[2][0] == 2


# doctest of functions.approx_percentile, through its alias percentile_approx
def test_percentile_approx(session):
    df = session.create_dataframe([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], schema=["a"])
    check_answer(df.select(percentile_approx("a", 0.5).alias("result")), [Row(4.5)])


# doctests of functions.regr_sxx, functions.regr_sxy and functions.regr_syy
def test_regr_sxx_sxy_syy(session):
    df = session.create_dataframe([[10, 11], [20, 22], [25, None], [30, 35]], schema=["v", "v2"])
    assert df.group_by("v").agg(regr_sxx(col("v"), col("v2")).alias("regr_sxx")).sort("v").collect() == [
        Row(V=10, REGR_SXX=0.0), Row(V=20, REGR_SXX=0.0), Row(V=25, REGR_SXX=None), Row(V=30, REGR_SXX=0.0)]
    filtered = df.filter(df["v2"].is_not_null())
    assert filtered.group_by("v").agg(regr_sxy(filtered["v"], filtered["v2"]).alias("regr_sxy")).sort("v").collect() \
        == [Row(V=10, REGR_SXY=0.0), Row(V=20, REGR_SXY=0.0), Row(V=30, REGR_SXY=0.0)]
    assert df.groupBy("v").agg(regr_syy(df["v"], df["v2"]).alias("regr_syy")).orderBy("v").collect() == [
        Row(V=10, REGR_SYY=0.0), Row(V=20, REGR_SYY=0.0), Row(V=25, REGR_SYY=None), Row(V=30, REGR_SYY=0.0)]
    # Not from snowpark-python: over all rows, from the definitions on Snowflake's REGR_SXX/REGR_SXY/REGR_SYY
    # pages (SXX = REGR_COUNT * VAR_POP(x), SXY = REGR_COUNT * COVAR_POP(y, x), SYY = REGR_COUNT * VAR_POP(y),
    # over the rows where neither is NULL): x = 11, 22, 35 and y = 10, 20, 30.
    check_answer(df.select(regr_sxx("v", "v2"), regr_sxy("v", "v2"), regr_syy("v", "v2")),
                 [Row(288.6666666666667, 240.0, 200.0)])


# doctest of functions.normal
@known_difference("NORMAL is not translated for the local engine, whose random numbers would differ from Snowflake's anyway")
def test_normal(session):
    df = session.create_dataframe([1, 2, 3], schema=["a"])
    assert df.select(normal(0, 1, "a").alias("normal")).collect() == [
        Row(NORMAL=-1.143416214223267), Row(NORMAL=-0.78469958830255), Row(NORMAL=-0.365971322006404)]


# doctest of functions.randn
@known_difference("NORMAL is not translated for the local engine, whose random numbers would differ from Snowflake's anyway")
def test_randn(session):
    df = session.create_dataframe([1, 2, 3], schema=["seed"])
    assert df.select(randn("seed").alias("randn")).collect() == [
        Row(RANDN=-1.143416214223267), Row(RANDN=-0.78469958830255), Row(RANDN=-0.365971322006404)]
    assert len(df.select(randn().alias("randn")).collect()) == 3


# Not from snowpark-python (its doctests of bucket and truncate are skipped: they are Iceberg partition
# transforms for save_as_table's iceberg_config): Snowpark's truncate is truncate(width, col), so a
# Column first and a number second is refused, as Snowpark's _to_col_if_str refuses the int.
def test_bucket_truncate_arguments(session):
    assert truncate(3, "a") is not None and truncate(lit(3), col("a")) is not None
    assert bucket(10, "a") is not None and bucket("n", col("a")) is not None
    raises(TypeError, lambda: truncate(col("a"), 2))
    raises(TypeError, lambda: bucket(10, 3))


# ------------------------------------------------------------------ strings and binary

# doctest of functions.ifnull
def test_ifnull(session):
    df = session.create_dataframe([("a", "b"), ("c", None), (None, "d"), (None, None)], schema=["e1", "e2"])
    assert df.select(ifnull(df["e1"], df["e2"]).alias("result")).collect() == [
        Row(RESULT="a"), Row(RESULT="c"), Row(RESULT="d"), Row(RESULT=None)]


# doctest of functions.hex_encode, and its alias hex; hex_encode(…, 0) writes lower-case digits (Snowflake's
# HEX_ENCODE page: case 0 gives lower case, 1, the default, upper case)
def test_hex_encode(session):
    df = session.create_dataframe(["Snowflake", "Hello"], schema=["input"])
    assert df.select(hex_encode(col("input")).alias("hex_encoded")).collect() == [
        Row(HEX_ENCODED="536E6F77666C616B65"), Row(HEX_ENCODED="48656C6C6F")]
    assert df.select(hex("input").alias("hex_encoded")).collect() == [
        Row(HEX_ENCODED="536E6F77666C616B65"), Row(HEX_ENCODED="48656C6C6F")]
    assert df.select(hex_encode("input", 0)).collect() == [Row("536e6f77666c616b65"), Row("48656c6c6f")]
    assert df.select(hex("input")).columns == ['"HEX_ENCODE(""INPUT"", 1)"']


# doctests of functions.base64_encode and functions.base64_decode_string, through their aliases base64 and unbase64
def test_base64_unbase64(session):
    df = session.create_dataframe(["Snowflake", "Data"], schema=["input"])
    assert df.select(base64(col("input")).alias("encoded")).collect() == [Row(ENCODED="U25vd2ZsYWtl"), Row(ENCODED="RGF0YQ==")]
    df = session.create_dataframe(["U25vd2ZsYWtl", "SEVMTE8="], schema=["input"])
    assert df.select(unbase64(col("input")).alias("decoded")).collect() == [Row(DECODED="Snowflake"), Row(DECODED="HELLO")]


# doctest of functions.try_to_binary (its valid and NULL inputs)
def test_try_to_binary(session):
    df = session.create_dataframe(["01", None], schema=["hex_encoded_string"])
    assert df.select(try_to_binary(df["hex_encoded_string"], "HEX").alias("b")).collect() == [
        Row(B=bytearray(b"\x01")), Row(B=None)]


# doctest of functions.try_to_binary (its invalid inputs)
def test_try_to_binary_invalid(session):
    df = session.create_dataframe(["01", "A B", "Hello", None], schema=["hex_encoded_string"])
    assert df.select(try_to_binary(df["hex_encoded_string"], "HEX").alias("b")).collect() == [
        Row(B=bytearray(b"\x01")), Row(B=None), Row(B=None), Row(B=None)]


# test_function_suite.py::test_insert (both parametrizations); doctest of functions.insert
def test_insert(session):
    string4 = session.create_dataframe([["apple"], ["banana"], ["peach"]], schema=["a"])
    for col_a in ("a", col("a")):
        check_answer(string4.select(insert(col_a, 2, 3, lit("abc"))), [Row("aabce"), Row("babcna"), Row("pabch")], sort=False)
    df = session.create_dataframe(["abc"], schema=["a"])
    assert df.select(insert(df["a"], 1, 2, lit("Z")).alias("insert")).collect() == [Row(INSERT="Zc")]


# doctest of functions.locate
def test_locate(session):
    df = session.create_dataframe([["find a needle in a haystack"], ["nothing but hay in a haystack"]], schema=["expr"])
    check_answer(df.select(locate("needle", col("expr")).alias("1-pos")), [Row(8), Row(0)], sort=False)
    # Not from snowpark-python: the start position is CHARINDEX's third argument, from which the search begins.
    check_answer(df.select(locate("hay", "expr", 15)), [Row(20), Row(22)], sort=False)


# test_function.py::test_substring_index
def test_substring_index(session):
    df = session.create_dataframe([[0, "a.b.c.d"], [1, ""], [2, None]], ["id", "s"])
    respos = df.select(substring_index("s", ".", 2), "id").order_by("id").collect()
    assert respos[0][0] == "a.b"
    assert respos[1][0] == ""
    assert respos[2][0] is None
    resneg = df.select(substring_index("s", ".", -3), "id").order_by("id").collect()
    assert resneg[0][0] == "b.c.d"
    reszero = df.select(substring_index("s", ".", 0), "id").order_by("id").collect()
    assert reszero[0][0] == ""


# test_function.py::test_substring_index_col
def test_substring_index_col(session):
    df = session.create_dataframe([["a,b,c,d", ","]], ["s", "delimiter"])
    res = df.select(substring_index(col("s"), df["delimiter"], 2)).collect()
    assert res[0][0] == "a,b"
    res = df.select(substring_index(col("s"), col("delimiter"), 3)).collect()
    assert res[0][0] == "a,b,c"
    reslit = df.select(substring_index("s", lit(","), -3)).collect()
    assert reslit[0][0] == "b,c,d"


# doctest of functions.octet_length
def test_octet_length(session):
    df = session.create_dataframe(["abc", "\u0392", "X'A1B2'"], schema=["a"])
    assert df.select(octet_length(col("a")).alias("octet_length")).collect() == [
        Row(OCTET_LENGTH=3), Row(OCTET_LENGTH=2), Row(OCTET_LENGTH=7)]


# doctest of functions.bit_length
def test_bit_length(session):
    df = session.create_dataframe([["abc"], ["\u0394"]], schema=["v"])
    df = df.withColumn("b", lit("A1B2").cast("binary"))
    assert df.select(bit_length(col("v")).alias("BIT_LENGTH_V"), bit_length(col("b")).alias("BIT_LENGTH_B")).collect() \
        == [Row(BIT_LENGTH_V=24, BIT_LENGTH_B=16), Row(BIT_LENGTH_V=16, BIT_LENGTH_B=16)]


# test_function.py::test_format_number; doctest of functions.format_number
def test_format_number(session):
    import decimal
    data = [(1, decimal.Decimal(3.14159)), (2, decimal.Decimal(2.71828)), (3, decimal.Decimal(1.41421))]
    df = session.createDataFrame(data, ["id", "value"])
    res = df.select("id", format_number("value", 2).alias("value_formatted")).sort("id").collect()
    assert res[0].VALUE_FORMATTED == "3.14"
    assert res[1].VALUE_FORMATTED == "2.72"
    assert res[2].VALUE_FORMATTED == "1.41"


# ------------------------------------------------------------------ dates and times

# test_function.py::test_daydiff; doctest of functions.daydiff
def test_daydiff(session):
    df = session.createDataFrame([("2015-04-08", "2015-05-10")], ["d1", "d2"])
    res = df.select(daydiff(to_date(df.d2), to_date(df.d1)).alias("diff")).collect()
    assert res[0].DIFF == 32


# doctest of functions.unix_timestamp
def test_unix_timestamp(session):
    df = session.create_dataframe([["2013-05-08T23:39:20.123-07:00"]], schema=["ts_col"])
    check_answer(df.select(unix_timestamp(col("ts_col")).alias("unix_time")), [Row(1368056360)])


# doctest of functions.to_timestamp (integer seconds since the epoch), through its alias from_unixtime
def test_from_unixtime(session):
    df = session.createDataFrame([20, 31536000000], schema=["a"])
    assert df.select(from_unixtime(col("a"))).collect() == [
        Row(datetime.datetime(1970, 1, 1, 0, 0, 20)), Row(datetime.datetime(2969, 5, 3, 0, 0))]


# doctests of functions.to_utc_timestamp and functions.from_utc_timestamp
def test_to_and_from_utc_timestamp(session):
    df = session.create_dataframe(["2019-01-31 01:02:03.004"], schema=["t"])
    assert df.select(to_utc_timestamp(col("t"), "America/Los_Angeles").alias("ans")).collect() == [
        Row(ANS=datetime.datetime(2019, 1, 31, 9, 2, 3, 4000))]
    assert df.select(from_utc_timestamp(col("t"), "America/Los_Angeles").alias("ans")).collect() == [
        Row(ANS=datetime.datetime(2019, 1, 30, 17, 2, 3, 4000))]
    df = session.create_dataframe([("2019-01-31 01:02:03.004", "America/Los_Angeles")], schema=["t", "tz"])
    assert df.select(to_utc_timestamp(col("t"), col("tz")).alias("ans")).collect() == [
        Row(ANS=datetime.datetime(2019, 1, 31, 9, 2, 3, 4000))]
    assert df.select(from_utc_timestamp(col("t"), col("tz")).alias("ans")).collect() == [
        Row(ANS=datetime.datetime(2019, 1, 30, 17, 2, 3, 4000))]


@contextlib.contextmanager
def los_angeles_session(session):
    """The session time zone these cases assume: Snowflake's default TIMEZONE, America/Los_Angeles (the
    local engine's default is the machine's zone). Unset afterwards, so later cases see the default again."""
    session.sql("alter session set timezone = 'America/Los_Angeles'").collect()
    try:
        yield
    finally:
        session.sql("alter session unset timezone").collect()


# doctest of functions.timestamp_ltz_from_parts (session time zone America/Los_Angeles)
def test_timestamp_ltz_from_parts(session):
    df = session.create_dataframe([[2022, 4, 1, 11, 11, 0], [2022, 3, 31, 11, 11, 0]],
                                  schema=["year", "month", "day", "hour", "minute", "second"])
    with los_angeles_session(session):
        rows = df.select(timestamp_ltz_from_parts("year", "month", "day", "hour", "minute", "second")
                         .alias("TIMESTAMP_LTZ_FROM_PARTS")).collect()
    assert rows == [Row(TIMESTAMP_LTZ_FROM_PARTS=datetime.datetime(2022, 4, 1, 11, 11, tzinfo=LOS_ANGELES_PDT)),
                    Row(TIMESTAMP_LTZ_FROM_PARTS=datetime.datetime(2022, 3, 31, 11, 11, tzinfo=LOS_ANGELES_PDT))], rows


# test_function_suite.py::test_timestamp_tz_from_parts (session time zone America/Los_Angeles)
def test_timestamp_tz_from_parts(session):
    df = session.create_dataframe([[2022, 4, 1, 11, 11, 0, "America/Los_Angeles"]],
                                  schema=["year", "month", "day", "hour", "minute", "second", "timezone"])
    parts = ("year", "month", "day", "hour", "minute", "second")
    with_fraction = datetime.datetime.strptime("2022-04-01 11:11:00.987654 -07:00", "%Y-%m-%d %H:%M:%S.%f %z")
    whole = datetime.datetime.strptime("2022-04-01 11:11:00 -07:00", "%Y-%m-%d %H:%M:%S %z")
    with los_angeles_session(session):
        check_answer(df.select(timestamp_tz_from_parts(*parts, nanoseconds=987654321, timezone="timezone")), [Row(with_fraction)])
        check_answer(df.select(timestamp_tz_from_parts(*parts, nanoseconds=987654321)), [Row(with_fraction)])
        check_answer(df.select(timestamp_tz_from_parts(*parts, timezone="timezone")), [Row(whole)])
        check_answer(df.select(timestamp_tz_from_parts(*parts)), [Row(whole)])


# ------------------------------------------------------------------ arrays

# doctest of functions.array_except
def test_array_except(session):
    def run(source, exclude, *allow_duplicates):
        df = session.create_dataframe([Row(source, exclude)], schema=["source_array", "array_of_elements_to_exclude"])
        return df.select(array_except("source_array", "array_of_elements_to_exclude", *allow_duplicates).alias("result"))

    check_answer(run(["A", "B"], ["B", "C"]), [Row('[\n  "A"\n]')])
    check_answer(run(["A", "B", "B", "B", "C"], ["B"]), [Row('[\n  "A",\n  "B",\n  "B",\n  "C"\n]')])
    check_answer(run(["A", None, None], ["B", None]), [Row('[\n  "A",\n  null\n]')])
    check_answer(run([{"a": 1, "b": 2}, 1], [{"a": 1, "b": 2}, 3]), [Row("[\n  1\n]")])
    check_answer(run(["A", "B"], None), [Row(None)])
    check_answer(run(["A", "B"], ["B", "C"], False), [Row('[\n  "A"\n]')])
    check_answer(run(["A", "B", "B", "B", "C"], ["B"], False), [Row('[\n  "A",\n  "C"\n]')])
    check_answer(run(["A", None, None], ["B", None], False), [Row('[\n  "A"\n]')])


# test_function_suite.py::test_array_remove (the elements that are numbers)
def test_array_remove(session):
    actual = session.createDataFrame([([1, 2, 4, 4, 3],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, 4)), [Row("[\n  1,\n  2,\n  3\n]"), Row("[]")])
    actual = session.createDataFrame([([1, "2", 3.1, 1, 3],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, 1)), [Row('[\n  "2",\n  3.1,\n  3\n]'), Row("[]")])
    actual = session.createDataFrame([(["@", ";", "3.1", 1, 5 / 3],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, 1)),
                 [Row('[\n  "@",\n  ";",\n  "3.1",\n  1.6666666666666667\n]'), Row("[]")])
    actual = session.createDataFrame([([-1, -2, -4, -4, -3],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, 1)), [Row("[\n  -1,\n  -2,\n  -4,\n  -4,\n  -3\n]"), Row("[]")])
    actual = session.createDataFrame([([4.4, 5.5, 1.1],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, 5.5)), [Row("[\n  4.4,\n  1.1\n]"), Row("[]")])
    array1 = session.create_dataframe([(1, 2, 3, 3, 4, 5), (6, 7, 8, 9, 0, 1)], schema=["a", "b", "c", "d", "e", "f"]) \
        .select(array_construct("a", "b", "c").alias("arr1"), array_construct("d", "e", "f").alias("arr2"))
    check_answer(array1.select(array_remove(array_remove(col("arr1"), lit(1)), lit(8))),
                 [Row("[\n  2,\n  3\n]"), Row("[\n  6,\n  7\n]")], sort=False)
    check_answer(array1.select(array_remove(array_remove(col("arr1"), 1), lit(8))),
                 [Row("[\n  2,\n  3\n]"), Row("[\n  6,\n  7\n]")], sort=False)


# test_function_suite.py::test_array_remove (the elements that are strings: Snowpark casts a str to VARIANT);
# doctest of functions.array_remove
def test_array_remove_strings(session):
    actual = session.createDataFrame([(["a", "b", "c", "a", "a"],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, "a")), [Row('[\n  "b",\n  "c"\n]'), Row("[]")])
    actual = session.createDataFrame([(["apple", "banana", "apple", "orange"],), ([],)], ["data"])
    check_answer(actual.select(array_remove(actual.data, "apple")), [Row('[\n  "banana",\n  "orange"\n]'), Row("[]")])
    df = session.create_dataframe([([1, "2", 3.1, 1, 1],)], ["data"])
    check_answer(df.select(array_remove(df.data, lit("2").cast(VariantType())).alias("objects")),
                 [Row("[\n  1,\n  3.1,\n  1,\n  1\n]")])
    check_answer(df.select(array_remove(df.data, None).alias("objects")), [Row(None)])
    check_answer(df.select(array_remove(array_remove(df.data, 1), "2").alias("objects")), [Row("[\n  3.1\n]")])


# doctest of functions.array_reverse
def test_array_reverse(session):
    df = session.sql("select [1, 2, 3, 4] :: ARRAY(INT) as A")
    assert df.select(array_reverse("A")).collect() == [Row("[\n  4,\n  3,\n  2,\n  1\n]")]
    assert df.select(array_reverse("A")).columns == ['"ARRAY_REVERSE(""A"")"']


# doctest of functions.array_cat, through its alias array_union
def test_array_union(session):
    df = session.create_dataframe([Row(a=[1, 2, 3], b=[4, 5])])
    check_answer(df.select(array_union("a", "b").alias("result")), [Row("[\n  1,\n  2,\n  3,\n  4,\n  5\n]")])


# test_function.py::test_array_unique_agg, also through its alias collect_set
def test_array_unique_agg(session):
    def _result_str2lst(result):
        col_str = result[0][0]
        col_lst = [int(i) for i in re.sub(r"[\[|\]|,]", " ", col_str).strip().split()]
        col_lst.sort()
        return col_lst

    df1 = session.create_dataframe([[1], [2], [5], [2], [1]], schema=["a"])
    assert _result_str2lst(df1.select(array_unique_agg("a").alias("result")).collect()) == [1, 2, 5]
    assert _result_str2lst(df1.select(array_unique_agg(col("a")).alias("result")).collect()) == [1, 2, 5]
    assert _result_str2lst(df1.select(collect_set("a").alias("result")).collect()) == [1, 2, 5]
    df2 = session.create_dataframe([[1], [2], [None], [2], [None]], schema=["a"])
    assert _result_str2lst(df2.select(array_unique_agg("a").alias("result")).collect()) == [1, 2]


# doctest of functions.array_agg, through its alias collect_list
def test_collect_list(session):
    df = session.create_dataframe([[1], [2], [3], [1]], schema=["a"])
    check_answer(df.select(collect_list("a", True).within_group("a").alias("result")), [Row("[\n  1,\n  2,\n  3\n]")])
    check_answer(df.select(collect_list("a").within_group("a").alias("result")), [Row("[\n  1,\n  1,\n  2,\n  3\n]")])
    assert collect_list is array_agg


# doctest of functions.arrays_to_object
def test_arrays_to_object(session):
    df = session.sql("select array_construct('10', '20', '30') as A, array_construct(10, 20, 30) as B")
    check_answer(df.select(arrays_to_object(df.a, df.b).as_("object")), [Row('{\n  "10": 10,\n  "20": 20,\n  "30": 30\n}')])
    df = session.create_dataframe([[["a"], [1]], [["b", "c"], [2, 3]]], schema=["k", "v"])
    check_answer(df.select(arrays_to_object(df.k, df.v).as_("objects")),
                 [Row('{\n  "a": 1\n}'), Row('{\n  "b": 2,\n  "c": 3\n}')], sort=False)


# test_function.py::test_arrays_zip (all three parametrizations)
def test_arrays_zip(session):
    cases = [
        ([([1, 2], ["a", "b"])],
         '[\n  {\n    "$1": 1,\n    "$2": "a"\n  },\n  {\n    "$1": 2,\n    "$2": "b"\n  }\n]'),
        ([([1, 2], ["a", "b", "c"])],
         '[\n  {\n    "$1": 1,\n    "$2": "a"\n  },\n  {\n    "$1": 2,\n    "$2": "b"\n  },\n  {\n    "$1": null,\n    "$2": "c"\n  }\n]'),
        ([([1, 2], ["a", "b"], [10.1, 10.2])],
         '[\n  {\n    "$1": 1,\n    "$2": "a",\n    "$3": 10.1\n  },\n  {\n    "$1": 2,\n    "$2": "b",\n    "$3": 10.2\n  }\n]'),
    ]
    for data, expected in cases:
        df = session.create_dataframe(data)
        check_answer(df.select(arrays_zip(*df.columns).as_("zipped")), [Row(ZIPPED=expected)])


# doctest of functions.array_sort, through its alias sort_array (the doctest's array without its null)
def test_sort_array(session):
    df = session.create_dataframe([[[20, 0, 10]]], schema=["a"])
    check_answer(df.select(sort_array(df.a).as_("sorted_a")), [Row("[\n  0,\n  10,\n  20\n]")])
    check_answer(df.select(sort_array(df.a, False).as_("sorted_a")), [Row("[\n  20,\n  10,\n  0\n]")])


# doctest of functions.array_sort (JSON nulls), through its alias sort_array
@known_difference("an ARRAY here does not tell a JSON null element from SQL NULL; Snowflake sorts a JSON null as a value")
def test_sort_array_json_null(session):
    df = session.create_dataframe([[[20, 0, None, 10]]], schema=["a"])
    check_answer(df.select(sort_array(df.a, False, False).as_("sorted_a")), [Row("[\n  null,\n  20,\n  10,\n  0\n]")])
    check_answer(df.select(sort_array(df.a, False, True).as_("sorted_a")), [Row("[\n  null,\n  20,\n  10,\n  0\n]")])


# doctest of functions.size (with the names Snowpark gives its columns)
def test_size(session):
    df = session.create_dataframe([([1, 2, 3], {"a": 1, "b": 2}, 3)], ["col1", "col2", "col3"])
    result = df.select(size(df.col1), size(df.col2), size(df.col3))
    check_answer(result, [Row(3, 2, None)])
    assert result.columns == ['"SIZE(""COL1"")"', '"SIZE(""COL2"")"', '"SIZE(""COL3"")"']
    check_answer(df.select(size("col1").alias("n")).filter(col("n") > 2), [Row(3)])


# doctest of functions.get, through its alias element_at (df["map"] for the doctest's df.map, which names
# DataFrame.map here)
def test_element_at(session):
    df = session.createDataFrame([({"a": 1.0, "b": 2.0}, [1, 2, 3],), ({}, [],)], ["map", "list"])
    check_answer(df.select(element_at(df.list, 1).as_("idx1")).sort(col("idx1")), [Row(None), Row("2")], sort=False)
    check_answer(df.select(element_at(df["map"], lit("a")).as_("get_a")).sort(col("get_a")), [Row(None), Row("1")], sort=False)


# doctest of functions.explode_outer (the VALUE, KEY and VALUE columns it adds)
def test_explode_outer(session):
    df = session.create_dataframe([[1, [1, 2, 3], {"Ashi Garami": "Single Leg X"}], [2, [11, 22], {"Sankaku": "Triangle"}],
                                   [3, [], {}]], schema=["idx", "lists", "maps"])
    check_answer(df.select(df.idx, explode_outer(df.lists)).select("idx", "value").sort(col("idx")),
                 [Row(1, "1"), Row(1, "2"), Row(1, "3"), Row(2, "11"), Row(2, "22"), Row(3, None)])
    check_answer(df.select(df.idx, explode_outer(df.maps)).select("idx", "key", "value").sort(col("idx")),
                 [Row(1, "Ashi Garami", '"Single Leg X"'), Row(2, "Sankaku", '"Triangle"'), Row(3, None, None)])


# doctest of functions.seq8, through its alias monotonically_increasing_id
def test_monotonically_increasing_id(session):
    df = session.generator(monotonically_increasing_id(), rowcount=3)
    assert df.collect() == [Row(0), Row(1), Row(2)]
    assert df.columns == ['"SEQ8(0)"']


# ------------------------------------------------------------------ objects and maps

# test_function.py::test_create_map
def test_create_map(session):
    df = session.create_dataframe([("Sales", 6500, "USA"), ("Legal", 3000, None)], ("department", "salary", "location"))
    expected = [Row(MAP='{\n  "Sales": 6500\n}'), Row(MAP='{\n  "Legal": 3000\n}')]
    check_answer(df.select(create_map("department", "salary").alias("map")), expected, sort=False)
    check_answer(df.select(create_map(df.department, df.salary).alias("map")), expected, sort=False)
    check_answer(df.select(create_map(["department", "salary"]).alias("map")), expected, sort=False)
    check_answer(df.select(create_map([df.department, df.salary]).alias("map")), expected, sort=False)
    check_answer(
        df.select(create_map(lit("department"), col("department"), lit("salary"), col("salary")).alias("map")),
        [Row(MAP='{\n  "department": "Sales",\n  "salary": 6500\n}'),
         Row(MAP='{\n  "department": "Legal",\n  "salary": 3000\n}')], sort=False)
    check_answer(
        df.select(create_map(col("department"), create_map(lit("salary"), col("salary"))).alias("map")),
        [Row(MAP='{\n  "Sales": {\n    "salary": 6500\n  }\n}'), Row(MAP='{\n  "Legal": {\n    "salary": 3000\n  }\n}')],
        sort=False)
    check_answer(df.select(create_map("department", "location").alias("map")),
                 [Row(MAP='{\n  "Sales": "USA"\n}'), Row(MAP='{\n  "Legal": null\n}')], sort=False)
    check_answer(df.select(create_map().alias("map")), [Row(MAP="{}"), Row(MAP="{}")], sort=False)


# test_function.py::test_create_map (case 8: keys not in alphabetical order)
def test_create_map_dynamic(session):
    df = session.create_dataframe([("Sales", 6500, "USA"), ("Legal", 3000, None)], ("department", "salary", "location"))
    pairs = [value for name in df.columns for value in (lit(name), col(name))]
    check_answer(
        df.select(create_map(pairs).alias("map")),
        [Row(MAP='{\n  "DEPARTMENT": "Sales",\n  "LOCATION": "USA",\n  "SALARY": 6500\n}'),
         Row(MAP='{\n  "DEPARTMENT": "Legal",\n  "LOCATION": null,\n  "SALARY": 3000\n}')], sort=False)


# test_function.py::test_create_map_negative
def test_create_map_negative(session):
    df = session.create_dataframe([("Sales", 6500, "USA"), ("Legal", 3000, None)], ("department", "salary", "location"))
    raises(ValueError, lambda: df.select(create_map("department").alias("map")),
           match="The 'create_map' function requires an even number of parameters but the actual number is 1")
    raises(ValueError, lambda: df.select(create_map([df.department, df.salary, df.location]).alias("map")),
           match="The 'create_map' function requires an even number of parameters but the actual number is 3")


# test_function.py::test_struct (without collect's case_sensitive, which changes nothing here)
def test_struct(session):
    df = session.createDataFrame([("Bob", 80), ("Alice", None)], ["name", "age"])
    res = df.select(struct("age", "name").alias("struct")).collect()
    assert len(res) == 2
    assert re.sub(r"\s", "", res[0].STRUCT) == '{"age":80,"name":"Bob"}'
    assert re.sub(r"\s", "", res[1].STRUCT) == '{"age":null,"name":"Alice"}'
    res = df.select(struct([df.AGE, df.nAme]).alias("struct")).collect(case_sensitive=False)
    assert len(res) == 2
    assert re.sub(r"\s", "", res[0].STRUCT) == '{"AGE":80,"NAME":"Bob"}'
    assert re.sub(r"\s", "", res[1].STRUCT) == '{"AGE":null,"NAME":"Alice"}'
    res = df.select(struct(df.age.alias("A"), df.name.alias("B")).alias("struct")).collect()
    assert len(res) == 2
    assert re.sub(r"\s", "", res[0].STRUCT) == '{"A":80,"B":"Bob"}'
    assert re.sub(r"\s", "", res[1].STRUCT) == '{"A":null,"B":"Alice"}'


# doctest of functions.map_keys
def test_map_keys(session):
    df = session.sql("select {'k1': 'v1', 'k2': 'v2'} :: MAP(STRING,STRING) as M")
    check_answer(df.select(map_keys("M")), [Row('[\n  "k1",\n  "k2"\n]')])


# doctest of functions.map_contains_key (with the names Snowpark gives its columns)
def test_map_contains_key(session):
    df = session.sql("select {'k1': 'v1'} :: MAP(STRING,STRING) as M, 'k1' as V")
    result = df.select(map_contains_key(col("V"), "M"))
    check_answer(result, [Row(True)])
    assert result.columns == ['"MAP_CONTAINS_KEY(""V"", ""M"")"']
    df = session.sql("select {'k1': 'v1'} :: MAP(STRING,STRING) as M")
    result = df.select(map_contains_key("k1", "M"))
    check_answer(result, [Row(True)])
    assert result.columns == ['"MAP_CONTAINS_KEY(\'K1\', ""M"")"']


# doctest of functions.map_cat (skipped by snowpark-python's doctest run), also through its alias map_concat
def test_map_cat(session):
    df = session.sql("select {'k1': 'v1'} :: MAP(STRING,STRING) as A, {'k2': 'v2'} :: MAP(STRING,STRING) as B, "
                     "{'k3': 'v3'} :: MAP(STRING,STRING) as C")
    check_answer(df.select(map_cat("A", "B")), [Row('{\n  "k1": "v1",\n  "k2": "v2"\n}')])
    result = df.select(map_concat("A", "B", "C"))
    check_answer(result, [Row('{\n  "k1": "v1",\n  "k2": "v2",\n  "k3": "v3"\n}')])
    assert result.columns == ['"MAP_CAT(MAP_CAT(""A"", ""B""), ""C"")"']


# test_function_suite.py::test_json_extract_path_text; doctest of functions.json_extract_path_text
def test_json_extract_path_text(session):
    valid_json1 = session.create_dataframe(
        [('{"a": null}', "a"), ('{"a": "foo"}', "a"), ('{"a": "foo"}', "b"), (None, "a")], schema=["v", "k"]) \
        .select(parse_json("v").alias("v"), "k")
    check_answer(valid_json1.select(json_extract_path_text(col("v"), col("k"))), [Row(None), Row("foo"), Row(None), Row(None)],
                 sort=False)
    check_answer(valid_json1.select(json_extract_path_text("v", "k")), [Row(None), Row("foo"), Row(None), Row(None)], sort=False)
    df = session.create_dataframe([[{"a": "foo"}, "a"], [{"a": None}, "a"], [{"a": "foo"}, "b"], [None, "a"]], schema=["k", "v"])
    assert df.select(json_extract_path_text(to_variant("k"), "v").as_("res")).collect() == [
        Row(RES="foo"), Row(RES=None), Row(RES=None), Row(RES=None)]


# Not from snowpark-python: test_function_suite.py::test_json_extract_path_text's data with a constant path,
# lit("a"); JSON_EXTRACT_PATH_TEXT gives NULL for a JSON null, per Snowflake's JSON_EXTRACT_PATH_TEXT page
def test_json_extract_path_text_constant_path(session):
    valid_json1 = session.create_dataframe(
        [('{"a": null}', "a"), ('{"a": "foo"}', "a"), ('{"a": "foo"}', "b"), (None, "a")], schema=["v", "k"]) \
        .select(parse_json("v").alias("v"), "k")
    check_answer(valid_json1.select(json_extract_path_text("v", lit("a"))), [Row(None), Row("foo"), Row("foo"), Row(None)],
                 sort=False)


# ------------------------------------------------------------------ XML

# test_function_suite.py::test_to_xml
@known_difference("TO_XML is not translated for the local engine")
def test_to_xml(session):
    integer1 = session.create_dataframe([[1], [2], [3]]).to_df(["a"])
    expected = [Row('<SnowflakeData type="INTEGER">1</SnowflakeData>'), Row('<SnowflakeData type="INTEGER">2</SnowflakeData>'),
                Row('<SnowflakeData type="INTEGER">3</SnowflakeData>')]
    check_answer(integer1.select(to_xml(col("a"))), expected, sort=False)
    check_answer(integer1.select(to_xml("a")), expected, sort=False)


# test_function_suite.py::test_check_xml
@known_difference("CHECK_XML is not translated for the local engine")
def test_check_xml(session):
    null_xml1 = session.create_dataframe([("<t1>foo<t2>bar</t2><t3></t3></t1>",), ("<t1></t1>",), (None,), ("",)], schema=["v"])
    invalid_xml1 = session.sql("select (column1) as v from values ('<t1></t>'), ('<t1><t1>'), ('<t1</t1>')")
    for v in (col("v"), "v"):
        check_answer(null_xml1.select(check_xml(v)), [Row(None), Row(None), Row(None), Row(None)], sort=False)
        check_answer(invalid_xml1.select(check_xml(v)),
                     [Row("no opening tag for </t>, pos 8"), Row("missing closing tags: </t1></t1>, pos 8"),
                      Row("bad character in XML tag name: '<', pos 4")], sort=False)


# test_function_suite.py::test_xmlget (both parametrizations)
@known_difference("XMLGET and PARSE_XML are not translated for the local engine")
def test_xmlget(session):
    valid_xml1 = session.create_dataframe(
        [("<t1>foo<t2>bar</t2><t3></t3></t1>", "t2", "t3", 0), ("<t1></t1>", "t2", "t3", 0),
         ("<t1><t2>foo</t2><t2>bar</t2></t1>", "t2", "t3", 1)], schema=["a", "b", "c", "d"]) \
        .select(parse_xml("a").alias("v"), col("b").alias("t2"), col("c").alias("t3"), col("d").alias("instance"))
    for v, t2, t3, instance, zero in (("v", "t2", "t3", "instance", 0),
                                      (col("v"), col("t2"), col("t3"), col("instance"), lit(0))):
        check_answer(valid_xml1.select(get_ignore_case(xmlget(v, t2), lit("$"))), [Row('"bar"'), Row(None), Row('"foo"')],
                     sort=False)
        check_answer(valid_xml1.select(get_ignore_case(xmlget(v, t2, zero), lit("$"))),
                     [Row('"bar"'), Row(None), Row('"foo"')], sort=False)
        check_answer(valid_xml1.select(get_ignore_case(xmlget(v, t3, lit("0")), lit("@"))), [Row('"t3"'), Row(None), Row(None)],
                     sort=False)
        check_answer(valid_xml1.select(get_ignore_case(xmlget(col("v"), t2, instance), lit("$"))),
                     [Row('"bar"'), Row(None), Row('"bar"')], sort=False)


# ------------------------------------------------------------------ context

# doctests of functions.current_schemas, functions.current_available_roles and functions.current_statement
# (the last is skipped by snowpark-python's doctest run; its result names the statement)
def test_current_schemas_roles_statement(session):
    df = session.create_dataframe([1])
    assert df.select(current_schemas()).collect()[0]["CURRENT_SCHEMAS()"] is not None
    assert df.select(current_available_roles()).collect()[0]["CURRENT_AVAILABLE_ROLES()"] is not None
    assert "current_statement" in df.select(current_statement()).collect()[0][0].lower()
