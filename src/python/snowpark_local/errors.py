"""Turn a ChannelError reply (docs/channel-protocol.md, "Transport") into the exception to raise."""

from snowflake.snowpark.exceptions import SnowparkSQLException

# Snowpark wraps every error of a SQL statement in this client error code.
SNOWPARK_SQL_ERROR_CODE = "1304"

# What Snowflake reports for a cancelled statement, when the Node side does not say.
_CANCELLED_ERROR_CODE = "000604"
_CANCELLED_SQL_STATE = "57014"


def exception_from_channel_error(error, query=None):
    kind = error.get("kind")
    message = error.get("message") or "(no message)"
    if kind in ("sql", "cancelled"):
        return sql_exception(error, query)
    if kind == "usage":
        return ValueError(message)
    return RuntimeError("Snowpark Local internal error: " + message)


def sql_exception(error, query=None):
    """Build the exception as Snowpark builds it from the connector's ProgrammingError."""
    message = error.get("message") or "(no message)"
    error_code = error.get("errorCode")
    sql_state = error.get("sqlState")
    if error.get("kind") == "cancelled":
        error_code = error_code or _CANCELLED_ERROR_CODE
        sql_state = sql_state or _CANCELLED_SQL_STATE
    # The connector puts Snowflake's code and state in front of the server's text.
    if error_code and sql_state:
        shown = "{} ({}): {}".format(error_code.zfill(6), sql_state, message)
    elif error_code:
        shown = "{}: {}".format(error_code.zfill(6), message)
    else:
        shown = message
    return SnowparkSQLException(
        shown,
        error_code=SNOWPARK_SQL_ERROR_CODE,
        sqlstate=sql_state,
        sfqid=error.get("queryId"),
        query=query,
        sql_error_code=int(error_code) if error_code and error_code.isdigit() else None,
        raw_message=message,
    )
