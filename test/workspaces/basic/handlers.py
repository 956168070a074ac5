# Fixture for the integration and UI tests: two stored-procedure handlers.
from snowflake.snowpark import Session


def handler(session: Session) -> str:
    return session.sql("select 'hello'").collect()[0][0]


def add_rows(session: Session, n: int) -> int:
    return n


def helper(x: int) -> int:
    # Not a handler: no session parameter, so no CodeLens.
    return x + 1
