"""Client of the run channel: framed JSON-RPC over the socket SNOWPARK_LOCAL_CHANNEL names
(a Unix socket or a loopback TCP port: channel_address.py).

Twin of src/core/runner/protocol.ts; docs/channel-protocol.md is the contract.

Several handler threads may call at once, and replies come back in any order. Instead of a
dedicated reader thread, whichever caller finds nobody reading becomes the reader ("leader"):
it reads frames until its own reply arrives, files the others' replies and wakes their owners.
A lone caller therefore never hands off to another thread, which keeps a round trip cheap.
"""

import itertools
import json

from snowpark_local import channel_address
from snowpark_local.binary_frames import binary_frame_pieces, decode_binary_frame, is_binary_frame
from snowpark_local.gc_pause import paused_gc
import os
import struct
import threading

CHANNEL_ENV = "SNOWPARK_LOCAL_CHANNEL"
RUN_TOKEN_ENV = "SNOWPARK_LOCAL_RUN_TOKEN"

_HEADER = struct.Struct(">I")
_BUFFER_SIZE = 64 * 1024
_encode_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode
_decode_json = json.loads
# Frames above this are results worth decoding with the collector paused (gc_pause.py).
_LARGE_FRAME = 64 * 1024
# As the Node side's MAX_FRAME_BYTES (src/core/runner/framing.ts).
MAX_FRAME_BYTES = 1024 * 1024 * 1024


class ChannelClosedError(RuntimeError):
    """The Node side (VS Code extension or CLI) closed the channel; the run cannot go on."""


class LoneSurrogateError(ValueError):
    """A str holding a lone surrogate (often bytes decoded with errors="surrogateescape")."""

    def __init__(self, error):
        bad = error.object[error.start:error.end]
        super().__init__(
            "a string holds the lone surrogate {}, which UTF-8, and so "
            "Snowflake, cannot carry. Decode bytes with a real encoding (data.decode('utf-8', "
            "errors='replace')) or remove it before passing or returning the string.".format(
                ascii(bad)))


def encode_utf8(text):
    """``text`` as UTF-8; a lone surrogate (which UTF-8 cannot hold) raises LoneSurrogateError."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise LoneSurrogateError(error) from None


def encode_json_text(value):
    """UTF-8 JSON text as the channel sends it (compact, non-ASCII as is, no NaN)."""
    return encode_utf8(_encode_json(value))


class Channel:
    def __init__(self, sock, on_closed=None):
        self._socket = sock
        self._on_closed = on_closed
        self._request_ids = itertools.count(1)
        self._send_lock = threading.Lock()
        self._state = threading.Condition(threading.Lock())
        self._reader_active = False
        self._replies = {}
        self._closed_error = None
        # Received bytes not yet consumed live in _buffer[_start:_end].
        self._buffer = bytearray(_BUFFER_SIZE)
        self._view = memoryview(self._buffer)
        self._start = 0
        self._end = 0

    # ------------------------------------------------------------------ public

    def call(self, method, params, query=None, attachments=()):
        """Send one request and return its ``result``; an ``error`` reply is raised.

        ``query`` is the SQL text to attach to a SnowparkSQLException, when there is one.
        ``attachments`` (bytes) make it a binary frame: ``params`` name them by ``"data": [offset,
        length]`` from the attachment area's start, each at the next multiple of 8.
        """
        request_id = next(self._request_ids)
        payload = encode_json_text({"id": request_id, "method": method, "params": params})
        try:
            with self._send_lock:
                if attachments:
                    for piece in binary_frame_pieces(payload, attachments):
                        self._socket.sendall(piece)
                elif len(payload) < _LARGE_FRAME:
                    self._socket.sendall(_HEADER.pack(len(payload)) + payload)
                else:
                    # A large return value: two writes rather than copying megabytes to join them.
                    self._socket.sendall(_HEADER.pack(len(payload)))
                    self._socket.sendall(payload)
        except OSError as error:
            self._fail(ChannelClosedError(_closed_message("while sending " + method, error)))
        reply = self._await_reply(request_id)
        if "error" in reply:
            from snowpark_local.errors import exception_from_channel_error
            raise exception_from_channel_error(reply["error"] or {}, query)
        return reply.get("result")

    @property
    def socket(self):
        """The connected socket, for watching (lifeline.py); never read from it."""
        return self._socket

    def close(self):
        try:
            self._socket.close()
        except OSError:
            pass

    # ------------------------------------------------------------------ replies

    def _await_reply(self, request_id):
        with self._state:
            while True:
                reply = self._replies.pop(request_id, None)
                if reply is not None:
                    return reply
                if self._closed_error is not None:
                    raise self._closed_error
                if not self._reader_active:
                    self._reader_active = True
                    break
                self._state.wait()
        try:
            return self._read_until(request_id)
        finally:
            with self._state:
                self._reader_active = False
                # One of the waiters must take over reading, or its reply would never come.
                self._state.notify_all()

    def _read_until(self, request_id):
        while True:
            reply = self._read_frame()
            reply_id = reply.get("id")
            if reply_id == request_id:
                return reply
            with self._state:
                self._replies[reply_id] = reply
                self._state.notify_all()

    def _fail(self, error):
        with self._state:
            if self._closed_error is None:
                self._closed_error = error
            self._state.notify_all()
            error = self._closed_error
        if self._on_closed is not None:
            self._on_closed(error)
        raise error

    # ------------------------------------------------------------------ framing

    def _read_frame(self):
        (length,) = _HEADER.unpack(self._read_exact(4))
        if length > MAX_FRAME_BYTES:
            # The stream cannot be trusted past a length like this; stop rather than allocate it.
            self._fail(ChannelClosedError(
                "The Snowpark Local channel sent a frame of {} bytes, over the {}-byte limit; the run "
                "stops here. Report this as a bug.".format(length, MAX_FRAME_BYTES)))
        body = self._read_exact(length)
        try:
            if length < _LARGE_FRAME:
                return _decode_body(body)
            with paused_gc():
                return _decode_body(body)
        except (ValueError, UnicodeDecodeError) as error:
            self._fail(ChannelClosedError(
                "The Snowpark Local channel sent a malformed frame ({}); the run stops here. Report "
                "this as a bug.".format(error)))

    def _read_exact(self, size):
        available = self._end - self._start
        if available >= size:
            start = self._start
            self._start = start + size
            return bytes(self._view[start:start + size])
        if size > len(self._buffer):
            # A large result: read it straight into its own buffer rather than growing ours.
            target = bytearray(size)
            target[:available] = self._view[self._start:self._end]
            self._start = self._end = 0
            self._receive_into(memoryview(target), available, size)
            return target
        if self._start:
            self._buffer[:available] = self._view[self._start:self._end]
            self._start, self._end = 0, available
        # Read as much as arrives (several frames at once is fine), at least what is needed.
        self._end = self._receive_into(self._view, self._end, size, len(self._buffer))
        self._start = size
        return bytes(self._view[0:size])

    def _receive_into(self, view, filled, needed, capacity=None):
        capacity = capacity or needed
        while filled < needed:
            try:
                count = self._socket.recv_into(view[filled:capacity])
            except OSError as error:
                self._fail(ChannelClosedError(_closed_message("while reading", error)))
            if count == 0:
                self._fail(ChannelClosedError(_closed_message("while reading", None)))
            filled += count
        return filled


def _decode_body(body):
    if is_binary_frame(body):
        return decode_binary_frame(body)
    return _decode_json(body)


def _closed_message(when, cause):
    detail = " ({})".format(cause) if cause else ""
    return ("The Snowpark Local channel closed {}{}: the VS Code extension or CLI that started this "
            "run has gone away, so the run stops here.".format(when, detail))


def connect(address, on_closed=None):
    """``address``: ``unix:/path``, ``tcp:127.0.0.1:PORT`` or a bare Unix socket path."""
    return Channel(channel_address.connect(address, CHANNEL_ENV), on_closed=on_closed)


def connect_from_environment(on_closed=None):
    path = os.environ.get(CHANNEL_ENV)
    if not path:
        raise RuntimeError(
            "{} is not set: this bootstrap is started by Snowpark Local (the VS Code extension or "
            "the snowpark-local CLI), which passes the channel's address. Run the handler from "
            "there.".format(CHANNEL_ENV))
    return connect(path, on_closed=on_closed)
