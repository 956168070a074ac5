"""A handler's return value sent as plain JSON when it already is plain JSON.

The general encoder (values.encode) walks every item in Python and wraps every dict as
``{"$t": "object"}``: for a list of 200k small dicts that walk alone took ~2 s. Most large
return values are lists and dicts of str, int, float, bool and None, which json.dumps writes
exactly in one C-level pass. So the value is checked level by level, each level's types in
one ``set(map(type, …))``, and travels as ``{"$t": "json", "v": value}`` when nothing in it
needs a tag; anything else takes the tagged path, so every value arrives exactly as before.
"""

import math
from itertools import chain, compress, repeat
from operator import is_

from snowpark_local.values import MAX_SAFE_INTEGER, encode

_CONTAINERS = (list, tuple, dict)
# Exact types only: subclasses (a Row is a tuple, an IntEnum an int) have their own encodings.
_PLAIN_TYPES = frozenset({type(None), bool, int, float, str, list, tuple, dict})
# Deeper values take the tagged path, which fails on them as it always has (RecursionError);
# this also ends the walk of a value that contains itself.
_MAX_LEVELS = 200


def encode_return_value(value):
    """The TaggedValue for a handler's return value: ``{"$t": "json"}`` when that is exact."""
    if type(value) in _CONTAINERS and is_plain_json(value):
        return {"$t": "json", "v": value}
    return encode(value)


def is_plain_json(value):
    """True when json.dumps(value, allow_nan=False) gives exactly what the tagged path gives:
    only exact str/int/float/bool/None/list/tuple/dict, str keys, ints within ±(2^53 - 1)
    (JavaScript numbers), finite floats."""
    level = [value]
    for _ in range(_MAX_LEVELS):
        types = set(map(type, level))
        if not types <= _PLAIN_TYPES:
            return False
        if int in types and not _safe_integers(_of_type(level, int, types)):
            return False
        if float in types and not all(map(math.isfinite, _of_type(level, float, types))):
            return False
        dicts = _of_type(level, dict, types) if dict in types else []
        if dicts and not set(map(type, chain.from_iterable(dicts))) <= {str}:
            return False
        items = list(chain(
            chain.from_iterable(_of_type(level, list, types)) if list in types else (),
            chain.from_iterable(_of_type(level, tuple, types)) if tuple in types else (),
            chain.from_iterable(map(dict.values, dicts)),
        ))
        if not items:
            return True
        level = items
    return False


def _of_type(level, wanted, types):
    if len(types) == 1:
        return level
    return list(compress(level, map(is_, map(type, level), repeat(wanted))))


def _safe_integers(integers):
    return -MAX_SAFE_INTEGER <= min(integers) and max(integers) <= MAX_SAFE_INTEGER
