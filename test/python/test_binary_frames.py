import json
import os
import socket
import struct
import sys
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401  (puts the shim on sys.path)

from snowpark_local.binary_columns import MalformedFrameError  # noqa: E402
from snowpark_local.binary_frames import decode_binary_frame  # noqa: E402
from snowpark_local.channel import Channel, ChannelClosedError  # noqa: E402
from snowpark_local.values import decode_columns  # noqa: E402


def binary_body(message, attachments=b""):
    """A binary frame body as docs/channel-protocol.md describes it (no length prefix)."""
    header = json.dumps(message).encode("utf-8")
    start = 5 + len(header)
    padding = (-start) % 8
    return b"\0" + struct.pack(">I", len(header)) + header + b"\0" * padding + attachments


def result_with(column, attachments, column_type="NUMBER(38,0)"):
    body = binary_body({"id": 1, "result": {"columns": [{"name": "A", "type": column_type}],
                                            "data": [column], "rowCount": column.get("rows")}}, attachments)
    result = decode_binary_frame(body)["result"]
    return decode_columns(result["columns"], result["data"])[0]


class BinaryFrameTest(unittest.TestCase):
    def test_int64_with_a_null(self):
        data = struct.pack("<3q", 2 ** 63 - 1, 0, -(2 ** 63))
        column = {"$a": "q", "rows": 3, "data": [0, 24], "valid": [24, 3]}
        self.assertEqual(result_with(column, data + b"\1\0\1"), [2 ** 63 - 1, None, -(2 ** 63)])

    def test_texts_split_at_nul_and_by_offsets(self):
        block = "é\0\0😀".encode("utf-8")
        self.assertEqual(result_with({"$a": "str", "rows": 3, "data": [0, len(block)], "separated": True}, block,
                                     "VARCHAR"), ["é", "", "😀"])
        block = "a\0bc".encode("utf-8")
        offsets = struct.pack("<3I", 0, 3, 4)
        attachments = block + b"\0" * 4 + offsets
        self.assertEqual(result_with({"$a": "str", "rows": 2, "data": [0, 4], "offsets": [8, 12]}, attachments,
                                     "VARCHAR"), ["a\0b", "c"])

    def test_int128_decimals_stay_exact(self):
        value = -(10 ** 37) - 12345
        data = (value & (2 ** 128 - 1)).to_bytes(16, "little")
        column = {"$a": "decimal", "rows": 1, "data": [0, 16], "width": 16, "scale": 10}
        self.assertEqual(repr(result_with(column, data, "NUMBER(38,10)")), "[Decimal('-1000000000000000000000000000.0000012345')]")

    def test_binary_columns_are_found_wherever_the_header_holds_them(self):
        data = struct.pack("<2i", 7, 8)
        column = {"$a": "i", "rows": 2, "data": [0, 8]}
        # A column named "$a" puts the mark in the text outside any column header.
        body = binary_body({"id": 1, "result": {"columns": [{"name": "$a", "type": "NUMBER(38,0)"}],
                                                "data": [column], "rowCount": 2}}, data)
        result = decode_binary_frame(body)["result"]
        self.assertEqual(result["columns"][0]["name"], "$a")
        self.assertEqual(decode_columns(result["columns"], result["data"]), [[7, 8]])
        # A column header outside result.data is still resolved.
        message = decode_binary_frame(binary_body({"id": 2, "result": {"nested": {"col": column}}}, data))
        self.assertEqual(message["result"]["nested"]["col"].values(), [7, 8])
        # A JSON column beside a binary one, and a frame with no binary column at all.
        body = binary_body({"id": 3, "result": {"columns": [{"name": "A", "type": "NUMBER(38,0)"},
                                                            {"name": "B", "type": "VARCHAR"}],
                                                "data": [column, ["x", None]], "rowCount": 2}}, data)
        result = decode_binary_frame(body)["result"]
        self.assertEqual(decode_columns(result["columns"], result["data"]), [[7, 8], ["x", None]])
        self.assertEqual(decode_binary_frame(binary_body({"id": 4, "result": {"status": "ok"}})),
                         {"id": 4, "result": {"status": "ok"}})

    def test_a_range_outside_the_frame_is_a_clear_error(self):
        with self.assertRaisesRegex(MalformedFrameError, "outside the frame's 8 attachment bytes"):
            result_with({"$a": "q", "rows": 2, "data": [0, 16]}, b"\0" * 8)

    def test_row_count_mismatch_and_unknown_encoding_are_clear_errors(self):
        with self.assertRaisesRegex(MalformedFrameError, "holds 1 values, its header says 2 rows"):
            result_with({"$a": "q", "rows": 2, "data": [0, 8]}, b"\0" * 8)
        with self.assertRaisesRegex(MalformedFrameError, "unknown binary column encoding 'zz'"):
            result_with({"$a": "zz", "rows": 1, "data": [0, 8]}, b"\0" * 8)

    def test_descending_offsets_are_refused(self):
        offsets = struct.pack("<3I", 0, 3, 1)
        with self.assertRaisesRegex(MalformedFrameError, "do not ascend"):
            result_with({"$a": "str", "rows": 2, "data": [0, 3], "offsets": [8, 12]}, b"abc" + b"\0" * 5 + offsets,
                        "VARCHAR")

    def test_a_header_longer_than_the_frame_is_refused(self):
        with self.assertRaisesRegex(MalformedFrameError, "claims 100 bytes"):
            decode_binary_frame(b"\0" + struct.pack(">I", 100) + b"{}")


class ChannelBinaryFrameTest(unittest.TestCase):
    def channel_receiving(self, wire):
        ours, theirs = socket.socketpair()
        self.addCleanup(theirs.close)
        channel = Channel(ours)
        self.addCleanup(channel.close)

        def answer():
            theirs.recv(4096)
            theirs.sendall(wire)

        threading.Thread(target=answer, daemon=True).start()
        return channel

    def test_a_binary_reply_arrives_as_a_result(self):
        body = binary_body({"id": 1, "result": {"columns": [{"name": "A", "type": "FLOAT"}],
                                                "data": [{"$a": "d", "rows": 1, "data": [0, 8]}], "rowCount": 1}},
                           struct.pack("<d", 2.5))
        result = self.channel_receiving(struct.pack(">I", len(body)) + body).call("query.execute", {})
        self.assertEqual(decode_columns(result["columns"], result["data"]), [[2.5]])

    def test_an_oversized_frame_fails_the_channel_at_once(self):
        channel = self.channel_receiving(struct.pack(">I", 0xFFFFFFFF))
        with self.assertRaisesRegex(ChannelClosedError, "over the 1073741824-byte limit"):
            channel.call("query.execute", {})

    def test_a_malformed_binary_frame_fails_the_channel_with_its_reason(self):
        body = b"\0" + struct.pack(">I", 50) + b"{}"
        channel = self.channel_receiving(struct.pack(">I", len(body)) + body)
        with self.assertRaisesRegex(ChannelClosedError, "malformed frame .*claims 50 bytes"):
            channel.call("query.execute", {})


if __name__ == "__main__":
    unittest.main()
