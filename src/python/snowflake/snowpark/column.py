"""Snowpark's Column: an immutable expression tree with Python operators that build SQL."""

from snowflake.snowpark._internal.arguments import flatten_arguments
from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal.type_names import datatype_of


def to_expression(value):
    """A Column's tree, a column named by a string where Snowpark takes names, else a literal."""
    if isinstance(value, Column):
        return value._expression
    return ex.Literal(value)


def to_column(value):
    """Where Snowpark accepts ``ColumnOrName``: a str is a column name."""
    if isinstance(value, Column):
        return value
    if isinstance(value, str):
        return Column(value)
    raise TypeError("expected a Column or a column name (str), not {}".format(type(value).__name__))


def to_column_or_literal(value):
    return value if isinstance(value, Column) else Column(ex.Literal(value))


class Column:
    """``col("a") + 1 > col("b")`` is a Column; nothing runs until a DataFrame action."""

    __slots__ = ("_expression", "_df_id")

    def __init__(self, expr, _df_id=None):
        if isinstance(expr, str):
            expr = ex.Star() if expr == "*" else ex.ColumnRef(expr)
        elif not isinstance(expr, ex.Expression):
            raise TypeError("Column() takes a column name or an expression, not {}".format(type(expr).__name__))
        self._expression = expr
        # The DataFrame a column was taken from (df["a"]), so a join can tell its sides apart.
        self._df_id = _df_id

    # ------------------------------------------------------------------ building

    def _derive(self, expression):
        return Column(expression)

    def _binary(self, operator, other, reflected=False):
        left, right = self._expression, to_expression(other)
        if reflected:
            left, right = right, left
        return Column(ex.BinaryOp(operator, left, right))

    # ------------------------------------------------------------------ comparison

    def __eq__(self, other):
        return self._binary("=", other)

    def __ne__(self, other):
        return self._binary("!=", other)

    def __lt__(self, other):
        return self._binary("<", other)

    def __le__(self, other):
        return self._binary("<=", other)

    def __gt__(self, other):
        return self._binary(">", other)

    def __ge__(self, other):
        return self._binary(">=", other)

    def equal_null(self, other):
        return Column(ex.FunctionCall("EQUAL_NULL", [self._expression, to_expression(other)]))

    eqNullSafe = equal_null

    def equal_nan(self):
        return Column(ex.BinaryOp("=", self._expression, ex.SqlText("'NaN' :: FLOAT")))

    isNaN = equal_nan

    # ------------------------------------------------------------------ arithmetic

    def __add__(self, other):
        return self._binary("+", other)

    def __radd__(self, other):
        return self._binary("+", other, True)

    def __sub__(self, other):
        return self._binary("-", other)

    def __rsub__(self, other):
        return self._binary("-", other, True)

    def __mul__(self, other):
        return self._binary("*", other)

    def __rmul__(self, other):
        return self._binary("*", other, True)

    def __truediv__(self, other):
        return self._binary("/", other)

    def __rtruediv__(self, other):
        return self._binary("/", other, True)

    def __mod__(self, other):
        return self._binary("%", other)

    def __rmod__(self, other):
        return self._binary("%", other, True)

    def __pow__(self, other):
        return Column(ex.FunctionCall("POWER", [self._expression, to_expression(other)]))

    def __rpow__(self, other):
        return Column(ex.FunctionCall("POWER", [to_expression(other), self._expression]))

    def __neg__(self):
        return Column(ex.UnaryOp("-", self._expression))

    def __pos__(self):
        return self

    # ------------------------------------------------------------------ logic

    def __and__(self, other):
        return self._binary("AND", other)

    def __rand__(self, other):
        return self._binary("AND", other, True)

    def __or__(self, other):
        return self._binary("OR", other)

    def __ror__(self, other):
        return self._binary("OR", other, True)

    def __invert__(self):
        return Column(ex.UnaryOp("NOT", self._expression))

    def __bool__(self):
        raise TypeError(
            "Cannot convert a Column object into bool: please use '&' for 'and', '|' for 'or', "
            "'~' for 'not' if you're building DataFrame filter expressions. For example, use "
            "df.filter((col1 > 1) & (col2 > 2)) instead of df.filter(col1 > 1 and col2 > 2).")

    def __iter__(self):
        raise TypeError("Column is not iterable. This error can occur when you use the Python built-ins "
                        "for sum, min and max. Please make sure you use the corresponding function from "
                        "snowflake.snowpark.functions.")

    def __hash__(self):
        return hash(self._expression.sql())

    def __round__(self, n=None):
        raise TypeError("Column cannot be rounded with Python's round(); use functions.round(column, scale).")

    # ------------------------------------------------------------------ predicates

    def bitand(self, other):
        return Column(ex.FunctionCall("BITAND", [self._expression, to_expression(other)]))

    def bitor(self, other):
        return Column(ex.FunctionCall("BITOR", [self._expression, to_expression(other)]))

    def bitxor(self, other):
        return Column(ex.FunctionCall("BITXOR", [self._expression, to_expression(other)]))

    bitwiseAnd, bitwiseOR, bitwiseXOR = bitand, bitor, bitxor

    def is_null(self):
        return Column(ex.UnaryOp("IS NULL", self._expression, postfix=True))

    def is_not_null(self):
        return Column(ex.UnaryOp("IS NOT NULL", self._expression, postfix=True))

    isNull, isNotNull = is_null, is_not_null

    def in_(self, *values):
        if len(values) == 1 and isinstance(values[0], (list, tuple, set)):
            values = tuple(values[0])
        if len(values) == 1 and hasattr(values[0], "_plan"):
            width = len(values[0]._output_names())
            if width != 1:
                raise ValueError("The number of values 1 does not match the number of columns {} in the subquery."
                                 .format(width))
            return Column(ex.InList(self._expression, subquery=values[0]._sql_text()))
        return Column(ex.InList(self._expression, [to_expression(value) for value in values]))

    isin = in_

    def between(self, lower_bound, upper_bound):
        return Column(ex.Between(self._expression, to_expression(lower_bound), to_expression(upper_bound)))

    def like(self, pattern):
        return Column(ex.Like("LIKE", self._expression, to_expression(pattern)))

    def ilike(self, pattern):
        return Column(ex.Like("ILIKE", self._expression, to_expression(pattern)))

    def rlike(self, pattern, parameters=None):
        args = [self._expression, to_expression(pattern)]
        if parameters is not None:
            args.append(to_expression(parameters))
        return Column(ex.FunctionCall("RLIKE", args))

    regexp = rlike

    def startswith(self, other):
        return Column(ex.FunctionCall("STARTSWITH", [self._expression, to_expression(other)]))

    def endswith(self, other):
        return Column(ex.FunctionCall("ENDSWITH", [self._expression, to_expression(other)]))

    def contains(self, other):
        return Column(ex.FunctionCall("CONTAINS", [self._expression, to_expression(other)]))

    def substr(self, start_pos, length=None):
        args = [self._expression, to_expression(start_pos)]
        if length is not None:
            args.append(to_expression(length))
        return Column(ex.FunctionCall("SUBSTRING", args))

    substring = substr

    def collate(self, collation_spec):
        return Column(ex.Collate(self._expression, collation_spec))

    # ------------------------------------------------------------------ types and names

    def cast(self, to):
        return Column(ex.Cast(self._expression, datatype_of(to)))

    astype = cast

    def try_cast(self, to):
        return Column(ex.Cast(self._expression, datatype_of(to), try_=True))

    def alias(self, alias):
        return Column(ex.Alias(ex.strip_alias(self._expression), alias))

    as_ = alias
    name = alias

    def getItem(self, field):
        return Column(ex.Subfield(self._expression, field))

    getField = getItem
    __getitem__ = getItem

    # ------------------------------------------------------------------ ordering

    def asc(self):
        return Column(ex.SortOrder(self._expression, True))

    def asc_nulls_first(self):
        return Column(ex.SortOrder(self._expression, True, True))

    def asc_nulls_last(self):
        return Column(ex.SortOrder(self._expression, True, False))

    def desc(self):
        return Column(ex.SortOrder(self._expression, False))

    def desc_nulls_first(self):
        return Column(ex.SortOrder(self._expression, False, True))

    def desc_nulls_last(self):
        return Column(ex.SortOrder(self._expression, False, False))

    # ------------------------------------------------------------------ windows and groups

    def over(self, window=None):
        from snowflake.snowpark.window import Window, WindowSpec
        spec = window if isinstance(window, WindowSpec) else Window._spec()
        return Column(ex.WindowCall(self._expression, spec))

    def within_group(self, *cols):
        orders = []
        for value in flatten_arguments(cols):
            expression = to_column(value)._expression
            orders.append(expression if isinstance(expression, ex.SortOrder) else ex.SortOrder(expression))
        return Column(ex.WithinGroup(self._expression, orders))

    # ------------------------------------------------------------------ text

    def get_name(self):
        expression = self._expression
        return expression.name if isinstance(expression, (ex.ColumnRef, ex.Alias)) else None

    getName = get_name

    def __str__(self):
        return "Column[{}]".format(self._expression.sql())

    def __repr__(self):
        return self.__str__()

    def _named(self):
        return self._expression.output_name()


class CaseExpr(Column):
    """``when(cond, value).when(...).otherwise(value)``."""

    __slots__ = ("_branches",)

    def __init__(self, branches, otherwise=None):
        self._branches = tuple(branches)
        super().__init__(ex.CaseWhen(self._branches, otherwise))

    def when(self, condition, value):
        return CaseExpr(self._branches + ((_condition(condition), to_expression(value)),))

    def otherwise(self, value):
        return Column(ex.CaseWhen(self._branches, to_expression(value)))

    else_ = otherwise


def _condition(condition):
    if isinstance(condition, str):
        return ex.SqlText(condition)
    return to_expression(condition)

