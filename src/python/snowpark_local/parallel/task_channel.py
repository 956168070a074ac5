"""The handler's own connection to the run channel, for joblib tasks.

Separate from the shim's request/reply client because tasks need callbacks: a reply to
``tasks.submit`` arrives when the worker is done, and joblib wants a callback then (to
dispatch the next batch) while the handler's main thread waits elsewhere. A reader thread
files replies and runs those callbacks itself, as loky's result thread does: handing each to
another thread cost one more thread wake-up per chunk, on the critical path of tiny tasks.
So nothing that runs on the reader thread may wait for a reply (``call``); it would wait for
itself; ``notify`` is for what needs no answer.
"""

import itertools
import json
import os
import struct
import sys
import threading

from snowpark_local import channel_address

CHANNEL_ENV = "SNOWPARK_LOCAL_CHANNEL"
RUN_TOKEN_ENV = "SNOWPARK_LOCAL_RUN_TOKEN"

_HEADER = struct.Struct(">I")
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class TaskChannelError(RuntimeError):
    def __init__(self, error):
        error = error or {}
        super().__init__(error.get("message") or "the task channel failed")
        self.kind = error.get("kind", "internal")


class TaskChannel:
    _instance = None
    _instance_lock = threading.Lock()

    @classmethod
    def get(cls):
        with cls._instance_lock:
            if cls._instance is None:
                address = os.environ.get(CHANNEL_ENV)
                if not address:
                    raise RuntimeError(
                        "joblib's process backend needs the Snowpark Local run channel ({} is not set); "
                        "run the handler through Snowpark Local.".format(CHANNEL_ENV))
                cls._instance = cls(address, os.environ.get(RUN_TOKEN_ENV, ""))
            return cls._instance

    def __init__(self, address, token):
        self._socket = channel_address.connect(address, CHANNEL_ENV)
        self._ids = itertools.count(1)
        self._send_lock = threading.Lock()
        self._pending = {}
        self._pending_lock = threading.Lock()
        self._closed = None
        self._reader = threading.Thread(target=self._read_loop, name="snowpark-local-tasks-reader", daemon=True)
        self._reader.start()
        self.call("worker.hello", {"token": token, "pid": os.getpid(), "role": "tasks",
                                   "executable": sys.executable})

    # ------------------------------------------------------------------ calls

    def call_async(self, method, params, on_reply):
        """Send a request; ``on_reply(result, error)`` runs on the reader thread: keep it short."""
        request_id = next(self._ids)
        with self._pending_lock:
            if self._closed is not None:
                on_reply(None, {"kind": "internal", "message": self._closed})
                return
            self._pending[request_id] = on_reply
        payload = _encode({"id": request_id, "method": method, "params": params}).encode("utf-8")
        try:
            with self._send_lock:
                self._socket.sendall(_HEADER.pack(len(payload)) + payload)
        except OSError as error:
            self._close("the task channel closed while sending {}: {}".format(method, error))

    def call(self, method, params, timeout=None):
        if threading.current_thread() is self._reader:
            raise RuntimeError("{} waits for a reply, which only the task channel's reader thread can "
                               "deliver, and it was called on that thread".format(method))
        done = threading.Event()
        box = {}

        def on_reply(result, error):
            box["result"], box["error"] = result, error
            done.set()

        self.call_async(method, params, on_reply)
        if not done.wait(timeout):
            raise TimeoutError("no reply to {} within {} s".format(method, timeout))
        if box["error"] is not None:
            raise TaskChannelError(box["error"])
        return box["result"]

    def notify(self, method, params):
        """Send without waiting for the reply."""
        self.call_async(method, params, lambda _result, _error: None)

    # ------------------------------------------------------------------ threads

    def _read_loop(self):
        buffer = bytearray()
        try:
            while True:
                chunk = self._socket.recv(1 << 20)
                if not chunk:
                    break
                buffer += chunk
                while len(buffer) >= 4:
                    (length,) = _HEADER.unpack_from(buffer)
                    if len(buffer) < 4 + length:
                        break
                    message = json.loads(bytes(buffer[4:4 + length]).decode("utf-8"))
                    del buffer[:4 + length]
                    self._deliver(message)
        except OSError:
            pass
        self._close("the Snowpark Local task channel closed (the run ended)")

    def _deliver(self, message):
        with self._pending_lock:
            on_reply = self._pending.pop(message.get("id"), None)
        if on_reply is None:
            return
        try:
            on_reply(message.get("result"), message.get("error"))
        except BaseException as error:  # noqa: B902 - a broken callback must not stop the replies after it
            try:
                sys.stderr.write("snowpark-local: joblib callback failed: {!r}\n".format(error))
            except (OSError, ValueError):
                pass

    def _close(self, why):
        with self._pending_lock:
            if self._closed is not None:
                return
            self._closed = why
            pending, self._pending = self._pending, {}
        for on_reply in pending.values():
            on_reply(None, {"kind": "internal", "message": why})
