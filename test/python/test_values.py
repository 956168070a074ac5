import datetime
import math
import os
import sys
import unittest
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401

from snowflake.snowpark.row import Row  # noqa: E402
from snowpark_local.values import column_decoder, decode, decode_columns, encode  # noqa: E402

UTC_PLUS_1 = datetime.timezone(datetime.timedelta(hours=1))


class EncodeTest(unittest.TestCase):
    def test_json_native_values_carry_themselves(self):
        for value in (None, True, False, 0, -7, 2**53 - 1, 1.5, "text", ""):
            self.assertEqual(encode(value), value)
            self.assertIs(type(encode(value)), type(value))

    def test_large_integers_are_tagged(self):
        self.assertEqual(encode(2**53), {"$t": "int", "v": str(2**53)})
        self.assertEqual(encode(-(2**70)), {"$t": "int", "v": str(-(2**70))})

    def test_special_floats_are_tagged(self):
        self.assertEqual(encode(math.nan), {"$t": "float", "v": "NaN"})
        self.assertEqual(encode(math.inf), {"$t": "float", "v": "inf"})
        self.assertEqual(encode(-math.inf), {"$t": "float", "v": "-inf"})

    def test_tagged_scalars(self):
        self.assertEqual(encode(Decimal("12.50")), {"$t": "decimal", "v": "12.50"})
        self.assertEqual(encode(Decimal("1E+2")), {"$t": "decimal", "v": "100"})
        self.assertEqual(encode(datetime.date(2024, 1, 31)), {"$t": "date", "v": "2024-01-31"})
        self.assertEqual(encode(datetime.time(13, 45, 0, 123456)), {"$t": "time", "v": "13:45:00.123456"})
        self.assertEqual(encode(datetime.datetime(2024, 1, 31, 13, 45, 0, 123456)),
                         {"$t": "timestamp", "v": "2024-01-31 13:45:00.123456"})
        self.assertEqual(encode(datetime.datetime(2024, 1, 31, 13, 45, tzinfo=UTC_PLUS_1)),
                         {"$t": "timestamp_tz", "v": "2024-01-31 13:45:00.000000+01:00"})
        self.assertEqual(encode(b"\x00\xff"), {"$t": "bytes", "v": "AP8="})
        self.assertEqual(encode(bytearray(b"ab")), {"$t": "bytes", "v": "YWI="})

    def test_containers(self):
        self.assertEqual(encode([1, (2, Decimal("3.0"))]), [1, [2, {"$t": "decimal", "v": "3.0"}]])
        self.assertEqual(encode({"a": {"$t": "x"}}), {"$t": "object", "v": {"a": {"$t": "object", "v": {"$t": "x"}}}})
        self.assertEqual(encode({1: "x", None: "y"}), {"$t": "object", "v": {"1": "x", "null": "y"}})

    def test_named_row_is_an_object_and_unnamed_row_a_list(self):
        self.assertEqual(encode(Row(A=1, B="x")), {"$t": "object", "v": {"A": 1, "B": "x"}})
        self.assertEqual(encode(Row(1, 2)), [1, 2])

    def test_unsupported_type_names_the_type(self):
        with self.assertRaises(TypeError) as caught:
            encode({1, 2})
        self.assertIn("'set'", str(caught.exception))
        with self.assertRaises(TypeError) as caught:
            encode(object())
        self.assertIn("'object'", str(caught.exception))


class RoundTripTest(unittest.TestCase):
    def test_every_tag_round_trips(self):
        values = [
            None, True, 3, -2**64, 2.25, "s", Decimal("-0.001"), datetime.date(1999, 12, 31),
            datetime.time(0, 0, 1, 5), datetime.datetime(2024, 2, 29, 23, 59, 59, 999999),
            datetime.datetime(2024, 2, 29, 1, 2, 3, tzinfo=UTC_PLUS_1), b"\x01\x02",
            [1, [2, None]], {"k": [Decimal("1.5")], "$t": "not a tag"},
        ]
        for value in values:
            self.assertEqual(decode(encode(value)), value, value)
            self.assertIs(type(decode(encode(value))), type(value))
        self.assertTrue(math.isnan(decode(encode(math.nan))))
        self.assertEqual(decode(encode(-math.inf)), -math.inf)
        self.assertEqual(decode(encode((1, 2))), [1, 2])

    def test_aware_timestamp_keeps_its_offset(self):
        value = decode({"$t": "timestamp_tz", "v": "2024-01-31 13:45:00.123456+01:00"})
        self.assertEqual(value.utcoffset(), datetime.timedelta(hours=1))

    def test_unknown_tag_is_an_error(self):
        with self.assertRaises(ValueError):
            decode({"$t": "nope", "v": 1})


class ColumnDecoderTest(unittest.TestCase):
    def decode_one(self, column_type, values):
        return decode_columns([{"name": "C", "type": column_type}], [values])[0]

    def test_integer_columns(self):
        self.assertEqual(self.decode_one("NUMBER(38,0)", [1, None, "123456789012345678901"]),
                         [1, None, 123456789012345678901])
        self.assertEqual(self.decode_one("NUMBER(38,0)", [1, 2]), [1, 2])

    def test_decimal_columns(self):
        decoded = self.decode_one("NUMBER(10,2)", ["12.50", None])
        self.assertEqual(decoded, [Decimal("12.50"), None])
        self.assertIs(type(decoded[0]), Decimal)
        self.assertEqual(self.decode_one("DECIMAL(5, 1)", ["1.5"]), [Decimal("1.5")])

    def test_float_columns_become_floats(self):
        decoded = self.decode_one("FLOAT", [1, 2.5, None, "inf", "-inf"])
        self.assertEqual(decoded[:2], [1.0, 2.5])
        self.assertIs(type(decoded[0]), float)
        self.assertEqual(decoded[2:], [None, math.inf, -math.inf])
        self.assertTrue(math.isnan(self.decode_one("FLOAT", ["NaN"])[0]))
        self.assertEqual([type(v) for v in self.decode_one("DOUBLE", [1, 2])], [float, float])

    def test_clock_columns(self):
        self.assertEqual(self.decode_one("DATE", ["2024-01-31", None]), [datetime.date(2024, 1, 31), None])
        self.assertEqual(self.decode_one("TIME(9)", ["13:45:00.123456789"]), [datetime.time(13, 45, 0, 123456)])
        self.assertEqual(self.decode_one("TIMESTAMP_NTZ(9)", ["2024-01-31 13:45:00.1"]),
                         [datetime.datetime(2024, 1, 31, 13, 45, 0, 100000)])
        aware = self.decode_one("TIMESTAMP_TZ", ["2024-01-31 13:45:00.123456+01:00"])[0]
        self.assertEqual(aware, datetime.datetime(2024, 1, 31, 13, 45, 0, 123456, tzinfo=UTC_PLUS_1))
        self.assertEqual(self.decode_one("TIMESTAMP_LTZ", ["2024-01-31 12:45:00Z"])[0], aware.replace(microsecond=0))

    def test_binary_and_passthrough_columns(self):
        self.assertEqual(self.decode_one("BINARY", ["AP8=", None]), [b"\x00\xff", None])
        text = '{\n  "a": 1\n}'
        for kind in ("VARIANT", "OBJECT", "ARRAY", "VARCHAR(16777216)", "BOOLEAN"):
            self.assertIsNone(column_decoder(kind), kind)
        self.assertEqual(self.decode_one("VARIANT", [text]), [text])
        self.assertEqual(self.decode_one("BOOLEAN", [True, None]), [True, None])


if __name__ == "__main__":
    unittest.main()
