"""Pickling joblib tasks for a worker process: plain pickle, or cloudpickle when installed."""

import pickle
import sys


class TaskPicklingError(pickle.PicklingError):
    """A task's function or arguments cannot be sent to a worker process."""


def _cloudpickle():
    try:
        import cloudpickle  # noqa: WPS433 - optional, the user's own install
    except ImportError:
        return None
    return cloudpickle


def has_cloudpickle():
    return _cloudpickle() is not None


def dumps_tasks(items):
    """Pickle a list of (function, args, kwargs) for a worker; raise TaskPicklingError."""
    cloudpickle = _cloudpickle()
    try:
        if cloudpickle is not None:
            return cloudpickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
        return pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # noqa: B902 - pickling raises anything (TypeError, AttributeError …)
        raise TaskPicklingError(_explain(items, error, cloudpickle is not None)) from error


def _explain(items, error, with_cloudpickle):
    names = sorted({_describe(function) for function, _args, _kwargs in items})
    what = ", ".join(names) or "a task"
    if with_cloudpickle:
        return ("joblib could not send {} to a worker process: cloudpickle failed to pickle it or its "
                "arguments ({}: {}). Process-based backends (loky, multiprocessing) need picklable "
                "arguments; use backend='threading' for objects that cannot leave the process."
                .format(what, type(error).__name__, error))
    return ("joblib could not send {} to a worker process: plain pickle cannot serialize lambdas, closures "
            "or functions defined inside other functions ({}: {}). cloudpickle can, but it is not "
            "installed in the interpreter that runs the handler ({}). Install it with:\n"
            "  {} -m pip install cloudpickle\n"
            "or define the function at module level.".format(
                what, type(error).__name__, error, sys.executable, sys.executable))


def _describe(function):
    name = getattr(function, "__qualname__", None) or getattr(function, "__name__", None) or repr(function)
    return "{}()".format(name)
