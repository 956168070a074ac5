"""Batch sizing for joblib's batch_size='auto' on the TaskPool, from the tasks' run times."""

import os
import sys
import unittest

SHIM_ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "src", "python")
if SHIM_ROOT not in sys.path:
    sys.path.insert(0, SHIM_ROOT)

from snowpark_local.parallel.batch_sizing import AdaptiveBatchSize  # noqa: E402


def settle(sizing, task_ms, rounds=10):
    """Runs chunks of the size asked for, each task taking task_ms, and returns the sizes."""
    sizes = []
    for _ in range(rounds):
        size = sizing.next_size()
        sizes.append(size)
        sizing.completed(size, size * task_ms)
    return sizes


class AdaptiveBatchSizeTest(unittest.TestCase):
    def test_starts_at_one_until_a_chunk_has_run(self):
        sizing = AdaptiveBatchSize(target_ms=50, growth=8)
        self.assertEqual([sizing.next_size() for _ in range(5)], [1] * 5)

    def test_tiny_tasks_grow_step_by_step_up_to_the_target(self):
        self.assertEqual(settle(AdaptiveBatchSize(target_ms=50, growth=8), 0.001, 7), [1, 8, 64, 512, 4096, 32768, 50000])

    def test_one_ms_tasks_end_up_in_batches_of_about_the_target(self):
        self.assertEqual(settle(AdaptiveBatchSize(target_ms=50, growth=8), 1.0, 5), [1, 8, 50, 50, 50])

    def test_slow_tasks_stay_one_by_one(self):
        self.assertEqual(settle(AdaptiveBatchSize(target_ms=50, growth=8), 200.0, 5), [1] * 5)

    def test_grows_only_once_per_chunk_of_the_current_size(self):
        sizing = AdaptiveBatchSize(target_ms=50, growth=8)
        sizing.completed(1, 0.001)
        # joblib asks at every dispatch: without a new chunk of size 8 back, it stays 8.
        self.assertEqual([sizing.next_size() for _ in range(4)], [8, 8, 8, 8])
        sizing.completed(1, 0.001)  # a chunk of the old size proves nothing about size 8
        self.assertEqual(sizing.next_size(), 8)
        sizing.completed(8, 0.008)
        self.assertEqual(sizing.next_size(), 64)

    def test_shrinks_at_once_when_tasks_get_slow(self):
        sizing = AdaptiveBatchSize(target_ms=50, growth=8)
        settle(sizing, 0.01, 4)
        self.assertEqual(sizing.size, 512)
        sizing.completed(512, 512 * 5.0)  # the tasks now take 5 ms each
        self.assertEqual(sizing.next_size(), 10)

    def test_a_chunk_within_twice_the_target_keeps_its_size(self):
        sizing = AdaptiveBatchSize(target_ms=50, growth=8)
        settle(sizing, 1.0, 4)
        sizing.completed(50, 90.0)
        self.assertEqual(sizing.next_size(), 50)


if __name__ == "__main__":
    unittest.main()
