"""``df.group_by(...).apply_in_pandas(func, output_schema)`` in the handler's own process.

Snowflake runs it as a vectorized UDTF partitioned by the grouping columns: ``func`` gets one
pandas DataFrame per partition (all of the DataFrame's columns) and the frames it returns,
matched to ``output_schema`` by position, are the result. The local engine cannot call Python
per partition, so the grouped rows come here through ``to_pandas``, are split by their keys
(NULL keys form their own group, as PARTITION BY does), and the concatenated results become a
DataFrame through ``create_dataframe`` with ``output_schema``.
"""

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark.column import Column
from snowflake.snowpark.types import StructType

from snowpark_local.errors import sql_exception
from snowpark_local.handler_error import describe
from snowpark_local.pandas_bridge import require_pandas
from snowpark_local.sql_literals import json_text

# Grouping keys travel as extra columns (a key may be an expression such as ceil(v / 2));
# they are dropped before func sees the group.
KEY_COLUMN_PREFIX = "__SNOWPARK_LOCAL_GROUP_KEY_"

# What Snowflake reports when a Python UDF/UDTF raises (as procedureRouter.ts does for procedures).
_INTERPRETER_ERROR = {"kind": "sql", "errorCode": "100357", "sqlState": "P0000"}


def apply_in_pandas(dataframe, groupings, kind, func, output_schema):
    """The DataFrame ``func`` makes of each group of ``dataframe`` grouped by ``groupings``."""
    require_pandas()
    if not callable(func):
        raise TypeError("apply_in_pandas() takes a function of one pandas.DataFrame, not {!r}".format(func))
    if not isinstance(output_schema, StructType):
        raise ValueError("apply_in_pandas() needs output_schema as a StructType, not {!r}".format(output_schema))
    if kind == "GROUPING SETS":
        raise NotImplementedError("apply_in_pandas() after group_by_grouping_sets() is not supported: "
                                  "Snowflake partitions the UDTF by plain grouping columns.")
    key_names = [KEY_COLUMN_PREFIX + str(position + 1) for position in range(len(groupings))]
    keyed = dataframe.select(Column(ex.Star()), *[Column(ex.Alias(expression, name))
                                                  for expression, name in zip(groupings, key_names)])
    labels = [expression.sql() for expression in groupings]
    result = results_of_groups(keyed.to_pandas(), key_names, labels, func, output_schema)
    return dataframe._session.create_dataframe(result, schema=output_schema)


def results_of_groups(frame, key_names, labels, func, output_schema):
    """``func`` on each group of ``frame`` (split on the ``key_names`` columns, which func does not
    see), in sorted key order, concatenated and named as ``output_schema``'s fields."""
    pandas = require_pandas()
    names = [field.name for field in output_schema.fields]
    inputs = frame.drop(columns=key_names)
    results = []
    for key, positions in _groups(frame, key_names):
        group = inputs.iloc[positions].reset_index(drop=True)
        try:
            returned = func(group)
        except Exception as error:  # noqa: BLE001 - every error of func is the UDTF's error
            raise _udtf_error(describe(error)["traceback"].rstrip(), labels, key) from error
        positional = _positional(pandas, returned, len(names), labels, key)
        if positional is not None:
            results.append(positional)
    if not results:
        return pandas.DataFrame({name: [] for name in names}, columns=names)
    combined = pandas.concat(results, ignore_index=True)
    combined.columns = names
    return combined


def _groups(frame, key_names):
    """(key, row positions) per group, NULL keys included, keys sorted with NULLs last."""
    found = {}
    columns = [frame[name].tolist() for name in key_names]
    for position in range(len(frame)):
        key = tuple(_key_value(column[position]) for column in columns)
        found.setdefault(key, []).append(position)
    try:
        return sorted(found.items(), key=lambda item: [(value is None, 0 if value is None else value)
                                                       for value in item[0]])
    except TypeError:
        # Values of several types in one key (a VARIANT column): any fixed order will do.
        return sorted(found.items(), key=lambda item: [(value is None, type(value).__name__, str(value))
                                                       for value in item[0]])


def _key_value(value):
    # NULL reaches pandas as None, NaN (numbers), NaT (timestamps) or pd.NA: all one NULL group.
    if value is None or (isinstance(value, float) and value != value) or type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, (list, dict)):
        # An ARRAY or OBJECT key: equal values must meet in one group, and lists cannot be dict keys.
        return json_text(value)
    return value


def _positional(pandas, returned, width, labels, key):
    """The frame func returned, its columns renamed 0..n-1 (Snowflake reads a vectorized UDTF's
    output by position, not by name); None when it has no rows."""
    if not isinstance(returned, pandas.DataFrame):
        raise _udtf_error("apply_in_pandas: the function must return a pandas.DataFrame, it returned {}".format(
            type(returned).__name__), labels, key)
    if len(returned) and len(returned.columns) != width:
        raise _udtf_error("apply_in_pandas: the function returned {} columns but output_schema has {}".format(
            len(returned.columns), width), labels, key)
    if not len(returned):
        return None
    positional = returned.reset_index(drop=True)
    positional.columns = list(range(width))
    return positional


def _udtf_error(detail, labels, key):
    group = ", ".join("{}={}".format(label, "NULL" if value is None else repr(value))
                      for label, value in zip(labels, key))
    message = "Python Interpreter Error:\n{}\n in function APPLY_IN_PANDAS with handler end_partition{}".format(
        detail, " (group {})".format(group) if group else "")
    return sql_exception(dict(_INTERPRETER_ERROR, message=message))
