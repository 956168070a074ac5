"""Turn a columnar QueryResult (docs/channel-protocol.md) into Snowpark Rows."""

from snowflake.snowpark.row import rows_from_columns

from snowpark_local.gc_pause import paused_gc
from snowpark_local.values import decode_columns


def column_names(result):
    return [column["name"] for column in result["columns"]]


def decoded_columns(result):
    return decode_columns(result["columns"], result["data"])


# Pausing the collector pays off when many Rows are built; for a few rows the pause itself
# (a lock, two gc calls, a context manager) was most of the cost.
_GC_PAUSE_ROWS = 1000


def rows_from_result(result):
    row_count = result.get("rowCount")
    if row_count is not None and row_count < _GC_PAUSE_ROWS:
        return rows_from_columns(column_names(result), decoded_columns(result), row_count)
    with paused_gc():
        return rows_from_columns(column_names(result), decoded_columns(result), row_count)


def first_value(result):
    """The single value of a one-row, one-column result (a scalar procedure's return)."""
    columns = decoded_columns(result)
    if not columns or not columns[0]:
        return None
    return columns[0][0]
