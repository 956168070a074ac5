"""``df.stat``: Snowpark's DataFrameStatFunctions, and the query behind ``df.describe()``.

Each method builds the same query shape Snowpark does (an aggregate over the DataFrame, a
pivot for ``crosstab``, a UNION ALL of samples for ``sample_by``) as Snowflake SQL, so the
numbers come from the engine, not from Python.
"""

import datetime
from decimal import Decimal
from functools import reduce

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark.column import Column, to_column
from snowflake.snowpark.exceptions import SnowparkDataframeException
from snowflake.snowpark import types as t

from snowpark_local.sql_literals import render_literal

_MAX_COLUMNS_PER_TABLE = 1000


def _first_value(frame):
    rows = frame.collect()
    return rows[0][0] if rows else None


def _aggregate(function_name, *columns):
    return Column(ex.FunctionCall(function_name, [to_column(column)._expression for column in columns],
                                  is_aggregate=True))


class DataFrameStatFunctions:
    """Reached as ``df.stat``."""

    def __init__(self, dataframe):
        self._dataframe = dataframe

    def corr(self, col1, col2, *, statement_params=None):
        """The correlation coefficient of the non-null pairs; None when there are too few."""
        return _first_value(self._dataframe.select(_aggregate("CORR", col1, col2)))

    def cov(self, col1, col2, *, statement_params=None):
        """The sample covariance of the non-null pairs; None when there are too few."""
        return _first_value(self._dataframe.select(_aggregate("COVAR_SAMP", col1, col2)))

    def approx_quantile(self, col, percentile, *, statement_params=None):
        """A list of values (one column) or a list of lists (several columns), one per percentile."""
        if isinstance(col, (list, tuple)) and not col:
            return []
        if percentile is None or (isinstance(percentile, (list, tuple)) and not percentile):
            return []
        if not isinstance(percentile, (list, tuple)):
            raise ValueError("percentile is of type {}, but expected Iterable.".format(type(percentile)))
        if not isinstance(col, (list, tuple, str, Column)):
            raise TypeError("'col' must be a column name, a column object, or a list of them.")
        columns = [col] if isinstance(col, (str, Column)) else list(col)
        outputs = [
            Column(ex.FunctionCall("APPROX_PERCENTILE", [to_column(column)._expression, ex.Literal(float(share))],
                                   is_aggregate=True))
            for column in columns for share in percentile]
        values = list(self._dataframe.select(outputs).collect()[0])
        if isinstance(col, (str, Column)):
            return values
        width = len(percentile)
        return [values[index * width:(index + 1) * width] for index in range(len(columns))]

    def crosstab(self, col1, col2, *, statement_params=None):
        """A contingency table: one row per value of ``col1``, one column per value of ``col2``
        named as Snowflake's PIVOT names it (``'JAN'``, ``CAST(1 AS NUMBER(38,0))`` …)."""
        frame = self._dataframe
        distinct_count = _first_value(frame.select(
            Column(ex.FunctionCall("COUNT", [to_column(col2)._expression], distinct=True, is_aggregate=True))))
        if distinct_count > _MAX_COLUMNS_PER_TABLE:
            raise SnowparkDataframeException(
                "The number of distinct values in the second input column ({}) exceeds the maximum number of "
                "distinct values allowed ({}).".format(distinct_count, _MAX_COLUMNS_PER_TABLE), "1107")
        values = [row[0] for row in frame.select(col2).distinct().collect()]
        first, second = frame._expr(col1), frame._expr(col2)
        outputs = [first]
        for value in values:
            matched = ex.CaseWhen([(ex.BinaryOp("=", second, ex.Literal(value)), second)])
            outputs.append(ex.Alias(ex.FunctionCall("COUNT", [matched], is_aggregate=True),
                                    '"' + pivot_label(value).replace('"', '""') + '"'))
        return frame.group_by(Column(first)).agg([Column(output) for output in outputs[1:]])

    def sample_by(self, col, fractions, seed=None):
        """A stratified sample: for each key, that fraction of its rows (0 for keys not named)."""
        frame = self._dataframe
        if not fractions:
            return frame.limit(0)
        column = to_column(col)
        table_name = getattr(frame, "table_name", None)
        if seed is not None and table_name is not None:
            # As Snowpark does for a Table: a seeded SAMPLE per stratum, so a seed repeats a sample.
            parts = [frame._session.sql("SELECT * FROM {} SAMPLE ({}) SEED ({}) WHERE {}".format(
                table_name, float(share) * 100.0, int(seed), frame._expr(column == key).sql()))
                for key, share in fractions.items()]
        else:
            parts = [frame.filter(column == key).sample(float(share)) for key, share in fractions.items()]
        return reduce(lambda left, right: left.union_all(right), parts)

    approxQuantile, sampleBy = approx_quantile, sample_by


def pivot_label(value):
    """The column name Snowflake gives a PIVOT value, which is how Snowpark renders the literal."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return "CAST({} AS NUMBER(38,0))".format(value)
    if isinstance(value, float):
        return "CAST({!r} AS FLOAT)".format(value)
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        scale = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return "CAST({} AS NUMBER(38,{}))".format(format(value, "f"), scale)
    if isinstance(value, datetime.datetime):
        return "TO_TIMESTAMP('{}')".format(value.isoformat(" "))
    if isinstance(value, datetime.date):
        return "TO_DATE('{}')".format(value.isoformat())
    return render_literal(value)


_STATISTICS = ("count", "mean", "stddev", "min", "max")
_STAT_FUNCTIONS = {"count": "COUNT", "mean": "AVG", "stddev": "STDDEV", "min": "MIN", "max": "MAX"}


def describe_frame(frame, cols, strings_include_math_stats=False):
    """``df.describe()``: rows ``count, mean, stddev, min, max`` in a ``SUMMARY`` column, one
    column per numeric or string column (strings as text, without mean and stddev by default)."""
    described = frame.select(cols) if cols else frame
    fields = [field for field in described.schema.fields
              if isinstance(field.datatype, (t.StringType, t._NumericType))]
    if not fields:
        return frame.session.create_dataframe(list(_STATISTICS), schema=["summary"])
    result = None
    for statistic in _STATISTICS:
        function = _STAT_FUNCTIONS[statistic]
        # Each aggregate is named after its column here (Snowpark renames them with to_df).
        outputs = [ex.Alias(ex.Literal(statistic), "summary")]
        for field in fields:
            argument = to_column(field.name)._expression
            call = ex.FunctionCall(function, [argument], is_aggregate=True)
            if isinstance(field.datatype, t.StringType):
                if not strings_include_math_stats and statistic in ("mean", "stddev"):
                    call = ex.FunctionCall(function, [ex.Literal(None)], is_aggregate=True)
                call = ex.FunctionCall("TO_CHAR", [call])
            outputs.append(ex.Alias(call, field.name))
        row = frame.agg([Column(output) for output in outputs[1:]]).select(
            [Column(outputs[0])] + [Column(ex.ColumnRef(field.name)) for field in fields])
        result = row if result is None else result.union(row)
    return result
