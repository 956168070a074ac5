# Fixture for the saved-run tests (.snowpark-local/runs.json): handlers that read the table
# fixtures/orders.sql creates, so each test needs its setup file and a fresh database.
from snowflake.snowpark import Session


def month_total(session: Session, month: str):
    rows = session.sql(f"select sum(amount) as total from orders where month = '{month}'").collect()
    return rows[0]["TOTAL"]


def orders_in(session: Session, month: str):
    return session.sql(f"select id, amount from orders where month = '{month}' order by id")


def bad_cast(session: Session) -> int:
    return session.sql("select 'abc'::int as n").collect()[0][0]
