# Fixture for the warm-interpreter tests: which process a run got, whether it saw an
# earlier run's state, and when its first line ran (click → first line benchmark).
import os
import sys
import time

from snowflake.snowpark import Session

RUNS_IN_THIS_PROCESS = 0


def first_line(session: Session, stamp_file: str) -> str:
    started_ns = time.time_ns()
    with open(stamp_file, "w") as stamp:
        stamp.write(str(started_ns))
    return "ok"


def process_identity(session: Session) -> str:
    global RUNS_IN_THIS_PROCESS
    RUNS_IN_THIS_PROCESS += 1
    leaked = "warm_start_leak" in sys.modules
    sys.modules["warm_start_leak"] = sys
    return "%d %d %s" % (os.getpid(), RUNS_IN_THIS_PROCESS, leaked)
