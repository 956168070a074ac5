"""Test support: the shim on sys.path, and a tiny stand-in for the Node side of the run channel."""

import json
import os
import socket
import struct
import sys
import tempfile
import threading

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHIM_ROOT = os.path.join(REPO_ROOT, "src", "python")
if SHIM_ROOT not in sys.path:
    sys.path.insert(0, SHIM_ROOT)

from snowpark_local.namespace import put_shim_snowpark_first  # noqa: E402

put_shim_snowpark_first()


def frame(message):
    payload = json.dumps(message).encode("utf-8")
    return struct.pack(">I", len(payload)) + payload


def read_exact(conn, size):
    chunks = bytearray()
    while len(chunks) < size:
        chunk = conn.recv(size - len(chunks))
        if not chunk:
            raise EOFError
        chunks.extend(chunk)
    return bytes(chunks)


def read_frame(conn):
    (length,) = struct.unpack(">I", read_exact(conn, 4))
    body = read_exact(conn, length)
    if body[:1] == b"\x00":
        return read_binary_message(body)
    return json.loads(body.decode("utf-8"))


def read_binary_message(body):
    """As the Node side reads a binary frame from Python (src/core/runner/binaryMessages.ts):
    each ``{"$a": "json" | "str"}`` reference becomes the ``{"$t": "json"}`` value it names."""
    (header_length,) = struct.unpack_from(">I", body, 1)
    header_end = 5 + header_length
    area = body[(header_end + 7) & ~7:]

    def resolve(obj):
        if "$a" not in obj:
            return obj
        offset, size = obj["data"]
        assert offset + size <= len(area), "attachment range outside the frame"
        text = area[offset:offset + size].decode("utf-8")
        return {"$t": "json", "v": text if obj["$a"] == "str" else json.loads(text)}

    return json.loads(body[5:header_end].decode("utf-8"), object_hook=resolve)


class FakeNodeServer:
    """Accepts one connection; ``handle(request, reply)`` runs in the server thread for each
    request and may call ``reply(message)`` at once, later, or from another thread."""

    def __init__(self, handle):
        self._handle = handle
        self._directory = tempfile.TemporaryDirectory()
        # As the Node side: SNOWPARK_LOCAL_CHANNEL_TRANSPORT=tcp runs the suite over loopback TCP.
        if os.environ.get("SNOWPARK_LOCAL_CHANNEL_TRANSPORT", "").strip().lower() == "tcp":
            self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._listener.bind(("127.0.0.1", 0))
            self.address = "tcp:127.0.0.1:{}".format(self._listener.getsockname()[1])
        else:
            # A bare path, as older runners passed: it must keep meaning a Unix socket.
            self.address = os.path.join(self._directory.name, "channel.sock")
            self._listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._listener.bind(self.address)
        self._listener.listen(1)
        self._send_lock = threading.Lock()
        self.requests = []
        self.connection = None
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def send(self, message):
        with self._send_lock:
            self.connection.sendall(frame(message))

    def send_raw(self, data):
        with self._send_lock:
            self.connection.sendall(data)

    def _serve(self):
        try:
            self.connection, _ = self._listener.accept()
            while True:
                request = read_frame(self.connection)
                self.requests.append(request)
                self._handle(request, self.send)
        except (EOFError, OSError):
            pass
        finally:
            # Ending the loop hangs up, as the Node side going away would.
            if self.connection is not None:
                try:
                    self.connection.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        for closable in (self.connection, self._listener):
            try:
                if closable is not None:
                    closable.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            try:
                if closable is not None:
                    closable.close()
            except OSError:
                pass
        self._thread.join(5)
        self._directory.cleanup()


def query_result(columns, data, query_id="01-test-query"):
    return {"queryId": query_id, "columns": [{"name": name, "type": kind} for name, kind in columns],
            "data": data, "rowCount": len(data[0]) if data else 0}


class RecordingChannel:
    """An in-process channel: answers from a function and records every call."""

    def __init__(self, answer):
        self._answer = answer
        self.calls = []

    def call(self, method, params, query=None):
        self.calls.append((method, params))
        return self._answer(method, params)
