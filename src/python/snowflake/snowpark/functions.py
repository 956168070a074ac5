"""A few of Snowpark's column functions; enough to name a column or a literal in SQL text."""

from snowpark_local.sql_literals import quote_identifier, render_literal


class Column:
    """A SQL expression; ``str(column)`` is its SQL text."""

    def __init__(self, sql):
        self._sql = sql

    def alias(self, name):
        return Column("{} AS {}".format(self._sql, quote_identifier(name)))

    as_ = alias

    def __str__(self):
        return self._sql

    def __repr__(self):
        return "Column[{}]".format(self._sql)


def col(name):
    return Column("*" if name == "*" else quote_identifier(name))


column = col


def lit(value):
    return Column(render_literal(value))


def sql_expr(sql):
    return Column(sql)
