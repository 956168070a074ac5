# Fixture for the Jobs tree's grouped rows (jobsTreeRows.test.ts): a run whose jobs come in
# two waves, the second once the test has looked at the tree and created `gate`.
import os
import time

from snowflake.snowpark import Session


def jobs_in_two_waves(session: Session, gate: str) -> int:
    jobs = [session.sql(f"select system$wait(2) as w, {i} as i").collect_nowait() for i in range(150)]
    deadline = time.monotonic() + 60
    while not os.path.exists(gate):
        if time.monotonic() > deadline:
            raise TimeoutError(f"the test never created {gate}")
        time.sleep(0.02)
    jobs += [session.sql(f"select system$wait(2) as w, {i} as i").collect_nowait() for i in range(150, 250)]
    return sum(1 for job in jobs if job.result() is not None)
