"""``df.write``: save a DataFrame as a table, with Snowpark's modes and column ordering, or unload
it to a stage (``copy_into_location``, ``csv``, ``json``, ``parquet``)."""

from snowflake.snowpark._internal.compiler import as_subquery
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType

from snowflake.snowpark.column import Column
from snowflake.snowpark.functions import sql_expr
from snowpark_local.copy_into_location import aliased_option, copy_into_location_sql, split_writer_options
from snowpark_local.results import rows_from_result

_SAVE_MODES = ("append", "overwrite", "truncate", "errorifexists", "ignore")
_MODE_ALIASES = {"error": "errorifexists", "default": "errorifexists"}
_TABLE_TYPES = {"": "", "temp": "TEMPORARY ", "temporary": "TEMPORARY ", "transient": "TRANSIENT "}


def _table_name(name):
    return name if isinstance(name, str) else ".".join(name)


def _save_mode(value):
    mode = (value or "errorifexists").lower()
    mode = _MODE_ALIASES.get(mode, mode)
    if mode not in _SAVE_MODES:
        raise ValueError("Unsupported save_mode '{}'; use one of: {}".format(value, ", ".join(_SAVE_MODES)))
    return mode


class DataFrameWriter:
    """Snowpark's writer. The SQL is what Snowpark sends (CREATE TABLE … AS SELECT, INSERT [OVERWRITE]
    INTO, COPY INTO @stage), so it runs the same on DuckDB and on Snowflake."""

    def __init__(self, dataframe):
        self._dataframe = dataframe
        self._mode = "errorifexists"
        self._options = {}
        self._partition_by = None
        self._format = None

    def mode(self, save_mode):
        self._mode = _save_mode(save_mode)
        return self

    def option(self, key, value):
        """A format type option (``compression``, ``field_delimiter``, Spark-style ``sep``/``quote``…) or a
        copy option (``overwrite``, ``single``…) for the next unload, with Snowpark's aliases."""
        self._options[aliased_option(key)] = value
        return self

    def options(self, configs=None, **kwargs):
        if configs and kwargs:
            raise ValueError("Cannot set options with both a dictionary and keyword arguments. Please use one or the other.")
        if configs is None:
            if not kwargs:
                raise ValueError("No options were provided")
            configs = kwargs
        for key, value in configs.items():
            self.option(key, value)
        return self

    def partition_by(self, expr):
        """The PARTITION BY expression of the next unload: a Column, a column name or SQL text."""
        self._partition_by = expr
        return self

    partitionBy = partition_by

    def format(self, file_format_name):
        allowed = ["csv", "json", "parquet"]
        name = file_format_name.strip().lower()
        if name not in allowed:
            raise ValueError("Unsupported file format. Expected file formats: {}, got '{}'".format(allowed, file_format_name))
        self._format = name
        return self

    # ------------------------------------------------------------------ tables

    def save_as_table(self, table_name, *, mode=None, column_order="index", create_temp_table=False, table_type="",
                      clustering_keys=None, block=True, statement_params=None, **kwargs):
        """``append`` creates the table when missing, else inserts (by position, or by name with
        ``column_order="name"``); ``truncate`` replaces the rows and keeps the table's definition;
        ``overwrite`` replaces the table; ``errorifexists`` fails on an existing table; ``ignore`` leaves it."""
        frame = self._dataframe
        session = frame._session
        mode = _save_mode(mode or self._mode)
        if column_order is None or column_order.lower() not in ("name", "index"):
            raise ValueError("'column_order' must be either 'name' or 'index'")
        column_order = column_order.lower()
        table_type = "temporary" if create_temp_table else (table_type or "").lower()
        if table_type not in _TABLE_TYPES:
            raise ValueError("Unsupported table type. Expected table types: ['temp', 'temporary', 'transient'], "
                             "got {!r}".format(table_type))
        name = _table_name(table_name)
        query = as_subquery(frame._sql_text())
        cluster = ""
        if clustering_keys:
            cluster = " CLUSTER BY ({})".format(", ".join(frame._expr(key).sql() for key in clustering_keys))

        def create(verb, if_not_exists=""):
            return "{} {}TABLE {}{}{} AS SELECT * FROM {}".format(
                verb, _TABLE_TYPES[table_type], if_not_exists, name, cluster, query)

        if mode in ("append", "truncate") and session._table_exists(name):
            if mode == "truncate":
                # As Snowpark: INSERT OVERWRITE by the DataFrame's column names, so a table with
                # more columns keeps them (as NULL) and its definition.
                sql = self._insert(name, query, "name", overwrite=True)
            else:
                sql = self._insert(name, query, column_order)
        elif mode == "append":
            sql = create("CREATE")
        elif mode in ("truncate", "overwrite"):
            sql = create("CREATE OR REPLACE")
        elif mode == "ignore":
            sql = create("CREATE", "IF NOT EXISTS ")
        else:
            sql = create("CREATE")
        if block:
            session._execute(sql, frame._params)
            return None
        return AsyncJob(session._submit(sql, frame._params), sql, session, result_type=_AsyncResultType.NO_RESULT)

    saveAsTable = save_as_table

    def _insert(self, name, query, column_order, overwrite=False):
        verb = "INSERT OVERWRITE INTO" if overwrite else "INSERT INTO"
        if column_order == "name":
            # The DataFrame's columns go to the table's columns of the same names, in any order;
            # a name the table lacks fails as Snowflake fails it: invalid identifier.
            columns = ", ".join(self._dataframe._output_names())
            return "{} {} ({}) SELECT * FROM {}".format(verb, name, columns, query)
        return "{} {} SELECT * FROM {}".format(verb, name, query)

    def insert_into(self, table_name, *, overwrite=False, statement_params=None, **kwargs):
        """``INSERT [OVERWRITE] INTO`` an existing table, by column position."""
        frame = self._dataframe
        frame._session._execute(self._insert(_table_name(table_name), as_subquery(frame._sql_text()), "index", overwrite), frame._params)

    insertInto = insert_into

    # ------------------------------------------------------------------ stages

    def copy_into_location(self, location, *, partition_by=None, file_format_name=None, file_format_type=None,
                           format_type_options=None, header=False, statement_params=None, block=True, **copy_options):
        """``COPY INTO @stage/path FROM (query)``: unloads the rows to stage files and returns Snowflake's
        result rows (rows_unloaded, input_bytes, output_bytes); ``block=False`` gives an AsyncJob."""
        frame = self._dataframe
        partition_by = partition_by if partition_by is not None else self._partition_by
        if isinstance(partition_by, str):
            partition_sql = frame._expr(sql_expr(partition_by)).sql()
        elif isinstance(partition_by, Column):
            partition_sql = frame._expr(partition_by).sql()
        elif partition_by is None:
            partition_sql = None
        else:
            raise TypeError("'partition_by' is expected to be a column name, a Column object, or a sql expression. "
                            "Got type {}".format(type(partition_by)))
        format_options, writer_copy_options = split_writer_options(self._options)
        writer_copy_options.update(copy_options)
        for key, value in (format_type_options or {}).items():
            format_options[aliased_option(key)] = value
        sql = copy_into_location_sql(location, frame._sql_text(), partition_by=partition_sql,
                                     file_format_name=file_format_name, file_format_type=file_format_type,
                                     format_type_options=format_options, header=header,
                                     copy_options=writer_copy_options)
        session = frame._session
        if not block:
            return AsyncJob(session._submit(sql, frame._params), sql, session, result_type=_AsyncResultType.ROW)
        return rows_from_result(session._execute(sql, frame._params))

    def _unload(self, file_format_type, location, partition_by, format_type_options, header, statement_params, block,
                copy_options):
        return self.copy_into_location(location, file_format_type=file_format_type, partition_by=partition_by,
                                       format_type_options=format_type_options, header=header,
                                       statement_params=statement_params, block=block, **copy_options)

    def csv(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
            block=True, **copy_options):
        return self._unload("CSV", location, partition_by, format_type_options, header, statement_params, block,
                            copy_options)

    def json(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
             block=True, **copy_options):
        return self._unload("JSON", location, partition_by, format_type_options, header, statement_params, block,
                            copy_options)

    def parquet(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
                block=True, **copy_options):
        return self._unload("PARQUET", location, partition_by, format_type_options, header, statement_params, block,
                            copy_options)

    def save(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
             block=True, **copy_options):
        """Unloads in the format chosen with ``format()``."""
        if self._format is None:
            raise ValueError("File format type is not specified. Call `format` before calling `save`.")
        return self._unload(self._format.upper(), location, partition_by, format_type_options, header,
                            statement_params, block, copy_options)
