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
from snowpark_local.channel import LoneSurrogateError  # noqa: E402
from snowpark_local.plain_json import LARGE_STR, attach_plain_json, encode_return_value, is_plain_json  # noqa: E402
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


def attached_text(tagged):
    """The reference and the JSON text Node gets for a {"$t": "json"} return value."""
    params, attachments = attach_plain_json({"ok": True, "value": tagged})
    reference = params["value"]
    offset, size = reference["data"]
    text = attachments[0][offset:offset + size].decode("utf-8")
    return reference, ('"' + text + '"' if reference["$a"] == "str" else text)


def javascript_stringify(value):
    """JSON.stringify of a parsed value, for values without floats: a JavaScript object lists
    integer-like keys first, in ascending order, then the others in insertion order."""
    if isinstance(value, dict):
        index_keys = sorted((key for key in value if key.isdigit() and str(int(key)) == key), key=int)
        keys = index_keys + [key for key in value if key not in index_keys]
        return "{" + ",".join(json.dumps(key, ensure_ascii=False) + ":" + javascript_stringify(value[key])
                              for key in keys) + "}"
    if isinstance(value, list):
        return "[" + ",".join(map(javascript_stringify, value)) + "]"
    return json.dumps(value, ensure_ascii=False)


class PlainJsonTest(unittest.TestCase):
    def assert_same_as_tagged(self, value):
        fast = encode_return_value(value)
        self.assertEqual(fast["$t"], "json")
        self.assertIs(fast["v"], value)
        expected = node_untag(over_the_channel(encode(value)))
        reference, text = attached_text(fast)
        self.assertEqual(json.dumps(json.loads(text, parse_int=float)), json.dumps(expected))
        if fast["exact"]:
            self.assertEqual(text, javascript_stringify(json.loads(text)), "exact, so Node may print it as it is")

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
        self.assertEqual(json.loads(attached_text(encode_return_value((1, ("a",))))[1]), [1, ["a"]])

    def test_exact_only_without_floats_and_integer_like_keys(self):
        # Python prints 1.0 and 1e+16 where JavaScript prints 1 and 10000000000000000, and a
        # JavaScript object puts "10" before "a": such values are re-printed on the Node side.
        for value, exact in [
            ([{"id": 1, "name": "n"}], True), ({"a": [1, "ż", None, True]}, True), ([2**53 - 1], True),
            ([1, 1.0], False), ({"a": {"b": [1e16]}}, False), ([-0.0], False),
            ({"a": 1, "10": 2}, False), ([{"x": {"0": 1}}], False), ({"a1": 1, "1a": 2, "": 3}, True),
        ]:
            with self.subTest(value=value):
                self.assertEqual(encode_return_value(value)["exact"], exact)
                self.assert_same_as_tagged(value)

    def test_a_long_str_travels_as_bare_utf8_unless_json_escapes_something_in_it(self):
        for start, kind in [("x", "str"), ("żółć 🚀 \u2028 \x7f", "str"),
                            ('a "quote"', "json"), ("back\\slash", "json"), ("new\nline \x00", "json")]:
            value = start + "-" * LARGE_STR
            with self.subTest(value=start):
                tagged = encode_return_value(value)
                self.assertEqual(tagged, {"$t": "json", "v": value, "exact": True})
                reference, text = attached_text(tagged)
                self.assertEqual(reference["$a"], kind)
                self.assertEqual(text, json.dumps(value, ensure_ascii=False))

    def test_a_lone_surrogate_cannot_be_attached(self):
        for value in ("bad \udc00" * LARGE_STR, ["bad \udc00"]):
            with self.subTest(value=value), self.assertRaises(LoneSurrogateError):
                attach_plain_json({"ok": True, "value": encode_return_value(value)})

    def test_other_finishes_are_sent_as_they_are(self):
        for finish in ({"ok": True, "value": 7}, {"ok": True, "value": {"$t": "object", "v": {}}},
                       {"ok": True, "dataframeSql": "select 1"}, {"ok": False, "error": {"message": "m"}}):
            self.assertEqual(attach_plain_json(finish), (finish, ()))

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
        for value in (None, True, 7, 1.5, "x" * (LARGE_STR - 1), 2**60, math.nan, Decimal("2")):
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
