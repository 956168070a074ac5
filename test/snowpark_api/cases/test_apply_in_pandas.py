"""group_by(...).apply_in_pandas(), ported from snowpark-python tests/integ/test_udtf.py::test_apply_in_pandas
and the examples of the API reference page
https://docs.snowflake.com/en/developer-guide/snowpark/reference/python/1.45.0/snowpark/api/snowflake.snowpark.RelationalGroupedDataFrame.apply_in_pandas
Expected values come from those sources; the code is ours. Every case needs pandas and skips without it."""

import io
from contextlib import redirect_stdout

from _support import Row, check_answer, raises, require_pandas
from snowflake.snowpark.exceptions import SnowparkSQLException
from snowflake.snowpark.types import DoubleType, FloatType, IntegerType, StringType, StructField, StructType

_TEMPERATURES = [("SF", 21.0), ("SF", 17.5), ("SF", 24.0), ("NY", 30.9), ("NY", 33.6)]
_TEMPERATURE_SCHEMA = StructType([StructField("location", StringType()), StructField("temp_c", FloatType()),
                                  StructField("temp_f", FloatType())])


def _to_fahrenheit(pdf):
    return pdf.assign(TEMP_F=lambda x: x.TEMP_C * 9 / 5 + 32)


# test_udtf.py::test_apply_in_pandas (element-wise operation)
def test_apply_in_pandas_element_wise(session):
    require_pandas()
    df = session.create_dataframe(_TEMPERATURES, schema=["location", "temp_c"])
    result = df.group_by("location").apply_in_pandas(_to_fahrenheit, output_schema=_TEMPERATURE_SCHEMA)
    check_answer(result, [Row("SF", 24.0, 75.2), Row("SF", 17.5, 63.5), Row("SF", 21.0, 69.8),
                          Row("NY", 30.9, 87.61999999999999), Row("NY", 33.6, 92.48)])


# test_udtf.py::test_apply_in_pandas (group-wide operation, applyInPandas)
def test_apply_in_pandas_group_wide(session):
    require_pandas()
    df = session.create_dataframe([(1, 1.0), (1, 2.0), (2, 3.0), (2, 5.0), (2, 10.0)], schema=["id", "v"])

    def normalize(pdf):
        v = pdf.V
        return pdf.assign(V=(v - v.mean()) / v.std())

    result = df.group_by("id").applyInPandas(
        normalize, output_schema=StructType([StructField("id", IntegerType()), StructField("v", DoubleType())]))
    check_answer(result, [Row(ID=1, V=0.7071067811865475), Row(ID=1, V=-0.7071067811865475),
                          Row(ID=2, V=1.1094003924504583), Row(ID=2, V=-0.8320502943378437),
                          Row(ID=2, V=-0.2773500981126146)])
    assert result.columns == ["ID", "V"]


# test_udtf.py::test_apply_in_pandas (several grouping columns; the result frame's columns are 0, 1, 2,
# so output_schema matches them by position)
def test_apply_in_pandas_several_group_columns(session):
    pd = require_pandas()
    df = session.create_dataframe([("A", 2, 11.0), ("A", 2, 13.9), ("B", 5, 5.0), ("B", 2, 12.1)],
                                  schema=["grade", "division", "value"])

    def group_sum(pdf):
        return pd.DataFrame([(pdf.GRADE.iloc[0], pdf.DIVISION.iloc[0], pdf.VALUE.sum())])

    result = df.group_by([df.grade, df.division]).applyInPandas(
        group_sum, output_schema=StructType([StructField("grade", StringType()), StructField("division", IntegerType()),
                                             StructField("sum", DoubleType())]))
    check_answer(result, [Row(GRADE="A", DIVISION=2, SUM=24.9), Row(GRADE="B", DIVISION=2, SUM=12.1),
                          Row(GRADE="B", DIVISION=5, SUM=5.0)])


# API reference, apply_in_pandas, "Call apply_in_pandas using temporary UDTF" (printed output)
def test_apply_in_pandas_docs_temporary_udtf(session):
    require_pandas()
    df = session.createDataFrame(_TEMPERATURES, schema=["location", "temp_c"])
    printed = io.StringIO()
    with redirect_stdout(printed):
        df.group_by("location").apply_in_pandas(_to_fahrenheit, output_schema=_TEMPERATURE_SCHEMA) \
            .order_by("temp_c").show()
    assert printed.getvalue() == (
        "---------------------------------------------\n"
        '|"LOCATION"  |"TEMP_C"  |"TEMP_F"           |\n'
        "---------------------------------------------\n"
        "|SF          |17.5      |63.5               |\n"
        "|SF          |21.0      |69.8               |\n"
        "|SF          |24.0      |75.2               |\n"
        "|NY          |30.9      |87.61999999999999  |\n"
        "|NY          |33.6      |92.48              |\n"
        "---------------------------------------------\n"), repr(printed.getvalue())


# API reference, apply_in_pandas, "Call apply_in_pandas using permanent UDTF with replacing original UDTF":
# the UDTF registration options are accepted (and have nothing to register locally).
def test_apply_in_pandas_docs_permanent_udtf_options(session):
    pd = require_pandas()
    session.sql("create or replace temp stage mystage").collect()

    def group_sum(pdf):
        return pd.DataFrame([(pdf.GRADE.iloc[0], pdf.DIVISION.iloc[0], pdf.VALUE.sum(), )])

    df = session.createDataFrame([("A", 2, 11.0), ("A", 2, 13.9), ("B", 5, 5.0), ("B", 2, 12.1)],
                                 schema=["grade", "division", "value"])
    result = df.group_by([df.grade, df.division]).applyInPandas(
        group_sum,
        output_schema=StructType([StructField("grade", StringType()), StructField("division", IntegerType()),
                                  StructField("sum", DoubleType())]),
        is_permanent=True, stage_location="@mystage", name="group_sum_in_pandas", replace=True,
    ).order_by("sum")
    check_answer(result, [Row(GRADE="B", DIVISION=5, SUM=5.0), Row(GRADE="B", DIVISION=2, SUM=12.1),
                          Row(GRADE="A", DIVISION=2, SUM=24.9)], sort=False)


# test_udf.py::test_udf_negative: an error inside the Python function surfaces as a SnowparkSQLException
# whose message says "Python Interpreter Error".
def test_apply_in_pandas_function_error(session):
    require_pandas()
    df = session.create_dataframe(_TEMPERATURES, schema=["location", "temp_c"])

    def broken(pdf):
        raise ValueError("no conversion for " + pdf.LOCATION.iloc[0])

    error = raises(SnowparkSQLException, lambda: df.group_by("location").apply_in_pandas(
        broken, output_schema=_TEMPERATURE_SCHEMA).collect(), match="Python Interpreter Error")
    assert "no conversion for" in str(error)
