import enum
import json
import math
import os
import sys
import unittest
from collections import OrderedDict, namedtuple
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401

from snowflake.snowpark.row import Row  # noqa: E402
from snowpark_local.plain_json import encode_return_value, is_plain_json  # noqa: E402
from snowpark_local.values import encode  # noqa: E402


def node_untag(tagged):
    """What the Node side's untag (src/core/runner/taggedValues.ts) makes of a TaggedValue."""
    if isinstance(tagged, list):
        return [node_untag(item) for item in tagged]
    if isinstance(tagged, dict):
        if tagged["$t"] == "object":
            return {key: node_untag(item) for key, item in tagged["v"].items()}
        return tagged["v"]
    return tagged


def over_the_channel(tagged):
    # As channel.py sends it and Node's JSON.parse reads it (a JS number is a double).
    text = json.dumps(tagged, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return json.loads(text, parse_int=float)


class PlainJsonTest(unittest.TestCase):
    def assert_same_as_tagged(self, value):
        fast = encode_return_value(value)
        self.assertEqual(fast, {"$t": "json", "v": value})
        expected = node_untag(over_the_channel(encode(value)))
        got = node_untag(over_the_channel(fast))
        self.assertEqual(json.dumps(got), json.dumps(expected))

    def test_plain_values_arrive_as_the_tagged_path_gives_them(self):
        cases = [
            [{"id": i, "name": "n%d" % i} for i in range(1000)],
            {"nested": {"list": [1, 2.5, None, True, False, "x"], "tuple": (1, (2, 3))}},
            [2**53 - 1, -(2**53 - 1), 0, -0.0, 1.0, 1e300, 5e-324],
            {"$t": "object", "v": "not a tag", "k": {"$t": "int"}},
            ["żółć 🚀 \u2028 \x00 \x1f \"q\" \\", {"ключ": "值"}],
            [], {}, [[]], [{}], ((),),
            OrderedDict([("b", 1), ("a", 2)]),
        ]
        for value in cases:
            with self.subTest(value=repr(value)[:60]):
                if type(value) is OrderedDict:
                    # A dict subclass is not plain: it takes the tagged path, unchanged.
                    self.assertEqual(encode_return_value(value), encode(value))
                else:
                    self.assert_same_as_tagged(value)

    def test_tuples_arrive_as_lists(self):
        self.assertEqual(over_the_channel(encode_return_value((1, ("a",))))["v"], [1.0, ["a"]])

    def test_values_needing_tags_take_the_tagged_path(self):
        Point = namedtuple("Point", "x y")

        class Colour(enum.IntEnum):
            RED = 1

        class Text(str):
            pass

        cases = [
            [1, 2**53], [1, -(2**53)], [{"a": [10**30]}],
            [1.5, math.nan], {"a": {"b": [math.inf]}}, [-math.inf],
            [Decimal("1.5")], [b"bytes"], {1: "int key"}, {"a": {None: 1}}, {"a": {True: 1}},
            [Row(a=1)], [Point(1, 2)], [Colour.RED], [Text("t")], {"a": bytearray(b"x")},
        ]
        for value in cases:
            with self.subTest(value=repr(value)[:60]):
                self.assertFalse(is_plain_json(value))
                self.assertEqual(encode_return_value(value), encode(value))

    def test_scalars_stay_as_they_are(self):
        for value in (None, True, 7, 1.5, "x" * 100, 2**60, math.nan, Decimal("2")):
            self.assertEqual(encode_return_value(value), encode(value))

    def test_a_value_that_contains_itself_fails_as_before(self):
        loop = [1]
        loop.append(loop)
        self.assertFalse(is_plain_json(loop))
        with self.assertRaises(RecursionError):
            encode_return_value(loop)

    def test_very_deep_values_take_the_tagged_path(self):
        deep = current = []
        for _ in range(300):
            current.append([])
            current = current[0]
        self.assertFalse(is_plain_json(deep))
        shallow = [[[["x"]]]]
        self.assertTrue(is_plain_json(shallow))


if __name__ == "__main__":
    unittest.main()
