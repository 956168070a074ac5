"""Describe a handler's exception as a HandlerError (docs/channel-protocol.md): the user's frames only."""

import os
import traceback

from snowpark_local.namespace import SHIM_ROOT

_SHIM_PREFIX = os.path.normcase(os.path.realpath(SHIM_ROOT)) + os.sep


def _is_users_frame(filename):
    if not filename or filename.startswith("<frozen "):
        return False
    return not os.path.normcase(os.path.realpath(filename)).startswith(_SHIM_PREFIX)


def _without_shim_frames(summary, seen):
    if summary is None or id(summary) in seen:
        return
    seen.add(id(summary))
    summary.stack = traceback.StackSummary.from_list(
        [frame for frame in summary.stack if _is_users_frame(frame.filename)])
    _without_shim_frames(summary.__cause__, seen)
    _without_shim_frames(summary.__context__, seen)


def describe(error):
    summary = traceback.TracebackException(type(error), error, error.__traceback__)
    _without_shim_frames(summary, set())
    frames = [{"file": frame.filename, "line": frame.lineno, "function": frame.name} for frame in summary.stack]
    if isinstance(error, SyntaxError) and error.filename and error.lineno and _is_users_frame(error.filename):
        # A syntax error has no frame of its own; where it is matters most.
        frames.append({"file": error.filename, "line": error.lineno, "function": "<module>"})
    return {
        "type": type(error).__name__,
        "message": str(error),
        "traceback": "".join(summary.format()),
        "frames": frames,
    }
