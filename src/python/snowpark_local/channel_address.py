"""The run channel's address, as Node writes it in SNOWPARK_LOCAL_CHANNEL (and a task
worker's in SNOWPARK_LOCAL_TASK_ADDRESS): ``unix:/path/channel.sock`` or
``tcp:127.0.0.1:PORT``. A bare path is a Unix socket (what older runners passed).

TCP is loopback only: Node never listens anywhere else, so an address naming another host
is a mistake (or a trap) and is refused rather than dialled.
"""

import ipaddress
import socket


class ChannelAddressError(ValueError):
    """The address is malformed, or names something this Python cannot connect to."""


def parse(address, name="SNOWPARK_LOCAL_CHANNEL"):
    """Return ``("unix", path)`` or ``("tcp", (host, port))``; ``name`` is for messages."""
    if not isinstance(address, str) or not address.strip():
        raise ChannelAddressError("{} is empty: expected unix:/path or tcp:127.0.0.1:PORT.".format(name))
    kind, separator, rest = address.partition(":")
    if separator and kind == "tcp":
        return "tcp", _parse_loopback(rest, address, name)
    if separator and kind == "unix":
        if not rest:
            raise ChannelAddressError("{}={!r} names no socket path after 'unix:'.".format(name, address))
        return "unix", rest
    if address.startswith("/"):
        return "unix", address
    raise ChannelAddressError(
        "{}={!r} is not a channel address: expected unix:/path or tcp:127.0.0.1:PORT. It is set by "
        "Snowpark Local; run the handler from the VS Code extension or the snowpark-local CLI.".format(
            name, address))


def _parse_loopback(rest, address, name):
    host, separator, port_text = rest.rpartition(":")
    if not separator or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ChannelAddressError("{}={!r} needs a port from 1 to 65535 after the host.".format(name, address))
    try:
        loopback = ipaddress.IPv4Address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ChannelAddressError(
            "{}={!r} is not on the loopback network (127.0.0.0/8): the run channel only ever "
            "listens there.".format(name, address))
    return host, int(port_text)


def connect(address, name="SNOWPARK_LOCAL_CHANNEL"):
    """A connected stream socket for ``address``."""
    kind, target = parse(address, name)
    if kind == "unix":
        family = getattr(socket, "AF_UNIX", None)
        if family is None:
            raise ChannelAddressError(
                "{}={!r} is a Unix socket, which this Python cannot open; set "
                "SNOWPARK_LOCAL_CHANNEL_TRANSPORT=tcp for Snowpark Local.".format(name, address))
        sock = socket.socket(family, socket.SOCK_STREAM)
    else:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        # Requests are small and answered one by one: Nagle would hold each for up to 40 ms.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        sock.connect(target)
    except OSError:
        sock.close()
        raise
    return sock
