"""Run a function right after joblib is imported, without importing it ourselves.

Importing joblib costs up to a second; most handlers never use it. A meta-path finder
waits for the first ``import joblib`` and patches the module when it has finished loading.
"""

import importlib.abc
import importlib.util
import sys
import threading

_lock = threading.Lock()
_callbacks = []
_finder = None


class _PatchingLoader(importlib.abc.Loader):
    def __init__(self, inner):
        self._inner = inner

    def create_module(self, spec):
        return self._inner.create_module(spec)

    def exec_module(self, module):
        self._inner.exec_module(module)
        _fire(module)

    def __getattr__(self, name):
        # Resource readers, is_package, get_source …: the real loader answers.
        return getattr(self._inner, name)


class _JoblibFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != "joblib":
            return None
        _remove_finder()
        spec = importlib.util.find_spec("joblib")
        if spec is None or spec.loader is None:
            return None
        spec.loader = _PatchingLoader(spec.loader)
        return spec


def _remove_finder():
    global _finder
    with _lock:
        if _finder is not None and _finder in sys.meta_path:
            sys.meta_path.remove(_finder)
        _finder = None


def _fire(module):
    with _lock:
        callbacks = list(_callbacks)
        _callbacks.clear()
    for callback in callbacks:
        callback(module)


def when_joblib_imported(callback):
    """Call ``callback(joblib_module)`` now if joblib is loaded, else right after it loads."""
    global _finder
    module = sys.modules.get("joblib")
    if module is not None and getattr(module, "Parallel", None) is not None:
        callback(module)
        return
    with _lock:
        _callbacks.append(callback)
        if _finder is None:
            _finder = _JoblibFinder()
            sys.meta_path.insert(0, _finder)
