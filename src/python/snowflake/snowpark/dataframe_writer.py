"""``df.write``: save a DataFrame as a table, with Snowpark's modes and column ordering, or unload
it to a stage (``copy_into_location``, ``csv``, ``json``, ``parquet``)."""

from snowflake.snowpark._internal.compiler import as_subquery
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType

from snowpark_local.results import rows_from_result
from snowpark_local.sql_literals import quote_identifier

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

    def mode(self, save_mode):
        self._mode = _save_mode(save_mode)
        return self

    def option(self, key, value):
        self._options[key.lower()] = value
        return self

    def options(self, configs=None, **kwargs):
        for key, value in dict(configs or {}, **kwargs).items():
            self.option(key, value)
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
        """``COPY INTO @stage/path FROM (query)``: unloads the rows to stage files and returns
        Snowflake's result rows (rows_unloaded, input_bytes, output_bytes)."""
        try:
            from snowpark_local.copy_into_location import copy_into_location_sql
        except ImportError:
            raise NotImplementedError("DataFrameWriter.copy_into_location (and csv/json/parquet) is not in "
                                      "Snowpark Local yet; save_as_table and insert_into are.") from None
        frame = self._dataframe
        sql = copy_into_location_sql(location, frame._sql_text(), partition_by=partition_by and frame._expr(partition_by).sql(),
                                     file_format_name=file_format_name, file_format_type=file_format_type,
                                     format_type_options=dict(self._options, **(format_type_options or {})),
                                     header=header, copy_options=copy_options)
        session = frame._session
        if not block:
            return AsyncJob(session._submit(sql, frame._params), sql, session, result_type=_AsyncResultType.ROW)
        return rows_from_result(session._execute(sql, frame._params))

    def csv(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
            block=True, **copy_options):
        return self.copy_into_location(location, file_format_type="csv", partition_by=partition_by,
                                       format_type_options=format_type_options, header=header, block=block,
                                       **copy_options)

    def json(self, location, *, partition_by=None, format_type_options=None, header=False, statement_params=None,
             block=True, **copy_options):
        return self.copy_into_location(location, file_format_type="json", partition_by=partition_by,
                                       format_type_options=format_type_options, header=header, block=block,
                                       **copy_options)

    def parquet(self, location, *, partition_by=None, format_type_options=None, header=True, statement_params=None,
                block=True, **copy_options):
        return self.copy_into_location(location, file_format_type="parquet", partition_by=partition_by,
                                       format_type_options=format_type_options, header=header, block=block,
                                       **copy_options)


__all__ = ["DataFrameWriter", "quote_identifier"]
