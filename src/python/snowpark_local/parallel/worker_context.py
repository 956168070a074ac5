"""A pool worker serves many runs: before a run's first task it takes on that run's
sys.path, working directory, environment and handler module, and forgets the user modules
the previous run imported (the user may have edited them since). Third-party and standard
library modules stay imported: that is what keeps the worker warm."""

import importlib.abc
import importlib.util
import linecache
import os
import site
import sys
import sysconfig

_SHIM_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
_RUN_ONLY_ENV = ("SNOWPARK_LOCAL_CHANNEL", "SNOWPARK_LOCAL_RUN_TOKEN")


def _kept_roots():
    roots = set()
    for key in ("stdlib", "platstdlib", "purelib", "platlib"):
        try:
            roots.add(sysconfig.get_paths()[key])
        except KeyError:
            pass
    try:
        roots.update(site.getsitepackages())
    except AttributeError:
        pass
    user_site = getattr(site, "USER_SITE", None)
    if user_site:
        roots.add(user_site)
    roots.update({sys.prefix, sys.base_prefix, sys.exec_prefix, _SHIM_ROOT})
    return tuple(os.path.normcase(os.path.realpath(root)) + os.sep for root in roots if root)


class _HandlerModuleFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the run's handler module under the name the handler process gave it."""

    def __init__(self, description):
        self.name = description["name"]
        self._description = description

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        description = self._description
        if description.get("kind") == "inline":
            return importlib.util.spec_from_loader(fullname, self, origin=description.get("path"))
        if description.get("path"):
            return importlib.util.spec_from_file_location(fullname, description["path"])
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        description = self._description
        path = description.get("path") or "<inline handler>"
        padded = "\n" * (int(description.get("firstLine") or 1) - 1) + (description.get("source") or "")
        linecache.cache[path] = (len(padded), None, padded.splitlines(True), path)
        module.__file__ = path
        exec(compile(padded, path, "exec"), module.__dict__)


class WorkerContext:
    def __init__(self):
        self._baseline = set(sys.modules)
        self._kept = _kept_roots()
        self._kept_names = set()
        self._current = None
        self._finder = None

    @property
    def current(self):
        return self._current

    def enter(self, context_id, data):
        if context_id == self._current:
            return
        if data is None:
            raise RuntimeError("the TaskPool sent no context for {}".format(context_id))
        self._forget_user_modules()
        if data.get("sysPath"):
            sys.path[:] = [entry for entry in data["sysPath"]]
        if data.get("env") is not None:
            environment = {key: value for key, value in data["env"].items() if key not in _RUN_ONLY_ENV}
            os.environ.clear()
            os.environ.update(environment)
        if data.get("cwd"):
            try:
                os.chdir(data["cwd"])
            except OSError:
                pass
        if self._finder is not None and self._finder in sys.meta_path:
            sys.meta_path.remove(self._finder)
        self._finder = None
        module = data.get("mainModule")
        if module and module.get("name") and module.get("name") != "__main__":
            self._finder = _HandlerModuleFinder(module)
            sys.meta_path.insert(0, self._finder)
        importlib.invalidate_caches()
        self._current = context_id

    def _forget_user_modules(self):
        for name, module in list(sys.modules.items()):
            if name in self._baseline or module is None:
                continue
            if self._finder is not None and (name == self._finder.name or name.startswith(self._finder.name + ".")):
                del sys.modules[name]
                continue
            if name in self._kept_names:
                continue
            path = getattr(module, "__file__", None)
            if not path:
                continue
            real = os.path.normcase(os.path.realpath(path))
            if real.startswith(self._kept):
                self._kept_names.add(name)  # library modules stay; no need to look again
            else:
                del sys.modules[name]
