"""``get_active_session()``: the session Snowflake gave the running procedure."""

from snowflake.snowpark import session as _session
from snowflake.snowpark.exceptions import SnowparkSessionException


def get_active_session():
    active = _session._active()
    if active is None:
        raise SnowparkSessionException("No default Session is found. Please create a session before you call function 'get_active_session'", "1403")
    return active
