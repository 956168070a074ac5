"""How many joblib calls go to a pool worker at once, when ``batch_size='auto'``.

loky's auto-batching times each batch from dispatch to result, round trip included, and at
most doubles the size per step. Our workers report each task's own run time, so the size
follows the tasks, not the plumbing: grow (up to ×GROWTH a step, since a first fast call
need not speak for the rest) while a chunk would finish well under TARGET_MS, shrink at once
when chunks get slower than twice that. A user's ``Parallel(batch_size=n)`` never asks us:
joblib only calls ``compute_batch_size`` for ``'auto'``.
"""

import threading

# A chunk's run time we aim for: long enough that the ~1 ms round trip per chunk is noise,
# short enough that the last chunks do not leave a worker idle for long.
TARGET_MS = 50.0
# Each step up waits for a chunk of the current size to come back: on a loaded machine that
# is 5-10 ms, so 10,000 tiny calls reach joblib's final split in three steps (1, 32, 1,024)
# instead of four at ×8. A chunk still never exceeds TARGET_MS at the rate measured so far.
GROWTH = 32


class AdaptiveBatchSize:
    def __init__(self, target_ms=TARGET_MS, growth=GROWTH):
        self._target_ms = target_ms
        self._growth = growth
        self._size = 1
        self._per_task_ms = None
        # joblib asks for a size at every dispatch: grow only once a chunk of the current
        # size has shown how it runs, or one fast reply would compound into a huge size.
        self._proven = False
        self._lock = threading.Lock()

    @property
    def size(self):
        return self._size

    def completed(self, count, compute_ms):
        """A chunk of ``count`` calls ran for ``compute_ms`` in its worker (tasks only)."""
        if count <= 0 or compute_ms is None:
            return
        per_task = max(float(compute_ms), 0.0) / count
        with self._lock:
            if count >= self._size:
                self._proven = True
            if self._per_task_ms is None or per_task > self._per_task_ms:
                # Slower tasks count at once: an oversized chunk is the costly mistake.
                self._per_task_ms = per_task
            else:
                self._per_task_ms = (self._per_task_ms + per_task) / 2

    def next_size(self):
        with self._lock:
            if self._per_task_ms is None:
                return self._size
            ideal = max(1, int(self._target_ms / max(self._per_task_ms, 1e-6)))
            if ideal > self._size and self._proven:
                self._size = min(self._size * self._growth, ideal)
                self._proven = False
            elif ideal * 2 < self._size:
                self._size = ideal
                self._proven = False
            return self._size
