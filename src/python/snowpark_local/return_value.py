"""A handler's return value converted to its procedure's declared RETURNS type.

Snowflake converts the value of a ``RETURNS VARCHAR`` procedure with Python's ``str()``:
returning ``async_job.is_done()`` shows ``False`` and returning ``async_job.result()``
shows ``[Row(SYSTEM$WAIT(5)='waited 5 seconds')]``, as the docs' examples print them.
"""

import re

_TEXT_TYPE = re.compile(r"^\s*(VARCHAR|STRING|TEXT|CHAR|CHARACTER|NVARCHAR|NCHAR)\b", re.IGNORECASE)


def as_declared(value, return_type):
    if value is None or not return_type:
        return value
    if _TEXT_TYPE.match(return_type) and not isinstance(value, str):
        return str(value)
    return value
