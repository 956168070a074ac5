"""TaggedValue encoding and per-column decoding (docs/channel-protocol.md, "Values").

JSON carries null, booleans, numbers, strings and arrays itself; everything else travels
as a ``{"$t": tag, "v": payload}`` wrapper so that nothing is lost between Python and Node.
"""

import base64
import datetime
import math
import re
from decimal import Decimal
from snowpark_local.binary_columns import BinaryColumn, decode_binary_column, is_binary_column

# JavaScript numbers lose integers beyond this, so larger ones travel as strings.
MAX_SAFE_INTEGER = 2**53 - 1

_SPECIAL_FLOATS = {"NaN": math.nan, "nan": math.nan, "inf": math.inf, "-inf": -math.inf,
                   "Infinity": math.inf, "-Infinity": -math.inf}


# ---------------------------------------------------------------------------- encode


def encode(value):
    """Turn a Python value into a TaggedValue (JSON-ready)."""
    if value is None or value is True or value is False:
        return value
    value_type = type(value)
    if value_type is str:
        return value
    if value_type is int:
        if -MAX_SAFE_INTEGER <= value <= MAX_SAFE_INTEGER:
            return value
        return {"$t": "int", "v": str(value)}
    if value_type is float:
        return value if math.isfinite(value) else {"$t": "float", "v": _float_text(value)}
    # Row is a tuple subclass, so it must be recognised before the generic sequences.
    if getattr(value_type, "_is_snowpark_row", False) and value._fields is not None:
        # Snowpark sends a returned Row as an object of its fields (a namedtuple stays a list).
        return {"$t": "object", "v": {name: encode(item) for name, item in zip(value._fields, value)}}
    if isinstance(value, (list, tuple)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"$t": "object", "v": {_json_key(key): encode(item) for key, item in value.items()}}
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return encode(int(value))
    if isinstance(value, float):
        return encode(float(value))
    if isinstance(value, str):
        return str(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            return {"$t": "float", "v": _float_text(float(value))}
        return {"$t": "decimal", "v": format(value, "f")}
    # datetime is a date subclass: test it first.
    if isinstance(value, datetime.datetime):
        text = value.isoformat(" ", "microseconds")
        return {"$t": "timestamp_tz" if value.utcoffset() is not None else "timestamp", "v": text}
    if isinstance(value, datetime.date):
        return {"$t": "date", "v": value.isoformat()}
    if isinstance(value, datetime.time):
        return {"$t": "time", "v": value.replace(tzinfo=None).isoformat("microseconds")}
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"$t": "bytes", "v": base64.b64encode(bytes(value)).decode("ascii")}
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        # numpy scalars are common in handler results; their .item() is the plain Python value.
        return encode(value.item())
    raise TypeError(
        "Snowpark Local cannot send a value of type '{}' back from Python; use None, bool, int, "
        "float, str, Decimal, date, time, datetime, bytes, list, tuple, dict or Row".format(
            _type_name(value)))


def _float_text(number):
    if math.isnan(number):
        return "NaN"
    return "inf" if number > 0 else "-inf"


def _json_key(key):
    # Same key conversions json.dumps makes, so a dict returned as VARIANT looks as in Snowflake.
    if isinstance(key, str):
        return key
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, (int, float)):
        return repr(key) if isinstance(key, float) else str(key)
    raise TypeError("dictionary keys must be str, int, float, bool or None, not '{}'".format(
        _type_name(key)))


def _type_name(value):
    value_type = type(value)
    module = value_type.__module__
    return value_type.__qualname__ if module == "builtins" else module + "." + value_type.__qualname__


# ---------------------------------------------------------------------------- scalar parsers

_FRACTION = re.compile(r"\.(\d+)")
_ZONE_WITHOUT_COLON = re.compile(r"([+-]\d\d)(\d\d)$")


def _normalise_clock_text(text):
    """Make Snowflake/DuckDB clock text acceptable to Python 3.9's fromisoformat."""
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    text = _ZONE_WITHOUT_COLON.sub(r"\1:\2", text)
    # fromisoformat before 3.11 accepts only 3 or 6 fraction digits; Snowflake sends up to 9.
    return _FRACTION.sub(lambda match: "." + (match.group(1) + "000000")[:6], text, count=1)


def parse_date(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        # Tolerate a timestamp-shaped date ("2024-01-31 00:00:00") from engines that widen DATE.
        return datetime.date.fromisoformat(text[:10])


def parse_time(text):
    try:
        return datetime.time.fromisoformat(text)
    except ValueError:
        return datetime.time.fromisoformat(_normalise_clock_text(text))


def parse_timestamp(text):
    try:
        return datetime.datetime.fromisoformat(text)
    except ValueError:
        return datetime.datetime.fromisoformat(_normalise_clock_text(text))


def parse_float(value):
    if type(value) is str:
        special = _SPECIAL_FLOATS.get(value)
        return special if special is not None else float(value)
    return float(value)


def parse_bytes(text):
    return base64.b64decode(text)


# ---------------------------------------------------------------------------- decode


def _decode_object(payload):
    return {key: decode(item) for key, item in payload.items()}


_TAG_DECODERS = {
    "decimal": Decimal,
    "int": int,
    "float": parse_float,
    "date": parse_date,
    "time": parse_time,
    "timestamp": parse_timestamp,
    "timestamp_tz": parse_timestamp,
    "bytes": parse_bytes,
    "object": _decode_object,
}


def decode(tagged):
    """Turn a TaggedValue back into the Python value it stands for."""
    if type(tagged) is list:
        return [decode(item) for item in tagged]
    if type(tagged) is dict:
        try:
            decoder = _TAG_DECODERS[tagged["$t"]]
        except KeyError:
            raise ValueError("not a TaggedValue: {!r}".format(tagged)) from None
        return decoder(tagged["v"])
    return tagged


# ---------------------------------------------------------------------------- columns
# A column decoder takes the whole column list and returns the Python values; ``None`` as a
# decoder means the JSON values are already right, so the column is used as it is.


def _map_non_null(convert, column):
    if None in column:
        return [None if value is None else convert(value) for value in column]
    return list(map(convert, column))


def _decode_integer_column(column):
    # Integers beyond 2^53 arrive as strings; checking types in C first keeps the common case free.
    if str not in set(map(type, column)):
        return column
    return _map_non_null(int, column)


def _decode_decimal_column(column):
    return _map_non_null(Decimal, column)


def _decode_float_column(column):
    # JSON has no int/float distinction, so 1.0 arrives as 1 and must become a float again.
    value_types = set(map(type, column))
    if value_types <= {float}:
        return column
    if value_types <= {float, int}:
        return list(map(float, column))
    return _map_non_null(parse_float, column)


def _decode_date_column(column):
    return _map_non_null(parse_date, column)


def _decode_time_column(column):
    return _map_non_null(parse_time, column)


def _decode_timestamp_column(column):
    return _map_non_null(parse_timestamp, column)


def _decode_binary_column(column):
    return _map_non_null(parse_bytes, column)


_NUMBER_WITH_SCALE = re.compile(r"^(?:NUMBER|DECIMAL|NUMERIC)\s*\(\s*\d+\s*,\s*(\d+)\s*\)$")

_DECODERS_BY_BASE_TYPE = {
    "NUMBER": _decode_integer_column,
    "DECIMAL": _decode_integer_column,
    "NUMERIC": _decode_integer_column,
    "INT": _decode_integer_column,
    "INTEGER": _decode_integer_column,
    "BIGINT": _decode_integer_column,
    "SMALLINT": _decode_integer_column,
    "TINYINT": _decode_integer_column,
    "BYTEINT": _decode_integer_column,
    "FLOAT": _decode_float_column,
    "FLOAT4": _decode_float_column,
    "FLOAT8": _decode_float_column,
    "DOUBLE": _decode_float_column,
    "DOUBLE PRECISION": _decode_float_column,
    "REAL": _decode_float_column,
    "DATE": _decode_date_column,
    "TIME": _decode_time_column,
    "TIMESTAMP": _decode_timestamp_column,
    "DATETIME": _decode_timestamp_column,
    "TIMESTAMP_NTZ": _decode_timestamp_column,
    "TIMESTAMP_TZ": _decode_timestamp_column,
    "TIMESTAMP_LTZ": _decode_timestamp_column,
    "BINARY": _decode_binary_column,
    "VARBINARY": _decode_binary_column,
}


def column_decoder(column_type):
    """The decoder for a Snowflake column type string, or None when values pass through."""
    normalised = (column_type or "").strip().upper()
    scaled = _NUMBER_WITH_SCALE.match(normalised)
    if scaled:
        return _decode_decimal_column if int(scaled.group(1)) > 0 else _decode_integer_column
    base_type = normalised.split("(", 1)[0].strip()
    return _DECODERS_BY_BASE_TYPE.get(base_type)


def decode_columns(columns, data):
    """Decode columnar ``data`` (``data[c][r]``) using the result's column types."""
    decoded = []
    for column, values in zip(columns, data):
        if type(values) is BinaryColumn:
            # Decoded straight to the Python values of the column's type.
            decoded.append(values.values())
            continue
        if is_binary_column(values):
            # Already exact Python numbers of the right kind: no per-type decoding needed.
            decoded.append(decode_binary_column(values))
            continue
        decoder = column_decoder(column.get("type"))
        decoded.append(values if decoder is None else decoder(values))
    return decoded
