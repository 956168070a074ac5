"""Snowpark Local's stand-in for ``snowflake.snowpark`` inside a locally run stored procedure.

Only the API a procedure handler uses is here; its queries run through the Snowpark Local
channel on DuckDB or on a real Snowflake account.
"""

from snowflake.snowpark.async_job import AsyncJob
from snowflake.snowpark.dataframe import DataFrame, DataFrameWriter
from snowflake.snowpark.row import Row
from snowflake.snowpark.session import Session

__all__ = ["AsyncJob", "DataFrame", "DataFrameWriter", "Row", "Session"]

# Lets a handler, or a test, see that this is the local shim and not the installed Snowpark.
__snowpark_local__ = True
