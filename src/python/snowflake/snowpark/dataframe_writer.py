"""``df.write``: save a DataFrame as a table, with Snowpark's modes and column ordering."""

from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType

from snowpark_local.sql_literals import quote_identifier

_SAVE_MODES = ("append", "overwrite", "truncate", "errorifexists", "ignore")
_TABLE_TYPES = {"": "", "temp": "TEMPORARY ", "temporary": "TEMPORARY ", "transient": "TRANSIENT "}


def _table_name(name):
    return name if isinstance(name, str) else ".".join(name)


class DataFrameWriter:
    def __init__(self, dataframe):
        self._dataframe = dataframe
        self._mode = "errorifexists"

    def mode(self, save_mode):
        mode = (save_mode or "errorifexists").lower()
        if mode not in _SAVE_MODES:
            raise ValueError("Unsupported save mode '{}'; use one of {}".format(save_mode, ", ".join(_SAVE_MODES)))
        self._mode = mode
        return self

    def save_as_table(self, table_name, *, mode=None, column_order="index", create_temp_table=False, table_type="",
                      clustering_keys=None, block=True, statement_params=None, **kwargs):
        frame = self._dataframe
        session = frame._session
        mode = (mode or self._mode or "errorifexists").lower()
        if mode not in _SAVE_MODES:
            raise ValueError("Unsupported save mode '{}'; use one of {}".format(mode, ", ".join(_SAVE_MODES)))
        if column_order not in ("index", "name"):
            raise ValueError("'column_order' must be either 'name' or 'index'")
        table_type = "temporary" if create_temp_table else (table_type or "").lower()
        if table_type not in _TABLE_TYPES:
            raise ValueError("Unsupported table type '{}'; expected one of: temp, temporary, transient".format(table_type))
        name = _table_name(table_name)
        kind = _TABLE_TYPES[table_type]
        query = frame._sql_text()
        cluster = ""
        if clustering_keys:
            cluster = " CLUSTER BY ({})".format(", ".join(frame._expr(key).sql() for key in clustering_keys))
        if mode in ("append", "truncate"):
            exists = session._table_exists(name)
            if not exists:
                sql = "CREATE {}TABLE {}{} AS SELECT * FROM ({})".format(kind, name, cluster, query)
            else:
                if mode == "truncate":
                    session._execute("TRUNCATE TABLE {}".format(name))
                sql = self._insert(name, query, column_order)
        elif mode == "overwrite":
            sql = "CREATE OR REPLACE {}TABLE {}{} AS SELECT * FROM ({})".format(kind, name, cluster, query)
        elif mode == "ignore":
            sql = "CREATE {}TABLE IF NOT EXISTS {}{} AS SELECT * FROM ({})".format(kind, name, cluster, query)
        else:
            sql = "CREATE {}TABLE {}{} AS SELECT * FROM ({})".format(kind, name, cluster, query)
        if block:
            session._execute(sql, frame._params)
            return None
        query_id = session._submit(sql, frame._params)
        return AsyncJob(query_id, sql, session, result_type=_AsyncResultType.NO_RESULT)

    saveAsTable = save_as_table

    def _insert(self, name, query, column_order):
        if column_order == "name":
            # Snowpark matches the DataFrame's columns to the table's by name, not position.
            columns = ", ".join(self._dataframe._output_names())
            return "INSERT INTO {} ({}) SELECT * FROM ({})".format(name, columns, query)
        return "INSERT INTO {} SELECT * FROM ({})".format(name, query)

    def insert_into(self, table_name, *, overwrite=False, **kwargs):
        frame = self._dataframe
        name = _table_name(table_name)
        verb = "INSERT OVERWRITE INTO" if overwrite else "INSERT INTO"
        frame._session._execute("{} {} SELECT * FROM ({})".format(verb, name, frame._sql_text()), frame._params)

    insertInto = insert_into

    def copy_into_location(self, location, *args, **kwargs):
        raise NotImplementedError("DataFrameWriter.copy_into_location is not in Snowpark Local yet.")

    def csv(self, location, **kwargs):
        return self.copy_into_location(location, file_format_type="csv", **kwargs)

    def json(self, location, **kwargs):
        return self.copy_into_location(location, file_format_type="json", **kwargs)

    def parquet(self, location, **kwargs):
        return self.copy_into_location(location, file_format_type="parquet", **kwargs)


__all__ = ["DataFrameWriter", "quote_identifier"]
