"""A query's rows a batch at a time (to_local_iterator, to_pandas_batches): the Node side
keeps the open DuckDB result and sends the next rows on each ``query.fetch``, so neither
process ever holds the whole result (docs/channel-protocol.md, "Streamed results")."""

from snowflake.snowpark.row import case_insensitive_rows
from snowpark_local.results import rows_from_result

# Rows per batch: big enough that the per-frame cost vanishes, small enough that a batch
# (about 3 MB for a few numeric columns) is nothing next to the interpreter itself.
BATCH_ROWS = 100000
# The first batch is one DuckDB chunk so that the first row comes quickly (a first batch of
# 100k rows took ~370 ms to fetch, frame and decode, one of 8,192 130–250 ms, one of 2,048
# ~35 ms); each next one doubles up to BATCH_ROWS.
FIRST_BATCH_ROWS = 2048

# Streams whose iterator stopped early (a `break`, a dropped generator). The generator's
# `finally` may run inside garbage collection, in any thread, even while this thread is
# sending a frame, so it must not use the channel: the ids ride on the next query.stream,
# and the run's end closes whatever is still open.
_dropped = []


def rows_of_batches(batches, case_sensitive=True):
    """Rows one batch at a time: only the batch being read is ever held."""
    for batch in batches:
        rows = rows_from_result(batch)
        yield from (rows if case_sensitive else case_insensitive_rows(rows))


def _take_dropped():
    taken = []
    while _dropped:
        taken.append(_dropped.pop())
    return taken


def result_batches(session, sql, params=None):
    """Starts the query now (its SQL errors raise here) and returns an iterator of its
    QueryResults, one batch each; the whole result as one batch if the engine cannot stream it."""
    reply = session._request("query.stream", {"sql": sql, "params": params, "closing": _take_dropped()}, sql)
    if not reply.get("streaming"):
        return iter([session._query_result(reply["queryId"], sql)])
    return _fetched_batches(session, reply["queryId"], sql)


def _fetched_batches(session, query_id, sql):
    done = False
    size = FIRST_BATCH_ROWS
    try:
        while not done:
            batch = session._channel.call("query.fetch", {"queryId": query_id, "maxRows": size}, query=sql)
            size = min(size * 2, BATCH_ROWS)
            done = batch.get("done", True)
            if batch.get("rowCount"):
                yield batch
    finally:
        if not done:
            _dropped.append(query_id)


def finished_batches(session, query_id, sql=None):
    """A query that ran whole (an AsyncJob's) a batch at a time, sliced from the result Node
    keeps for it: waits for the query now, so its error raises here, as result() does."""
    first = _fetch_finished(session, query_id, sql, 0, FIRST_BATCH_ROWS)
    return _finished_batches(session, query_id, sql, first)


def _finished_batches(session, query_id, sql, batch):
    # Nothing to close if dropped: the rows stay kept for RESULT_SCAN either way.
    size = FIRST_BATCH_ROWS
    offset = 0
    while True:
        if batch.get("rowCount"):
            yield batch
        if batch.get("done", True):
            return
        offset += batch["rowCount"]
        size = min(size * 2, BATCH_ROWS)
        batch = _fetch_finished(session, query_id, sql, offset, size)


def _fetch_finished(session, query_id, sql, from_row, max_rows):
    return session._channel.call("query.fetch", {"queryId": query_id, "maxRows": max_rows, "fromRow": from_row}, query=sql)
