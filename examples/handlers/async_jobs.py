"""A stored-procedure handler that starts async child jobs and waits for some of them.

Run it with the CodeLens above `main`, or:
    snowpark-local run examples/handlers/async_jobs.py --args '[3]'
"""
from snowflake.snowpark import Session


def main(session: Session, seconds: int) -> str:
    session.sql("create or replace table orders (id int, amount number(10,2))").collect()
    load = session.sql(
        "insert into orders select range, range * 1.5 from range(1000)"
    ).collect_nowait()
    slow = session.sql(f"select system$wait({seconds})").collect_nowait()
    load.result(result_type="no_result")
    total = session.sql("select sum(amount) as total from orders").collect()[0]["TOTAL"]
    print(f"loaded 1000 orders, total {total}; waiting on {slow.query_id}")
    return f"{slow.result()[0][0]}, total {total}"
