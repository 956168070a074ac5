"""A TaskPool worker process: ``python -m snowpark_local.parallel.task_worker``.

One Node worker thread starts and owns this process; its frames (frames.py) go straight to
Node's main thread, over a Unix socket in a private directory or, under the tcp transport, a
loopback connection, opened by sending the one-time token first (SNOWPARK_LOCAL_TASK_ADDRESS /
_TOKEN). SNOWPARK_LOCAL_TASK_FD (an inherited socket) is for tests that drive a worker alone.

It runs one chunk of joblib calls at a time, in order, and sends back the pickled results, or the first exception with its traceback as text, the way
loky's workers do. stdout and stderr stay the tasks' own and reach the run's output.

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
from snowpark_local.parallel.serialization import loads_tasks
from snowpark_local.parallel.worker_context import WorkerContext

TASK_ADDRESS_ENV = "SNOWPARK_LOCAL_TASK_ADDRESS"
TASK_TOKEN_ENV = "SNOWPARK_LOCAL_TASK_TOKEN"
_PROGRESS_EVERY_S = 0.05
_OUR_DIR = os.path.dirname(os.path.abspath(__file__))


def _die_with_parent():
    """Never outlive Node: the kernel kills us with the thread that started us (Linux), and a
    watchdog notices a new parent (the old one died) everywhere else."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None).prctl(1, 9)  # PR_SET_PDEATHSIG, SIGKILL
        except Exception:  # noqa: B902 - best effort; the watchdog remains
            pass
    parent = os.getppid()

    def watch():
        while True:
            time.sleep(0.5)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="snowpark-local-parent-watch", daemon=True).start()


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
    def __init__(self, frames):
        self._frames = frames
        self._context = WorkerContext()

    def serve(self):
        self._frames.write({"type": "ready", "pid": os.getpid(), "python": sys.executable})
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
        chunk = header["chunk"]
        durations = array("d")
        try:
            self._context.enter(header["context"], header.get("contextData"))
            items = loads_tasks(payload)
        except BaseException as error:  # noqa: B902
            self._fail(chunk, 0, durations, error)
            return
        clock = time.perf_counter
        last_report = clock()
        reported = 0
        results = []
        for index, (function, args, kwargs) in enumerate(items):
            started = clock()
            try:
                results.append(function(*args, **kwargs))
            except BaseException as error:  # noqa: B902 - SystemExit in a task is the task's failure
                durations.append((clock() - started) * 1000.0)
                self._fail(chunk, index, durations[reported:], error)
                return
            ended = clock()
            durations.append((ended - started) * 1000.0)
            if ended - last_report >= _PROGRESS_EVERY_S and index + 1 < len(items):
                self._send("progress", {"chunk": chunk, "completed": index + 1}, durations[reported:])
                reported = index + 1
                last_report = ended
        try:
            data = pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # noqa: B902
            index = max(_first_unpicklable(results), reported)
            wrapped = TypeError("the result of {}() could not be pickled back to the handler: {}: {}".format(
                getattr(items[index][0], "__name__", "a task"), type(error).__name__, error))
            self._fail(chunk, index, durations[reported:index + 1], wrapped)
            return
        self._send("done", {"chunk": chunk}, durations[reported:], data)

    def _fail(self, chunk, index, durations, error):
        self._send("error", {
            "chunk": chunk,
            "failedAt": index,
            "errorType": type(error).__name__,
            "message": str(error),
            "traceback": _format_remote(error),
        }, durations, _pickled_error(error))

    def _send(self, kind, header, durations, data=b""):
        header["type"] = kind
        header["timings"] = len(durations)
        self._frames.write(header, durations.tobytes(), data)


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
    _install_joblib_patch()
    Worker(FrameSocket(sock)).serve()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
