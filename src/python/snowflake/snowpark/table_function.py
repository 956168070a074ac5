"""Table functions (``FLATTEN``, ``SPLIT_TO_TABLE``, ``GENERATOR`` …) called from DataFrames and sessions."""

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark.column import to_expression

from snowpark_local.sql_literals import render_literal


class TableFunctionCall:
    """``table_function("split_to_table")(col("s"), lit(","))``: a call with positional or named arguments."""

    _table_function_call = True

    def __init__(self, func_name, *func_arguments, **func_named_arguments):
        self.name = func_name if isinstance(func_name, str) else ".".join(func_name)
        self.arguments = [to_expression(value) for value in func_arguments]
        self.named_arguments = {name: to_expression(value) for name, value in func_named_arguments.items()}
        self._over = None
        self._aliases = None

    def over(self, partition_by=None, order_by=None):
        raise NotImplementedError("table functions with over() (UDTF partitions) are not in Snowpark Local yet")

    def alias(self, *aliases):
        self._aliases = list(aliases)
        return self

    as_ = alias

    def _resolved(self, resolve):
        call = TableFunctionCall(self.name)
        call.arguments = [resolve(argument) for argument in self.arguments]
        call.named_arguments = {name: resolve(value) for name, value in self.named_arguments.items()}
        call._aliases = self._aliases
        return call

    def call_text(self):
        """``FLATTEN(INPUT => …)``: the form that follows LATERAL."""
        parts = [argument.sql() for argument in self.arguments]
        parts += ["{} => {}".format(name.upper(), value.sql()) for name, value in self.named_arguments.items()]
        return "{}({})".format(self.name.upper(), ", ".join(parts))

    def sql_text(self):
        """``TABLE(FLATTEN(…))``: the form that stands alone in FROM."""
        return "TABLE({})".format(self.call_text())


def _flatten_call(input_expression, path=None, outer=False, recursive=False, mode="BOTH"):
    mode = str(mode).upper()
    if mode not in ("OBJECT", "ARRAY", "BOTH"):
        raise ValueError("mode must be one of ('OBJECT', 'ARRAY', 'BOTH')")
    call = TableFunctionCall("flatten")
    call.named_arguments = {"input": input_expression}
    if path is not None:
        call.named_arguments["path"] = ex.SqlText(render_literal(path))
    call.named_arguments["outer"] = ex.Literal(bool(outer))
    call.named_arguments["recursive"] = ex.Literal(bool(recursive))
    call.named_arguments["mode"] = ex.Literal(mode)
    return call


def _as_call(func, arguments, named_arguments, resolve):
    if isinstance(func, TableFunctionCall):
        call = func
    else:
        call = TableFunctionCall(func, *arguments, **named_arguments)
    return call._resolved(resolve)
