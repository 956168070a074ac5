"""The handler's task channel: replies and joblib's callbacks run on its reader thread."""

import io
import threading
import unittest
from contextlib import redirect_stderr

from fake_node import FakeNodeServer

from snowpark_local.parallel.task_channel import TaskChannel


def answer_everything(request, reply):
    # As ParallelTasks: every request gets a reply naming its id; hello gets {}.
    reply({"id": request["id"], "result": {"echo": request.get("params", {}).get("n")}})


class TaskChannelTest(unittest.TestCase):
    def setUp(self):
        self.server = FakeNodeServer(answer_everything)
        self.addCleanup(self.server.close)
        self.channel = TaskChannel(self.server.address, "token")
        # The handler's channel lives as long as its process; a test closes it itself.
        self.addCleanup(self.channel._socket.close)

    def test_hello_names_the_token_and_the_tasks_role(self):
        hello = self.server.requests[0]
        self.assertEqual(hello["method"], "worker.hello")
        self.assertEqual(hello["params"]["token"], "token")
        self.assertEqual(hello["params"]["role"], "tasks")

    def test_a_reply_callback_runs_on_the_reader_thread_and_may_send_the_next_request(self):
        # joblib's callback dispatches the next chunk from inside the reply to the last one.
        threads, echoed = set(), []
        finished = threading.Event()

        def on_reply(result, error):
            self.assertIsNone(error)
            threads.add(threading.current_thread().name)
            echoed.append(result["echo"])
            if len(echoed) < 50:
                self.channel.call_async("tasks.submit", {"n": len(echoed)}, on_reply)
            else:
                finished.set()

        self.channel.call_async("tasks.submit", {"n": 0}, on_reply)
        self.assertTrue(finished.wait(10), "the chain of 50 requests sent from callbacks stalled")
        self.assertEqual(echoed, list(range(50)))
        self.assertEqual(threads, {"snowpark-local-tasks-reader"})

    def test_a_blocking_call_from_a_callback_fails_at_once_and_later_replies_still_arrive(self):
        # A reply the reader thread itself would have to deliver: waiting would hang the run.
        failures = []
        tried = threading.Event()

        def on_reply(_result, _error):
            try:
                self.channel.call("tasks.batch.open", {})
            except RuntimeError as error:
                failures.append(str(error))
            finally:
                tried.set()

        self.channel.call_async("tasks.submit", {"n": 1}, on_reply)
        self.assertTrue(tried.wait(10))
        self.assertEqual(len(failures), 1)
        self.assertIn("tasks.batch.open", failures[0])
        self.assertIn("reader thread", failures[0])
        self.assertEqual(self.channel.call("tasks.submit", {"n": 2}, timeout=10), {"echo": 2})

    def test_a_callback_that_raises_is_reported_and_does_not_stop_the_replies_after_it(self):
        def broken(_result, _error):
            raise ValueError("callback bug")

        errors = io.StringIO()
        with redirect_stderr(errors):
            self.channel.call_async("tasks.submit", {"n": 1}, broken)
            self.assertEqual(self.channel.call("tasks.submit", {"n": 3}, timeout=10), {"echo": 3})
        self.assertIn("joblib callback failed", errors.getvalue())
        self.assertIn("callback bug", errors.getvalue())


if __name__ == "__main__":
    unittest.main()
