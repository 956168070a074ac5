"""The Snowflake SQL behind the DataFrames a Session makes itself: ``range``, ``generator``,
``table_function``, ``flatten``, ``create_dataframe`` and ``write_pandas``.

The text is what Snowpark sends to Snowflake (``TABLE(GENERATOR(ROWCOUNT => n))`` with
``ROW_NUMBER() OVER (ORDER BY SEQ8())`` for ``range``); the Node side translates it for DuckDB.
"""

import math
import re

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark.column import Column, to_expression

from snowpark_local.dataframe_from_values import typed_frame_parts
from snowpark_local.sql_literals import quote_identifier

_OBJECT_NAME = re.compile(r'^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")){0,2}$')


def table_name(name):
    if isinstance(name, (list, tuple)):
        if not 1 <= len(name) <= 3 or not all(isinstance(part, str) and part for part in name):
            raise ValueError("table() takes a name or a list of 1 to 3 name parts [database, schema, table], "
                             "got {!r}".format(name))
        return ".".join(name)
    if not isinstance(name, str) or not name.strip():
        raise ValueError("table() needs a table name, got {!r}".format(name))
    return name


def validate_object_name(name):
    if not _OBJECT_NAME.match(name):
        from snowflake.snowpark.exceptions import SnowparkInvalidObjectNameException
        raise SnowparkInvalidObjectNameException(
            "The object name '{}' is invalid.".format(name), "1301")


def current_context(session):
    row = session._execute("SELECT CURRENT_DATABASE(), CURRENT_SCHEMA(), CURRENT_ROLE(), CURRENT_WAREHOUSE()")
    from snowpark_local.results import rows_from_result
    values = rows_from_result(row)[0]
    return {key: value for key, value in zip(("database", "schema", "role", "warehouse"), values) if value}


def range_query(start, end=None, step=1):
    for label, value in (("start", start), ("end", end), ("step", step)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError("range() takes integers; {} is {!r}".format(label, value))
    if end is None:
        start, end = 0, start
    if step == 0:
        raise ValueError("The step for range() cannot be 0.")
    span = end - start
    count = 0 if (span > 0 > step) or (span < 0 < step) else math.ceil(span / step)
    return ("SELECT ( ROW_NUMBER() OVER ( ORDER BY SEQ8() ) - 1 ) * ({}) + ({}) AS \"ID\" "
            "FROM ( TABLE (GENERATOR(ROWCOUNT => {})))".format(step, start, max(count, 0)))


def generator_query(columns, rowcount=0, timelimit=0):
    from snowflake.snowpark._internal.arguments import flatten_arguments
    columns = list(flatten_arguments(columns))
    if not columns:
        raise ValueError("Columns cannot be empty for generator table function")
    arguments = []
    if rowcount:
        arguments.append("ROWCOUNT => {}".format(int(rowcount)))
    if timelimit:
        arguments.append("TIMELIMIT => {}".format(int(timelimit)))
    projection = ", ".join(_column(value).sql() for value in columns)
    return "SELECT {} FROM TABLE(GENERATOR({}))".format(projection, ", ".join(arguments))


def _column(value):
    if isinstance(value, Column):
        return value._expression
    if isinstance(value, str):
        return ex.ColumnRef(value)
    raise TypeError("expected a Column or a column name, not {}".format(type(value).__name__))


def table_function_query(func_name, arguments, named_arguments):
    from snowflake.snowpark.table_function import TableFunctionCall
    call = func_name if isinstance(func_name, TableFunctionCall) else TableFunctionCall(
        func_name, *arguments, **named_arguments)
    return "SELECT * FROM {}".format(call.sql_text())


def flatten_query(input, path=None, outer=False, recursive=False, mode="BOTH"):
    from snowflake.snowpark.table_function import _flatten_call
    if isinstance(input, str):
        # Snowpark reads a string as a column name, which a FROM-less query cannot have.
        raise ValueError("session.flatten() takes a Column such as parse_json(lit('[1, 2]')); "
                         "to flatten a column of a DataFrame use df.flatten(col({!r}))".format(input))
    return "SELECT * FROM {}".format(_flatten_call(to_expression(input), path, outer, recursive, mode).sql_text())


def create_dataframe(session, data, schema=None):
    from snowflake.snowpark.dataframe import DataFrame
    from snowflake.snowpark._internal import plan as _plan
    query, declared = typed_frame_parts(data, schema)
    if declared is None:
        return DataFrame(session, _plan.Raw(query))
    return _DeclaredSchemaFrame(session, _plan.Raw(query), _declared=declared)


def _declared_class():
    from snowflake.snowpark.dataframe import DataFrame

    class DeclaredSchemaFrame(DataFrame):
        """A DataFrame made with an explicit StructType: its ``schema`` reports the given types and
        nullability, as Snowpark does (the engine knows neither VARCHAR lengths nor NOT NULL)."""

        def __init__(self, *args, _declared=None, **kwargs):
            super().__init__(*args, **kwargs)
            self._declared = _declared

        @property
        def schema(self):
            from snowflake.snowpark.types import StructField, StructType
            described = DataFrame.schema.fget(self)
            given = {field.name: field for field in self._declared.fields}
            fields = []
            for field in described.fields:
                declared = given.get(field.name)
                if declared is None:
                    fields.append(field)
                else:
                    fields.append(StructField(declared.name, _reported_type(declared.datatype, field.datatype),
                                              declared.nullable))
            return StructType(fields)

    return DeclaredSchemaFrame


def _reported_type(declared, described):
    from snowflake.snowpark import types as t
    # Snowflake stores every integer type as NUMBER(38,0), which Snowpark reads back as LongType.
    if isinstance(declared, (t.ByteType, t.ShortType, t.IntegerType, t.LongType)):
        return t.LongType()
    if isinstance(declared, t.FloatType):
        return t.DoubleType()
    if isinstance(declared, (t.StringType, t.DecimalType)):
        return declared
    return described


class _LazyDeclared:
    cls = None


def _DeclaredSchemaFrame(*args, **kwargs):  # noqa: N802 - the class is built on first use (import order)
    if _LazyDeclared.cls is None:
        _LazyDeclared.cls = _declared_class()
    return _LazyDeclared.cls(*args, **kwargs)


def write_pandas(session, frame, table_name_, database, schema, quote_identifiers, auto_create_table,
                 create_temp_table, overwrite, table_type):
    from snowpark_local.pandas_bridge import require_pandas
    require_pandas()
    name = quote_identifier(table_name_) if quote_identifiers else table_name_
    parts = [part for part in (database, schema) if part]
    full_name = ".".join([quote_identifier(part) if quote_identifiers else part for part in parts] + [name])
    table_type = "temporary" if create_temp_table else table_type
    source = create_dataframe(session, frame, _pandas_names(frame, quote_identifiers))
    if not session._table_exists(full_name):
        if not auto_create_table:
            from snowflake.snowpark.exceptions import SnowparkSQLException
            raise SnowparkSQLException(
                "write_pandas: table {} does not exist. Create it first, or pass auto_create_table=True.".format(
                    full_name), "1304", sqlstate="42S02", sql_error_code=2003)
        source.write.save_as_table(full_name, mode="errorifexists", table_type=table_type)
    else:
        source.write.save_as_table(full_name, mode="truncate" if overwrite else "append", column_order="name")
    return session.table(full_name)


def _pandas_names(frame, quote_identifiers):
    # write_pandas quotes the DataFrame's column names by default, so they keep their case.
    if quote_identifiers:
        return ['"' + str(name).replace('"', '""') + '"' for name in frame.columns]
    return [str(name) for name in frame.columns]
