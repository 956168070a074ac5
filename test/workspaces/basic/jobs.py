# Fixture for the integration and UI tests: handlers whose child jobs stay visible long
# enough to cancel or await. Tests assert on these names and line numbers.
from snowflake.snowpark import Session


def slow_insert(session: Session) -> str:
    session.sql("create or replace table e2e_target (c1 string)").collect()
    session.sql("insert into e2e_target (select system$wait(30))").collect()
    return "inserted"


def await_child(session: Session) -> str:
    job = session.sql("select 42 as answer, system$wait(4) as waited").collect_nowait()
    return str(job.result()[0]["ANSWER"])


def fail_here(session: Session) -> int:
    rows = session.sql("select 0 as divisor").collect()
    return 1 // rows[0]["DIVISOR"]


def rows_table(session: Session):
    return session.sql("select range as id, 'n' || range as name from range(3) order by id")


def many_jobs(session: Session, n: int) -> int:
    jobs = [session.sql(f"select system$wait(2) as w, {i} as i").collect_nowait() for i in range(n)]
    return sum(1 for job in jobs if job.result() is not None)
