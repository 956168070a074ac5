"""Snowpark's Window and WindowSpec: PARTITION BY, ORDER BY and a frame, rendered inside OVER (…)."""

import sys

from snowflake.snowpark._internal import expressions as ex


def _expressions(cols, sort=False):
    from snowflake.snowpark.column import to_column
    out = []
    for value in cols:
        if isinstance(value, (list, tuple)):
            out.extend(_expressions(value, sort))
            continue
        expression = to_column(value)._expression
        if sort and not isinstance(expression, ex.SortOrder):
            expression = ex.SortOrder(expression)
        out.append(expression)
    return tuple(out)


def _boundary(value):
    if value <= Window.UNBOUNDED_PRECEDING:
        return "UNBOUNDED PRECEDING"
    if value >= Window.UNBOUNDED_FOLLOWING:
        return "UNBOUNDED FOLLOWING"
    if value == 0:
        return "CURRENT ROW"
    return "{} {}".format(abs(int(value)), "PRECEDING" if value < 0 else "FOLLOWING")


class WindowSpec:
    __slots__ = ("partitions", "orders", "frame")

    def __init__(self, partitions=(), orders=(), frame=None):
        self.partitions = partitions
        self.orders = orders
        self.frame = frame

    def partition_by(self, *cols):
        return WindowSpec(_expressions(cols), self.orders, self.frame)

    def order_by(self, *cols):
        return WindowSpec(self.partitions, _expressions(cols, sort=True), self.frame)

    def rows_between(self, start, end):
        return WindowSpec(self.partitions, self.orders, "ROWS BETWEEN {} AND {}".format(_boundary(start), _boundary(end)))

    def range_between(self, start, end):
        return WindowSpec(self.partitions, self.orders, "RANGE BETWEEN {} AND {}".format(_boundary(start), _boundary(end)))

    partitionBy, orderBy, rowsBetween, rangeBetween = partition_by, order_by, rows_between, range_between

    def sql(self):
        parts = []
        if self.partitions:
            parts.append("PARTITION BY " + ", ".join(part.sql() for part in self.partitions))
        if self.orders:
            parts.append("ORDER BY " + ", ".join(order.sql() for order in self.orders))
        if self.frame:
            parts.append(self.frame)
        return " ".join(parts)

    def __repr__(self):
        return "WindowSpec({})".format(self.sql())


class Window:
    UNBOUNDED_PRECEDING = -sys.maxsize
    UNBOUNDED_FOLLOWING = sys.maxsize
    CURRENT_ROW = 0
    unboundedPreceding, unboundedFollowing, currentRow = UNBOUNDED_PRECEDING, UNBOUNDED_FOLLOWING, CURRENT_ROW

    @staticmethod
    def _spec():
        return WindowSpec()

    @staticmethod
    def partition_by(*cols):
        return WindowSpec().partition_by(*cols)

    @staticmethod
    def order_by(*cols):
        return WindowSpec().order_by(*cols)

    @staticmethod
    def rows_between(start, end):
        return WindowSpec().rows_between(start, end)

    @staticmethod
    def range_between(start, end):
        return WindowSpec().range_between(start, end)

    partitionBy, orderBy, rowsBetween, rangeBetween = partition_by, order_by, rows_between, range_between
