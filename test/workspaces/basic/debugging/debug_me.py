# Fixture for the debugging tests: they set breakpoints on these line numbers.
import helper_module


def main(session, n: int = 20) -> int:
    doubled = n * 2
    rows = session.sql("select 1 as one").collect()
    return helper_module.add(doubled, rows[0][0])


def waits(session) -> str:
    job = session.sql("select system$wait(60)").collect_nowait()
    query_id = job.query_id
    return str(job.result())
