"""Snowpark's DataFrame, backed by one SQL query that runs when an action asks for data."""

from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType

from snowpark_local.pandas_bridge import pandas_frame
from snowpark_local.results import column_names, first_value, rows_from_result
from snowpark_local.table_text import show_string

_SAVE_MODES = ("append", "overwrite", "errorifexists", "ignore")
_TABLE_TYPES = {"": "", "temp": "TEMPORARY ", "temporary": "TEMPORARY ", "transient": "TRANSIENT "}


class DataFrame:
    def __init__(self, session, sql, params=None):
        self._session = session
        self._sql = sql
        self._params = list(params) if params else None

    # ------------------------------------------------------------------ describing

    @property
    def queries(self):
        return {"queries": [self._sql], "post_actions": []}

    @property
    def session(self):
        return self._session

    @property
    def write(self):
        return DataFrameWriter(self)

    def __repr__(self):
        return "<DataFrame {!r}>".format(self._sql)

    def _derived(self, sql):
        return DataFrame(self._session, sql, self._params)

    # ------------------------------------------------------------------ transforming

    def limit(self, n, offset=0):
        suffix = " OFFSET {}".format(int(offset)) if offset else ""
        return self._derived("SELECT * FROM ({}) LIMIT {}{}".format(self._sql, int(n), suffix))

    # ------------------------------------------------------------------ actions

    def _run(self, sql, block, result_type):
        if block:
            return self._session._execute(sql, self._params)
        query_id = self._session._submit(sql, self._params)
        return AsyncJob(query_id, sql, self._session, result_type=result_type)

    def collect(self, *, block=True, statement_params=None, log_on_exception=False, case_sensitive=True):
        outcome = self._run(self._sql, block, _AsyncResultType.ROW)
        return rows_from_result(outcome) if block else outcome

    def collect_nowait(self, *, statement_params=None, log_on_exception=False, case_sensitive=True):
        return self.collect(block=False)

    def count(self, *, block=True, statement_params=None):
        outcome = self._run("SELECT COUNT(*) FROM ({})".format(self._sql), block, _AsyncResultType.COUNT)
        return first_value(outcome) if block else outcome

    def first(self, n=None, *, block=True, statement_params=None):
        if n is None:
            rows = self.limit(1).collect()
            return rows[0] if rows else None
        if n < 0:
            return self.collect()
        return self.limit(n).collect()

    def to_local_iterator(self, *, block=True, statement_params=None, case_sensitive=True):
        return iter(self.collect())

    toLocalIterator = to_local_iterator

    def to_pandas(self, *, block=True, statement_params=None):
        outcome = self._run(self._sql, block, _AsyncResultType.PANDAS)
        return pandas_frame(outcome) if block else outcome

    toPandas = to_pandas

    def to_pandas_batches(self, *, block=True, statement_params=None):
        outcome = self._run(self._sql, block, _AsyncResultType.PANDAS_BATCH)
        return iter([pandas_frame(outcome)]) if block else outcome

    def show(self, n=10, max_width=50, *, statement_params=None):
        result = self._session._execute(self.limit(n)._sql, self._params)
        print(show_string(column_names(result), rows_from_result(result), max_width), end="")

    def save_as_table(self, table_name, *, mode="errorifexists", column_order="index",
                      create_temp_table=False, table_type="", block=True, statement_params=None, **kwargs):
        mode = (mode or "errorifexists").lower()
        if mode not in _SAVE_MODES:
            raise ValueError("mode must be one of {}, not {!r}".format(", ".join(_SAVE_MODES), mode))
        table_type = "temporary" if create_temp_table else (table_type or "").lower()
        if table_type not in _TABLE_TYPES:
            raise ValueError("table_type must be 'temp', 'temporary' or 'transient', not {!r}".format(table_type))
        name = table_name if isinstance(table_name, str) else ".".join(table_name)
        kind = _TABLE_TYPES[table_type]
        if mode == "append":
            # Snowpark creates a missing table on append; LIMIT 0 makes that cost no data.
            self._session._execute("CREATE {}TABLE IF NOT EXISTS {} AS SELECT * FROM ({}) LIMIT 0".format(
                kind, name, self._sql), self._params)
            sql = "INSERT INTO {} SELECT * FROM ({})".format(name, self._sql)
        elif mode == "overwrite":
            sql = "CREATE OR REPLACE {}TABLE {} AS SELECT * FROM ({})".format(kind, name, self._sql)
        elif mode == "ignore":
            sql = "CREATE {}TABLE IF NOT EXISTS {} AS SELECT * FROM ({})".format(kind, name, self._sql)
        else:
            sql = "CREATE {}TABLE {} AS SELECT * FROM ({})".format(kind, name, self._sql)
        outcome = self._run(sql, block, _AsyncResultType.NO_RESULT)
        return None if block else outcome

    saveAsTable = save_as_table


class DataFrameWriter:
    """``df.write.mode("overwrite").save_as_table("t")``, Snowpark's other spelling of the save."""

    def __init__(self, dataframe):
        self._dataframe = dataframe
        self._mode = "errorifexists"

    def mode(self, save_mode):
        self._mode = save_mode
        return self

    def save_as_table(self, table_name, *, mode=None, **kwargs):
        return self._dataframe.save_as_table(table_name, mode=mode or self._mode, **kwargs)

    saveAsTable = save_as_table
