"""What runs a DataFrame's query: collect, count, show, to_pandas, save_as_table, cache_result,
views. A mixin of DataFrame, kept apart from the methods that only build the plan."""

import re

from snowflake.snowpark._internal import plan as p
from snowflake.snowpark._internal.compiler import as_subquery
from snowflake.snowpark._internal.joins import random_tag
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType
from snowflake.snowpark.row import case_insensitive_rows

from snowpark_local.pandas_bridge import pandas_frame
from snowpark_local.result_stream import result_batches, rows_of_batches
from snowpark_local.results import column_names, first_value, rows_from_result
from snowpark_local.table_text import show_string


class DataFrameActions:

    def _run(self, sql, block, result_type, params=None):
        params = self._params if params is None else params
        if block:
            return self._session._execute(sql, params)
        query_id = self._session._submit(sql, params)
        return AsyncJob(query_id, sql, self._session, result_type=result_type)

    def collect(self, *, block=True, statement_params=None, log_on_exception=False, case_sensitive=True):
        outcome = self._run(self._sql_text(), block, _AsyncResultType.ROW)
        if not block:
            return outcome
        rows = rows_from_result(outcome)
        return rows if case_sensitive else case_insensitive_rows(rows)

    def collect_nowait(self, *, statement_params=None, log_on_exception=False, case_sensitive=True):
        return self.collect(block=False)

    def count(self, *, block=True, statement_params=None):
        outcome = self._run("SELECT COUNT(*) FROM {}".format(as_subquery(self._sql_text())), block, _AsyncResultType.COUNT)
        return first_value(outcome) if block else outcome

    def first(self, n=None, *, block=True, statement_params=None):
        if n is None:
            rows = self.limit(1).collect()
            return rows[0] if rows else None
        if not isinstance(n, int):
            raise ValueError("Invalid type of argument passed to first(): {}".format(type(n).__name__))
        if n < 0:
            return self.collect(block=block)
        return self.limit(n).collect(block=block)

    def take(self, n=None, *, block=True, statement_params=None):
        return self.first(n, block=block)

    head = take

    def to_local_iterator(self, *, block=True, statement_params=None, case_sensitive=True):
        if not block:
            return self._run(self._sql_text(), False, _AsyncResultType.ITERATOR)
        return rows_of_batches(result_batches(self._session, self._sql_text(), self._params), case_sensitive)

    toLocalIterator = to_local_iterator

    def to_pandas(self, *, block=True, statement_params=None, **kwargs):
        outcome = self._run(self._sql_text(), block, _AsyncResultType.PANDAS)
        return pandas_frame(outcome) if block else outcome

    toPandas = to_pandas

    def to_pandas_batches(self, *, block=True, statement_params=None, **kwargs):
        if not block:
            return self._run(self._sql_text(), False, _AsyncResultType.PANDAS_BATCH)
        return map(pandas_frame, result_batches(self._session, self._sql_text(), self._params))

    def show(self, n=10, max_width=50, *, statement_params=None):
        print(self._show_string(n, max_width), end="")

    def _show_string(self, n=10, max_width=50):
        sql = self._sql_text()
        if isinstance(self._plan, p.SqlQuery) and not re.match(r"^\s*(\(|select|with|values|table)\b", sql, re.I):
            result = self._session._execute(sql, self._params)
            rows = rows_from_result(result)[:n]
        else:
            result = self._session._execute(self.limit(n)._sql_text(), self._params)
            rows = rows_from_result(result)
        return show_string(column_names(result), rows, max_width)

    def save_as_table(self, table_name, *, mode="errorifexists", column_order="index", create_temp_table=False,
                      table_type="", clustering_keys=None, block=True, statement_params=None, **kwargs):
        from snowflake.snowpark.dataframe_writer import DataFrameWriter
        return DataFrameWriter(self).save_as_table(
            table_name, mode=mode, column_order=column_order, create_temp_table=create_temp_table,
            table_type=table_type, clustering_keys=clustering_keys, block=block, **kwargs)

    saveAsTable = save_as_table

    def cache_result(self, *, statement_params=None):
        from snowflake.snowpark.table import Table
        name = "SNOWPARK_TEMP_TABLE_{}".format(random_tag().upper() + str(self._id))
        self._session._execute("CREATE TEMPORARY TABLE {} AS {}".format(name, self._sql_text()), self._params)
        return Table(name, self._session)

    cacheResult = cache_result

    def create_or_replace_view(self, name, *, comment=None, statement_params=None):
        return self._create_view(name, "CREATE OR REPLACE VIEW", comment)

    def create_or_replace_temp_view(self, name, *, comment=None, statement_params=None):
        return self._create_view(name, "CREATE OR REPLACE TEMPORARY VIEW", comment)

    def create_temp_view(self, name, *, comment=None, statement_params=None):
        return self._create_view(name, "CREATE TEMPORARY VIEW", comment)

    createOrReplaceView, createOrReplaceTempView, createTempView = (
        create_or_replace_view, create_or_replace_temp_view, create_temp_view)

    def _create_view(self, name, verb, comment):
        view = name if isinstance(name, str) else ".".join(name)
        rows = rows_from_result(self._session._execute("{} {} AS {}".format(verb, view, self._sql_text()), self._params))
        return rows

