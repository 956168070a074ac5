"""The Windows lifeline (no fork): what can run here. taskkill itself cannot."""

import os
import socket
import subprocess
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import SHIM_ROOT  # noqa: E402

from snowpark_local.lifeline import tree_kill_command, watch_channel  # noqa: E402


class TreeKillTest(unittest.TestCase):
    def test_command_kills_the_whole_tree_forcefully(self):
        self.assertEqual(tree_kill_command(4321), ["taskkill", "/T", "/F", "/PID", "4321"])

    def test_end_own_tree_runs_it_for_its_own_pid_then_exits(self):
        script = ("import os, sys\n"
                  "from snowpark_local import lifeline\n"
                  "print(os.getpid(), flush=True)\n"
                  "lifeline.end_own_tree(run=lambda command, **_: print(' '.join(command), flush=True))\n"
                  "print('still alive')\n")
        result = subprocess.run([sys.executable, "-c", script], env=dict(os.environ, PYTHONPATH=SHIM_ROOT),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        pid, command = result.stdout.decode().split("\n")[:2]
        self.assertEqual(command, "taskkill /T /F /PID {}".format(pid))
        self.assertNotIn(b"still alive", result.stdout)
        self.assertEqual(result.returncode, 3)


class WatchChannelTest(unittest.TestCase):
    def test_fires_on_end_of_file_and_never_takes_the_readers_bytes(self):
        ours, theirs = socket.socketpair()
        self.addCleanup(ours.close)
        closed = threading.Event()
        watch_channel(ours, on_closed=closed.set, poll=0.01)
        theirs.sendall(b"reply")
        # The channel's reader gets every byte, though the watch saw them first.
        received = b""
        while len(received) < 5:
            received += ours.recv(5 - len(received))
        self.assertEqual(received, b"reply")
        self.assertFalse(closed.is_set())
        theirs.close()
        self.assertTrue(closed.wait(10), "the watch saw the channel close")

    def test_fires_when_the_socket_fails(self):
        ours, theirs = socket.socketpair()
        self.addCleanup(theirs.close)
        closed = threading.Event()
        watch_channel(ours, on_closed=closed.set, poll=0.01)
        ours.shutdown(socket.SHUT_RDWR)
        ours.close()
        self.assertTrue(closed.wait(10))


if __name__ == "__main__":
    unittest.main()
