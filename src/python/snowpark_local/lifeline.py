"""The run's lifeline: when the Node side (CLI or extension host) dies, the run dies with it.

The runner hands the bootstrap one end of a socket pair as file descriptor
SNOWPARK_LOCAL_LIFELINE_FD and never writes to it. The kernel closes the other end when Node
exits for any reason, SIGKILL included, so a read on ours returns end-of-file at once.

A forked guard process waits on that read, not a thread of the handler's process: a handler
spinning in ``while True: pass`` or stuck in a C call cannot delay it. On end-of-file the
guard kills every process that carries this run's marker (SNOWPARK_LOCAL_RUN_MARKER in its
environment: daemons that left the process group with setsid keep it), then the whole process
group, itself included. The runner does the same when a run ends normally.

Without fork (Windows) there is no socket pair to inherit and no guard: the lifeline is the
run channel itself. A thread watches it, and when it closes (Node gone), the bootstrap ends
its own tree with ``taskkill /T /F``. A handler stuck in a C call that holds the GIL delays
that thread: the price of having no fork.
"""

import os
import select
import signal
import socket
import subprocess
import threading
import time

LIFELINE_FD_ENV = "SNOWPARK_LOCAL_LIFELINE_FD"
RUN_MARKER_ENV = "SNOWPARK_LOCAL_RUN_MARKER"


def start_guard():
    """Fork the guard (POSIX only); returns at once in the bootstrap."""
    fd_text = os.environ.pop(LIFELINE_FD_ENV, None)
    if not fd_text or not hasattr(os, "fork"):
        return
    fd = int(fd_text)
    if os.fork() == 0:
        _guard(fd)
    # The bootstrap itself never reads it; the handler's subprocesses must not inherit it.
    os.close(fd)


def _guard(fd):
    try:
        # Ctrl-C in a terminal belongs to the CLI, which cancels the run properly.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _wait_for_end_of_file(fd)
        marker = os.environ.get(RUN_MARKER_ENV)
        if marker:
            _sweep(marker)
        os.killpg(0, signal.SIGKILL)
    finally:
        os._exit(0)


def _sweep(marker, passes=100, pause=0.01):
    """Kill marked processes until two passes in a row find none: a process that was forking
    during one pass (a daemon's double fork) is caught by the next."""
    quiet = 0
    for _ in range(passes):
        quiet = quiet + 1 if kill_marked(marker) == 0 else 0
        if quiet >= 2:
            return
        time.sleep(pause)


def _wait_for_end_of_file(fd):
    while True:
        try:
            if not os.read(fd, 4096):
                return
        except InterruptedError:
            continue
        except OSError:
            return


def kill_marked(marker, proc="/proc"):
    """SIGKILL every process (but this one) whose environment holds RUN_MARKER_ENV=marker;
    returns how many it found."""
    needle = "\0{}={}\0".format(RUN_MARKER_ENV, marker).encode("utf-8")
    try:
        entries = os.listdir(proc)
    except OSError:
        return 0  # No /proc (macOS): the process group is all we can reach.
    own = os.getpid()
    found = 0
    for entry in entries:
        if not entry.isdigit() or int(entry) == own:
            continue
        try:
            with open(os.path.join(proc, entry, "environ"), "rb") as environ:
                if needle not in b"\0" + environ.read():
                    continue
            found += 1
            os.kill(int(entry), signal.SIGKILL)
        except OSError:
            continue  # Gone already, or not ours to read.
    return found


def tree_kill_command(pid):
    """Windows: kill ``pid`` and every process it started, at once."""
    return ["taskkill", "/T", "/F", "/PID", str(pid)]


def end_own_tree(run=subprocess.call):
    try:
        run(tree_kill_command(os.getpid()), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        os._exit(3)


def watch_channel(sock, on_closed=end_own_tree, poll=0.05):
    """Where there is no fork: call ``on_closed`` once ``sock`` reaches end-of-file or fails.

    It peeks, never reads: the channel's own reader must get every byte. While a reply waits
    for that reader the socket stays readable, so the watch looks again every ``poll`` seconds.
    """
    def watch():
        while True:
            try:
                select.select([sock], [], [])
                if not sock.recv(1, socket.MSG_PEEK):
                    break
            except (OSError, ValueError):
                break
            time.sleep(poll)
        on_closed()

    thread = threading.Thread(target=watch, name="snowpark-local-lifeline", daemon=True)
    thread.start()
    return thread
