"""Snowflake's NUMBER(p,s) result scales for the arithmetic a DataFrame builds.

Snowflake answers ``11 / 13`` with ``0.846154`` (a NUMBER with scale 6) and ``AVG`` of
integers with ``1.666667``; DuckDB answers both with a DOUBLE. The DataFrame layer knows its
columns' types (from the engine's describe), so it can say the result type Snowflake would
give: the division and the average are wrapped in a CAST to that NUMBER. On Snowflake the
CAST changes nothing; on DuckDB it makes the value and its Python type (Decimal) the same.

Rules from Snowflake's "Scale and precision in arithmetic operations":
  multiplication  S = min(S1 + S2, max(S1, S2, 12))
  division        S = max(S1, min(S1 + 6, 12))
  addition, subtraction, modulo  S = max(S1, S2)
AVG of NUMBER(p, s) is a division of its sum by a count: S = max(s, min(s + 6, 12)). A
windowed AVG over an explicit frame answers with scale s + 3, cut off, not rounded (as
snowpark-python's window tests expect of Snowflake).
"""

import re
from decimal import Decimal

from snowflake.snowpark._internal import expressions as ex

_FIXED = re.compile(r"^NUMBER\((\d+),\s*(\d+)\)$")
_FLOAT = ("FLOAT", "DOUBLE", "REAL", "FLOAT8", "FLOAT4", "DOUBLE PRECISION")


class _Fixed:
    __slots__ = ("scale",)

    def __init__(self, scale):
        self.scale = scale


_FLOATING = "float"


def needs_numeric_types(expression):
    """Whether an expression has a division or an AVG: only those need the column types."""
    found = []

    def visit(node):
        if (isinstance(node, ex.BinaryOp) and node.operator == "/") or (
                isinstance(node, ex.FunctionCall) and node.name == "AVG"):
            found.append(node)
        return None

    ex.transform(expression, visit)
    return bool(found)


def with_snowflake_numbers(expression, column_type):
    """The expression with Snowflake's result type made explicit where DuckDB's differs.
    ``column_type(quoted_name)`` is the Snowflake type name of a column, or None."""
    return _typed(expression, column_type)[0]


def _type_of_name(type_name):
    if type_name is None:
        return None
    text = type_name.upper().replace(" ", "")
    match = _FIXED.match(text)
    if match:
        return _Fixed(int(match.group(2)))
    if text in ("NUMBER", "INT", "INTEGER", "BIGINT", "SMALLINT", "TINYINT", "BYTEINT"):
        return _Fixed(0)
    if type_name.upper() in _FLOAT:
        return _FLOATING
    return None


def _literal_type(literal):
    if literal.datatype is not None:
        return _type_of_name(literal.datatype.sql_type())
    value = literal.value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return _Fixed(0)
    if isinstance(value, Decimal) and value.is_finite():
        return _Fixed(max(0, -value.as_tuple().exponent))
    if isinstance(value, float):
        return _FLOATING
    return None


def _cast(expression, scale):
    return ex.Cast(expression, _NumberType(scale))


class _NumberType:
    """Only what Cast needs: the SQL type name."""

    def __init__(self, scale):
        self.scale = scale

    def sql_type(self):
        return "NUMBER(38,{})".format(self.scale)


def _typed(node, column_type):
    if isinstance(node, ex.ColumnRef):
        return node, _type_of_name(column_type(node.name))
    if isinstance(node, ex.Literal):
        return node, _literal_type(node)
    if isinstance(node, ex.Alias):
        child, kind = _typed(node.child, column_type)
        return ex.Alias(child, node.name), kind
    if isinstance(node, ex.Cast):
        child, _ = _typed(node.child, column_type)
        return ex.Cast(child, node.datatype, node.try_), _type_of_name(node.datatype.sql_type())
    if isinstance(node, ex.UnaryOp) and node.operator == "-":
        child, kind = _typed(node.child, column_type)
        return ex.UnaryOp("-", child), kind
    if isinstance(node, ex.BinaryOp) and node.operator in ("+", "-", "*", "/", "%"):
        return _arithmetic(node, column_type)
    if isinstance(node, ex.WindowCall) and _is_avg(node.child):
        return _windowed_avg(node, column_type)
    if isinstance(node, ex.FunctionCall) and node.name in ("AVG", "SUM", "MIN", "MAX") and len(node.args) == 1:
        return _aggregate(node, column_type)
    rebuilt = ex.transform(node, lambda child: None if child is node else _typed(child, column_type)[0])
    return rebuilt, None


def _arithmetic(node, column_type):
    left, left_kind = _typed(node.left, column_type)
    right, right_kind = _typed(node.right, column_type)
    rebuilt = ex.BinaryOp(node.operator, left, right)
    if _FLOATING in (left_kind, right_kind):
        return rebuilt, _FLOATING
    if not (isinstance(left_kind, _Fixed) and isinstance(right_kind, _Fixed)):
        return rebuilt, None
    s1, s2 = left_kind.scale, right_kind.scale
    if node.operator == "*":
        return rebuilt, _Fixed(min(s1 + s2, max(s1, s2, 12)))
    if node.operator == "/":
        scale = max(s1, min(s1 + 6, 12))
        return _cast(rebuilt, scale), _Fixed(scale)
    return rebuilt, _Fixed(max(s1, s2))


def _aggregate(node, column_type):
    argument, kind = _typed(node.args[0], column_type)
    rebuilt = ex.FunctionCall(node.name, [argument], distinct=node.distinct, is_aggregate=node.is_aggregate)
    if not isinstance(kind, _Fixed):
        return rebuilt, kind
    if node.name != "AVG":
        return rebuilt, kind
    scale = max(kind.scale, min(kind.scale + 6, 12))
    return _cast(rebuilt, scale), _Fixed(scale)


def _is_avg(expression):
    return isinstance(expression, ex.FunctionCall) and expression.name == "AVG" and len(expression.args) == 1


def _windowed_avg(node, column_type):
    function = node.child
    argument, kind = _typed(function.args[0], column_type)
    call = ex.WindowCall(ex.FunctionCall("AVG", [argument], distinct=function.distinct, is_aggregate=True), node.spec)
    if not isinstance(kind, _Fixed):
        return call, kind
    if node.spec.frame:
        scale = min(kind.scale + 3, 12)
        return _cast(ex.FunctionCall("TRUNC", [call, ex.Literal(scale)]), scale), _Fixed(scale)
    scale = max(kind.scale, min(kind.scale + 6, 12))
    return _cast(call, scale), _Fixed(scale)
