"""A handler's return value sent as plain JSON when it already is plain JSON.

The general encoder (values.encode) walks every item in Python and wraps every dict as
``{"$t": "object"}``: for a list of 200k small dicts that walk alone took ~2 s. Most large
return values are lists and dicts of str, int, float, bool and None, which json.dumps writes
exactly in one C-level pass. So the value is checked level by level, each level's types in
one ``set(map(type, …))``, and travels as ``{"$t": "json", "v": value}`` when nothing in it
needs a tag; anything else takes the tagged path, so every value arrives exactly as before.

A plain-JSON value then leaves as its JSON text in a binary frame's attachment (attach_plain_json),
which the Node side keeps as bytes and parses only when something needs the value: the CLI's
``--json`` writes the text as it is when ``exact`` says JavaScript would print the same text
(no floats: Python writes ``1.0`` and ``1e+16`` where JavaScript writes ``1`` and
``10000000000000000``; no integer-like dict keys, which JavaScript objects put first).
"""

import math
from itertools import chain, compress, repeat
from operator import is_

from snowpark_local.channel import encode_json_text, encode_utf8
from snowpark_local.values import MAX_SAFE_INTEGER, encode

_CONTAINERS = (list, tuple, dict)
# Exact types only: subclasses (a Row is a tuple, an IntEnum an int) have their own encodings.
_PLAIN_TYPES = frozenset({type(None), bool, int, float, str, list, tuple, dict})
# Deeper values take the tagged path, which fails on them as it always has (RecursionError);
# this also ends the walk of a value that contains itself.
_MAX_LEVELS = 200
# A str this long (in characters) or longer travels as an attachment.
LARGE_STR = 64 * 1024
# The bytes json.dumps(ensure_ascii=False) and JavaScript's JSON.stringify both escape in a str.
_ESCAPED_IN_JSON = bytes(range(0x20)) + b'"\\'


def encode_return_value(value):
    """The TaggedValue for a handler's return value: ``{"$t": "json", "v": value, "exact": bool}``
    when that is exact (``exact``: see the module's docstring), else the tagged encoding."""
    if type(value) is str and len(value) >= LARGE_STR:
        # Sent as text (attach_plain_json), the CLI writes it with no decode, escape or encode;
        # a short one stays a str, the form every reader of a run's value knows best.
        return {"$t": "json", "v": value, "exact": True}
    if type(value) in _CONTAINERS:
        same_in_javascript = plain_json_check(value)
        if same_in_javascript is not None:
            return {"$t": "json", "v": value, "exact": same_in_javascript}
    return encode(value)


def attach_plain_json(finish):
    """run.finish params and attachments: a ``{"$t": "json"}`` value moved, as its UTF-8 JSON
    text, into the binary frame's attachment area (docs/channel-protocol.md, "Binary frames")
    and named there by a ``{"$a": "json"}`` reference; a str that JSON would not escape, as its
    bare UTF-8 bytes (``{"$a": "str"}``: no escaping pass, no quoted copy). Other params are
    sent as they are."""
    value = finish.get("value")
    if type(value) is not dict or value.get("$t") != "json":
        return finish, ()
    plain = value["v"]
    if type(plain) is str:
        utf8 = encode_utf8(plain)
        # One memchr per byte JSON escapes: ~4 ms for 8 MiB, where a regex search took ~30 ms.
        # (In UTF-8 a byte below 0x80 is always that ASCII character.)
        if not any(map(utf8.__contains__, _ESCAPED_IN_JSON)):
            return dict(finish, value={"$a": "str", "data": [0, len(utf8)]}), (utf8,)
    text = encode_json_text(plain)
    reference = {"$a": "json", "data": [0, len(text)], "exact": value["exact"]}
    return dict(finish, value=reference), (text,)


def is_plain_json(value):
    """True when json.dumps(value, allow_nan=False) gives exactly what the tagged path gives:
    only exact str/int/float/bool/None/list/tuple/dict, str keys, ints within ±(2^53 - 1)
    (JavaScript numbers), finite floats."""
    return plain_json_check(value) is not None


def plain_json_check(value):
    """None when ``value`` is not plain JSON (is_plain_json); else whether JavaScript's
    JSON.stringify(JSON.parse(text)) gives back json.dumps's text: no floats, no dict key
    that is all digits (integer-like keys come first in a JavaScript object)."""
    same_in_javascript = True
    level = [value]
    for _ in range(_MAX_LEVELS):
        types = set(map(type, level))
        if not types <= _PLAIN_TYPES:
            return None
        if int in types and not _safe_integers(_of_type(level, int, types)):
            return None
        if float in types:
            if not all(map(math.isfinite, _of_type(level, float, types))):
                return None
            same_in_javascript = False
        dicts = _of_type(level, dict, types) if dict in types else []
        if dicts:
            # The distinct keys: a list of 200k records has a handful.
            keys = set(chain.from_iterable(dicts))
            if not set(map(type, keys)) <= {str}:
                return None
            if same_in_javascript and any(map(str.isdigit, keys)):
                same_in_javascript = False
        items = list(chain(
            chain.from_iterable(_of_type(level, list, types)) if list in types else (),
            chain.from_iterable(_of_type(level, tuple, types)) if tuple in types else (),
            chain.from_iterable(map(dict.values, dicts)),
        ))
        if not items:
            return same_in_javascript
        level = items
    return None


def _of_type(level, wanted, types):
    if len(types) == 1:
        return level
    return list(compress(level, map(is_, map(type, level), repeat(wanted))))


def _safe_integers(integers):
    return -MAX_SAFE_INTEGER <= min(integers) and max(integers) <= MAX_SAFE_INTEGER
