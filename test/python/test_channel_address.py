import os
import socket
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401  (puts the shim on sys.path)

from snowpark_local import channel_address  # noqa: E402
from snowpark_local.channel_address import ChannelAddressError, connect, parse  # noqa: E402


class ParseTest(unittest.TestCase):
    def test_good_addresses(self):
        self.assertEqual(parse("unix:/tmp/x/channel.sock"), ("unix", "/tmp/x/channel.sock"))
        self.assertEqual(parse("/tmp/x/channel.sock"), ("unix", "/tmp/x/channel.sock"))
        self.assertEqual(parse("tcp:127.0.0.1:50123"), ("tcp", ("127.0.0.1", 50123)))
        self.assertEqual(parse("tcp:127.1.2.3:1"), ("tcp", ("127.1.2.3", 1)))
        self.assertEqual(parse("tcp:127.0.0.1:65535"), ("tcp", ("127.0.0.1", 65535)))

    def assert_refused(self, address, *fragments):
        with self.assertRaises(ChannelAddressError) as caught:
            parse(address, "SNOWPARK_LOCAL_TASK_ADDRESS")
        message = str(caught.exception)
        self.assertIn("SNOWPARK_LOCAL_TASK_ADDRESS", message)
        for fragment in fragments:
            self.assertIn(fragment, message)
        self.assertIsInstance(caught.exception, ValueError)

    def test_empty_or_missing(self):
        self.assert_refused("", "is empty", "tcp:127.0.0.1:PORT")
        self.assert_refused("   ", "is empty")
        self.assert_refused(None, "is empty")

    def test_unknown_kind_or_relative_path(self):
        self.assert_refused("pipe:\\\\.\\pipe\\x", "is not a channel address", "unix:/path")
        self.assert_refused("channel.sock", "is not a channel address")
        self.assert_refused("TCP:127.0.0.1:5", "is not a channel address")

    def test_unix_without_a_path(self):
        self.assert_refused("unix:", "names no socket path")

    def test_bad_ports(self):
        for address in ("tcp:127.0.0.1", "tcp:127.0.0.1:", "tcp:127.0.0.1:0", "tcp:127.0.0.1:65536",
                        "tcp:127.0.0.1:-1", "tcp:127.0.0.1:80a", "tcp::"):
            with self.subTest(address=address):
                self.assert_refused(address, "port from 1 to 65535")

    def test_hosts_off_the_loopback_network_are_refused(self):
        for address in ("tcp:0.0.0.0:5000", "tcp:10.0.0.1:5000", "tcp:example.com:5000", "tcp:localhost:5000",
                        "tcp::5000", "tcp:128.0.0.1:5000"):
            with self.subTest(address=address):
                self.assert_refused(address, "loopback")


class ConnectTest(unittest.TestCase):
    def listen(self, family, target):
        listener = socket.socket(family, socket.SOCK_STREAM)
        self.addCleanup(listener.close)
        listener.bind(target)
        listener.listen(1)
        accepted = []
        thread = threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True)
        thread.start()
        return listener, accepted, thread

    def test_tcp_connects_with_nodelay(self):
        listener, accepted, thread = self.listen(socket.AF_INET, ("127.0.0.1", 0))
        sock = connect("tcp:127.0.0.1:{}".format(listener.getsockname()[1]))
        self.addCleanup(sock.close)
        thread.join(5)
        self.addCleanup(accepted[0].close)
        self.assertEqual(sock.family, socket.AF_INET)
        self.assertTrue(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
        sock.sendall(b"ping")
        self.assertEqual(accepted[0].recv(4), b"ping")

    @unittest.skipUnless(hasattr(socket, "AF_UNIX"), "no Unix sockets")
    def test_unix_connects(self):
        import tempfile
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        path = os.path.join(directory.name, "s.sock")
        _listener, accepted, thread = self.listen(socket.AF_UNIX, path)
        sock = connect("unix:" + path)
        self.addCleanup(sock.close)
        thread.join(5)
        self.addCleanup(accepted[0].close)
        self.assertEqual(sock.family, socket.AF_UNIX)

    def test_refused_connection_raises_os_error(self):
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
        probe.close()  # Nothing listens there now.
        with self.assertRaises(OSError):
            connect("tcp:127.0.0.1:{}".format(port))

    def test_unix_address_without_af_unix_says_what_to_set(self):
        original = getattr(socket, "AF_UNIX", None)
        if original is not None:
            del socket.AF_UNIX
            self.addCleanup(setattr, socket, "AF_UNIX", original)
        with self.assertRaises(ChannelAddressError) as caught:
            channel_address.connect("unix:/tmp/nowhere.sock")
        self.assertIn("SNOWPARK_LOCAL_CHANNEL_TRANSPORT=tcp", str(caught.exception))


if __name__ == "__main__":
    unittest.main()
