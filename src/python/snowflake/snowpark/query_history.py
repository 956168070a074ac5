"""``session.query_history()``: a context manager that records the queries a session sends."""

from collections import namedtuple

_QueryRecordBase = namedtuple("QueryRecord", ["query_id", "sql_text", "is_describe", "thread_id"])


class QueryRecord(_QueryRecordBase):
    """A query the session ran: its query id and its SQL text, as Snowpark's QueryRecord."""

    __slots__ = ()

    def __new__(cls, query_id, sql_text, is_describe=None, thread_id=None):
        return super().__new__(cls, query_id, sql_text, is_describe, thread_id)

    def __repr__(self):
        extra = ""
        if self.is_describe is not None:
            extra += ", is_describe={}".format(self.is_describe)
        if self.thread_id is not None:
            extra += ", thread_id={}".format(self.thread_id)
        return "QueryRecord(query_id={}, sql_text={}{})".format(self.query_id, self.sql_text, extra)


class QueryHistory:
    """Records queries from its creation until the ``with`` block ends."""

    def __init__(self, session, include_describe=False, include_thread_id=False, include_error=False):
        self.session = session
        self._queries = []
        self._include_describe = include_describe
        self._include_thread_id = include_thread_id
        self._include_error = include_error

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.session._remove_query_listener(self)

    def _notify(self, query_id, sql_text, is_describe=False, thread_id=None, failed=False):
        if is_describe and not self._include_describe:
            return
        if failed and not self._include_error:
            return
        self._queries.append(QueryRecord(
            query_id, sql_text, is_describe if self._include_describe else None,
            thread_id if self._include_thread_id else None))

    @property
    def queries(self):
        return list(self._queries)
