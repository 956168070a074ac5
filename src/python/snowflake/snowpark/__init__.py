"""Snowpark Local's stand-in for ``snowflake.snowpark`` inside a locally run stored procedure.

The DataFrame API compiles to Snowflake SQL that runs through the Snowpark Local channel on
DuckDB or on a real Snowflake account.
"""

from snowflake.snowpark.async_job import AsyncJob
from snowflake.snowpark.column import CaseExpr, Column
from snowflake.snowpark.dataframe import DataFrame
from snowflake.snowpark.dataframe_reader import DataFrameReader
from snowflake.snowpark.dataframe_writer import DataFrameWriter
from snowflake.snowpark.file_operation import FileOperation, GetResult, PutResult
from snowflake.snowpark.relational_grouped_dataframe import GroupingSets, RelationalGroupedDataFrame
from snowflake.snowpark.row import Row
from snowflake.snowpark.session import Session
from snowflake.snowpark.table import DeleteResult, MergeResult, Table, UpdateResult, WhenMatchedClause, WhenNotMatchedClause
from snowflake.snowpark.window import Window, WindowSpec

__all__ = ["AsyncJob", "CaseExpr", "Column", "DataFrame", "DataFrameReader", "DataFrameWriter", "DeleteResult",
           "FileOperation", "GetResult", "GroupingSets", "MergeResult", "PutResult", "RelationalGroupedDataFrame", "Row", "Session", "Table", "UpdateResult",
           "WhenMatchedClause", "WhenNotMatchedClause", "Window", "WindowSpec"]

# Lets a handler, or a test, see that this is the local shim and not the installed Snowpark.
__snowpark_local__ = True
