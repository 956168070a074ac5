"""Between Snowflake type names (what the engine reports, what a user writes) and Snowpark types."""

import re

from snowflake.snowpark import types as t

_NUMBER = re.compile(r"^(?:NUMBER|DECIMAL|NUMERIC)\s*\(\s*(\d+)\s*,\s*(\d+)\s*\)$")
_VARCHAR = re.compile(r"^(?:VARCHAR|STRING|TEXT|CHAR|CHARACTER|NVARCHAR)\s*(?:\(\s*(\d+)\s*\))?$")

_SIMPLE = {
    "FLOAT": t.DoubleType, "FLOAT4": t.DoubleType, "FLOAT8": t.DoubleType, "DOUBLE": t.DoubleType,
    "DOUBLE PRECISION": t.DoubleType, "REAL": t.DoubleType,
    "BOOLEAN": t.BooleanType, "BOOL": t.BooleanType, "DATE": t.DateType, "TIME": t.TimeType,
    "BINARY": t.BinaryType, "VARBINARY": t.BinaryType, "VARIANT": t.VariantType,
    "GEOGRAPHY": t.GeographyType, "GEOMETRY": t.GeometryType,
    "INT": t.LongType, "INTEGER": t.LongType, "BIGINT": t.LongType, "SMALLINT": t.LongType,
    "TINYINT": t.LongType, "BYTEINT": t.LongType,
}

_TIMESTAMPS = {
    "TIMESTAMP": t.TimestampTimeZone.NTZ, "TIMESTAMP_NTZ": t.TimestampTimeZone.NTZ, "DATETIME": t.TimestampTimeZone.NTZ,
    "TIMESTAMP_LTZ": t.TimestampTimeZone.LTZ, "TIMESTAMP_TZ": t.TimestampTimeZone.TZ,
}


def datatype_from_snowflake(name):
    """The Snowpark type of a column the engine described as ``name`` (e.g. ``NUMBER(38,0)``)."""
    text = " ".join(name.strip().upper().split())
    match = _NUMBER.match(text)
    if match:
        precision, scale = int(match.group(1)), int(match.group(2))
        # Snowpark reads NUMBER with scale 0 as LongType, any other scale as DecimalType.
        return t.LongType() if scale == 0 else t.DecimalType(precision, scale)
    if text in ("NUMBER", "DECIMAL", "NUMERIC"):
        return t.LongType()
    match = _VARCHAR.match(text)
    if match:
        return t.StringType(int(match.group(1))) if match.group(1) else t.StringType()
    base = re.sub(r"\s*\(.*\)$", "", text)
    if base in _SIMPLE:
        return _SIMPLE[base]()
    if base in _TIMESTAMPS:
        return t.TimestampType(_TIMESTAMPS[base])
    if base == "ARRAY":
        return t.ArrayType(t.StringType())
    if base in ("OBJECT", "MAP"):
        return t.MapType(t.StringType(), t.StringType())
    return _NamedType(text)


class _NamedType(t.DataType):
    """A type given by its SQL name (``cast("int")``, or a type the shim has no class for)."""

    def __init__(self, sql_name):
        self.sql_name = sql_name

    def sql_type(self):
        return self.sql_name

    def __repr__(self):
        return "{}()".format(self.sql_name)


def datatype_of(value):
    """A DataType instance from a DataType, a DataType class or a SQL type name."""
    if isinstance(value, t.DataType):
        return value
    if isinstance(value, type) and issubclass(value, t.DataType):
        return value()
    if isinstance(value, str):
        text = " ".join(value.strip().upper().split())
        known = datatype_from_snowflake(_SPARK_NAMES.get(text, text))
        if isinstance(known, _NamedType):
            raise ValueError("'{}' is not a supported type".format(value))
        return known
    raise TypeError("expected a DataType or a type name, not {!r}".format(value))


# Type names Snowpark accepts in cast("…") besides Snowflake's own.
_SPARK_NAMES = {"LONG": "BIGINT", "SHORT": "SMALLINT", "BYTE": "TINYINT", "STR": "VARCHAR", "MAP": "OBJECT"}
