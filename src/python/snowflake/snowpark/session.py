"""Snowpark's Session as a stored-procedure handler receives it; every query goes over the channel."""

from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType
from snowflake.snowpark._internal import plan as _plan
from snowflake.snowpark.dataframe import DataFrame
from snowflake.snowpark.table import Table
from snowflake.snowpark.exceptions import SnowparkSessionException

from snowpark_local.dataframe_from_values import values_query
from snowpark_local.results import first_value
from snowpark_local.sql_literals import render_literal
from snowpark_local.values import encode

_active_session = None


def _active():
    return _active_session


class _SessionBuilder:
    """``Session.builder``: inside a stored procedure there is no connecting, only the given session."""

    def configs(self, options):
        return self

    config = configs

    def app_name(self, *args, **kwargs):
        return self

    def getOrCreate(self):
        if _active_session is None:
            raise SnowparkSessionException(
                "No active session. Inside a stored procedure Snowflake passes the session to the "
                "handler as its first argument; use that one.", "1403")
        return _active_session

    get_or_create = getOrCreate

    def create(self):
        raise SnowparkSessionException(
            "Session.builder.create() cannot open a connection inside a stored procedure: Snowflake "
            "(and Snowpark Local) passes the session to the handler as its first argument. Use it, or "
            "Session.builder.getOrCreate() / get_active_session().", "1403")


def _quoted_name(name):
    return None if name is None else '"' + str(name).replace('"', '""') + '"'


class Session:
    builder = _SessionBuilder()

    def __init__(self, channel, context=None):
        global _active_session
        context = context or {}
        self._channel = channel
        self._database = context.get("database")
        self._schema = context.get("schema")
        self._role = context.get("role")
        self._warehouse = context.get("warehouse")
        self._query_tag = context.get("queryTag")
        _active_session = self

    # ------------------------------------------------------------------ channel calls

    def _execute(self, sql, params=None):
        request = {"sql": sql, "block": True}
        if params:
            request["params"] = [encode(value) for value in params]
        return self._channel.call("query.execute", request, query=sql)

    def _submit(self, sql, params=None):
        request = {"sql": sql, "block": False}
        if params:
            request["params"] = [encode(value) for value in params]
        return self._channel.call("query.execute", request, query=sql)["queryId"]

    def _describe(self, sql, params=None):
        """The columns (name, Snowflake type) a query would return, without running it for rows."""
        request = {"sql": sql}
        if params:
            request["params"] = [encode(value) for value in params]
        return self._channel.call("query.describe", request, query=sql)["columns"]

    def _table_exists(self, name):
        from snowflake.snowpark.exceptions import SnowparkSQLException
        try:
            self._describe("SELECT * FROM {}".format(name))
            return True
        except SnowparkSQLException:
            return False

    def _query_status(self, query_id):
        return self._channel.call("query.status", {"queryId": query_id})["status"]

    def _query_result(self, query_id, query=None):
        return self._channel.call("query.result", {"queryId": query_id}, query=query)

    def _cancel_query(self, query_id):
        return (self._channel.call("query.cancel", {"queryId": query_id}) or {}).get("status")

    # ------------------------------------------------------------------ DataFrames

    def sql(self, query, params=None):
        return DataFrame(self, _plan.SqlQuery(query), params)

    def table(self, name):
        return Table(name, self)

    def create_dataframe(self, data, schema=None):
        return DataFrame(self, _plan.Raw(values_query(data, schema)))

    createDataFrame = create_dataframe

    # ------------------------------------------------------------------ procedures and jobs

    def call(self, sproc_name, *args, statement_params=None, block=True, log_on_exception=False,
             return_dataframe=None):
        if not block:
            return self.call_nowait(sproc_name, *args)
        result = self._channel.call("proc.call", {"name": sproc_name, "args": [encode(arg) for arg in args],
                                                  "block": True}, query=_call_text(sproc_name, args))
        if return_dataframe is None:
            return_dataframe = not _is_scalar_return(sproc_name, result)
        if return_dataframe:
            return self.sql("select * from table(result_scan('{}'))".format(result["queryId"]))
        return first_value(result)

    def call_nowait(self, sproc_name, *args, statement_params=None, log_on_exception=False):
        call_text = _call_text(sproc_name, args)
        reply = self._channel.call("proc.call", {"name": sproc_name, "args": [encode(arg) for arg in args],
                                                 "block": False}, query=call_text)
        return AsyncJob(reply["queryId"], call_text, self, result_type=_AsyncResultType.ROW)

    def create_async_job(self, query_id):
        return AsyncJob(query_id, None, self)

    # ------------------------------------------------------------------ context

    def get_current_database(self):
        return _quoted_name(self._database)

    def get_current_schema(self):
        return _quoted_name(self._schema)

    def get_current_role(self):
        return _quoted_name(self._role)

    def get_current_warehouse(self):
        return _quoted_name(self._warehouse)

    def get_fully_qualified_current_schema(self):
        return "{}.{}".format(self.get_current_database(), self.get_current_schema())

    @property
    def query_tag(self):
        return self._query_tag

    @query_tag.setter
    def query_tag(self, tag):
        self._query_tag = tag

    def close(self):
        """Snowflake owns a procedure's session, so closing it does nothing."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __repr__(self):
        return "<Session: {}.{}>".format(self.get_current_database(), self.get_current_schema())


def _call_text(sproc_name, args):
    return "CALL {}({})".format(sproc_name, ", ".join(render_literal(arg) for arg in args))


def _is_scalar_return(sproc_name, result):
    # A scalar procedure's CALL yields one column named after the procedure (without its schema).
    columns = result.get("columns") or []
    if len(columns) != 1:
        return False
    short_name = sproc_name.split(".")[-1].strip('"').upper()
    return columns[0]["name"].strip('"').upper() == short_name
