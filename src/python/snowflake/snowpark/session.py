"""Snowpark's Session as a stored-procedure handler receives it; every query goes over the channel."""

import re
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType
from snowflake.snowpark._internal import plan as _plan
from snowflake.snowpark.dataframe import DataFrame
from snowflake.snowpark.table import Table
from snowflake.snowpark.exceptions import SnowparkSessionException

from snowpark_local import session_packages as _packages
from snowpark_local import session_sources as _sources
from snowpark_local.results import first_value
from snowpark_local.sql_literals import render_literal
from snowpark_local.values import encode

# Statements after which the session's current database, schema, role or warehouse may differ.
_CHANGES_CONTEXT = re.compile(r"^\s*(?:use\s|create\s+(?:or\s+replace\s+)?(?:schema|database)\b|drop\s+(?:schema|database)\b)", re.I)

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
        self._query_listeners = []
        self._packages = {}
        self._imports = {}
        _active_session = self

    # ------------------------------------------------------------------ channel calls

    def _request(self, method, request, sql, is_describe=False):
        """One statement on the channel, told to every ``query_history()`` that is listening."""
        params = request.pop("params", None)
        if params:
            request["params"] = [encode(value) for value in params]
        if not self._query_listeners:
            return self._channel.call(method, request, query=sql)
        try:
            reply = self._channel.call(method, request, query=sql)
        except Exception as error:
            for listener in list(self._query_listeners):
                listener._notify(getattr(error, "sfqid", None), sql, is_describe, failed=True)
            raise
        for listener in list(self._query_listeners):
            listener._notify((reply or {}).get("queryId"), sql, is_describe, _packages.thread_id())
        return reply

    def _execute(self, sql, params=None):
        reply = self._request("query.execute", {"sql": sql, "block": True, "params": params}, sql)
        if _CHANGES_CONTEXT.match(sql):
            # session.sql("use schema s2").collect() moves the session as use_schema() does.
            self._follow_context()
        return reply

    def _follow_context(self):
        current = _sources.current_context(self)
        self._database, self._schema = current.get("database", self._database), current.get("schema", self._schema)
        self._role, self._warehouse = current.get("role", self._role), current.get("warehouse", self._warehouse)

    def _submit(self, sql, params=None):
        return self._request("query.execute", {"sql": sql, "block": False, "params": params}, sql)["queryId"]

    def _describe(self, sql, params=None):
        """The columns (name, Snowflake type) a query would return, without running it for rows."""
        return self._request("query.describe", {"sql": sql, "params": params}, sql, is_describe=True)["columns"]

    def _remove_query_listener(self, listener):
        if listener in self._query_listeners:
            self._query_listeners.remove(listener)

    def query_history(self, include_describe=False, include_thread_id=False, include_error=False, **kwargs):
        """Records the queries this session sends until the ``with`` block ends (``.queries``)."""
        from snowflake.snowpark.query_history import QueryHistory
        history = QueryHistory(self, include_describe, include_thread_id, include_error)
        self._query_listeners.append(history)
        return history

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

    def sql(self, query, params=None, **kwargs):
        if params is not None and not isinstance(params, (list, tuple)):
            raise TypeError("params must be a list or tuple of bind values (for ? or :1 in the query), not {}".format(
                type(params).__name__))
        return DataFrame(self, _plan.SqlQuery(query), params)

    def table(self, name, **kwargs):
        return Table(_sources.table_name(name), self)

    @property
    def read(self):
        """A new DataFrameReader: DataFrames over staged files (``session.read.schema(…).csv('@stage/…')``)."""
        from snowflake.snowpark.dataframe_reader import DataFrameReader
        return DataFrameReader(self)

    @property
    def file(self):
        """PUT and GET between local files and stages (``session.file.put(…)``, ``get``, ``put_stream``, ``get_stream``)."""
        from snowflake.snowpark.file_operation import FileOperation
        return FileOperation(self)

    def create_dataframe(self, data, schema=None, **kwargs):
        return _sources.create_dataframe(self, data, schema)

    createDataFrame = create_dataframe

    def range(self, start, end=None, step=1):
        """One column ``ID`` from ``start`` to ``end`` (exclusive) by ``step``, as Snowpark's GENERATOR query."""
        return DataFrame(self, _plan.Raw(_sources.range_query(start, end, step)))

    def generator(self, *columns, rowcount=0, timelimit=0):
        return DataFrame(self, _plan.Raw(_sources.generator_query(columns, rowcount, timelimit)))

    def table_function(self, func_name, *func_arguments, **func_named_arguments):
        return DataFrame(self, _plan.Raw(_sources.table_function_query(func_name, func_arguments, func_named_arguments)))

    def flatten(self, input, path=None, outer=False, recursive=False, mode="BOTH"):
        return DataFrame(self, _plan.Raw(_sources.flatten_query(input, path, outer, recursive, mode)))

    def write_pandas(self, df, table_name, *, database=None, schema=None, chunk_size=None, compression="gzip",
                     on_error="abort_statement", parallel=4, quote_identifiers=True, auto_create_table=False,
                     create_temp_table=False, overwrite=False, table_type="", **kwargs):
        return _sources.write_pandas(self, df, table_name, database, schema, quote_identifiers, auto_create_table,
                                    create_temp_table, overwrite, table_type)

    # ------------------------------------------------------------------ packages and imports

    def add_packages(self, *packages, **kwargs):
        """Records packages as Snowpark does; each must be importable here (no silent stand-ins)."""
        self._packages.update(_packages.checked_packages(packages, self._packages))

    def get_packages(self, **kwargs):
        return dict(self._packages)

    def remove_package(self, package, **kwargs):
        name = _packages.package_name(package)
        if name not in self._packages:
            raise ValueError("{} is not in the package list".format(name))
        del self._packages[name]

    def clear_packages(self, **kwargs):
        self._packages.clear()

    def add_requirements(self, file_path, **kwargs):
        with open(file_path) as requirements:
            self.add_packages([line.strip() for line in requirements if line.strip() and not line.startswith("#")])

    def add_import(self, path, import_path=None, **kwargs):
        self._imports[_packages.checked_import(path)] = import_path

    def get_imports(self):
        return list(self._imports)

    def remove_import(self, path):
        resolved = _packages.absolute(path)
        if resolved not in self._imports:
            raise KeyError("{} is not found in the existing imports".format(resolved))
        del self._imports[resolved]

    def clear_imports(self):
        self._imports.clear()

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

    def get_fully_qualified_name_if_possible(self, name):
        database, schema = self.get_current_database(), self.get_current_schema()
        if database and schema:
            return "{}.{}.{}".format(database, schema, name)
        # Inside a stored procedure Snowpark allows a missing current schema and keeps the name.
        return name

    def use_database(self, database):
        self._use("database", database)

    def use_schema(self, schema):
        self._use("schema", schema)

    def use_warehouse(self, warehouse):
        self._use("warehouse", warehouse)

    def use_role(self, role):
        self._use("role", role)

    def _use(self, object_type, name):
        if not name:
            raise ValueError("'{}' must not be empty or None.".format(object_type))
        _sources.validate_object_name(name)
        self._execute("use {} {}".format(object_type, name))

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
