"""Turns a logical plan into one Snowflake SQL statement, merging nested SELECTs where it is safe.

A plan compiles bottom-up into ``_Select`` parts. Each operation either folds into its
child's SELECT (a filter over ``SELECT * FROM t`` becomes its WHERE) or wraps the child as
a subquery when folding could change the meaning (a filter after a LIMIT, a projection
after a DISTINCT, …). The result is the SQL a person would write for simple chains and
nested-but-correct SQL for the rest; both engines get the same text.
"""

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p


class _Select:
    __slots__ = ("projection", "source", "where", "group_by", "order_by", "limit", "offset", "distinct",
                 "raw", "has_window")

    def __init__(self, source, raw=None):
        self.projection = None      # list of expressions; None is *
        self.source = source        # FROM text
        self.where = []
        self.group_by = None        # text after GROUP BY, or None
        self.order_by = None        # list of SortOrder
        self.limit = None
        self.offset = 0
        self.distinct = False
        self.raw = raw              # a complete statement that cannot take more clauses
        self.has_window = False

    def is_bare(self):
        return (self.raw is None and self.projection is None and not self.where and self.group_by is None
                and self.order_by is None and self.limit is None and not self.distinct)

    def text(self):
        if self.raw is not None:
            return self.raw
        projection = "*" if self.projection is None else ", ".join(item.sql() for item in self.projection)
        out = "SELECT {}{} FROM {}".format("DISTINCT " if self.distinct else "", projection, self.source)
        if self.where:
            out += " WHERE " + " AND ".join(_parenthesised(condition) for condition in self.where)
        if self.group_by is not None:
            out += " GROUP BY " + self.group_by
        if self.order_by:
            out += " ORDER BY " + ", ".join(order.sql() for order in self.order_by)
        if self.limit is not None:
            out += " LIMIT {}".format(int(self.limit))
        if self.offset:
            out += " OFFSET {}".format(int(self.offset))
        return out


def _parenthesised(condition):
    text = condition.sql()
    return text if text.startswith("(") and text.endswith(")") else "(" + text + ")"


def _subquery(select):
    return "(" + select.text() + ")"


def _wrap(select):
    return _Select(_subquery(select))


def compile_plan(plan):
    """The SQL text of a plan."""
    return _compile(plan).text()


def _compile(plan):
    handler = _HANDLERS.get(type(plan))
    if handler is None:
        raise NotImplementedError("the compiler has no rule for {}".format(type(plan).__name__))
    return handler(plan)


def _sql_query(plan):
    return _Select(None, raw=plan.text)


def _table(plan):
    return _Select(plan.name)


def _raw(plan):
    return _Select(None, raw=plan.text)


def as_subquery(text):
    """``(text)``, for SQL a user wrote: a trailing ``;`` cannot sit inside the parentheses,
    and a trailing ``-- comment`` would swallow the closing one."""
    body = text.rstrip().rstrip(";").rstrip()
    return "(" + body + ("\n)" if "--" in body.rsplit("\n", 1)[-1] else ")")


def _source_of(plan):
    """A child as a FROM item: raw statements and finished SELECTs become subqueries."""
    select = _compile(plan)
    if select.raw is not None:
        return _Select(as_subquery(select.raw))
    return select


def _project(plan):
    select = _source_of(plan.child)
    names = {item.output_name() for item in plan.expressions if isinstance(item, ex.Alias)}
    order_uses_alias = select.order_by and any(
        name in order.sql() for order in select.order_by for name in names)
    if (select.projection is not None or select.distinct or select.group_by is not None
            or select.limit is not None or order_uses_alias):
        select = _wrap(select)
    select.projection = list(plan.expressions)
    select.has_window = any(item.contains_window() for item in plan.expressions)
    return select


def _filter(plan):
    select = _source_of(plan.child)
    plain_projection = select.projection is None or all(
        isinstance(item, (ex.ColumnRef, ex.Star)) for item in select.projection)
    if (not plain_projection or select.group_by is not None or select.limit is not None
            or select.distinct or select.has_window):
        select = _wrap(select)
    select.where.append(plan.condition)
    return select


def _aggregate(plan):
    select = _source_of(plan.child)
    if not (select.projection is None and select.group_by is None and select.limit is None
            and not select.distinct and select.order_by is None):
        select = _wrap(select)
    select.projection = list(plan.outputs) or [ex.SqlText("*")]
    groupings = ", ".join(item.sql() for item in plan.groupings)
    if not plan.kind and not plan.groupings:
        # As Snowpark does: an aggregation without groups is one row, even for agg(lit(1)).
        select.limit = 1
    if plan.kind == "GROUPING SETS":
        select.group_by = groupings  # already whole GROUPING SETS (…) clauses
    elif plan.kind:
        select.group_by = "{}({})".format(plan.kind, groupings)
    elif plan.groupings:
        select.group_by = groupings
    return select


def _sort(plan):
    select = _source_of(plan.child)
    if select.limit is not None or select.distinct:
        select = _wrap(select)
    select.order_by = list(plan.orders)
    return select


def _limit(plan):
    select = _source_of(plan.child)
    if select.limit is not None:
        select = _wrap(select)
    select.limit = plan.count
    select.offset = plan.offset
    return select


def _distinct(plan):
    select = _source_of(plan.child)
    if select.limit is not None or select.distinct or select.order_by is not None:
        select = _wrap(select)
    select.distinct = True
    return select


def _from_item(plan, alias):
    select = _source_of(plan)
    source = select.source if select.is_bare() else _subquery(select)
    return "{} AS {}".format(source, alias)


def _join(plan):
    left = _from_item(plan.left, plan.left_alias)
    right = _from_item(plan.right, plan.right_alias)
    keyword = {"inner": "INNER JOIN", "left": "LEFT OUTER JOIN", "right": "RIGHT OUTER JOIN",
               "outer": "FULL OUTER JOIN", "cross": "CROSS JOIN", "natural": "NATURAL INNER JOIN",
               "natural_left": "NATURAL LEFT OUTER JOIN", "natural_right": "NATURAL RIGHT OUTER JOIN",
               "natural_outer": "NATURAL FULL OUTER JOIN",
               "leftsemi": "LEFT SEMI JOIN", "leftanti": "LEFT ANTI JOIN"}[plan.join_type]
    if plan.lateral:
        right = "LATERAL " + right
    text = "{} {} {}".format(left, keyword, right)
    if plan.using:
        text += " USING ({})".format(", ".join(plan.using))
    elif plan.condition is not None:
        text += " ON " + plan.condition.sql()
    elif plan.join_type != "cross":
        # Snowflake takes a join without a condition as a cross join; DuckDB wants it said.
        text += " ON TRUE"
    select = _Select(text)
    select.projection = list(plan.outputs)
    return select


def _set_operation(plan):
    left = _compile(plan.left).text()
    right = _compile(plan.right).text()
    return _Select(None, raw="({}) {} ({})".format(left, plan.operator, right))


def _from_child(plan):
    select = _source_of(plan.child)
    source = select.source if select.is_bare() else _subquery(select)
    if plan.alias:
        source += " AS " + plan.alias
    return _Select("{}{}".format(source, plan.suffix))


_HANDLERS = {
    p.SqlQuery: _sql_query, p.TableSource: _table, p.Raw: _raw, p.Project: _project, p.Filter: _filter,
    p.Aggregate: _aggregate, p.Sort: _sort, p.Limit: _limit, p.Distinct: _distinct, p.Join: _join,
    p.SetOperation: _set_operation, p.FromChild: _from_child,
}
