"""joblib backends for the handler's process.

``PoolBackend`` stands in for ``loky`` and ``multiprocessing``: each batch of calls joblib
dispatches is pickled and sent to a warm Python worker of the Node side's TaskPool, straight
over a lane to a worker leased to the Parallel call, or relayed by Node (lanes.py); Node
records every batch and task as a job. ``LocalThreadingBackend`` is joblib's own threading
backend with ``n_jobs=-1`` meaning the run's worker count. Which one is the default follows
the warehouse type, as on Snowflake.
"""

import base64
import functools
import multiprocessing
import os
import pickle
import sys
import threading
import time

from joblib._parallel_backends import (
    FallbackToBackend,
    ParallelBackendBase,
    SequentialBackend,
    ThreadingBackend,
)

from snowpark_local.parallel.batch_sizing import AdaptiveBatchSize
from snowpark_local.parallel.errors import (
    RemoteTaskError,
    TaskCancelledError,
    remote_traceback,
    terminated_worker_error,
)
from snowpark_local.parallel.serialization import TaskPicklingError, dumps_tasks, has_cloudpickle
from snowpark_local.parallel.lanes import ChunkDispatcher, ChunkRequest
from snowpark_local.parallel.thread_records import ThreadBatchRecorder
from snowpark_local.parallel.task_channel import TaskChannel

_settings = {"workers": os.cpu_count() or 1, "module_path": None}


def configure(workers, module_path):
    _settings["workers"] = max(1, int(workers or 1))
    _settings["module_path"] = module_path


def _effective(n_jobs):
    if n_jobs == 0:
        raise ValueError("n_jobs == 0 in Parallel has no meaning")
    if n_jobs is None:
        return 1
    if n_jobs < 0:
        return max(_settings["workers"] + 1 + n_jobs, 1)
    return n_jobs


def _function_name(function):
    while isinstance(function, functools.partial):
        function = function.func
    return getattr(function, "__name__", None) or type(function).__name__


def _handler_module_name():
    """The name the bootstrap imported the handler's module under (pickles refer to it)."""
    path = _settings["module_path"]
    if not path:
        return None
    wanted = os.path.normcase(os.path.abspath(path))
    # The bootstrap names a file's module after its stem; look there before scanning.
    stem = os.path.splitext(os.path.basename(path))[0]
    module = sys.modules.get(stem)
    candidate = getattr(module, "__file__", None)
    if candidate and os.path.normcase(os.path.abspath(candidate)) == wanted:
        return stem
    for name, module in list(sys.modules.items()):
        candidate = getattr(module, "__file__", None)
        if candidate and os.path.normcase(os.path.abspath(candidate)) == wanted:
            return name
    return None


def _run_context():
    return {
        "sysPath": [entry for entry in sys.path if isinstance(entry, str)],
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "mainModule": _handler_module_name(),
    }


class _ChunkFuture:
    """What apply_async returns: joblib calls ``get(timeout)`` in order."""

    def __init__(self, on_delivered):
        self._on_delivered = on_delivered
        self._done = threading.Event()
        self._reply = None
        self._delivered = False

    def _resolve(self, reply):
        self._reply = reply
        self._done.set()

    def ready(self):
        return self._done.is_set()

    def get(self, timeout=None):
        if not self._done.wait(timeout):
            raise multiprocessing.TimeoutError()
        reply = self._reply
        if reply.get("ok"):
            results = pickle.loads(_pickled_bytes(reply))
            if not self._delivered:
                self._delivered = True
                self._on_delivered(len(results))
            return results
        raise self._failure(reply)

    def _failure(self, reply):
        kind = reply.get("kind")
        message = reply.get("message") or "the task failed"
        if kind == "exception":
            error = None
            if reply.get("payload") or reply.get("data"):
                try:
                    error = pickle.loads(_pickled_bytes(reply))
                except Exception:  # noqa: B902 - any unpickling failure falls back to text
                    error = None
            if not isinstance(error, BaseException):
                error = RemoteTaskError("{}: {}".format(reply.get("errorType", "Exception"), message))
            error.__cause__ = remote_traceback(reply.get("traceback") or "")
            return error
        if kind == "cancelled":
            return TaskCancelledError(message)
        if kind == "crashed":
            return terminated_worker_error(message)
        if kind == "rejected" and reply.get("error") is not None:
            return reply["error"]
        return RuntimeError(message)


def _pickled_bytes(reply):
    """A reply's pickle: bytes from a lane, base64 text when Node relayed it."""
    data = reply.get("data")
    return data if data is not None else base64.b64decode(reply["payload"])


class PoolBackend(ParallelBackendBase):
    """Process-based joblib tasks, run by Snowpark Local's TaskPool.

    One joblib batch (``BatchedCalls``) is one chunk for the pool: pickled once, run by one
    worker in order, its results back in one reply. Every call in it is still its own task
    row (the Node side records ``chunk``, the chunk's number in this Parallel call).
    """

    supports_timeout = True
    supports_inner_max_num_threads = True
    uses_threads = False
    supports_sharedmem = False

    def __init__(self, nesting_level=None, inner_max_num_threads=None, **_loky_options):
        # parallel_backend('loky', idle_worker_timeout=…) passes loky's own options: the
        # TaskPool manages its workers itself, so they are accepted and ignored.
        super().__init__(nesting_level=nesting_level, inner_max_num_threads=inner_max_num_threads)
        self._lock = threading.Lock()
        self._batch_id = None
        self._dispatcher = None
        self._next_index = 0
        self._delivered = 0
        self._chunks = 0
        self._failed = False
        self._sizing = AdaptiveBatchSize()

    def compute_batch_size(self):
        return self._sizing.next_size()

    def batch_completed(self, batch_size, duration):
        # joblib's duration is the round trip; the chunk's run time came with its reply.
        pass

    def effective_n_jobs(self, n_jobs):
        n_jobs = _effective(n_jobs)
        if n_jobs != 1 and not (self.in_main_thread() or self.nesting_level == 0):
            # As loky: process pools are not started from below threads.
            import warnings
            warnings.warn("Loky-backed parallel loops cannot be nested below threads, setting n_jobs=1",
                          stacklevel=3)
            return 1
        return n_jobs

    def configure(self, n_jobs=1, parallel=None, prefer=None, require=None, **_backend_args):
        n_jobs = self.effective_n_jobs(n_jobs)
        if n_jobs == 1:
            raise FallbackToBackend(SequentialBackend(nesting_level=self.nesting_level))
        self.parallel = parallel
        self._n_jobs = n_jobs
        return n_jobs

    def start_call(self):
        with self._lock:
            self._batch_id = None
            self._dispatcher = None
            self._next_index = 0
            self._delivered = 0
            self._chunks = 0
            self._failed = False
            self._sizing = AdaptiveBatchSize()

    def stop_call(self):
        with self._lock:
            batch_id, self._batch_id = self._batch_id, None
            dispatcher, self._dispatcher = self._dispatcher, None
            dispatched = self._next_index
        if batch_id is None:
            return
        # Every dispatched call's result reached joblib: whatever joblib version, that is success.
        ok = not self._failed and self._delivered == dispatched
        # Lanes end first; Node answers once their workers have sent every chunk's record.
        unsent = dispatcher.close() if dispatcher is not None else []
        try:
            TaskChannel.get().call("tasks.batch.close", {
                "batchId": batch_id,
                "ok": ok,
                "unsent": unsent,
            })
        except Exception:  # noqa: B902 - the run may be ending; the Node side cleans up then
            pass

    def _count_delivered(self, count):
        with self._lock:
            self._delivered += count

    def abort_everything(self, ensure_ready=True):
        self._failed = True
        batch_id = self._batch_id
        dispatcher = self._dispatcher
        if dispatcher is not None:
            dispatcher.abort()
        if batch_id is not None:
            try:
                # Not waiting: joblib may abort from the thread that reads the replies.
                TaskChannel.get().notify("tasks.batch.abort", {"batchId": batch_id})
            except Exception:  # noqa: B902
                pass

    def apply_async(self, func, callback=None):
        items = list(getattr(func, "items", None) or [(func, (), {})])
        first = items[0][0]
        label = _function_name(first)
        names = None if all(function is first for function, _a, _k in items) else [
            _function_name(function) for function, _args, _kwargs in items]
        channel = TaskChannel.get()
        with self._lock:
            if self._batch_id is None:
                opened = channel.call("tasks.batch.open", {
                    "function": label,
                    "nJobs": self._n_jobs,
                    "backend": "loky",
                    "context": _run_context(),
                    "lanes": True,
                })
                self._batch_id = opened["batchId"]
                self._dispatcher = ChunkDispatcher(channel, self._batch_id, opened.get("lanes") or [],
                                                   opened.get("relaySlots"))
            dispatcher = self._dispatcher
            start = self._next_index
            self._next_index += len(items)
            self._chunks += 1
            chunk = self._chunks
        future = _ChunkFuture(self._count_delivered)
        functions = names if names is not None and len(set(names)) > 1 else None
        sizing = self._sizing

        def on_reply(reply):
            if not (callback is not None and reply.get("ok")) or dispatcher.closing:
                future._resolve(reply)
                return
            sizing.completed(len(items), reply.get("computeMs"))

            # Here, on a lane's reader thread or the channel's (lanes.py, task_channel.py), one
            # at a time. joblib's callback dispatches the next chunk; only then may the main
            # thread see this result. The other way round, joblib 1.2's retrieve() can find no
            # job queued and sleep 10 ms, once per chunk.
            try:
                callback(future)
            finally:
                future._resolve(reply)

        request = ChunkRequest(chunk, start, len(items), functions, None, on_reply)
        try:
            request.payload = dumps_tasks(items)
        except TaskPicklingError as error:
            dispatcher.reject(request, error)
            return future
        dispatcher.submit(request)
        return future


class LocalThreadingBackend(ThreadingBackend):
    """joblib's threading backend, with n_jobs=-1 meaning the run's worker count, whose
    batches and tasks are reported to the Jobs tree (thread_records.py)."""

    _recorder = None

    def effective_n_jobs(self, n_jobs):
        return _effective(n_jobs)

    def start_call(self):
        self._recorder = None
        return super().start_call()

    def apply_async(self, func, callback=None):
        items = list(getattr(func, "items", None) or [(func, (), {})])
        names = [_function_name(function) for function, _args, _kwargs in items]
        if self._recorder is None:
            try:
                self._recorder = ThreadBatchRecorder(names[0], getattr(self, "_n_jobs", None))
            except Exception:  # noqa: B902 - without a channel the tasks still run, unrecorded
                self._recorder = False
        if self._recorder:
            func = self._recorder.wrap(func, names)
        return super().apply_async(func, callback=callback)

    def abort_everything(self, ensure_ready=True):
        if self._recorder:
            self._recorder.failed = True
        return super().abort_everything(ensure_ready=ensure_ready)

    def stop_call(self):
        recorder, self._recorder = self._recorder, None
        if recorder:
            recorder.close(ok=True)
        return super().stop_call()


class WorkerThreadingBackend(ThreadingBackend):
    """Inside a pool worker, process backends run as threads: nested Parallel calls never
    wait for a pool worker that is busy waiting for them (loky runs nested calls this way)."""

    def __init__(self, nesting_level=None, inner_max_num_threads=None, **_options):
        super().__init__(nesting_level=nesting_level, inner_max_num_threads=inner_max_num_threads)

    def effective_n_jobs(self, n_jobs):
        return _effective(n_jobs)


def install_in_handler(parallel_module, warehouse_type):
    # Chunks are pickled with cloudpickle: import it with joblib (which loads its own copy
    # anyway, ~3 ms more), not inside the first Parallel call. Not on a background thread:
    # its import would race a handler that hides the module (sys.modules["cloudpickle"] = None).
    has_cloudpickle()
    parallel_module.register_parallel_backend("loky", PoolBackend)
    parallel_module.register_parallel_backend("multiprocessing", PoolBackend)
    parallel_module.register_parallel_backend("snowpark-local", PoolBackend)
    parallel_module.register_parallel_backend("threading", LocalThreadingBackend)
    parallel_module.DEFAULT_BACKEND = "loky" if warehouse_type == "snowpark-optimized" else "threading"


def install_in_worker(parallel_module):
    parallel_module.register_parallel_backend("loky", WorkerThreadingBackend)
    parallel_module.register_parallel_backend("multiprocessing", WorkerThreadingBackend)
    parallel_module.register_parallel_backend("threading", WorkerThreadingBackend)
    parallel_module.DEFAULT_BACKEND = "threading"


def warm_pool(warehouse_type):
    """Tell the Node side joblib is here, so its workers are started before the first batch
    and idle ones take on the run's context (sys.path, cwd, environment) ahead of it."""
    try:
        TaskChannel.get().notify("tasks.warm", {
            "workers": _settings["workers"],
            "now": warehouse_type == "snowpark-optimized",
            "at": time.time(),
            "context": _run_context(),
        })
    except Exception:  # noqa: B902 - warming is an optimisation only
        pass
