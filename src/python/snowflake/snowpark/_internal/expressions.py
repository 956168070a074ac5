"""Immutable expression trees behind ``Column``; each node renders itself as Snowflake SQL.

The SQL is Snowflake's dialect whichever engine runs it: the Node side translates it for
DuckDB, and sends it as it is to a Snowflake account. Operands are parenthesised where an
operator joins them, so the text never depends on operator precedence.
"""

from snowpark_local.sql_literals import quote_identifier, render_literal


class Expression:
    __slots__ = ()
    # Aggregate and window calls make a projection an aggregation (or need OVER).
    is_aggregate = False

    def sql(self):
        raise NotImplementedError

    def children(self):
        return ()

    def contains_aggregate(self):
        return self.is_aggregate or any(child.contains_aggregate() for child in self.children())

    def contains_window(self):
        return any(child.contains_window() for child in self.children())

    def output_name(self):
        """The column name Snowflake gives this expression when it has no alias."""
        return self.sql().upper()

    def __repr__(self):
        return "{}[{}]".format(type(self).__name__, self.sql())


class ColumnRef(Expression):
    """A column by its quoted identifier; ``qualifier`` is a FROM alias after a join, and
    ``df_id`` the DataFrame it was taken from (``df["a"]``), so a join can tell its sides apart."""

    __slots__ = ("name", "qualifier", "df_id", "df_alias")

    def __init__(self, name, qualifier=None, df_id=None, df_alias=None):
        self.name = name if name == "*" else quote_identifier(name)
        self.qualifier = qualifier
        self.df_id = df_id
        # col("L", "a") after df.alias("L"): the alias names the DataFrame.
        self.df_alias = df_alias

    def sql(self):
        return self.name if self.qualifier is None else "{}.{}".format(self.qualifier, self.name)

    def output_name(self):
        return self.name


class Star(Expression):
    __slots__ = ("columns",)

    def __init__(self, columns=None):
        # df["*"] expands to that DataFrame's own columns, so after a join it names one side.
        self.columns = tuple(columns) if columns else None

    def sql(self):
        if self.columns:
            return ", ".join(column.sql() for column in self.columns)
        return "*"


class Literal(Expression):
    __slots__ = ("value", "datatype")

    def __init__(self, value, datatype=None):
        self.value = value
        self.datatype = datatype

    def sql(self):
        text = render_literal(self.value)
        if self.datatype is not None and self.value is not None:
            return "{} :: {}".format(text, self.datatype.sql_type())
        if self.datatype is not None:
            return "NULL :: {}".format(self.datatype.sql_type())
        return text


class SqlText(Expression):
    """``sql_expr("...")``: SQL the user wrote, used as it is."""

    __slots__ = ("text",)

    def __init__(self, text):
        self.text = text

    def sql(self):
        return self.text


class BinaryOp(Expression):
    __slots__ = ("operator", "left", "right")

    def __init__(self, operator, left, right):
        self.operator = operator
        self.left = left
        self.right = right

    def children(self):
        return (self.left, self.right)

    def sql(self):
        return "({} {} {})".format(self.left.sql(), self.operator, self.right.sql())


class UnaryOp(Expression):
    __slots__ = ("operator", "child", "postfix")

    def __init__(self, operator, child, postfix=False):
        self.operator = operator
        self.child = child
        self.postfix = postfix

    def children(self):
        return (self.child,)

    def sql(self):
        if self.postfix:
            return "({} {})".format(self.child.sql(), self.operator)
        return "({} {})".format(self.operator, self.child.sql())


class Between(Expression):
    __slots__ = ("child", "lower", "upper")

    def __init__(self, child, lower, upper):
        self.child, self.lower, self.upper = child, lower, upper

    def children(self):
        return (self.child, self.lower, self.upper)

    def sql(self):
        return "({} BETWEEN {} AND {})".format(self.child.sql(), self.lower.sql(), self.upper.sql())


class InList(Expression):
    __slots__ = ("child", "values", "subquery")

    def __init__(self, child, values=(), subquery=None):
        self.child = child
        self.values = tuple(values)
        self.subquery = subquery

    def children(self):
        return (self.child,) + self.values

    def sql(self):
        if self.subquery is not None:
            return "({} IN ({}))".format(self.child.sql(), self.subquery)
        if not self.values:
            # Snowflake rejects an empty IN list; an empty list matches nothing.
            return "FALSE"
        return "({} IN ({}))".format(self.child.sql(), ", ".join(value.sql() for value in self.values))


class Like(Expression):
    __slots__ = ("keyword", "child", "pattern", "escape")

    def __init__(self, keyword, child, pattern, escape=None):
        self.keyword, self.child, self.pattern, self.escape = keyword, child, pattern, escape

    def children(self):
        return (self.child, self.pattern)

    def sql(self):
        escape = " ESCAPE {}".format(render_literal(self.escape)) if self.escape else ""
        return "({} {} {}{})".format(self.child.sql(), self.keyword, self.pattern.sql(), escape)


class FunctionCall(Expression):
    __slots__ = ("name", "args", "distinct", "is_aggregate")

    def __init__(self, name, args, distinct=False, is_aggregate=False):
        self.name = name
        self.args = tuple(args)
        self.distinct = distinct
        self.is_aggregate = is_aggregate

    def children(self):
        return self.args

    def sql(self):
        inner = ", ".join(arg.sql() for arg in self.args)
        return "{}({}{})".format(self.name, "DISTINCT " if self.distinct else "", inner)


class NamedArgument(Expression):
    """``INPUT => expr`` inside a table function call."""

    __slots__ = ("name", "value")

    def __init__(self, name, value):
        self.name, self.value = name, value

    def children(self):
        return (self.value,)

    def sql(self):
        return "{} => {}".format(self.name, self.value.sql())


class Keyword(Expression):
    """A bare word in an argument list: a date part (``DATEADD(day, …)``) or ``*``."""

    __slots__ = ("word",)

    def __init__(self, word):
        self.word = word

    def sql(self):
        return self.word


class Cast(Expression):
    __slots__ = ("child", "datatype", "try_")

    def __init__(self, child, datatype, try_=False):
        self.child, self.datatype, self.try_ = child, datatype, try_

    def children(self):
        return (self.child,)

    def sql(self):
        return "{}({} AS {})".format("TRY_CAST" if self.try_ else "CAST", self.child.sql(), self.datatype.sql_type())


class Alias(Expression):
    __slots__ = ("child", "name")

    def __init__(self, child, name):
        self.child = child
        self.name = quote_identifier(name)

    def children(self):
        return (self.child,)

    def sql(self):
        return "{} AS {}".format(self.child.sql(), self.name)

    def output_name(self):
        return self.name


class SortOrder(Expression):
    __slots__ = ("child", "ascending", "nulls_first")

    def __init__(self, child, ascending=True, nulls_first=None):
        self.child, self.ascending, self.nulls_first = child, ascending, nulls_first

    def children(self):
        return (self.child,)

    def sql(self):
        text = "{} {}".format(self.child.sql(), "ASC" if self.ascending else "DESC")
        # Snowpark (unlike plain Snowflake SQL) puts NULLs first ascending and last
        # descending, and always says so in the SQL it sends.
        nulls_first = self.ascending if self.nulls_first is None else self.nulls_first
        return text + (" NULLS FIRST" if nulls_first else " NULLS LAST")


class CaseWhen(Expression):
    __slots__ = ("branches", "otherwise")

    def __init__(self, branches, otherwise=None):
        self.branches = tuple(branches)
        self.otherwise = otherwise

    def children(self):
        items = [part for branch in self.branches for part in branch]
        return tuple(items) + ((self.otherwise,) if self.otherwise is not None else ())

    def sql(self):
        text = "CASE" + "".join(" WHEN {} THEN {}".format(condition.sql(), value.sql())
                                for condition, value in self.branches)
        if self.otherwise is not None:
            text += " ELSE {}".format(self.otherwise.sql())
        return text + " END"


class Subfield(Expression):
    """``v["key"]`` or ``v[0]`` on a VARIANT, OBJECT or ARRAY."""

    __slots__ = ("child", "key")

    def __init__(self, child, key):
        self.child, self.key = child, key

    def children(self):
        return (self.child,)

    def sql(self):
        if isinstance(self.key, str):
            # As Snowpark writes it: the key goes between quotes as given, so a quote in a key
            # is written doubled by the caller (col("v")["it''s"]).
            return "{}['{}']".format(self.child.sql(), self.key)
        return "{}[{}]".format(self.child.sql(), render_literal(self.key))


class Collate(Expression):
    __slots__ = ("child", "specification")

    def __init__(self, child, specification):
        self.child, self.specification = child, specification

    def children(self):
        return (self.child,)

    def sql(self):
        return "COLLATE({}, {})".format(self.child.sql(), render_literal(self.specification))


class WithinGroup(Expression):
    __slots__ = ("child", "orders")

    def __init__(self, child, orders):
        self.child, self.orders = child, tuple(orders)

    def children(self):
        return (self.child,) + self.orders

    @property
    def is_aggregate(self):
        return True

    def sql(self):
        return "{} WITHIN GROUP (ORDER BY {})".format(self.child.sql(), ", ".join(order.sql() for order in self.orders))


class WindowCall(Expression):
    __slots__ = ("child", "spec")

    def __init__(self, child, spec):
        self.child, self.spec = child, spec

    def children(self):
        return ()

    def contains_window(self):
        return True

    def sql(self):
        spec = self.spec
        if spec.orders and not spec.frame and _navigation_name(self.child) in _WHOLE_PARTITION_FUNCTIONS:
            # Snowflake's default frame for these is the whole partition, not "up to the current
            # row"; say it, so every engine reads the same rows.
            spec = type(spec)(spec.partitions, spec.orders, "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
        return "{} OVER ({})".format(self.child.sql(), spec.sql())


_WHOLE_PARTITION_FUNCTIONS = frozenset({"FIRST_VALUE", "LAST_VALUE", "NTH_VALUE"})


def _navigation_name(expression):
    if isinstance(expression, UnaryOp) and expression.postfix:  # … IGNORE NULLS
        expression = expression.child
    return expression.name if isinstance(expression, FunctionCall) else None


class Exists(Expression):
    __slots__ = ("subquery",)

    def __init__(self, subquery):
        self.subquery = subquery

    def sql(self):
        return "EXISTS ({})".format(self.subquery)


class ScalarSubquery(Expression):
    __slots__ = ("subquery",)

    def __init__(self, subquery):
        self.subquery = subquery

    def sql(self):
        return "({})".format(self.subquery)


def strip_alias(expression):
    return expression.child if isinstance(expression, Alias) else expression


def without_aliases(expression):
    """The tree with every alias removed (an alias means nothing inside WHERE or ORDER BY)."""
    return transform(expression, lambda node: without_aliases(node.child) if isinstance(node, Alias) else None)


def lift_alias(expression):
    """``~col("a").in_(…).alias("x")`` builds NOT(alias(…)); Snowpark names the whole
    expression after the inner alias, as SQL can only alias a whole select item."""
    if isinstance(expression, Alias):
        return Alias(without_aliases(expression.child), expression.name)
    inner = []
    transform(expression, lambda node: inner.append(node) if isinstance(node, Alias) else None)
    if not inner:
        return expression
    return Alias(without_aliases(expression), inner[0].name)


def transform(expression, replace):
    """A copy of the tree in which ``replace(node)`` (when not None) stands for each node."""
    replaced = replace(expression)
    if replaced is not None:
        return replaced
    changed = False
    copy = object.__new__(type(expression))
    for slot in type(expression).__slots__:
        value = getattr(expression, slot)
        new_value = _transform_value(value, replace)
        changed = changed or new_value is not value
        object.__setattr__(copy, slot, new_value)
    return copy if changed else expression


def _transform_value(value, replace):
    if isinstance(value, Expression):
        return transform(value, replace)
    if isinstance(value, tuple):
        items = tuple(_transform_value(item, replace) for item in value)
        return value if all(a is b for a, b in zip(items, value)) else items
    spec_slots = getattr(type(value), "__slots__", None)
    if spec_slots == ("partitions", "orders", "frame"):
        partitions = _transform_value(value.partitions, replace)
        orders = _transform_value(value.orders, replace)
        if partitions is value.partitions and orders is value.orders:
            return value
        return type(value)(partitions, orders, value.frame)
    return value


def column_refs(expression):
    """Every ColumnRef in a tree."""
    found = []

    def visit(node):
        if isinstance(node, ColumnRef):
            found.append(node)
        return None

    transform(expression, lambda node: visit(node))
    return found
