"""Pickling joblib tasks for a worker process: plain pickle, or cloudpickle when installed.

A chunk of calls that share their function and keyword arguments (``delayed(f)(i) for i in
…``, by far the usual shape) travels as the function and keyword arguments once plus its
positional arguments by position: a tuple of ints or strings pickles in C, while a list of
``(function, args, kwargs)`` triples makes cloudpickle call back into Python for every
triple, which cost more than the tasks themselves for tiny tasks. Objects repeated across
calls (a DataFrame passed to every task) are sent once either way: pickle's memo.
"""

import pickle
import sys
import types
from itertools import repeat

# The first element of a chunk sent in the shared layout (anything else is a list of triples).
_SHARED = "snowpark-local:shared-calls"


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


def _same_function(function, first):
    if function is first:
        return True
    # delayed(obj.method) makes a new bound method per call: equal when self and function are.
    return type(function) is types.MethodType and type(first) is types.MethodType and function == first


def _same_kwargs(kwargs, first):
    if kwargs is first:
        return True
    if len(kwargs) != len(first):
        return False
    # Identity, not ==: values may be arrays whose == is elementwise or raises.
    for key, value in first.items():
        if key not in kwargs or kwargs[key] is not value:
            return False
    return True


def shared_layout(items):
    """``(_SHARED, function, kwargs, count, columns)`` when every call has the same function,
    the same keyword arguments and as many positional ones; else None."""
    if not items:
        return None
    first_function, first_args, first_kwargs = items[0]
    width = len(first_args)
    # Once per call of a chunk that may hold thousands: the usual case (the same function,
    # a fresh empty kwargs dict per call) is settled inline, without a function call.
    for function, args, kwargs in items:
        if len(args) != width:
            return None
        if function is not first_function and not _same_function(function, first_function):
            return None
        if (kwargs or first_kwargs) and not _same_kwargs(kwargs, first_kwargs):
            return None
    columns = tuple(zip(*[args for _function, args, _kwargs in items])) if width else ()
    return (_SHARED, first_function, first_kwargs, len(items), columns)


def dumps_tasks(items):
    """Pickle a list of (function, args, kwargs) for a worker; raise TaskPicklingError."""
    cloudpickle = _cloudpickle()
    chunk = shared_layout(items) or items
    try:
        if cloudpickle is not None:
            return cloudpickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
        return pickle.dumps(chunk, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception as error:  # noqa: B902 - pickling raises anything (TypeError, AttributeError …)
        raise TaskPicklingError(_explain(items, error, cloudpickle is not None)) from error


def loads_tasks(payload):
    """The worker's side of dumps_tasks: a list of (function, args, kwargs)."""
    chunk = pickle.loads(payload)
    if isinstance(chunk, tuple) and len(chunk) == 5 and chunk[0] == _SHARED:
        _tag, function, kwargs, count, columns = chunk
        arguments = zip(*columns) if columns else repeat((), count)
        return [(function, args, kwargs) for args in arguments]
    return chunk


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
