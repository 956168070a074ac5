"""Snowpark's AsyncJob: a handle on a query that keeps running while the handler goes on."""

from enum import Enum

from snowpark_local.pandas_bridge import pandas_frame
from snowpark_local.result_stream import finished_batches, rows_of_batches
from snowpark_local.results import first_value, rows_from_result


class _AsyncResultType(Enum):
    ROW = "row"
    ITERATOR = "row_iterator"
    PANDAS = "pandas"
    PANDAS_BATCH = "pandas_batches"
    COUNT = "count"
    NO_RESULT = "no_result"


# Status names and their meaning as in the connector's QueryStatus helpers.
_STILL_RUNNING = frozenset({"RUNNING", "RESUMING_WAREHOUSE", "QUEUED", "QUEUED_REPARING_WAREHOUSE",
                            "QUEUED_REPAIRING_WAREHOUSE", "NO_DATA"})
_ERROR = frozenset({"ABORTING", "FAILED_WITH_ERROR", "ABORTED", "FAILED_WITH_INCIDENT",
                    "DISCONNECTED", "BLOCKED"})
# Once a query is here it never changes again, so asking the Node side would be wasted.
_TERMINAL = frozenset({"SUCCESS", "FAILED_WITH_ERROR", "ABORTED", "FAILED_WITH_INCIDENT", "DISCONNECTED"})

_PUBLIC_RESULT_TYPES = ("row", "row_iterator", "pandas", "pandas_batches", "no_result")


def _result_type(value):
    if isinstance(value, _AsyncResultType):
        return value
    try:
        result_type = _AsyncResultType(value)
    except ValueError:
        result_type = None
    if result_type is None or result_type is _AsyncResultType.COUNT:
        raise ValueError("result_type must be one of {}, not {!r}".format(
            ", ".join(repr(name) for name in _PUBLIC_RESULT_TYPES), value))
    return result_type


class AsyncJob:
    def __init__(self, query_id, query, session, result_type=_AsyncResultType.ROW,
                 post_actions=None, log_on_exception=False, case_sensitive=True, _post_process=None, **kwargs):
        self.query_id = query_id
        # Table.update/delete/merge(block=False): result() gives the UpdateResult/… as blocking would.
        self._post_process = _post_process
        self._query = query
        self._session = session
        self._result_type = result_type
        self._terminal_status = None

    @property
    def query(self):
        """The SQL text of the query (None for a job made from a bare query id)."""
        return self._query

    def _remember(self, status):
        if status in _TERMINAL:
            self._terminal_status = status
        return status

    def status(self):
        if self._terminal_status is not None:
            return self._terminal_status
        return self._remember(self._session._query_status(self.query_id))

    def is_done(self):
        return self.status() not in _STILL_RUNNING

    def is_failed(self):
        return self.status() in _ERROR

    def cancel(self):
        status = self._session._cancel_query(self.query_id)
        if status:
            self._remember(status)

    def result(self, result_type=None):
        kind = self._result_type if result_type is None else _result_type(result_type)
        if kind in (_AsyncResultType.ITERATOR, _AsyncResultType.PANDAS_BATCH):
            # Read a batch at a time, as the connector reads a finished query's result chunks.
            batches = finished_batches(self._session, self.query_id, self._query)
            self._terminal_status = "SUCCESS"
            return rows_of_batches(batches) if kind is _AsyncResultType.ITERATOR else map(pandas_frame, batches)
        result = self._session._query_result(self.query_id, self._query)
        self._terminal_status = "SUCCESS"
        if kind is _AsyncResultType.NO_RESULT:
            return None
        if kind is _AsyncResultType.COUNT:
            return first_value(result)
        if kind is _AsyncResultType.PANDAS:
            return pandas_frame(result)
        if self._post_process is not None and result_type is None:
            return self._post_process(rows_from_result(result))
        return rows_from_result(result)

    def to_df(self):
        return self._session.sql("select * from table(result_scan('{}'))".format(self.query_id))

    def __repr__(self):
        return "AsyncJob(query_id={!r})".format(self.query_id)
