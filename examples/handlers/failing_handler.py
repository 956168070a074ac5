"""A handler that fails, to see how a traceback points at the line to fix."""
from snowflake.snowpark import Session


def main(session: Session) -> float:
    rows = session.sql("select 0 as divisor").collect()
    return 1 / rows[0]["DIVISOR"]
