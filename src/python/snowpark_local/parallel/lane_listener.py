"""Where a TaskPool worker takes a batch's chunks straight from the handler (a "lane").

Node leases an idle worker to a joblib batch and tells it a one-time token; the handler
connects here, sends that token first, then the batch's chunks. Chunks and results so skip
Node's main thread, which only hears a small record of each chunk afterwards (bench/README,
"direct lanes").

The listening socket is what SNOWPARK_LOCAL_LANE_LISTEN names: ``unix:/path`` (a file in a
0700 directory Node made for this worker, and removes when it ends) or ``tcp`` (a port the
OS picks on 127.0.0.1, for Windows and the forced tcp transport: the token is the gate).
"""

import hmac
import os
import socket
import time

LANE_LISTEN_ENV = "SNOWPARK_LOCAL_LANE_LISTEN"
LOOPBACK_HOST = "127.0.0.1"
#: How long a new connection has to present the token (as the run channel's rule).
TOKEN_TIMEOUT_S = 5.0


def open_lane_listener(environ=os.environ):
    """``(listening socket, its address as the handler dials it)``, or ``(None, None)`` when
    Node asked for no lane or it cannot be opened (the worker then serves through Node only)."""
    spec = environ.pop(LANE_LISTEN_ENV, None)
    if not spec:
        return None, None
    try:
        if spec.startswith("unix:") and getattr(socket, "AF_UNIX", None) is not None:
            path = spec[len("unix:"):]
            listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            listener.bind(path)
            address = "unix:" + path
        elif spec == "tcp":
            listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            listener.bind((LOOPBACK_HOST, 0))
            address = "tcp:{}:{}".format(LOOPBACK_HOST, listener.getsockname()[1])
        else:
            return None, None
        listener.listen(8)
    except OSError:
        return None, None
    return listener, address


def accept_lane(listener, token, timeout_s):
    """The first connection within ``timeout_s`` that presents ``token``, ready for frames;
    None when none does. Strangers (a wrong token, silence) are closed and waited past."""
    expected = token.encode("utf-8")
    deadline = time.monotonic() + timeout_s
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        listener.settimeout(remaining)
        try:
            connection, _peer = listener.accept()
        except OSError:  # socket.timeout is an OSError
            return None
        if _presents(connection, expected, min(remaining, TOKEN_TIMEOUT_S)):
            connection.settimeout(None)
            if connection.family == socket.AF_INET:
                connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            return connection
        connection.close()


def _presents(connection, expected, timeout_s):
    connection.settimeout(timeout_s)
    received = b""
    try:
        while len(received) < len(expected):
            part = connection.recv(len(expected) - len(received))
            if not part:
                return False
            received += part
    except OSError:
        return False
    return hmac.compare_digest(received, expected)
