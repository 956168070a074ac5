"""Logical plan nodes behind a DataFrame. They hold resolved expressions; compiler.py writes the SQL."""


class Plan:
    __slots__ = ()


class SqlQuery(Plan):
    """``session.sql(text)``: the user's statement, sent as written when nothing is added to it."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


class TableSource(Plan):
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


class Project(Plan):
    __slots__ = ("child", "expressions")

    def __init__(self, child, expressions):
        self.child, self.expressions = child, tuple(expressions)


class Filter(Plan):
    __slots__ = ("child", "condition")

    def __init__(self, child, condition):
        self.child, self.condition = child, condition


class Aggregate(Plan):
    """GROUP BY (``kind`` "" ), ROLLUP, CUBE or GROUPING SETS, with the output expressions."""

    __slots__ = ("child", "groupings", "outputs", "kind")

    def __init__(self, child, groupings, outputs, kind=""):
        self.child, self.groupings, self.outputs, self.kind = child, tuple(groupings), tuple(outputs), kind


class Sort(Plan):
    __slots__ = ("child", "orders")

    def __init__(self, child, orders):
        self.child, self.orders = child, tuple(orders)


class Limit(Plan):
    __slots__ = ("child", "count", "offset")

    def __init__(self, child, count, offset=0):
        self.child, self.count, self.offset = child, count, offset


class Distinct(Plan):
    __slots__ = ("child",)

    def __init__(self, child):
        self.child = child


class Join(Plan):
    """Both sides aliased; ``outputs`` is the projection that names the joined columns uniquely."""

    __slots__ = ("left", "right", "join_type", "condition", "using", "left_alias", "right_alias", "outputs", "lateral")

    def __init__(self, left, right, join_type, condition, using, left_alias, right_alias, outputs, lateral=False):
        self.left, self.right, self.join_type = left, right, join_type
        self.condition, self.using = condition, tuple(using or ())
        self.left_alias, self.right_alias, self.outputs = left_alias, right_alias, tuple(outputs)
        self.lateral = lateral


class SetOperation(Plan):
    __slots__ = ("operator", "left", "right")

    def __init__(self, operator, left, right):
        self.operator, self.left, self.right = operator, left, right


class Raw(Plan):
    """A complete SELECT the DataFrame built as text (pivot, unpivot, sample, values …)."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text


class FromChild(Plan):
    """``SELECT … FROM <child> <suffix>``: a clause that must sit right after the child in FROM."""

    __slots__ = ("child", "suffix", "alias")

    def __init__(self, child, suffix, alias=None):
        self.child, self.suffix, self.alias = child, suffix, alias
