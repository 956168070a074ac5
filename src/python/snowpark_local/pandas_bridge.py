"""Build pandas DataFrames from query results, when pandas is installed in this interpreter."""

import sys

from snowpark_local.results import column_names, decoded_columns


def require_pandas():
    try:
        import pandas
    except ImportError as error:
        raise ImportError(
            "pandas is not installed in {exe}, the Python that runs this handler. Install it with "
            "`{exe} -m pip install pandas` (in Snowflake, add 'pandas' to the procedure's PACKAGES), "
            "or choose another interpreter.".format(exe=sys.executable)) from error
    return pandas


def pandas_frame(result):
    pandas = require_pandas()
    names = column_names(result)
    return pandas.DataFrame(dict(zip(names, decoded_columns(result))), columns=names)
