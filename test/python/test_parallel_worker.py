"""The TaskPool's Python worker and the handler-side pickling, without Node."""

import collections
import os
import pickle
import socket
import subprocess
import sys
import tempfile
import textwrap
import time
import unittest
from array import array

SHIM_ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "src", "python")
if SHIM_ROOT not in sys.path:
    sys.path.insert(0, SHIM_ROOT)

from snowpark_local.parallel import serialization  # noqa: E402
from snowpark_local.parallel.frames import FrameSocket  # noqa: E402


class WorkerProcess:
    """Starts ``python -m snowpark_local.parallel.task_worker`` on one end of a socket pair."""

    def __init__(self, **extra_env):
        ours, theirs = socket.socketpair()
        env = dict(os.environ, PYTHONPATH=SHIM_ROOT, SNOWPARK_LOCAL_TASK_FD=str(theirs.fileno()), **extra_env)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "snowpark_local.parallel.task_worker"],
            env=env, pass_fds=(theirs.fileno(),), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        theirs.close()
        self.frames = FrameSocket(ours)
        self.socket = ours
        header, _ = self.frames.read()
        assert header["type"] == "ready", header
        self.pid = header["pid"]
        self.lane_address = header.get("lane")

    def run(self, chunk, items, context="ctx-1", context_data=None, payload=None):
        """Runs a chunk; the reply's header gets ``durations`` (the run times ahead of its payload)."""
        header = {"type": "run", "chunk": chunk, "context": context,
                  "contextData": context_data if context_data is not None else {"sysPath": sys.path, "cwd": os.getcwd()}}
        self.frames.write(header, payload if payload is not None else pickle.dumps(items))
        while True:
            reply, payload = self.frames.read()
            if reply["type"] != "progress":
                split = reply.get("timings", 0) * 8
                reply["durations"] = list(array("d", payload[:split]))
                return reply, payload[split:]

    def close(self):
        self.socket.close()
        try:
            self.process.wait(timeout=10)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


def _fail(x):
    return 1 / x


class TaskWorkerTest(unittest.TestCase):
    def setUp(self):
        self.worker = WorkerProcess()

    def tearDown(self):
        self.worker.close()

    def test_runs_a_chunk_in_order_in_its_own_process(self):
        header, payload = self.worker.run(1, [(os.getpid, (), {}), (abs, (-3,), {}), (max, (1, 5), {})])
        self.assertEqual(header["type"], "done")
        results = pickle.loads(payload)
        self.assertEqual(results[1:], [3, 5])
        self.assertEqual(results[0], self.worker.pid)
        self.assertNotEqual(results[0], os.getpid())
        self.assertEqual(len(header["durations"]), 3)

    def test_first_exception_comes_back_with_its_traceback(self):
        header, payload = self.worker.run(2, [(abs, (1,), {}), (_fail, (0,), {}), (abs, (2,), {})])
        self.assertEqual(header["type"], "error")
        self.assertEqual(header["failedAt"], 1)
        self.assertEqual(header["errorType"], "ZeroDivisionError")
        self.assertIn("in _fail", header["traceback"])
        self.assertIn("return 1 / x", header["traceback"])
        self.assertNotIn("task_worker.py", header["traceback"], "the worker's own frames are left out")
        self.assertIsInstance(pickle.loads(payload), ZeroDivisionError)

    def test_a_new_context_forgets_the_previous_runs_user_modules(self):
        with tempfile.TemporaryDirectory() as directory:
            path = os.path.join(directory, "user_mod_for_worker.py")
            with open(path, "w") as handle:
                handle.write("VALUE = 1\ndef value():\n    return VALUE\n")
            context = {"sysPath": [directory] + sys.path, "cwd": directory}
            sys.path.insert(0, directory)
            try:
                import user_mod_for_worker
                items = [(user_mod_for_worker.value, (), {})]
                first, payload = self.worker.run(3, items, "run-a", context)
                self.assertEqual(pickle.loads(payload), [1])
                with open(path, "w") as handle:
                    handle.write("VALUE = 2\ndef value():\n    return VALUE\n")
                _, payload = self.worker.run(4, items, "run-b", context)
                self.assertEqual(pickle.loads(payload), [2], "the edited module was imported afresh")
            finally:
                sys.path.remove(directory)
                sys.modules.pop("user_mod_for_worker", None)

    def test_a_context_taken_on_ahead_serves_the_chunks_of_that_context(self):
        with tempfile.TemporaryDirectory() as directory:
            directory = os.path.realpath(directory)
            self.worker.frames.write({"type": "context", "context": "run-ahead",
                                      "contextData": {"sysPath": sys.path, "cwd": directory}})
            # No context with the chunk: only a worker that entered it ahead can run it.
            header = {"type": "run", "chunk": 7, "context": "run-ahead"}
            self.worker.frames.write(header, pickle.dumps([(os.getcwd, (), {})]))
            reply, payload = self.worker.frames.read()
            self.assertEqual(reply["type"], "done", reply)
            self.assertEqual(pickle.loads(payload[reply["timings"] * 8:]), [directory])

    def test_a_context_that_fails_ahead_is_entered_with_the_first_chunk(self):
        self.worker.frames.write({"type": "context", "context": "run-bad", "contextData": {"sysPath": 5}})
        header, payload = self.worker.run(8, [(abs, (-4,), {})], "run-bad")
        self.assertEqual(header["type"], "done", header)
        self.assertEqual(pickle.loads(payload), [4])

    def test_inline_handler_module_is_importable_by_its_name(self):
        source = "def triple(x):\n    return 3 * x\n"
        module_name = "worksheet_inline_mod"
        import types
        module = types.ModuleType(module_name)
        exec(compile(source, "/tmp/worksheet.sql", "exec"), module.__dict__)
        sys.modules[module_name] = module
        try:
            context = {"sysPath": sys.path, "cwd": os.getcwd(),
                       "mainModule": {"name": module_name, "kind": "inline", "path": "/tmp/worksheet.sql",
                                      "source": source, "firstLine": 1}}
            header, payload = self.worker.run(5, [(module.triple, (4,), {})], "inline", context)
            self.assertEqual(header["type"], "done", header)
            self.assertEqual(pickle.loads(payload), [12])
        finally:
            sys.modules.pop(module_name, None)

    def test_runs_a_chunk_sent_in_the_shared_layout(self):
        items = [(divmod, (i, 3), {}) for i in range(10)]
        header, payload = self.worker.run(6, None, payload=serialization.dumps_tasks(items))
        self.assertEqual(header["type"], "done", header)
        self.assertEqual(pickle.loads(payload), [divmod(i, 3) for i in range(10)])
        self.assertEqual(len(header["durations"]), 10)
        self.assertTrue(all(ms >= 0 for ms in header["durations"]))

    def test_a_failure_in_the_shared_layout_names_its_own_index(self):
        items = [(_fail, (x,), {}) for x in (1, 2, 0, 4)]
        header, _ = self.worker.run(7, None, payload=serialization.dumps_tasks(items))
        self.assertEqual(header["type"], "error")
        self.assertEqual(header["failedAt"], 2)
        self.assertEqual(len(header["durations"]), 3)

    def test_worker_exits_when_its_channel_closes(self):
        self.worker.socket.close()
        self.assertEqual(self.worker.process.wait(timeout=10), 0)


class WorkerParentTest(unittest.TestCase):
    """A worker whose parent dies goes with it, though its channel is still open."""

    STARTER = textwrap.dedent("""
        import os, socket, subprocess, sys
        fd = int(sys.argv[1])
        worker = subprocess.Popen([sys.executable, "-m", "snowpark_local.parallel.task_worker"],
                                  env=dict(os.environ, SNOWPARK_LOCAL_TASK_FD=str(fd)), pass_fds=(fd,))
        sys.stdout.write(str(worker.pid) + "\\n")
        sys.stdout.flush()
        sys.stdin.read()  # until the test lets go
        os._exit(0)
    """)

    def test_worker_ends_with_its_parent_and_runs_no_watchdog_on_linux(self):
        ours, theirs = socket.socketpair()
        starter = subprocess.Popen(
            [sys.executable, "-c", self.STARTER, str(theirs.fileno())],
            env=dict(os.environ, PYTHONPATH=SHIM_ROOT), pass_fds=(theirs.fileno(),),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        theirs.close()
        try:
            frames = FrameSocket(ours)
            header, _ = frames.read()
            self.assertEqual(header["type"], "ready")
            pid = int(starter.stdout.readline())
            self.assertEqual(pid, header["pid"])
            if sys.platform.startswith("linux"):
                # The kernel ends it with its parent: no thread wakes twice a second to check.
                self.assertEqual(os.listdir("/proc/%d/task" % pid), [str(pid)])
            starter.stdin.close()
            self.assertEqual(starter.wait(timeout=10), 0)
            # Its channel (ours) is still open: only the parent's death can end it.
            deadline = time.monotonic() + 10
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            self.assertFalse(_alive(pid), "the worker outlived its parent")
        finally:
            ours.close()
            starter.stdout.close()
            if starter.poll() is None:
                starter.kill()
                starter.wait()


def _alive(pid):
    """Running, and not a zombie waiting for a reaper that a container may not have."""
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        with open("/proc/%d/status" % pid) as status:
            return not any(line.startswith("State:") and "Z" in line.split()[1] for line in status)
    except OSError:
        return not sys.platform.startswith("linux")


class PicklingTest(unittest.TestCase):
    def test_calls_sharing_function_and_keywords_send_them_once(self):
        shared = {"scale": 2}
        big = list(range(50_000))
        items = [(max, (i, big), dict(shared)) for i in range(100)]
        layout = serialization.shared_layout(items)
        self.assertIsNotNone(layout)
        self.assertEqual(layout[3], 100)
        back = serialization.loads_tasks(serialization.dumps_tasks(items))
        self.assertEqual([args[0] for _f, args, _k in back], list(range(100)))
        self.assertTrue(all(args[1] is back[0][1][1] for _f, args, _k in back), "one copy of the shared list")
        self.assertEqual(back[0][2], shared)
        self.assertLess(len(serialization.dumps_tasks(items)), 2 * len(pickle.dumps(big)))

    def test_calls_that_differ_keep_their_own_function_and_keywords(self):
        items = [(abs, (-1,), {}), (max, (1, 2), {}), (abs, (-3,), {"x": 1})]
        self.assertIsNone(serialization.shared_layout(items))
        self.assertIsNone(serialization.shared_layout([(abs, (-1,), {}), (abs, (-1, 2), {})]))
        back = serialization.loads_tasks(serialization.dumps_tasks(items))
        self.assertEqual([(f, a, k) for f, a, k in back], items)

    def test_keyword_arguments_in_some_calls_only_keep_each_calls_own(self):
        for items in ([(abs, (1,), {}), (abs, (2,), {"x": 1})], [(abs, (1,), {"x": 1}), (abs, (2,), {})]):
            self.assertIsNone(serialization.shared_layout(items))
            self.assertEqual(serialization.loads_tasks(serialization.dumps_tasks(items)), items)

    def test_bound_methods_of_one_object_share_the_layout(self):
        # delayed(obj.method) makes a new bound method per call: equal, not identical.
        counter = collections.Counter("aab")
        items = [(counter.most_common, (n,), {}) for n in range(3)]
        self.assertIsNot(items[0][0], items[1][0])
        self.assertIsNotNone(serialization.shared_layout(items))
        back = serialization.loads_tasks(serialization.dumps_tasks(items))
        self.assertEqual([function(*args) for function, args, _k in back], [[], [("a", 2)], [("a", 2), ("b", 1)]])

    def test_calls_without_arguments_keep_their_count(self):
        back = serialization.loads_tasks(serialization.dumps_tasks([(os.getpid, (), {})] * 3))
        self.assertEqual(len(back), 3)

    def test_lambda_without_cloudpickle_names_cloudpickle_and_the_interpreter(self):
        saved = sys.modules.get("cloudpickle", "absent")
        sys.modules["cloudpickle"] = None
        try:
            with self.assertRaises(serialization.TaskPicklingError) as caught:
                serialization.dumps_tasks([(lambda x: x, (1,), {})])
        finally:
            if saved == "absent":
                sys.modules.pop("cloudpickle", None)
            else:
                sys.modules["cloudpickle"] = saved
        message = str(caught.exception)
        self.assertIn("cloudpickle", message)
        self.assertIn("{} -m pip install cloudpickle".format(sys.executable), message)
        self.assertIn("<lambda>", message)

    def test_closures_travel_with_cloudpickle_when_installed(self):
        try:
            import cloudpickle  # noqa: F401
        except ImportError:
            self.skipTest("cloudpickle is not installed in this interpreter")
        factor = 7
        items = serialization.loads_tasks(serialization.dumps_tasks([(lambda x: x * factor, (6,), {})]))
        function, args, _ = items[0]
        self.assertEqual(function(*args), 42)


if __name__ == "__main__":
    unittest.main()
