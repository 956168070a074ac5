"""Binary frames (docs/channel-protocol.md, "Binary frames"), both ways.

A binary frame's body is a mark byte (0), a big-endian uint32 header length, a UTF-8 JSON
header, zero padding to a multiple of 8, then raw arrays the header points into. Query
results come this way: each column of the header's ``data`` is then a ``{"$a": …}`` object,
which becomes a BinaryColumn holding views into the frame (nothing is copied here). The other
way, a large return value leaves as JSON text in an attachment (plain_json.attach_plain_json).
"""

import json
import struct

from snowpark_local.binary_columns import BinaryColumn, MalformedFrameError

BINARY_FRAME_MARK = 0
_HEADER_LENGTH = struct.Struct(">I")
_decode_json = json.loads
_FRAME_START = struct.Struct(">IBI")
_ALIGN = 8
_ZEROS = bytes(_ALIGN)


def is_binary_frame(body):
    return len(body) > 0 and body[0] == BINARY_FRAME_MARK


def decode_binary_frame(body):
    view = memoryview(body)
    if len(view) < 5:
        raise MalformedFrameError("a binary frame of {} bytes is too short for its header".format(len(view)))
    (header_length,) = _HEADER_LENGTH.unpack_from(view, 1)
    header_end = 5 + header_length
    if header_end > len(view):
        raise MalformedFrameError("a binary frame's header claims {} bytes but the frame has {}".format(
            header_length, len(view) - 5))
    attachments = view[(header_end + 7) & ~7:]
    header = str(view[5:header_end], "utf-8")
    # The usual frame is a query result whose binary columns are the items of result.data:
    # the plain C decoder and a swap of those items is about 3x cheaper for a small result
    # than an object_hook called for every object. Any other "$a" in the text (a column
    # named "$a", a column header somewhere else) takes the general path.
    message = _decode_json(header)
    marks = header.count('"$a"')
    if not marks:
        return message
    data = _result_data(message)
    binary = [i for i, item in enumerate(data) if type(item) is dict and "$a" in item] if data else ()
    if len(binary) == marks:
        for i in binary:
            data[i] = BinaryColumn(data[i], attachments)
        return message

    def resolve(obj):
        return BinaryColumn(obj, attachments) if "$a" in obj else obj

    return json.loads(header, object_hook=resolve)


def _result_data(message):
    result = message.get("result") if type(message) is dict else None
    data = result.get("data") if type(result) is dict else None
    return data if type(data) is list else None


def binary_frame_pieces(header, attachments):
    """The pieces of one binary frame, to be written in order: the frame length, the mark,
    the header (UTF-8 JSON bytes) and its padding, then each attachment padded to the next
    multiple of 8. The attachments are not copied: a large one is written from where it is."""
    head_length = 1 + 4 + len(header)
    pieces = [b"", header, _padding(head_length)]
    body_length = head_length + len(pieces[2])
    for attachment in attachments:
        padding = _padding(len(attachment))
        pieces += [attachment, padding]
        body_length += len(attachment) + len(padding)
    pieces[0] = _FRAME_START.pack(body_length, BINARY_FRAME_MARK, len(header))
    return [piece for piece in pieces if piece]


def _padding(length):
    return _ZEROS[:-length % _ALIGN]
