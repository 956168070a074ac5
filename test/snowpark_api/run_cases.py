"""Runs one module of ported snowpark-python cases inside a Snowpark Local handler run.

``main(session, module_path)`` imports the module by path, runs every top-level ``test_*``
function in source order with the session, and returns ``{case_name: outcome}`` where the
outcome is ``None`` (passed) or the formatted traceback (failed). Two further outcomes are
dicts: ``{"skipped": reason}`` (the case called ``skip()``), and ``{"known_difference": reason,
"error": None | traceback}`` for a case marked ``@known_difference(reason)``.
"""

import importlib.util
import inspect
import os
import sys
import time
import traceback


def _load(module_path):
    directory = os.path.dirname(os.path.abspath(module_path))
    if directory not in sys.path:
        sys.path.insert(0, directory)
    name = "ported_" + os.path.splitext(os.path.basename(module_path))[0]
    spec = importlib.util.spec_from_file_location(name, module_path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _cases(module):
    found = []
    for name, fn in vars(module).items():
        if name.startswith("test_") and inspect.isfunction(fn) and fn.__module__ == module.__name__:
            found.append((inspect.getsourcelines(fn)[1], name, fn))
    return [(name, fn) for _, name, fn in sorted(found)]


def main(session, module_path: str):
    try:
        module = _load(module_path)
    except Exception:  # noqa: BLE001 - a module that does not import fails every case
        error = traceback.format_exc()
        return {"__import__": error}
    from _support import SkipCase  # the module's own directory is on sys.path now

    results = {}
    timings = {}
    for name, fn in _cases(module):
        started = time.monotonic()
        reason = getattr(fn, "__known_difference__", None)
        try:
            fn(session)
            outcome = None
        except SkipCase as skipped:
            outcome = {"skipped": str(skipped)}
        except BaseException as error:  # noqa: BLE001 - every failure is a result
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            outcome = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        if reason is not None and not isinstance(outcome, dict):
            outcome = {"known_difference": reason, "error": outcome}
        results[name] = outcome
        timings[name] = round(time.monotonic() - started, 3)
    results["__timings__"] = timings
    return results
