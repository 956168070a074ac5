import json
import socket
import os
import struct
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import FakeNodeServer, frame, read_binary_message  # noqa: E402

from snowflake.snowpark.exceptions import SnowparkSQLException  # noqa: E402
from snowpark_local.channel import Channel, ChannelClosedError, connect  # noqa: E402


def fake_read(wire):
    return read_binary_message(wire[4:])


def echo(request, reply):
    reply({"id": request["id"], "result": {"method": request["method"], "params": request["params"]}})


class ChannelTestCase(unittest.TestCase):
    def serve(self, handle, **options):
        server = FakeNodeServer(handle)
        self.addCleanup(server.close)
        channel = connect(server.address, **options)
        self.addCleanup(channel.close)
        return server, channel


class FramingTest(ChannelTestCase):
    def test_request_frame_on_the_wire(self):
        server, channel = self.serve(echo)
        result = channel.call("query.status", {"queryId": "q1", "text": "é"})
        self.assertEqual(result, {"method": "query.status", "params": {"queryId": "q1", "text": "é"}})
        self.assertEqual(server.requests, [{"id": 1, "method": "query.status", "params": {"queryId": "q1", "text": "é"}}])

    def test_exact_bytes_both_ways(self):
        ours, theirs = socket.socketpair()
        self.addCleanup(theirs.close)
        channel = Channel(ours)
        self.addCleanup(channel.close)
        reply = json.dumps({"id": 1, "result": {"status": "SUCCESS"}}).encode()
        # The reply arrives split across writes, the header itself in two pieces.
        wire = struct.pack(">I", len(reply)) + reply

        def answer():
            received = theirs.recv(4096)
            answers.append(received)
            for piece in (wire[:2], wire[2:7], wire[7:]):
                theirs.sendall(piece)
                time.sleep(0.01)

        answers = []
        server = threading.Thread(target=answer)
        server.start()
        self.assertEqual(channel.call("query.status", {"queryId": "ü"}), {"status": "SUCCESS"})
        server.join(5)
        payload = '{"id":1,"method":"query.status","params":{"queryId":"ü"}}'.encode("utf-8")
        self.assertEqual(answers[0], struct.pack(">I", len(payload)) + payload)

    def test_attachments_make_a_binary_frame_on_the_wire(self):
        ours, theirs = socket.socketpair()
        self.addCleanup(theirs.close)
        channel = Channel(ours)
        self.addCleanup(channel.close)
        received = bytearray()

        def answer():
            while len(received) < 4 or len(received) < 4 + struct.unpack_from(">I", received)[0]:
                received.extend(theirs.recv(65536))
            reply = b'{"id":1,"result":{}}'
            theirs.sendall(struct.pack(">I", len(reply)) + reply)

        server = threading.Thread(target=answer)
        server.start()
        text = "żółć".encode("utf-8") * 30000
        self.assertEqual(channel.call("run.finish", {"value": {"$a": "str", "data": [0, len(text)]}},
                                      attachments=[text]), {})
        server.join(5)
        header = '{"id":1,"method":"run.finish","params":{"value":{"$a":"str","data":[0,%d]}}}' % len(text)
        header = header.encode("utf-8")
        (body_length,) = struct.unpack_from(">I", received)
        self.assertEqual(body_length, len(received) - 4)
        self.assertEqual(received[4], 0, "the binary mark")
        self.assertEqual(struct.unpack_from(">I", received, 5)[0], len(header))
        self.assertEqual(bytes(received[9:9 + len(header)]), header)
        area = (5 + len(header) + 7) & ~7
        self.assertEqual(set(received[9 + len(header):4 + area]), {0} if area > 5 + len(header) else set(),
                         "zero padding up to a multiple of 8")
        self.assertEqual(bytes(received[4 + area:4 + area + len(text)]), text)
        self.assertEqual(fake_read(bytes(received)), {"id": 1, "method": "run.finish",
                                                      "params": {"value": {"$t": "json", "v": "żółć" * 30000}}})

    def test_large_reply_and_several_frames_in_one_write(self):
        big = "x" * 300000

        def handle(request, reply):
            if request["method"] == "big":
                reply({"id": request["id"], "result": big})

        server, channel = self.serve(handle)
        self.assertEqual(channel.call("big", {}), big)
        # Two replies arrive in one write: the second must wait in the buffer for its caller.
        results = {}

        def pair(request, reply):
            if request["method"] == "second":
                server.send_raw(frame({"id": request["id"] - 1, "result": "one"}) +
                                frame({"id": request["id"], "result": "two"}))

        server._handle = pair
        first = threading.Thread(target=lambda: results.update(first=channel.call("first", {})))
        first.start()
        while len(server.requests) < 2:
            time.sleep(0.001)
        results["second"] = channel.call("second", {})
        first.join(5)
        self.assertEqual(results, {"first": "one", "second": "two"})

    def test_error_replies_become_exceptions(self):
        def handle(request, reply):
            kind = request["params"]["kind"]
            reply({"id": request["id"], "error": {"kind": kind, "message": "bad " + kind, "queryId": "q9"}})

        server, channel = self.serve(handle)
        with self.assertRaises(SnowparkSQLException) as caught:
            channel.call("query.result", {"kind": "sql"}, query="select 1")
        self.assertEqual((caught.exception.sfqid, caught.exception.query), ("q9", "select 1"))
        with self.assertRaises(SnowparkSQLException):
            channel.call("query.result", {"kind": "cancelled"})
        with self.assertRaises(ValueError):
            channel.call("query.result", {"kind": "usage"})
        with self.assertRaises(RuntimeError):
            channel.call("query.result", {"kind": "internal"})

    def test_closed_channel_raises_a_clear_error_and_reports_it(self):
        closed = []

        def hang_up(request, reply):
            server.connection.close()

        server, channel = self.serve(hang_up, on_closed=closed.append)
        with self.assertRaises(ChannelClosedError) as caught:
            channel.call("query.status", {"queryId": "q"})
        self.assertIn("gone away", str(caught.exception))
        self.assertEqual(len(closed), 1)
        with self.assertRaises(ChannelClosedError):
            channel.call("query.status", {"queryId": "q"})


class MultiplexingTest(ChannelTestCase):
    def test_two_threads_get_their_own_replies_out_of_order(self):
        held = {}
        both_arrived = threading.Event()

        def handle(request, reply):
            held[request["method"]] = request
            if len(held) == 2:
                both_arrived.set()
                # Answer the later request first, then the earlier one.
                for method in ("status", "result"):
                    reply({"id": held[method]["id"], "result": method + ":" + held[method]["params"]["who"]})

        server, channel = self.serve(handle)
        results = {}
        blocking = threading.Thread(target=lambda: results.update(result=channel.call("result", {"who": "a"})))
        blocking.start()
        while not held:
            time.sleep(0.001)
        results["status"] = channel.call("status", {"who": "b"})
        blocking.join(5)
        self.assertTrue(both_arrived.is_set())
        self.assertEqual(results, {"result": "result:a", "status": "status:b"})

    def test_blocked_call_does_not_hold_up_other_calls(self):
        pending = []

        def handle(request, reply):
            if request["method"] == "query.result":
                pending.append(request)
            else:
                reply({"id": request["id"], "result": {"status": "RUNNING"}})

        server, channel = self.serve(handle)
        results = []
        waiter = threading.Thread(target=lambda: results.append(channel.call("query.result", {"queryId": "q"})))
        waiter.start()
        while not pending:
            time.sleep(0.001)
        # The waiting thread is the reader now; these calls must still be answered.
        for _ in range(20):
            self.assertEqual(channel.call("query.status", {"queryId": "q"}), {"status": "RUNNING"})
        self.assertEqual(results, [])
        server.send({"id": pending[0]["id"], "result": "done"})
        waiter.join(5)
        self.assertEqual(results, ["done"])

    def test_many_threads(self):
        server, channel = self.serve(echo)
        failures = []

        def worker(number):
            for index in range(30):
                params = {"n": number, "i": index}
                if channel.call("m", params)["params"] != params:
                    failures.append(params)

        threads = [threading.Thread(target=worker, args=(number,)) for number in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(10)
        self.assertEqual(failures, [])
        self.assertEqual(len(server.requests), 180)


if __name__ == "__main__":
    unittest.main()
