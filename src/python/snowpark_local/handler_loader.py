"""Import the handler's module (a .py file, or Python inline in a .sql worksheet) and find the handler."""

import importlib.util
import inspect
import linecache
import os
import sys
import types


def load_module(module_spec):
    if module_spec.get("kind") == "inline":
        return _load_inline(module_spec["path"], module_spec["source"], int(module_spec.get("firstLine") or 1),
                            module_spec.get("moduleName") or "handler_module")
    return _load_file(module_spec["path"])


def _load_file(path):
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError("cannot import the handler file {}: it is not a Python source file".format(path))
    module = importlib.util.module_from_spec(spec)
    # Registered before running, as a normal import does, so pickling its classes/functions works.
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _load_inline(sql_path, source, first_line, module_name):
    # Blank lines in front make every line number the worksheet's own line number.
    padded = "\n" * (first_line - 1) + source
    _make_source_visible(sql_path, padded, first_line)
    code = compile(padded, sql_path, "exec")
    module = types.ModuleType(module_name)
    module.__file__ = sql_path
    sys.modules[module_name] = module
    exec(code, module.__dict__)
    return module


def _make_source_visible(sql_path, padded, first_line):
    """Tracebacks read lines through linecache; if the file on disk differs from what runs
    (unsaved edits in the editor), give linecache the text that actually runs."""
    lines = padded.splitlines(True)
    try:
        with open(sql_path, encoding="utf-8") as handle:
            on_disk = handle.read().splitlines(True)
    except (OSError, UnicodeDecodeError):
        on_disk = None
    body_start = first_line - 1
    if on_disk is not None and [line.rstrip("\r\n") for line in on_disk[body_start:len(lines)]] == [
            line.rstrip("\r\n") for line in lines[body_start:]]:
        return
    # mtime None keeps checkcache() from throwing this entry away.
    linecache.cache[sql_path] = (len(padded), None, lines, sql_path)


def find_handler(module, handler_name, where):
    target = module
    for part in handler_name.split("."):
        if not hasattr(target, part):
            functions = sorted(name for name, value in vars(module).items()
                               if inspect.isfunction(value) and getattr(value, "__module__", None) == module.__name__)
            raise AttributeError("handler '{}' not found in {}; functions defined there: {}".format(
                handler_name, where, ", ".join(functions) if functions else "(none)"))
        target = getattr(target, part)
    if not callable(target):
        raise TypeError("handler '{}' in {} is a {}, not a function".format(handler_name, where, type(target).__name__))
    return target
