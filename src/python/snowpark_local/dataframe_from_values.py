"""The SQL behind ``session.create_dataframe(data, schema)``: a VALUES list with its column names.

The data becomes literals in the query text (not bind parameters) so that the DataFrame is
one self-contained query that can be counted, saved, or returned from the handler.
"""

import datetime
from decimal import Decimal

from snowflake.snowpark.row import Row
from snowflake.snowpark import types as t
from snowflake.snowpark.types import StructField, StructType, _SemiStructuredType

from snowpark_local.sql_literals import json_text, quote_identifier, render_literal, string_literal


def values_query(data, schema=None):
    rows, inferred_names = _rows_and_names(data)
    names, sql_types = _names_and_types(schema, inferred_names, rows)
    width = len(names)
    for row in rows:
        if len(row) != width:
            raise ValueError("every row of create_dataframe data must have {} values (the columns {}); "
                             "found a row with {}: {!r}".format(width, names, len(row), row))
    semi_structured = [_is_semi_structured(sql_type, column) for sql_type, column in
                       zip(sql_types, zip(*rows) if rows else [()] * width)]
    quoted = [quote_identifier(name) for name in names]
    projection = ", ".join(
        _projected_column(name, sql_type, is_json) for name, sql_type, is_json in zip(quoted, sql_types, semi_structured))
    if not rows:
        empty = ", ".join(_typed_null(name, sql_type) for name, sql_type in zip(quoted, sql_types))
        return "SELECT {} WHERE 1 = 0".format(empty)
    values = ", ".join(
        "(" + ", ".join(_cell(value, is_json) for value, is_json in zip(row, semi_structured)) + ")"
        for row in rows)
    return "SELECT {} FROM (VALUES {}) AS T({})".format(projection, values, ", ".join(quoted))


def _rows_and_names(data):
    """Rows as tuples, plus the column names the data itself carries (Row fields, dict keys)."""
    if hasattr(data, "itertuples") and hasattr(data, "columns"):
        return [tuple(row) for row in data.itertuples(index=False)], [str(name) for name in data.columns]
    if isinstance(data, _NamedRows):
        return [tuple(row) for row in data], list(data.names)
    if not isinstance(data, (list, tuple)):
        raise TypeError("create_dataframe() takes a list or tuple of rows, not '{}'".format(type(data).__name__))
    first = data[0] if data else None
    if isinstance(first, Row) and first._fields is not None:
        names = list(first._fields)
        return [tuple(row[name] for name in names) if isinstance(row, Row) and row._fields else tuple(row)
                for row in data], names
    if isinstance(first, dict):
        names = []
        for row in data:
            for key in row:
                if key not in names:
                    names.append(key)
        return [tuple(row.get(name) for name in names) for row in data], [str(name) for name in names]
    if data and all(isinstance(row, (list, tuple)) and not row for row in data):
        # create_dataframe([[]]): snowpark-python's tests use it as one column of NULLs.
        return [(None,) for _ in data], None
    if data and all(isinstance(row, (list, tuple)) for row in data):
        return [tuple(row) for row in data], None
    # A list of scalars is one column, as in Snowpark.
    return [(value,) for value in data], None


def _names_and_types(schema, inferred_names, rows):
    width = len(rows[0]) if rows else (len(inferred_names) if inferred_names else 0)
    if isinstance(schema, StructType):
        return [field.name for field in schema.fields], [field.datatype for field in schema.fields]
    if schema is not None:
        names = [schema] if isinstance(schema, str) else list(schema)
        return [str(name) for name in names], [None] * len(names)
    if inferred_names:
        return inferred_names, [None] * len(inferred_names)
    if not rows:
        raise ValueError("Cannot infer schema from empty data; pass schema= with the column names or a StructType.")
    # Snowpark names unnamed columns _1, _2, ...
    return ["_{}".format(position + 1) for position in range(width)], [None] * width


def _is_semi_structured(sql_type, column):
    if sql_type is not None:
        return isinstance(sql_type, _SemiStructuredType)
    return any(isinstance(value, (list, dict)) or (isinstance(value, tuple) and not isinstance(value, Row))
               or (isinstance(value, Row) and value._fields is not None) for value in column)


def _cell(value, is_json):
    if is_json:
        # Snowflake allows only constants inside VALUES, so JSON text is parsed outside it.
        return "NULL" if value is None else string_literal(json_text(value))
    return render_literal(value)


def _projected_column(quoted_name, sql_type, is_json):
    if is_json:
        expression = "PARSE_JSON({})".format(quoted_name)
    elif sql_type is not None and sql_type.sql_type():
        expression = "CAST({} AS {})".format(quoted_name, sql_type.sql_type())
    else:
        return quoted_name
    return "{} AS {}".format(expression, quoted_name)


def _typed_null(quoted_name, sql_type):
    if sql_type is not None and sql_type.sql_type():
        return "CAST(NULL AS {}) AS {}".format(sql_type.sql_type(), quoted_name)
    return "NULL AS {}".format(quoted_name)


def typed_frame_parts(data, schema=None):
    """The query for ``create_dataframe`` with Snowpark's types, and the StructType whose
    nullability (and, when given, types) ``df.schema`` reports; None when there is nothing to add.

    Snowpark infers each column's type from the Python values (``int`` → LongType, ``float`` →
    DoubleType, ``Decimal`` → DecimalType(38,18), …) and casts the column to it, so the engine
    returns what Snowflake would; a column whose values have different types is an error there.
    """
    data = _plain_values(data)
    if isinstance(schema, StructType):
        return values_query(data, schema), schema
    rows, inferred_names = _rows_and_names(data)
    if not rows:
        return values_query(data, schema), None
    names, _ = _names_and_types(schema, inferred_names, rows)
    if len(names) != len(rows[0]):
        return values_query(data, schema), None
    fields = []
    for position, name in enumerate(names):
        column = [row[position] if position < len(row) else None for row in rows]
        fields.append(StructField(name, _column_type(column, name), any(value is None for value in column)))
    inferred = StructType(fields)
    return values_query(data, inferred), inferred


def _plain_values(data):
    """pandas/numpy values as the Python values Snowpark sees (``numpy.int64`` → ``int``, NaT → None)."""
    if not (hasattr(data, "itertuples") and hasattr(data, "columns")):
        return data
    rows = []
    for row in data.itertuples(index=False):
        rows.append(tuple(_plain(value) for value in row))
    return _NamedRows(rows, [str(name) for name in data.columns])


class _NamedRows(list):
    """pandas rows after conversion, still carrying the frame's column names."""

    def __init__(self, rows, names):
        super().__init__(rows)
        self.names = names


def _plain(value):
    if value is None:
        return None
    module = type(value).__module__ or ""
    if module.startswith("pandas"):
        if type(value).__name__ in ("NaTType", "NAType"):
            return None
        if hasattr(value, "to_pydatetime"):
            return value.to_pydatetime()
    if module == "numpy" and hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float) and value != value:
        # pandas writes a missing number as NaN; Snowpark sends it as NULL.
        return None
    return value


def _value_type(value):
    if isinstance(value, bool):
        return t.BooleanType()
    if isinstance(value, int):
        return t.LongType()
    if isinstance(value, float):
        return t.DoubleType()
    if isinstance(value, Decimal):
        return t.DecimalType(38, 18)
    if isinstance(value, str):
        return t.StringType()
    if isinstance(value, datetime.datetime):
        zone = t.TimestampTimeZone.TZ if value.tzinfo is not None else t.TimestampTimeZone.NTZ
        return t.TimestampType(zone)
    if isinstance(value, datetime.date):
        return t.DateType()
    if isinstance(value, datetime.time):
        return t.TimeType()
    if isinstance(value, (bytes, bytearray, memoryview)):
        return t.BinaryType()
    if isinstance(value, Row) and value._fields is not None or isinstance(value, dict):
        return t.MapType(t.StringType(), t.StringType())
    if isinstance(value, (list, tuple)):
        return t.ArrayType(t.StringType())
    return t.VariantType()


def _column_type(values, name):
    found = None
    for value in values:
        if value is None:
            continue
        kind = _value_type(value)
        if found is None:
            found = kind
        elif type(found) is not type(kind):
            raise TypeError("field {}: Cannot merge type {} and {}".format(name, type(found), type(kind)))
    # A column of only NULLs is a string column in Snowpark.
    return found if found is not None else t.StringType()
