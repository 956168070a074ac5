import base64
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401  (puts the shim on sys.path)

from snowpark_local.binary_columns import decode_binary_column, is_binary_column
from snowpark_local.values import decode_columns


def column(code, values, nulls=()):
    raw = struct.pack("<%d%s" % (len(values), code), *values)
    return {"$b": code, "v": base64.b64encode(raw).decode(), "nulls": list(nulls)}


class BinaryColumnTest(unittest.TestCase):
    def test_integers_stay_exact_beyond_2_53(self):
        values = [0, -1, 2 ** 63 - 1, -(2 ** 63)]
        self.assertEqual(decode_binary_column(column("q", values)), values)

    def test_nulls_are_put_back_in_their_rows(self):
        self.assertEqual(decode_binary_column(column("i", [1, 0, 3], nulls=[1])), [1, None, 3])

    def test_doubles_keep_nan_and_infinity(self):
        decoded = decode_binary_column(column("d", [0.5, float("inf"), float("nan")]))
        self.assertEqual(decoded[:2], [0.5, float("inf")])
        self.assertNotEqual(decoded[2], decoded[2])

    def test_decode_columns_skips_type_decoders_for_binary_columns(self):
        columns = [{"name": "A", "type": "NUMBER(38,0)"}, {"name": "F", "type": "FLOAT"}, {"name": "S", "type": "VARCHAR"}]
        data = [column("q", [1, 2]), column("d", [1.0, 2.5]), ["x", None]]
        decoded = decode_columns(columns, data)
        self.assertEqual(decoded, [[1, 2], [1.0, 2.5], ["x", None]])
        self.assertIsInstance(decoded[1][0], float)

    def test_plain_lists_are_not_binary(self):
        self.assertFalse(is_binary_column([1, 2]))
        self.assertFalse(is_binary_column({"$t": "object", "v": {}}))


if __name__ == "__main__":
    unittest.main()
