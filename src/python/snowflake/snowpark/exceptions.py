"""Snowpark's client-side exceptions, with the same names, hierarchy and messages."""


class SnowparkClientException(Exception):
    """Base Snowpark exception class."""

    def __init__(self, message, error_code=None):
        super().__init__(message)
        self.message = message
        self.error_code = error_code
        self.telemetry_message = message
        self._pretty_msg = "({}): {}".format(error_code, message) if error_code else message

    def __repr__(self):
        return "{}({!r}, {!r})".format(type(self).__name__, self.message, self.error_code)

    def __str__(self):
        return self._pretty_msg


class _SnowparkInternalException(SnowparkClientException):
    pass


class SnowparkDataframeException(SnowparkClientException):
    pass


class SnowparkPlanException(SnowparkClientException):
    pass


class SnowparkSQLException(SnowparkClientException):
    """An error from a SQL statement; ``str()`` reads ``(1304): <query id>: <message>``."""

    def __init__(self, message, error_code=None, sqlstate=None, sfqid=None, query=None, *,
                 conn_error=None, sql_error_code=None, raw_message=None):
        super().__init__(message, error_code)
        self.conn_error = conn_error
        self.sqlstate = sqlstate
        self.sfqid = sfqid
        self.query = query
        # Snowflake's numeric error (e.g. 710 for 000710), as Snowpark exposes it.
        self.sql_error_code = sql_error_code
        self.raw_message = raw_message if raw_message is not None else message
        prefix = "({}): ".format(error_code) if error_code else ""
        query_id = "{}: ".format(sfqid) if sfqid else ""
        self._pretty_msg = prefix + query_id + message

    def __repr__(self):
        return "{}({!r}, {!r}, {!r})".format(type(self).__name__, self.message, self.error_code, self.sfqid)


class SnowparkServerException(SnowparkClientException):
    pass


class SnowparkGeneralException(SnowparkClientException):
    pass


class SnowparkColumnException(SnowparkDataframeException):
    pass


class SnowparkJoinException(SnowparkDataframeException):
    pass


class SnowparkDataframeReaderException(SnowparkDataframeException):
    pass


class SnowparkTableException(SnowparkDataframeException):
    pass


class SnowparkCreateViewException(SnowparkPlanException):
    pass


class SnowparkSQLAmbiguousJoinException(SnowparkSQLException):
    pass


class SnowparkSQLInvalidIdException(SnowparkSQLException):
    pass


class SnowparkSQLUnexpectedAliasException(SnowparkSQLException):
    pass


class SnowparkSessionException(SnowparkServerException):
    pass


class SnowparkMissingDbOrSchemaException(SnowparkServerException):
    pass


class SnowparkQueryCancelledException(SnowparkServerException):
    pass


class SnowparkFetchDataException(SnowparkServerException):
    pass


class SnowparkUploadFileException(SnowparkServerException):
    pass


class SnowparkInvalidObjectNameException(SnowparkGeneralException):
    pass
