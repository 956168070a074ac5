"""Where a joblib batch's chunks go from the handler: straight to the pool workers Node
leased to the batch ("lanes"), or relayed through Node (``tasks.submit``) when it had fewer
idle workers than the batch's n_jobs.

A lane is a socket to one worker (task_worker.py, lane_listener.py), opened with a one-time
token: the handler sends a chunk's pickle there, and the worker sends back its results. Node
hears a small record of each chunk from the worker afterwards, so its main thread is off the
data path: with tiny tasks, crossing it twice per chunk cost more than the tasks (bench/README,
"direct lanes").

Each lane has its own reader thread. joblib's completion callback is not thread-safe (it
counts finished tasks with ``+=``), so callbacks run one at a time, as on loky's single result
thread. If a lane closes with chunks in flight, the worker was killed (a cancel) or died (a
crash): Node knows which, and ``tasks.lane.lost`` asks it.
"""

import base64
import collections
import socket
import threading

from snowpark_local import channel_address
from snowpark_local.parallel.frames import FrameSocket

#: A lane whose last chunk ran shorter than this gets the next chunk behind its current one,
#: so that its worker starts it as the current one ends (twin of SEND_AHEAD_BELOW_MS in
#: taskPool.ts). Long chunks never wait behind another: the first free lane takes them.
PIPELINE_BELOW_MS = 20.0
#: Only chunks this small go behind another. Their frame then fits in the socket's buffer
#: whatever the worker is doing, so a callback sending one never blocks on a busy worker (whose
#: own reply may be waiting for that callback's lock).
PIPELINE_PAYLOAD_LIMIT = 64 * 1024

_RELAY = object()


class ChunkRequest:
    """One joblib batch of calls: ``on_reply(reply)`` gets a dict with ``ok`` and either the
    pickled results (``data`` bytes, or base64 ``payload`` when relayed) or the failure."""

    __slots__ = ("chunk", "start", "count", "functions", "payload", "on_reply")

    def __init__(self, chunk, start, count, functions, payload, on_reply):
        self.chunk = chunk
        self.start = start
        self.count = count
        self.functions = functions
        self.payload = payload
        self.on_reply = on_reply

    def describe(self):
        described = {"chunk": self.chunk, "start": self.start, "count": self.count}
        if self.functions is not None:
            described["functions"] = self.functions
        return described


class _Lane:
    __slots__ = ("number", "pid", "socket", "frames", "in_flight", "last_ms")

    def __init__(self, number, pid, sock):
        self.number = number
        self.pid = pid
        self.socket = sock
        self.frames = FrameSocket(sock)
        self.in_flight = {}
        self.last_ms = None


class ChunkDispatcher:
    """The chunks of one joblib batch (one Parallel call), over lanes and the relay."""

    def __init__(self, channel, batch_id, offers, relay_slots):
        self._channel = channel
        self._batch_id = batch_id
        self._lock = threading.Lock()
        self._callback_lock = threading.RLock()
        self._queue = collections.deque()
        #: How many relayed chunks may be in flight at once; None: as many as joblib sends.
        self._relay_slots = relay_slots
        self._relayed = 0
        self._lanes = []
        self._closing = False
        unconnected = []
        for offer in offers:
            lane = self._connect(offer)
            if lane is None:
                unconnected.append(offer.get("lane"))
                if self._relay_slots is not None:
                    self._relay_slots += 1
                continue
            self._lanes.append(lane)
            threading.Thread(target=self._read_lane, args=(lane,), daemon=True,
                             name="snowpark-local-lane-{}".format(lane.number)).start()
        if unconnected:
            # Their workers wait for us in accept(): Node ends those leases now, and runs
            # their share of the batch relayed.
            channel.notify("tasks.lanes.unused", {"batchId": batch_id, "lanes": unconnected})

    @property
    def closing(self):
        return self._closing

    def submit(self, request):
        with self._lock:
            closing = self._closing
            if not closing:
                self._queue.append(request)
                sends = self._take_runnable()
        if closing:
            self._deliver(request, {"ok": False, "kind": "cancelled", "message": "The joblib batch has ended."})
            return
        self._send_each(sends)

    def reject(self, request, error):
        """A chunk that could not be pickled never runs; Node still records its tasks, failed
        with the reason, and joblib gets the error itself."""
        params = dict(request.describe(), batchId=self._batch_id, rejected=str(error))
        reply = {"ok": False, "kind": "rejected", "message": str(error), "error": error}
        self._channel.call_async("tasks.submit", params, lambda _result, _error: self._deliver(request, reply))

    def abort(self):
        """Sends nothing more (joblib gave up on the batch); chunks in flight run out."""
        with self._lock:
            self._closing = True

    def close(self):
        """Ends the lanes (each worker finishes what it holds, then serves Node again) and
        returns the chunks never sent, for their rows in the Jobs tree."""
        with self._lock:
            self._closing = True
            unsent = [request.describe() for request in self._queue]
            self._queue.clear()
            lanes = list(self._lanes)
        for lane in lanes:
            try:
                lane.socket.shutdown(socket.SHUT_WR)
            except OSError:
                pass
        return unsent

    # ------------------------------------------------------------------ scheduling (under _lock)

    def _take_runnable(self):
        sends = []
        while self._queue and not self._closing:
            target = self._choose(self._queue[0])
            if target is None:
                break
            request = self._queue.popleft()
            if target is _RELAY:
                self._relayed += 1
            else:
                target.in_flight[request.chunk] = request
            sends.append((target, request))
        return sends

    def _choose(self, request):
        for lane in self._lanes:
            if not lane.in_flight:
                return lane
        if self._relay_slots is None or self._relayed < self._relay_slots:
            return _RELAY
        if len(request.payload) <= PIPELINE_PAYLOAD_LIMIT:
            for lane in self._lanes:
                if len(lane.in_flight) == 1 and lane.last_ms is not None and lane.last_ms < PIPELINE_BELOW_MS:
                    return lane
        return None

    # ------------------------------------------------------------------ sending and replies

    def _connect(self, offer):
        try:
            sock = channel_address.connect(offer["address"], "the task lane's address")
        except (OSError, ValueError, KeyError):
            return None
        try:
            sock.sendall(str(offer.get("token", "")).encode("utf-8"))
        except OSError:
            sock.close()
            return None
        return _Lane(offer.get("lane"), offer.get("pid"), sock)

    def _send(self, target, request):
        if target is _RELAY:
            params = dict(request.describe(), batchId=self._batch_id,
                          payload=base64.b64encode(request.payload).decode("ascii"))
            self._channel.call_async("tasks.submit", params, lambda result, error: self._relay_replied(request, result, error))
            return
        try:
            target.frames.write(dict(request.describe(), type="run"), request.payload)
        except OSError:
            pass  # the lane's reader sees it close and settles what it held

    def _send_each(self, sends):
        for target, request in sends:
            self._send(target, request)

    def _relay_replied(self, request, result, error):
        reply = result if error is None else {"ok": False, "kind": error.get("kind"), "message": error.get("message")}
        with self._lock:
            self._relayed -= 1
            sends = self._take_runnable()
        self._send_each(sends)
        self._deliver(request, reply)

    def _read_lane(self, lane):
        while True:
            try:
                message = lane.frames.read()
            except OSError:
                message = None
            if message is None:
                break
            header, payload = message
            with self._lock:
                request = lane.in_flight.pop(header.get("chunk"), None)
                lane.last_ms = header.get("computeMs")
                sends = self._take_runnable()
            # The next chunk first: the worker starts it while joblib looks at this one.
            self._send_each(sends)
            if request is not None:
                self._deliver(request, self._reply_of(lane, request, header, payload))
        self._lane_closed(lane)

    @staticmethod
    def _reply_of(lane, request, header, payload):
        if header.get("type") == "done":
            return {"ok": True, "data": payload, "computeMs": header.get("computeMs"), "worker": lane.pid}
        return {
            "ok": False,
            "kind": "exception",
            "errorType": header.get("errorType"),
            "message": header.get("message"),
            "traceback": header.get("traceback"),
            "data": payload,
            "index": request.start + int(header.get("failedAt") or 0),
            "worker": lane.pid,
        }

    def _lane_closed(self, lane):
        with self._lock:
            if lane in self._lanes:
                self._lanes.remove(lane)
            held = list(lane.in_flight.values())
            lane.in_flight.clear()
            # Its share of the batch goes back to the relay: Node runs it on another worker.
            if self._relay_slots is not None:
                self._relay_slots += 1
            sends = self._take_runnable()
        lane.socket.close()
        self._send_each(sends)
        if not held:
            return
        reply = self._why_lost(lane, held)
        for request in held:
            self._deliver(request, reply)

    def _why_lost(self, lane, held):
        """A cancel or a crash: Node saw its worker end, and says which."""
        try:
            answer = self._channel.call("tasks.lane.lost", {
                "batchId": self._batch_id,
                "lane": lane.number,
                "chunks": [request.describe() for request in held],
            })
            return {"ok": False, "kind": answer.get("kind") or "crashed", "message": answer.get("message")}
        except Exception as error:  # noqa: B902 - the run may be ending
            return {"ok": False, "kind": "crashed",
                    "message": "The task worker (pid {}) stopped while running tasks, and Snowpark Local could "
                               "not say why: {}".format(lane.pid, error)}

    def _deliver(self, request, reply):
        with self._callback_lock:
            request.on_reply(reply)
