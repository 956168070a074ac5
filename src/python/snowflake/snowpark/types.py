"""The Snowpark type classes a handler needs to describe a DataFrame's schema."""

import re


class DataType:
    # The SQL type the shim casts a column to; Snowflake names that DuckDB also understands.
    _sql_type = None

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash((type(self).__name__,) + tuple(sorted(self.__dict__.items())))

    def __repr__(self):
        return "{}()".format(type(self).__name__)

    def sql_type(self):
        return self._sql_type


class NullType(DataType):
    _sql_type = "VARIANT"


class GeographyType(DataType):
    _sql_type = "GEOGRAPHY"


class GeometryType(DataType):
    _sql_type = "GEOMETRY"


class _AtomicType(DataType):
    pass


class _NumericType(_AtomicType):
    pass


class StringType(DataType):
    _sql_type = "VARCHAR"

    def __init__(self, length=None):
        self.length = length

    def sql_type(self):
        return "VARCHAR({})".format(self.length) if self.length else "VARCHAR"

    def __repr__(self):
        return "StringType({})".format(self.length) if self.length else "StringType()"


class BinaryType(DataType):
    _sql_type = "BINARY"


class BooleanType(DataType):
    _sql_type = "BOOLEAN"


class DateType(DataType):
    _sql_type = "DATE"


class TimeType(DataType):
    _sql_type = "TIME"


class TimestampTimeZone:
    DEFAULT = "default"
    NTZ = "ntz"
    LTZ = "ltz"
    TZ = "tz"


class TimestampType(DataType):
    def __init__(self, timezone=TimestampTimeZone.DEFAULT):
        self.tz = timezone

    def sql_type(self):
        if self.tz in (TimestampTimeZone.TZ, TimestampTimeZone.LTZ):
            return "TIMESTAMP_" + self.tz.upper()
        return "TIMESTAMP_NTZ"

    def __repr__(self):
        return "TimestampType()" if self.tz == TimestampTimeZone.DEFAULT else "TimestampType(tz={})".format(self.tz)


class _IntegralType(_NumericType):
    # BIGINT is NUMBER(38,0) in Snowflake and a 64-bit integer in DuckDB.
    _sql_type = "BIGINT"


class ByteType(_IntegralType):
    pass


class ShortType(_IntegralType):
    pass


class IntegerType(_IntegralType):
    pass


class LongType(_IntegralType):
    pass


class FloatType(_NumericType):
    _sql_type = "DOUBLE"


class DoubleType(_NumericType):
    _sql_type = "DOUBLE"


class DecimalType(_NumericType):
    def __init__(self, precision=38, scale=0):
        self.precision = precision
        self.scale = scale

    def sql_type(self):
        return "NUMBER({},{})".format(self.precision, self.scale)

    def __repr__(self):
        return "DecimalType({}, {})".format(self.precision, self.scale)


class _SemiStructuredType(DataType):
    """Types whose values travel as JSON text and become VARIANT with PARSE_JSON."""


class VariantType(_SemiStructuredType):
    _sql_type = "VARIANT"


class ArrayType(_SemiStructuredType):
    _sql_type = "ARRAY"

    def __init__(self, element_type=None):
        self.element_type = element_type


class MapType(_SemiStructuredType):
    _sql_type = "OBJECT"

    def __init__(self, key_type=None, value_type=None):
        self.key_type = key_type
        self.value_type = value_type


class VectorType(DataType):
    def __init__(self, element_type, dimension):
        self.element_type = element_type
        self.dimension = dimension

    def sql_type(self):
        return "VECTOR({}, {})".format(self.element_type, self.dimension)


def _display_name(name):
    """Snowpark's ColumnIdentifier: ``a`` and ``"A"`` read ``A``; ``"a b"`` keeps its quotes."""
    from snowpark_local.sql_literals import quote_identifier
    quoted = quote_identifier(name)
    inner = quoted[1:-1]
    if re.match(r"^[A-Z_][A-Z0-9_$]*$", inner):
        return inner
    return quoted


class StructField:
    def __init__(self, column_identifier, datatype, nullable=True):
        self.name = _display_name(column_identifier)
        self.datatype = datatype
        self.nullable = nullable

    @property
    def column_identifier(self):
        return self.name

    def __eq__(self, other):
        return isinstance(other, StructField) and (self.name, self.datatype, self.nullable) == (
            other.name, other.datatype, other.nullable)

    def __repr__(self):
        return "StructField({!r}, {!r}, nullable={})".format(self.name, self.datatype, self.nullable)


class StructType(DataType):
    def __init__(self, fields=None):
        self.fields = list(fields or [])

    def add(self, field, datatype=None, nullable=True):
        if isinstance(field, StructField):
            self.fields.append(field)
        else:
            self.fields.append(StructField(field, datatype, nullable))
        return self

    @property
    def names(self):
        return [field.name for field in self.fields]

    def __iter__(self):
        return iter(self.fields)

    def __len__(self):
        return len(self.fields)

    def __getitem__(self, item):
        if isinstance(item, str):
            wanted = _display_name(item)
            for field in self.fields:
                if field.name == wanted:
                    return field
            raise KeyError(item)
        return self.fields[item]

    def __repr__(self):
        return "StructType([{}])".format(", ".join(repr(field) for field in self.fields))
