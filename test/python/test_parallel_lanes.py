"""Lanes: a joblib batch's chunks sent by the handler straight to a leased pool worker.

The worker's side runs as a real worker process (its lane listener, token check, replies to
the handler, records to Node); the handler's side (lanes.ChunkDispatcher) runs against
stand-in lane workers and a stand-in Node channel, each saying what reached it.
"""

import os
import pickle
import socket
import tempfile
import threading
import time
import unittest

from test_parallel_worker import WorkerProcess

from snowpark_local import channel_address
from snowpark_local.parallel import lanes
from snowpark_local.parallel.frames import FrameSocket
from snowpark_local.parallel.lane_listener import accept_lane, open_lane_listener


def _fail(x):
    return 1 / x


def _nap(seconds):
    time.sleep(seconds)
    return seconds


class LeasedWorkerTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp()
        self.addCleanup(lambda: os.path.exists(self.directory) and os.rmdir(self.directory))
        path = os.path.join(self.directory, "lane.sock")
        self.worker = WorkerProcess(SNOWPARK_LOCAL_LANE_LISTEN="unix:" + path)
        self.addCleanup(lambda: os.path.exists(path) and os.unlink(path))
        self.addCleanup(self.worker.close)

    def lease(self, lease_id=1, token="secret-token"):
        self.worker.frames.write({"type": "lease", "lease": lease_id, "token": token, "context": "ctx",
                                  "contextData": {"sysPath": __import__("sys").path, "cwd": os.getcwd()}})

    def record(self):
        """Node's next record of a chunk's end. A lane.start may come first on a busy machine:
        any chunk still running after 50 ms is announced, and these are not about that."""
        while True:
            header, payload = self.worker.frames.read()
            if header["type"] != "lane.start":
                return header, payload

    def records_until_done(self, chunk):
        """(type, chunk) of each record Node got, up to the lane.done of ``chunk``."""
        kinds = []
        while ("lane.done", chunk) not in kinds:
            header, _ = self.worker.frames.read()
            kinds.append((header["type"], header["chunk"]))
        return kinds

    def connect(self, token="secret-token"):
        sock = channel_address.connect(self.worker.lane_address)
        sock.sendall(token.encode("utf-8"))
        self.addCleanup(sock.close)
        return sock, FrameSocket(sock)

    def test_a_leased_worker_answers_the_handler_and_records_each_chunk_to_node(self):
        self.assertTrue(self.worker.lane_address.startswith("unix:" + self.directory), self.worker.lane_address)
        self.lease()
        sock, lane = self.connect()
        lane.write({"type": "run", "chunk": 3, "start": 20, "count": 3},
                   pickle.dumps([(abs, (-1,), {}), (abs, (-2,), {}), (os.getpid, (), {})]))
        reply, payload = lane.read()
        self.assertEqual(reply["type"], "done")
        self.assertEqual(reply["chunk"], 3)
        self.assertGreaterEqual(reply["computeMs"], 0)
        self.assertEqual(pickle.loads(payload), [1, 2, self.worker.pid], "results only: no run times for the handler")
        record, durations = self.record()
        self.assertEqual({key: record[key] for key in ("type", "lease", "chunk", "start", "count", "timings")},
                         {"type": "lane.done", "lease": 1, "chunk": 3, "start": 20, "count": 3, "timings": 3})
        self.assertEqual(len(durations), 3 * 8, "Node gets each task's run time, and nothing else")
        sock.shutdown(socket.SHUT_WR)
        ended, _ = self.record()
        self.assertEqual(ended, {"type": "lane.ended", "lease": 1})
        # Back with Node: a relayed chunk runs as before.
        header, results = self.worker.run(4, [(abs, (-7,), {})], "ctx")
        self.assertEqual((header["type"], pickle.loads(results)), ("done", [7]))

    def test_a_failing_chunk_sends_the_handler_its_exception_and_node_the_failed_task(self):
        self.lease()
        _sock, lane = self.connect()
        lane.write({"type": "run", "chunk": 1, "start": 0, "count": 3, "functions": ["abs", "_fail", "abs"]},
                   pickle.dumps([(abs, (1,), {}), (_fail, (0,), {}), (abs, (2,), {})]))
        reply, payload = lane.read()
        self.assertEqual((reply["type"], reply["failedAt"], reply["errorType"]), ("error", 1, "ZeroDivisionError"))
        self.assertIn("return 1 / x", reply["traceback"])
        self.assertIsInstance(pickle.loads(payload), ZeroDivisionError)
        record, durations = self.record()
        self.assertEqual((record["type"], record["failedAt"], record["functions"]), ("lane.error", 1, ["abs", "_fail", "abs"]))
        self.assertEqual(record["timings"], 2, "the task before it and the failed one")
        self.assertEqual(len(durations), 16)

    def test_a_slow_chunk_is_noticed_to_node_while_it_runs_and_a_quick_one_is_not(self):
        self.lease()
        _sock, lane = self.connect()
        # Chunks 1 and 2 warm the worker up (the lease's first chunk adopts the run's context, and
        # a chunk after one that ran over 50 ms is announced at once); chunk 3 is the quick one.
        for chunk in (1, 2, 3):
            lane.write({"type": "run", "chunk": chunk, "start": chunk, "count": 1}, pickle.dumps([(abs, (-1,), {})]))
            lane.read()
        lane.write({"type": "run", "chunk": 4, "start": 4, "count": 1}, pickle.dumps([(_nap, (0.4,), {})]))
        kinds = self.records_until_done(4)
        self.assertEqual([kind for kind in kinds if kind not in (("lane.start", 1), ("lane.start", 2))],
                         [("lane.done", 1), ("lane.done", 2), ("lane.done", 3), ("lane.start", 4), ("lane.done", 4)])
        reply, payload = lane.read()
        self.assertEqual((reply["chunk"], pickle.loads(payload)), (4, [0.4]))

    def test_a_chunk_after_a_slow_one_is_announced_at_once_even_if_it_is_quick(self):
        self.lease()
        _sock, lane = self.connect()
        for chunk, task in ((1, (abs, (-1,), {})), (2, (_nap, (0.2,), {})), (3, (abs, (-3,), {}))):
            lane.write({"type": "run", "chunk": chunk, "start": chunk, "count": 1}, pickle.dumps([task]))
            lane.read()
        kinds = self.records_until_done(3)
        # Chunk 1 is quick but may be announced on a busy machine; chunk 3 always is.
        self.assertEqual([kind for kind in kinds if kind != ("lane.start", 1)],
                         [("lane.done", 1), ("lane.start", 2), ("lane.done", 2), ("lane.start", 3), ("lane.done", 3)])

    @unittest.skipUnless(os.path.isdir("/proc/self/task"), "reads thread switch counts from /proc (Linux)")
    def test_the_watcher_does_not_wake_while_no_chunk_runs_nor_during_a_slow_chunk_after_a_slow_one(self):
        # Each wake-up of the worker's watcher thread takes the GIL from the running task.
        def helper_wakeups():
            total = 0
            for tid in os.listdir(f"/proc/{self.worker.pid}/task"):
                if int(tid) == self.worker.pid:
                    continue  # the main thread: the tasks' own sleeps
                with open(f"/proc/{self.worker.pid}/task/{tid}/status") as status:
                    total += sum(int(line.split()[1]) for line in status if line.startswith("voluntary_ctxt_switches"))
            return total

        self.lease()
        _sock, lane = self.connect()
        lane.write({"type": "run", "chunk": 1, "start": 0, "count": 1}, pickle.dumps([(_nap, (0.2,), {})]))
        lane.read()
        before_idle = helper_wakeups()
        time.sleep(0.5)
        self.assertLessEqual(helper_wakeups() - before_idle, 1, "woke while no chunk ran (a 50 ms poll wakes 10 times)")
        before_slow = helper_wakeups()
        lane.write({"type": "run", "chunk": 2, "start": 1, "count": 1}, pickle.dumps([(_nap, (0.5,), {})]))
        lane.read()
        self.assertLessEqual(helper_wakeups() - before_slow, 1, "woke during a chunk already announced")
        kinds = self.records_until_done(2)
        self.assertEqual(kinds, [("lane.start", 1), ("lane.done", 1), ("lane.start", 2), ("lane.done", 2)])

    def test_a_wrong_token_is_refused_and_the_right_one_still_gets_in(self):
        self.lease(token="right")
        stranger = channel_address.connect(self.worker.lane_address)
        stranger.sendall(b"wrong")
        stranger.settimeout(5)
        self.assertEqual(stranger.recv(10), b"", "the stranger is closed on")
        stranger.close()
        _sock, lane = self.connect(token="right")
        lane.write({"type": "run", "chunk": 1, "start": 0, "count": 1}, pickle.dumps([(abs, (-5,), {})]))
        reply, payload = lane.read()
        self.assertEqual(pickle.loads(payload), [5])


class LaneListenerTest(unittest.TestCase):
    def test_tcp_listens_on_loopback_only(self):
        listener, address = open_lane_listener({"SNOWPARK_LOCAL_LANE_LISTEN": "tcp"})
        self.addCleanup(listener.close)
        self.assertTrue(address.startswith("tcp:127.0.0.1:"), address)
        self.assertEqual(listener.getsockname()[0], "127.0.0.1")

    def test_no_listen_setting_means_no_lane(self):
        self.assertEqual(open_lane_listener({}), (None, None))
        self.assertEqual(open_lane_listener({"SNOWPARK_LOCAL_LANE_LISTEN": "pipe:x"}), (None, None))

    def test_nobody_with_the_token_within_the_time_gives_none(self):
        listener, address = open_lane_listener({"SNOWPARK_LOCAL_LANE_LISTEN": "tcp"})
        self.addCleanup(listener.close)
        silent = channel_address.connect(address)
        self.addCleanup(silent.close)
        started = time.monotonic()
        self.assertIsNone(accept_lane(listener, "token", 0.3))
        self.assertLess(time.monotonic() - started, 3)


class _StandInWorker:
    """A lane's far end: answers each chunk with its own payload reversed, or, with
    ``hold``, keeps chunks unanswered until released, or closes on the first one (a crash)."""

    def __init__(self, directory, name, mode="echo"):
        self.number = ord(name)
        self.path = os.path.join(directory, name)
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.path)
        self.listener.listen(1)
        self.mode = mode
        self.received = []
        self.release = threading.Event()
        self.token = name + "-token"
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def offer(self):
        return {"lane": self.number, "address": "unix:" + self.path, "token": self.token, "pid": 4242}

    def _serve(self):
        connection = accept_lane(self.listener, self.token, 10)
        frames = FrameSocket(connection)
        while True:
            message = frames.read()
            if message is None:
                break
            header, payload = message
            self.received.append(header["chunk"])
            if self.mode == "crash":
                break
            if self.mode == "hold":
                self.release.wait(10)
            frames.write({"type": "done", "chunk": header["chunk"], "computeMs": 1.0}, payload[::-1])
        connection.close()
        self.listener.close()


class _StandInChannel:
    def __init__(self, lost_answer=None):
        self.calls = []
        self.lost_answer = lost_answer or {"kind": "crashed", "message": "it died"}

    def call_async(self, method, params, on_reply):
        self.calls.append((method, params))

    def notify(self, method, params):
        self.calls.append((method, params))

    def call(self, method, params, timeout=None):
        self.calls.append((method, params))
        return self.lost_answer


class ChunkDispatcherTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp()
        self.addCleanup(lambda: __import__("shutil").rmtree(self.directory, ignore_errors=True))
        self.replies = {}
        self.all_in = threading.Event()

    def request(self, chunk, payload=b"abc", expected=None):
        def on_reply(reply):
            self.replies[chunk] = reply
            if expected is not None and len(self.replies) >= expected:
                self.all_in.set()
        return lanes.ChunkRequest(chunk, (chunk - 1) * 10, 10, None, payload, on_reply)

    def test_chunks_go_over_the_lanes_and_their_results_come_back(self):
        workers = [_StandInWorker(self.directory, name) for name in ("a", "b")]
        channel = _StandInChannel()
        dispatcher = lanes.ChunkDispatcher(channel, "batch", [worker.offer for worker in workers], 0)
        for chunk in range(1, 7):
            dispatcher.submit(self.request(chunk, payload=bytes([chunk, 0]), expected=6))
        self.assertTrue(self.all_in.wait(10), self.replies)
        self.assertEqual({chunk: reply["data"] for chunk, reply in self.replies.items()},
                         {chunk: bytes([0, chunk]) for chunk in range(1, 7)})
        self.assertTrue(all(reply["ok"] and reply["worker"] == 4242 for reply in self.replies.values()))
        self.assertEqual(channel.calls, [], "nothing went through Node")
        self.assertEqual(dispatcher.close(), [])

    def test_chunks_beyond_the_lanes_take_the_relay_slots_then_wait(self):
        worker = _StandInWorker(self.directory, "a", mode="hold")
        channel = _StandInChannel()
        dispatcher = lanes.ChunkDispatcher(channel, "batch", [worker.offer], 1)
        for chunk in (1, 2, 3):
            dispatcher.submit(self.request(chunk))
        relayed = [params for method, params in channel.calls if method == "tasks.submit"]
        self.assertEqual([(params["chunk"], params["batchId"], params["payload"]) for params in relayed],
                         [(2, "batch", "YWJj")], "the second chunk is relayed, base64")
        # The third waits: the lane holds one of unknown length, the relay slot is taken.
        self.assertEqual(dispatcher.close(), [{"chunk": 3, "start": 20, "count": 10}])
        worker.release.set()

    def test_a_quick_small_chunk_goes_behind_the_lanes_current_one_and_a_large_one_does_not(self):
        worker = _StandInWorker(self.directory, "a", mode="hold")
        dispatcher = lanes.ChunkDispatcher(_StandInChannel(), "batch", [worker.offer], 0)
        dispatcher._lanes[0].last_ms = 1.0
        dispatcher.submit(self.request(1))
        dispatcher.submit(self.request(2))
        dispatcher.submit(self.request(3, payload=b"x" * (lanes.PIPELINE_PAYLOAD_LIMIT + 1)))
        unsent = dispatcher.close()
        self.assertEqual([item["chunk"] for item in unsent], [3])
        worker.release.set()
        deadline = time.monotonic() + 10
        while len(worker.received) < 2 and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertEqual(worker.received, [1, 2])

    def test_a_lane_that_closes_with_a_chunk_in_flight_asks_node_why_and_fails_that_chunk(self):
        worker = _StandInWorker(self.directory, "a", mode="crash")
        channel = _StandInChannel({"kind": "cancelled", "message": "joblib task 0 of f() was cancelled."})
        dispatcher = lanes.ChunkDispatcher(channel, "batch", [worker.offer], 0)
        dispatcher.submit(self.request(1, expected=1))
        self.assertTrue(self.all_in.wait(10))
        self.assertEqual(self.replies[1], {"ok": False, "kind": "cancelled", "message": "joblib task 0 of f() was cancelled."})
        method, params = channel.calls[0]
        self.assertEqual(method, "tasks.lane.lost")
        self.assertEqual(params, {"batchId": "batch", "lane": worker.offer["lane"], "chunks": [{"chunk": 1, "start": 0, "count": 10}]})
        # The lost lane's share goes back to Node: the next chunk is relayed.
        dispatcher.submit(self.request(2))
        self.assertEqual([name for name, _ in channel.calls], ["tasks.lane.lost", "tasks.submit"])

    def test_an_offer_it_cannot_connect_to_is_given_back_at_once_and_its_share_relayed(self):
        channel = _StandInChannel()
        dispatcher = lanes.ChunkDispatcher(channel, "batch", [
            {"lane": 9, "address": "unix:" + os.path.join(self.directory, "nothing.sock"), "token": "t", "pid": 1}], 0)
        self.assertEqual(channel.calls, [("tasks.lanes.unused", {"batchId": "batch", "lanes": [9]})])
        dispatcher.submit(self.request(1))
        self.assertEqual([name for name, _ in channel.calls], ["tasks.lanes.unused", "tasks.submit"])

    def test_after_close_a_chunk_is_refused_as_cancelled(self):
        dispatcher = lanes.ChunkDispatcher(_StandInChannel(), "batch", [], None)
        dispatcher.close()
        dispatcher.submit(self.request(1))
        self.assertEqual(self.replies[1]["kind"], "cancelled")


if __name__ == "__main__":
    unittest.main()
