"""``df.group_by(...)``: the grouping waits for its aggregates (``agg``, ``sum``, ``count`` …)."""

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p
from snowflake.snowpark.column import Column
from snowflake.snowpark.exceptions import SnowparkClientException

from snowpark_local.sql_literals import render_literal

# agg({"a": "max"}) and agg(("a", "max")) name functions the way Spark users do.
_FUNCTION_NAMES = {
    "avg": "AVG", "average": "AVG", "mean": "AVG", "sum": "SUM", "min": "MIN", "max": "MAX", "count": "COUNT",
    "median": "MEDIAN", "mode": "MODE", "stddev": "STDDEV", "std": "STDDEV", "stddev_samp": "STDDEV_SAMP",
    "stddev_pop": "STDDEV_POP", "variance": "VARIANCE", "var": "VARIANCE", "var_samp": "VAR_SAMP",
    "var_pop": "VAR_POP", "skew": "SKEW", "kurtosis": "KURTOSIS", "any_value": "ANY_VALUE",
    "approx_count_distinct": "APPROX_COUNT_DISTINCT", "listagg": "LISTAGG", "array_agg": "ARRAY_AGG",
}


class GroupingSets:
    """``GroupingSets([col("a")], [col("b")])`` for ``group_by_grouping_sets``."""

    def __init__(self, *sets):
        self.sets = [list(item) if isinstance(item, (list, tuple)) else [item] for item in sets]


def _flatten(values):
    for value in values:
        if isinstance(value, (list, tuple)) and not (isinstance(value, tuple) and len(value) == 2
                                                     and isinstance(value[1], str) and not isinstance(value[0], Column)
                                                     and value[1].lower() in _FUNCTION_NAMES):
            for item in _flatten(value):
                yield item
        else:
            yield value


class RelationalGroupedDataFrame:
    def __init__(self, dataframe, groupings, kind, pivot=None, grouping_columns=None):
        self._df = dataframe
        self._groupings = list(groupings)
        self._kind = kind
        self._pivot = pivot
        # The columns a result row carries for its group (GROUPING SETS name them separately).
        self._grouping_columns = list(grouping_columns) if grouping_columns is not None else list(groupings)

    # ------------------------------------------------------------------ aggregates

    def _aggregate_exprs(self, exprs):
        out = []
        for value in exprs:
            if isinstance(value, dict):
                for name, function_name in value.items():
                    out.append(self._named_function(function_name, name))
            elif isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], str) \
                    and value[1].lower() in _FUNCTION_NAMES:
                out.append(self._named_function(value[1], value[0]))
            elif isinstance(value, (list, tuple)):
                out.extend(self._aggregate_exprs(value))
            else:
                out.append(self._df._expr(value))
        return out

    def _named_function(self, function_name, column_name):
        sql_name = _FUNCTION_NAMES.get(function_name.lower())
        if sql_name is None:
            raise ValueError("Unknown aggregate function '{}' in agg(); use one of {}".format(
                function_name, ", ".join(sorted(_FUNCTION_NAMES))))
        if sql_name == "COUNT":
            from snowflake.snowpark.functions import count
            return self._df._expr(count(column_name))
        return ex.FunctionCall(sql_name, [self._df._expr(column_name)], is_aggregate=True)

    def agg(self, *exprs):
        aggregates = self._aggregate_exprs(exprs)
        if self._pivot is not None:
            return self._pivoted(aggregates)
        # Snowpark names an unaliased aggregate after its SQL, upper-cased without quotes: SUM(ID).
        aggregates = [item if isinstance(item, (ex.Alias, ex.ColumnRef, ex.Star)) else
                      ex.Alias(item, '"' + item.sql().upper().replace('"', '') + '"') for item in aggregates]
        grouped = [column.sql() for column in self._grouping_columns]
        # agg(col("b")) where b is a grouping column repeats nothing: Snowpark outputs it once.
        aggregates = [item for item in aggregates if item.sql() not in grouped]
        outputs = list(self._grouping_columns) + self._df._with_number_types(aggregates)
        return self._df._derived(p.Aggregate(self._df._plan, self._groupings, outputs, self._kind))

    def _simple(self, sql_name, cols, python_name=None):
        python_name = python_name or sql_name.lower()
        columns = list(_flatten(cols))
        if not columns:
            raise ValueError("You must pass a list of one or more Columns to function: {}".format(python_name))
        return self.agg(*[Column(ex.FunctionCall(sql_name, [self._df._expr(name)], is_aggregate=True)) for name in columns])

    def avg(self, *cols):
        return self._simple("AVG", cols)

    def _mean(self, *cols):
        return self._simple("AVG", cols, "mean")

    mean = _mean

    def sum(self, *cols):
        return self._simple("SUM", cols)

    def median(self, *cols):
        return self._simple("MEDIAN", cols)

    def min(self, *cols):
        return self._simple("MIN", cols)

    def max(self, *cols):
        return self._simple("MAX", cols)

    def count(self):
        return self.agg(Column(ex.Alias(ex.FunctionCall("COUNT", [ex.Literal(1)], is_aggregate=True), "COUNT")))

    def function(self, agg_name):
        return lambda *cols: self.agg(*[Column(ex.FunctionCall(agg_name, [self._df._expr(name)], is_aggregate=True))
                                        for name in cols])

    builtin = function

    def apply_in_pandas(self, func, output_schema, **kwargs):
        """Calls ``func`` with a pandas DataFrame of each group's rows (all of the DataFrame's
        columns) and returns the frames it returns, concatenated, as a DataFrame with
        ``output_schema`` (a StructType; the frames' columns are matched to it by position).

        Snowflake runs ``func`` as a vectorized UDTF; Snowpark Local runs it in this process, once
        per group, when apply_in_pandas() is called (not when the result is collected). Groups come
        in sorted key order, NULL keys as their own group. The UDTF registration options
        (``name``, ``packages``, ``imports``, ``is_permanent``, ``stage_location``, ``replace``,
        ``input_types``, ``input_names`` …) are accepted and ignored. An error in ``func`` raises
        SnowparkSQLException 100357 "Python Interpreter Error" naming the group, chained to it.
        Needs pandas in the interpreter that runs the handler.
        """
        from snowpark_local.apply_in_pandas import apply_in_pandas
        return apply_in_pandas(self._df, self._groupings, self._kind, func, output_schema)

    applyInPandas = apply_in_pandas

    # ------------------------------------------------------------------ pivot

    def pivot(self, pivot_col, values=None, default_on_null=None):
        return RelationalGroupedDataFrame(self._df, self._groupings, self._kind,
                                          pivot=(self._df._expr(pivot_col), values, default_on_null))

    def _pivoted(self, aggregates):
        """PIVOT as conditional aggregation: one aggregate per value, named as Snowflake names
        PIVOT's columns (``'JAN'``), grouped by the other columns."""
        pivot_expression, values, default_on_null = self._pivot
        if values is None or hasattr(values, "_plan"):
            source = values if values is not None else self._df.select(Column(pivot_expression)).distinct()
            values = sorted((row[0] for row in source.collect()), key=lambda value: (value is None, str(value)))
        elif not isinstance(values, (list, tuple)):
            values = [values]
        if len(aggregates) != 1:
            raise SnowparkClientException("You can apply only one aggregate expression to a RelationalGroupedDataFrame "
                                          "returned by the pivot() method.", "1102")
        aggregate = aggregates[0]
        if not isinstance(aggregate, ex.FunctionCall) or not aggregate.args:
            raise NotImplementedError("pivot() with an aggregate other than f(column) is not in Snowpark Local yet")
        groupings = list(self._groupings)
        if not groupings:
            used = {ref.name for ref in ex.column_refs(pivot_expression)} | {
                ref.name for arg in aggregate.args for ref in ex.column_refs(arg)}
            groupings = [ex.ColumnRef(name) for name in self._df._output_names() if name not in used]
        outputs = list(groupings)
        for value in values:
            literal = ex.Literal(value)
            matched = ex.CaseWhen([(ex.BinaryOp("=", pivot_expression, literal), aggregate.args[0])])
            call = ex.FunctionCall(aggregate.name, (matched,) + tuple(aggregate.args[1:]),
                                   distinct=aggregate.distinct, is_aggregate=True)
            if default_on_null is not None:
                call = ex.FunctionCall("COALESCE", [call, ex.Literal(default_on_null)])
            outputs.append(ex.Alias(call, '"' + render_literal(value).replace('"', '""') + '"'))
        return self._df._derived(p.Aggregate(self._df._plan, groupings, outputs, self._kind))
