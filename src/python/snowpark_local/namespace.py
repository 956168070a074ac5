"""Make ``snowflake.snowpark`` resolve to the shim while ``snowflake.connector`` (and any other
installed ``snowflake.*`` package) keeps resolving to the installed one.
"""

import importlib
import os
import sys

SHIM_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHIM_SNOWFLAKE_DIR = os.path.join(SHIM_ROOT, "snowflake")


def _same_directory(first, second):
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.normcase(os.path.abspath(first)) == os.path.normcase(os.path.abspath(second))


def _is_shim_module(module):
    module_file = getattr(module, "__file__", None) or ""
    return os.path.abspath(module_file).startswith(SHIM_SNOWFLAKE_DIR + os.sep)


def put_shim_snowpark_first():
    """Import ``snowflake`` and put the shim's portion first on its ``__path__``.

    ``snowflake`` is a namespace package when only snowflake-connector-python is installed, but a
    regular package if something installed ``snowflake/__init__.py``; in both cases the first
    directory on ``__path__`` that has ``snowpark`` wins.
    """
    if SHIM_ROOT not in sys.path:
        sys.path.insert(0, SHIM_ROOT)
    import snowflake

    current = list(snowflake.__path__)
    if not (current and _same_directory(current[0], SHIM_SNOWFLAKE_DIR)):
        rest = [entry for entry in current if not _same_directory(entry, SHIM_SNOWFLAKE_DIR)]
        # A namespace package's _NamespacePath cannot be reordered, so it becomes a plain list.
        snowflake.__path__ = [SHIM_SNOWFLAKE_DIR] + rest

    loaded = sys.modules.get("snowflake.snowpark")
    if loaded is not None and not _is_shim_module(loaded):
        # The real Snowpark was imported before us (e.g. from sitecustomize): drop it entirely.
        for name in [name for name in sys.modules if name == "snowflake.snowpark" or name.startswith("snowflake.snowpark.")]:
            del sys.modules[name]
    return importlib.import_module("snowflake.snowpark")
