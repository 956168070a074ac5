"""A handler that returns a DataFrame, as a RETURNS TABLE(...) procedure would."""
from snowflake.snowpark import Session


def top_customers(session: Session, limit: int):
    session.sql(
        "create or replace table customers as "
        "select range as id, 'customer_' || range as name, (range * 37) % 101 as score from range(50)"
    ).collect()
    return session.sql(f"select id, name, score from customers order by score desc, id limit {limit}")
