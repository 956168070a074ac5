"""Exceptions a handler sees from pool tasks, shaped as joblib's loky backend shows them."""


class TaskCancelledError(RuntimeError):
    """A joblib task (or its batch, or the run) was cancelled from Snowpark Local."""


class RemoteTaskError(RuntimeError):
    """A task failed with an exception that could not be sent back as itself."""


class _RemoteTracebackFallback(Exception):
    def __init__(self, tb=None):
        super().__init__()
        self.tb = '\n"""\n{}"""'.format(tb)

    def __str__(self):
        return self.tb


def remote_traceback(text):
    """The cause loky attaches to a task's exception: the worker's traceback as text."""
    try:
        from joblib.externals.loky.process_executor import _RemoteTraceback
    except ImportError:
        return _RemoteTracebackFallback(text)
    return _RemoteTraceback(text)


def terminated_worker_error(message):
    try:
        from joblib.externals.loky.process_executor import TerminatedWorkerError
    except ImportError:
        return RuntimeError(message)
    return TerminatedWorkerError(message)
