"""A TaskPool worker process: ``python -m snowpark_local.parallel.task_worker``.

One Node worker thread starts and owns this process; its frames (frames.py) go straight to
Node's main thread, over a Unix socket in a private directory or, under the tcp transport, a
loopback connection, opened by sending the one-time token first (SNOWPARK_LOCAL_TASK_ADDRESS /
_TOKEN). SNOWPARK_LOCAL_TASK_FD (an inherited socket) is for tests that drive a worker alone.

It runs one chunk of joblib calls at a time, in order, and sends back the pickled results, or
the first exception with its traceback as text, the way loky's workers do. stdout and stderr
stay the tasks' own and reach the run's output.

Chunks come two ways. Relayed: Node sends a ``run`` frame and gets the reply. Or on a lane:
Node leases the worker to one joblib batch (a ``lease`` frame); the handler connects to the
worker's own listener (lane_listener.py) and sends the batch's chunks there, the worker
replies to the handler, and Node gets a small ``lane.*`` record of each chunk afterwards.
When the handler closes the lane, the worker says ``lane.ended`` and serves Node again.

Each task's run time goes back too, for its row in the Jobs tree and for the handler's batch
sizing: as raw float64 milliseconds ahead of the frame's payload (the header's ``timings``
counts them). As JSON numbers they cost more than a tiny task itself.
"""

import os
import pickle
import socket
import sys
import threading
import time
import traceback
from array import array

from snowpark_local import channel_address
from snowpark_local.parallel.frames import FrameSocket
from snowpark_local.parallel.lane_listener import accept_lane, open_lane_listener
from snowpark_local.parallel.serialization import loads_tasks
from snowpark_local.parallel.worker_context import WorkerContext

TASK_ADDRESS_ENV = "SNOWPARK_LOCAL_TASK_ADDRESS"
TASK_TOKEN_ENV = "SNOWPARK_LOCAL_TASK_TOKEN"
_PROGRESS_EVERY_S = 0.05
#: How long a leased worker waits for the handler to connect before giving its lease back.
LEASE_ACCEPT_S = 10.0
_OUR_DIR = os.path.dirname(os.path.abspath(__file__))


def _die_with_parent():
    """Never outlive Node: the kernel kills us with the thread that started us (Linux), and a
    watchdog notices a new parent (the old one died) everywhere else. The watchdog wakes
    twice a second, so it runs only where the kernel cannot do this: an idle pool then
    wakes nobody."""
    parent = os.getppid()
    if sys.platform.startswith("linux") and _kill_me_with_parent() and os.getppid() == parent:
        return

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="snowpark-local-parent-watch", daemon=True).start()


def _kill_me_with_parent():
    try:
        import ctypes
        return ctypes.CDLL(None, use_errno=True).prctl(1, 9) == 0  # PR_SET_PDEATHSIG, SIGKILL
    except Exception:  # noqa: B902 - best effort; the watchdog remains
        return False


def _format_remote(error):
    summary = traceback.TracebackException(type(error), error, error.__traceback__)
    summary.stack = traceback.StackSummary.from_list(
        [frame for frame in summary.stack if os.path.dirname(os.path.abspath(frame.filename)) != _OUR_DIR])
    return "".join(summary.format())


def _pickled_error(error):
    try:
        payload = pickle.dumps(error, protocol=pickle.HIGHEST_PROTOCOL)
        pickle.loads(payload)
        return payload
    except Exception:  # noqa: B902 - the handler gets the text instead
        return b""


def _install_joblib_patch():
    from snowpark_local.parallel.joblib_hook import when_joblib_imported

    def on_joblib(_module):
        from joblib import parallel as parallel_module

        from snowpark_local.parallel import joblib_backend

        joblib_backend.install_in_worker(parallel_module)

    when_joblib_imported(on_joblib)


def _preload(modules):
    def load():
        for name in modules:
            try:
                __import__(name)
            except Exception:  # noqa: B902 - only a warm-up
                pass

    threading.Thread(target=load, name="snowpark-local-preload", daemon=True).start()


class Worker:
    def __init__(self, frames, lane_listener=None, lane_address=None):
        self._frames = frames
        self._context = WorkerContext()
        self._lane_listener = lane_listener
        self._lane_address = lane_address

    def serve(self):
        ready = {"type": "ready", "pid": os.getpid(), "python": sys.executable}
        if self._lane_address:
            ready["lane"] = self._lane_address
        self._frames.write(ready)
        while True:
            message = self._frames.read()
            if message is None:
                return
            header, payload = message
            kind = header.get("type")
            if kind == "run":
                self._run(header, payload)
            elif kind == "context":
                self._enter_ahead(header)
            elif kind == "lease":
                self._serve_lease(header)
            elif kind == "preload":
                _preload(header.get("modules") or [])
            elif kind == "exit":
                return

    def _enter_ahead(self, header):
        """Take on a run's context while idle, so that its first chunk need not (Node still
        sends the context with that chunk: if this fails, the chunk enters it again and
        reports what failed)."""
        try:
            self._context.enter(header["context"], header.get("contextData"))
        except BaseException:  # noqa: B902 - see above: the run's first chunk reports it
            pass

    def _run(self, header, payload):
        """A chunk Node relayed: progress, result and records all go back to Node."""
        chunk = header["chunk"]

        def progress(completed, durations):
            self._send("progress", {"chunk": chunk, "completed": completed}, durations)

        outcome = self._execute(header["context"], header.get("contextData"), payload, progress)
        if outcome.error is None:
            self._send("done", {"chunk": chunk}, outcome.unreported(), outcome.data)
        else:
            self._send("error", dict(outcome.error_facts(), chunk=chunk), outcome.unreported(), outcome.data)

    def _execute(self, context_id, context_data, payload, progress):
        """Runs one chunk's calls in order, up to the first exception (as loky's workers do)."""
        outcome = _Outcome()
        durations = outcome.durations
        try:
            self._context.enter(context_id, context_data)
            items = loads_tasks(payload)
        except BaseException as error:  # noqa: B902
            return outcome.failed(0, error)
        clock = time.perf_counter
        last_report = clock()
        results = []
        for index, (function, args, kwargs) in enumerate(items):
            started = clock()
            try:
                results.append(function(*args, **kwargs))
            except BaseException as error:  # noqa: B902 - SystemExit in a task is the task's failure
                durations.append((clock() - started) * 1000.0)
                return outcome.failed(index, error)
            ended = clock()
            durations.append((ended - started) * 1000.0)
            if ended - last_report >= _PROGRESS_EVERY_S and index + 1 < len(items):
                progress(index + 1, durations[outcome.reported:])
                outcome.reported = index + 1
                last_report = ended
        try:
            outcome.data = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: B902
            index = max(_first_unpicklable(results), outcome.reported)
            wrapped = TypeError("the result of {}() could not be pickled back to the handler: {}: {}".format(
                getattr(items[index][0], "__name__", "a task"), type(error).__name__, error))
            return outcome.failed(index, wrapped)
        return outcome

    def _serve_lease(self, header):
        """Serve a batch's lane (lane_listener.py) until the handler closes it, then say so."""
        lease = header["lease"]
        context_id, context_data = header["context"], header.get("contextData")
        connection = None
        if self._lane_listener is not None:
            connection = accept_lane(self._lane_listener, header.get("token") or "", LEASE_ACCEPT_S)
        if connection is None:
            self._frames.write({"type": "lane.ended", "lease": lease, "unused": True})
            return
        lane = FrameSocket(connection)
        notice = _RunningChunkNotice(self._frames)
        try:
            while True:
                message = lane.read()
                if message is None:
                    break
                request, payload = message
                if request.get("type") != "run":
                    continue
                record = {"lease": lease, "chunk": request.get("chunk"), "start": request.get("start", 0),
                          "count": request.get("count", 0)}
                if request.get("functions"):
                    record["functions"] = request["functions"]
                notice.began(record)

                def progress(completed, durations, record=record):
                    self._send("lane.progress", dict(record, completed=completed), durations)

                outcome = self._execute(context_id, context_data, payload, progress)
                notice.ended()
                # The handler first: it waits on this; Node's record is off the critical path.
                if outcome.error is None:
                    lane.write({"type": "done", "chunk": record["chunk"], "computeMs": outcome.total_ms()}, outcome.data)
                    self._send("lane.done", record, outcome.unreported())
                else:
                    facts = outcome.error_facts()
                    lane.write(dict(facts, type="error", chunk=record["chunk"], computeMs=outcome.total_ms()), outcome.data)
                    self._send("lane.error", dict(record, **facts), outcome.unreported())
        except OSError:
            pass  # the handler went away: its lane is over
        finally:
            notice.stop()
            connection.close()
        self._frames.write({"type": "lane.ended", "lease": lease})

    def _send(self, kind, header, durations, data=b""):
        header["type"] = kind
        header["timings"] = len(durations)
        self._frames.write(header, durations.tobytes(), data)


class _Outcome:
    """One chunk's end: its results (``data``, a pickle) or its first failure, and the run
    times of the calls that ran (``reported`` of them already sent in progress frames)."""

    __slots__ = ("durations", "reported", "data", "error", "failed_at")

    def __init__(self):
        self.durations = array("d")
        self.reported = 0
        self.data = b""
        self.error = None
        self.failed_at = None

    def failed(self, index, error):
        self.failed_at = index
        self.error = error
        self.data = _pickled_error(error)
        return self

    def unreported(self):
        end = len(self.durations) if self.failed_at is None else self.failed_at + 1
        return self.durations[self.reported:end]

    def total_ms(self):
        return sum(self.durations)

    def error_facts(self):
        error = self.error
        return {"failedAt": self.failed_at, "errorType": type(error).__name__, "message": str(error),
                "traceback": _format_remote(error)}


class _RunningChunkNotice:
    """Tells Node which lane chunk is running once it has run for a while, so the Jobs tree
    can show a slow task as it runs. Chunks of tiny tasks end before the watcher looks, and
    cost Node nothing until their record arrives.

    The watcher thread wakes only while it times a chunk: every wake-up takes the GIL from the
    task running on the main thread, and with both cores busy the task then waits for the
    watcher to get a core, give the GIL back, and for a core again itself. A chunk that follows
    a slow one is announced at once by the main thread, so a batch of slow tasks wakes the
    watcher only for its first chunk."""

    def __init__(self, frames):
        self._frames = frames
        self._changed = threading.Condition(threading.Lock())
        self._running = None
        self._generation = 0
        self._told = 0
        self._began_at = 0.0
        self._last_was_slow = False
        self._timing = False
        self._stopped = False
        threading.Thread(target=self._watch, name="snowpark-local-lane-notice", daemon=True).start()

    def began(self, record):
        with self._changed:
            self._generation += 1
            self._running = record
            self._began_at = time.monotonic()
            if self._last_was_slow:
                self._tell()
            elif not self._timing:
                self._changed.notify()

    def ended(self):
        with self._changed:
            self._last_was_slow = time.monotonic() - self._began_at >= _PROGRESS_EVERY_S
            self._running = None

    def stop(self):
        with self._changed:
            self._stopped = True
            self._changed.notify()

    def _tell(self):
        # Under the lock: a notice is never sent after its chunk's own record.
        self._told = self._generation
        self._frames.write(dict(self._running, type="lane.start"))

    def _watch(self):
        with self._changed:
            while not self._stopped:
                if self._running is None or self._told == self._generation:
                    self._changed.wait()  # no timeout: nothing to watch until began() says so
                    continue
                timed = self._generation
                self._timing = True
                self._changed.wait(_PROGRESS_EVERY_S)
                self._timing = False
                if not self._stopped and self._running is not None and self._generation == timed:
                    try:
                        self._tell()
                    except OSError:
                        return


def _first_unpicklable(results):
    for index, result in enumerate(results):
        try:
            pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: B902
            return index
    return len(results) - 1


def _connect_to_node():
    address = os.environ.get(TASK_ADDRESS_ENV)
    if not address:
        return socket.socket(fileno=int(os.environ.get("SNOWPARK_LOCAL_TASK_FD", "3")))
    sock = channel_address.connect(address, TASK_ADDRESS_ENV)
    # Popped: the tasks, and whatever they start, have no business holding it.
    sock.sendall(os.environ.pop(TASK_TOKEN_ENV, "").encode("utf-8"))
    return sock


def main():
    _die_with_parent()
    if os.name == "nt":
        # What a task starts dies with this worker (Windows has no process groups).
        from snowpark_local.windows_job import contain_in_kill_on_close_job
        contain_in_kill_on_close_job()
    sock = _connect_to_node()
    lane_listener, lane_address = open_lane_listener()
    _install_joblib_patch()
    Worker(FrameSocket(sock), lane_listener, lane_address).serve()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
