"""Binary frames between a TaskPool worker thread (Node) and its Python worker process.

One frame: 4-byte big-endian header length, 4-byte big-endian payload length, the header as
UTF-8 JSON, then the payload bytes (a pickle). Twin of src/core/parallel/workerFrames.ts.
"""

import json
import struct
import threading

_LENGTHS = struct.Struct(">II")


class FrameSocket:
    def __init__(self, sock):
        self._socket = sock
        self._buffer = bytearray()
        # A worker's main thread and its running-chunk notice both write to Node.
        self._write_lock = threading.Lock()

    def read(self):
        """Return (header dict, payload bytes), or None at end of stream."""
        lengths = self._read_exactly(_LENGTHS.size)
        if lengths is None:
            return None
        header_length, payload_length = _LENGTHS.unpack(lengths)
        body = self._read_exactly(header_length + payload_length)
        if body is None:
            return None
        header = json.loads(bytes(body[:header_length]).decode("utf-8"))
        return header, bytes(body[header_length:])

    def write(self, header, *payload):
        """Send one frame; the payload may come in parts (joined once, here)."""
        encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
        length = sum(len(part) for part in payload)
        frame = b"".join((_LENGTHS.pack(len(encoded), length), encoded) + payload)
        with self._write_lock:
            self._socket.sendall(frame)

    def _read_exactly(self, count):
        while len(self._buffer) < count:
            chunk = self._socket.recv(max(65536, count - len(self._buffer)))
            if not chunk:
                return None
            self._buffer += chunk
        data = self._buffer[:count]
        del self._buffer[:count]
        return data
