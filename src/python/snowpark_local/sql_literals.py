"""Render Python values as Snowflake SQL literals, for queries the shim writes itself.

The SQL is Snowflake's dialect (the Node side translates it for DuckDB), so strings use
Snowflake's escaping: a backslash starts an escape there, and a quote is doubled.
"""

import datetime
import json
import math
import re
from decimal import Decimal

_SIMPLE_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_$]*$")
_QUOTED_IDENTIFIER = re.compile(r'^"(?:[^"]|"")+"$')


def quote_identifier(name):
    """Quote a column name as Snowpark does: simple names upper-cased, others kept as written."""
    if _QUOTED_IDENTIFIER.match(name):
        return name
    if _SIMPLE_IDENTIFIER.match(name):
        return '"' + name.upper() + '"'
    return '"' + name.replace('"', '""') + '"'


def string_literal(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"


def render_literal(value):
    """A SQL literal with the same type Snowflake would give the Python value."""
    if value is None:
        return "NULL"
    if value is True:
        return "TRUE"
    if value is False:
        return "FALSE"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, float):
        return _float_literal(float(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            return _float_literal(float(value))
        return format(value, "f")
    if isinstance(value, str):
        return string_literal(value)
    if isinstance(value, datetime.datetime):
        text = value.isoformat(" ", "microseconds")
        zone_type = "TIMESTAMP_TZ" if value.utcoffset() is not None else "TIMESTAMP_NTZ"
        return "{}::{}".format(string_literal(text), zone_type)
    if isinstance(value, datetime.date):
        return "{}::DATE".format(string_literal(value.isoformat()))
    if isinstance(value, datetime.time):
        return "{}::TIME".format(string_literal(value.replace(tzinfo=None).isoformat("microseconds")))
    if isinstance(value, (bytes, bytearray, memoryview)):
        return "X'{}'".format(bytes(value).hex().upper())
    if isinstance(value, (list, tuple, dict)):
        return string_literal(json_text(value))
    raise TypeError("cannot write a value of type '{}' as a SQL literal".format(type(value).__name__))


def _float_literal(number):
    # DOUBLE, not FLOAT: both mean 8 bytes in Snowflake, but FLOAT is 4 bytes in DuckDB.
    if math.isnan(number):
        return "'NaN'::DOUBLE"
    if math.isinf(number):
        return "'inf'::DOUBLE" if number > 0 else "'-inf'::DOUBLE"
    return repr(number) + "::DOUBLE"


def json_text(value):
    """JSON text of a semi-structured value, as stored in a VARIANT column."""
    return json.dumps(value, default=_json_fallback, separators=(",", ":"))


def _json_fallback(value):
    fields = getattr(value, "_fields", None)
    if isinstance(value, tuple) and fields is not None:
        return dict(zip(fields, value))
    if isinstance(value, Decimal):
        return float(value) if value != value.to_integral_value() else int(value)
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, (bytes, bytearray)):
        return bytes(value).hex()
    raise TypeError("cannot store a value of type '{}' in a VARIANT".format(type(value).__name__))
