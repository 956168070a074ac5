"""One local run of a stored-procedure handler: ``python -m snowpark_local.bootstrap``.

The Node side starts this with the shim first on PYTHONPATH, SNOWPARK_LOCAL_CHANNEL naming
its socket and SNOWPARK_LOCAL_RUN_TOKEN proving which run this is (docs/channel-protocol.md).
"""

import os
import sys


def _make_output_live():
    # The Node side shows prints as they happen; a pipe would otherwise buffer them in blocks.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(line_buffering=True)
            except (ValueError, OSError):
                pass


def _flush_output():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (ValueError, OSError, AttributeError):
            pass


def _exit_because_channel_closed(error):
    # Nobody is left to receive the result, so there is nothing to finish: stop at once.
    try:
        sys.stderr.write("snowpark-local: {}\n".format(error))
    except (ValueError, OSError):
        pass
    _flush_output()
    if not hasattr(os, "fork"):
        # No guard process where there is no fork: take the run's tree down ourselves.
        from snowpark_local.lifeline import end_own_tree
        end_own_tree()
    os._exit(3)


def _extend_import_path(spec):
    module_spec = spec.get("module") or {}
    entries = []
    if module_spec.get("path"):
        entries.append(os.path.dirname(os.path.abspath(module_spec["path"])))
    entries.extend(spec.get("importPaths") or [])
    # In front, as Snowflake puts a procedure's IMPORTS ahead of its packages.
    for entry in reversed(entries):
        if entry in sys.path:
            sys.path.remove(entry)
        sys.path.insert(0, entry)


def _handler_location(module_spec):
    return module_spec.get("path") or "<handler module>"


_RUN_MODULES = (
    "snowflake.snowpark.dataframe",
    "snowflake.snowpark.session",
    "snowpark_local.handler_error",
    "snowpark_local.handler_loader",
    "snowpark_local.packages_check",
    "snowpark_local.parallel_hook",
    "snowpark_local.return_value",
    "snowpark_local.values",
)


def _preload():
    """Import what every run needs before asking for its RunSpec: a warm interpreter (started
    ahead by the extension, waiting in run.start) has then paid for them before the click."""
    import importlib

    for name in _RUN_MODULES:
        importlib.import_module(name)


def _watched_paths():
    # A warm interpreter is stale once these change (a package installed, the venv rebuilt):
    # the Node side compares their modification times before a run adopts it.
    return [sys.executable] + [entry for entry in sys.path if entry.endswith("site-packages")]


def run(channel, spec):
    """Import and call the handler; return the RunFinish params to send back."""
    from snowflake.snowpark.dataframe import DataFrame
    from snowflake.snowpark.session import Session

    from snowpark_local import handler_error, handler_loader
    from snowpark_local.parallel_hook import install_parallel_backend
    from snowpark_local.return_value import as_declared
    from snowpark_local.plain_json import encode_return_value
    from snowpark_local.values import decode

    try:
        # Snowflake refuses to create a procedure whose PACKAGES it cannot provide; locally
        # the nearest thing is to stop before the handler runs, naming what to install.
        from snowpark_local.packages_check import check_packages

        check_packages(spec.get("packages") or [])
        install_parallel_backend(spec)
        module = handler_loader.load_module(spec["module"])
        handler = handler_loader.find_handler(module, spec["handler"], _handler_location(spec["module"]))
        session = Session(channel, spec.get("session"))
        args = [decode(arg) for arg in spec.get("args") or []]
        value = handler(session, *args)
        if isinstance(value, DataFrame):
            return {"ok": True, "dataframeSql": value._sql_text()}
        return {"ok": True, "value": encode_return_value(as_declared(value, spec.get("returnType")))}
    except BaseException as error:  # noqa: B902 - SystemExit and KeyboardInterrupt end the handler too
        return {"ok": False, "error": handler_error.describe(error)}


def _send_finish(channel, finish):
    from snowpark_local.channel import LoneSurrogateError
    from snowpark_local.plain_json import attach_plain_json

    try:
        params, attachments = attach_plain_json(finish)
        channel.call("run.finish", params, attachments=attachments)
    except LoneSurrogateError as error:
        # Nothing was sent: report the return value's fault as the handler's, not a crash.
        from snowpark_local import handler_error

        error.args = ("The handler's return value cannot be sent: " + error.args[0],)
        channel.call("run.finish", {"ok": False, "error": handler_error.describe(error)})


PYCACHE_ENV = "SNOWPARK_LOCAL_PYCACHE"


def _cache_shim_bytecode():
    """Write and read the shim's bytecode under SNOWPARK_LOCAL_PYCACHE while it is imported.

    The runner sets PYTHONDONTWRITEBYTECODE so that nothing is written beside the user's files,
    which also made every run compile the shim from source (half its import time). A prefix
    keeps the cache out of the extension's and the user's directories. Returns what to restore.
    """
    prefix = os.environ.get(PYCACHE_ENV)
    if not prefix or not hasattr(sys, "pycache_prefix"):
        return None
    previous = (sys.pycache_prefix, sys.dont_write_bytecode)
    sys.pycache_prefix = prefix
    sys.dont_write_bytecode = False
    return previous


def _stop_caching_bytecode(previous):
    # The handler's own modules (and the packages it imports) are read and written as the
    # interpreter was told to: a prefix left set would recompile pandas on every run.
    if previous is not None:
        sys.pycache_prefix, sys.dont_write_bytecode = previous


def main():
    caching = _cache_shim_bytecode()
    # First, before any thread exists: the guard is a fork of this process.
    from snowpark_local.lifeline import start_guard

    start_guard()
    if os.name == "nt":
        # Windows has no process group to kill: a job that dies with this process stands in.
        from snowpark_local.windows_job import contain_in_kill_on_close_job
        contain_in_kill_on_close_job()
    _make_output_live()
    from snowpark_local.channel import RUN_TOKEN_ENV, connect_from_environment
    from snowpark_local.namespace import put_shim_snowpark_first

    # Before anything can import snowflake.snowpark (even an error reply does), so it is ours.
    put_shim_snowpark_first()
    _preload()
    _stop_caching_bytecode(caching)
    channel = connect_from_environment(on_closed=_exit_because_channel_closed)
    if not hasattr(os, "fork"):
        from snowpark_local.lifeline import watch_channel
        watch_channel(channel.socket)
    spec = channel.call("run.start", {"token": os.environ.get(RUN_TOKEN_ENV, ""), "pid": os.getpid(), "watch": _watched_paths()})
    # The run may come long after the spawn (a warm interpreter): see files created since.
    import importlib

    importlib.invalidate_caches()
    _extend_import_path(spec)
    finish = run(channel, spec)
    _flush_output()
    _send_finish(channel, finish)
    _flush_output()
    # Like Snowflake, the procedure ends when the handler returns: stray threads do not keep it alive.
    os._exit(0 if finish["ok"] else 1)


if __name__ == "__main__":
    main()
