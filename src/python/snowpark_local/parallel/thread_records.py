"""Report joblib tasks run on the handler's own threads to the Node side's Jobs tree.

On a standard warehouse joblib's default backend is ``threading``: tasks run on real
threads of the handler's process (GIL and all, as in Snowflake), so nothing outside the
process sees them unless they are reported. One round trip opens a batch per Parallel
call; finished tasks go in bulk with fire-and-forget notifications (every 100 ms or 500
tasks), so reporting never holds a task up; the batch is closed when the call ends.
"""

import threading
import time

from snowpark_local.parallel.task_channel import TaskChannel

_FLUSH_SECONDS = 0.1
_FLUSH_TASKS = 500


class ThreadBatchRecorder:
    def __init__(self, function_name, n_jobs):
        self._channel = TaskChannel.get()
        opened = self._channel.call("tasks.threads.open", {"function": function_name, "nJobs": n_jobs})
        self.batch_id = opened["batchId"]
        self._lock = threading.Lock()
        self._pending = []
        self._next_index = 0
        self._last_flush = time.monotonic()
        self.failed = False

    def wrap(self, func, names):
        """A callable that runs ``func`` (one joblib batch of ``len(names)`` calls) and records it."""
        with self._lock:
            start = self._next_index
            self._next_index += len(names)

        def run_and_record():
            started = time.time()
            error = None
            try:
                return func()
            except BaseException as raised:  # noqa: B902 - recorded, then re-raised unchanged
                error = "{}: {}".format(type(raised).__name__, raised)
                self.failed = True
                raise
            finally:
                self._record(start, names, started, time.time(), error)

        return run_and_record

    def _record(self, start, names, started, ended, error):
        worker = threading.current_thread().name
        tasks = [{
            "index": start + offset,
            "function": name,
            "worker": worker,
            "startedMs": started * 1000,
            "endedMs": ended * 1000,
            "ok": error is None,
            "error": error,
        } for offset, name in enumerate(names)]
        with self._lock:
            self._pending.extend(tasks)
            due = len(self._pending) >= _FLUSH_TASKS or time.monotonic() - self._last_flush >= _FLUSH_SECONDS
            batch = self._take_pending() if due else None
        if batch:
            self._channel.notify("tasks.threads.report", {"batchId": self.batch_id, "tasks": batch})

    def _take_pending(self):
        batch, self._pending = self._pending, []
        self._last_flush = time.monotonic()
        return batch

    def close(self, ok):
        with self._lock:
            batch = self._take_pending()
        try:
            if batch:
                self._channel.notify("tasks.threads.report", {"batchId": self.batch_id, "tasks": batch})
            self._channel.call("tasks.threads.close", {"batchId": self.batch_id, "ok": ok and not self.failed})
        except Exception:  # noqa: B902 - records only; the run may be ending
            pass
