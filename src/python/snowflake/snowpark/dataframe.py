"""Snowpark's DataFrame: a logical plan that compiles to one Snowflake SQL query when an action runs."""

import copy
import itertools
import re

from snowflake.snowpark._internal.arguments import flatten_arguments
from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p
from snowflake.snowpark._internal.compiler import compile_plan
from snowflake.snowpark._internal.joins import (JOIN_TYPES, ambiguous_column, and_all, build_join, random_tag,
                                                unquoted)
from snowflake.snowpark._internal.numeric_types import needs_numeric_types, with_snowflake_numbers
from snowflake.snowpark._internal.type_names import datatype_from_snowflake
from snowflake.snowpark.column import Column, to_column
from snowflake.snowpark.dataframe_actions import DataFrameActions
from snowflake.snowpark.exceptions import SnowparkClientException, SnowparkColumnException, SnowparkJoinException
from snowflake.snowpark.types import StructField, StructType

from snowpark_local.sql_literals import quote_identifier

_ids = itertools.count(1)

# Snowpark DataFrame methods the shim does not have: asking for one says so, instead of
# looking for a column of that name.
_SNOWPARK_METHODS_NOT_HERE = frozenset({
    "ai", "analytics", "col_ilike", "copy_into_table", "create_or_replace_dynamic_table", "get_execution_profile",
    "lateral_join", "to_arrow", "to_arrow_batches", "to_snowpark_pandas", "map", "map_in_pandas",
})




class DataFrame(DataFrameActions):
    """Lazily evaluated: each transformation returns a new DataFrame over a bigger plan."""

    def __init__(self, session=None, plan=None, params=None, *, _lineage=None, _renames=None, _aliases=None):
        self._session = session
        self._plan = plan
        self._params = list(params) if params else None
        self._id = next(_ids)
        self._lineage = frozenset(_lineage or ()) | {self._id}
        self._renames = dict(_renames or {})
        # df.alias("L") names this DataFrame for col("L", "a"): alias → the id it stands for.
        self._aliases = dict(_aliases or {})
        self._described = None
        self._sql_cache = None

    # ------------------------------------------------------------------ plan and SQL

    def _sql_text(self):
        if self._sql_cache is None:
            self._sql_cache = compile_plan(self._plan)
        return self._sql_cache

    def _derived(self, plan, renames=None):
        return DataFrame(self._session, plan, self._params,
                         _lineage=self._lineage,
                         _renames=self._renames if renames is None else renames, _aliases=self._aliases)

    def _aliased_id(self, node):
        """The DataFrame id a ColumnRef names, through df["a"] or col("alias", "a")."""
        if node.df_alias is None:
            return node.df_id
        if node.df_alias not in self._aliases:
            raise SnowparkColumnException(
                "There is no DataFrame aliased {!r} here (aliases: {}); name it with df.alias({!r}) first.".format(
                    node.df_alias, ", ".join(sorted(self._aliases)) or "none", node.df_alias), "1111")
        return self._aliases[node.df_alias]

    def _resolve(self, expression):
        """Names in a column taken from this DataFrame or one it was built from (``df1["a"]`` after
        a join that renamed ``A``) become the names this DataFrame's output has."""
        renames = self._renames
        if not renames and not self._aliases:
            return expression
        renamed_away = {name for (_, name) in renames}

        def replace(node):
            if isinstance(node, ex.ColumnRef) and (node.df_id is not None or node.df_alias is not None):
                key = (self._aliased_id(node), node.name)
                if key in renames and renames[key] is None:
                    raise ambiguous_column(node.name)
                return ex.ColumnRef(renames.get(key, node.name), node.qualifier)
            if isinstance(node, ex.ColumnRef) and node.qualifier is None and node.name in renamed_away \
                    and node.name not in self._output_names():
                raise ambiguous_column(node.name)
            return None

        return ex.transform(expression, replace)

    def _with_number_types(self, expressions):
        """Divisions and averages get the NUMBER scale Snowflake gives them (numeric_types.py);
        only then are this DataFrame's column types needed."""
        if not any(needs_numeric_types(expression) for expression in expressions):
            return expressions
        types = {'"' + column["name"].replace('"', '""') + '"': column["type"] for column in self._describe()}
        typed = []
        for expression in expressions:
            result = with_snowflake_numbers(expression, types.get)
            if not isinstance(expression, ex.Alias) and result.sql() != expression.sql():
                # The CAST must not rename the column: it keeps the name Snowflake gives AVG("A").
                result = ex.Alias(result, '"' + expression.output_name().replace('"', '""') + '"')
            typed.append(result)
        return typed

    def _expr(self, value):
        return self._resolve(to_column(value)._expression)

    @property
    def queries(self):
        return {"queries": [self._sql_text()], "post_actions": []}

    def explain(self):
        print(self._explain_string())

    def _explain_string(self):
        return "---------DATAFRAME EXECUTION PLAN----------\nQuery List:\n0.\n{}\n--------------------------------------------".format(
            self._sql_text())

    @property
    def session(self):
        return self._session

    @property
    def write(self):
        from snowflake.snowpark.dataframe_writer import DataFrameWriter
        return DataFrameWriter(self)

    @property
    def na(self):
        from snowflake.snowpark.dataframe_na_functions import DataFrameNaFunctions
        return DataFrameNaFunctions(self)

    @property
    def stat(self):
        from snowflake.snowpark.dataframe_stat_functions import DataFrameStatFunctions
        return DataFrameStatFunctions(self)

    def __repr__(self):
        return "<{} {!r}>".format(type(self).__name__, self._sql_text())

    def __copy__(self):
        # A copy is a different DataFrame over its own plan: the way to join a DataFrame with itself.
        return DataFrame(self._session, copy.copy(self._plan), self._params)

    # ------------------------------------------------------------------ schema

    def _describe(self):
        if self._described is None:
            self._described = self._session._describe(self._sql_text(), self._params)
        return self._described

    @property
    def schema(self):
        return StructType([StructField('"' + column["name"].replace('"', '""') + '"', datatype_from_snowflake(column["type"]))
                           for column in self._describe()])

    @property
    def columns(self):
        return self.schema.names

    @property
    def dtypes(self):
        return [(field.name, _simple_type_name(column["type"]))
                for field, column in zip(self.schema.fields, self._describe())]

    def print_schema(self, level=None):
        """The schema as Snowpark prints it: ``root`` then `` |-- "A": LongType() (nullable = True)``."""
        print(self._schema_text(level))

    printSchema = print_schema

    def _schema_text(self, level=None):
        from snowflake.snowpark.types import ArrayType, MapType

        def lines(name, datatype, nullable, depth):
            if level is not None and depth >= level:
                return []
            prefix = " |  " * depth
            suffix = " (nullable = {})".format(nullable) if nullable is not None else ""
            if isinstance(datatype, ArrayType):
                return ["{} |-- {}: ArrayType{}".format(prefix, name, suffix)] + lines(
                    "element", datatype.element_type, None, depth + 1)
            if isinstance(datatype, MapType):
                return (["{} |-- {}: MapType{}".format(prefix, name, suffix)]
                        + lines("key", datatype.key_type, None, depth + 1)
                        + lines("value", datatype.value_type, None, depth + 1))
            return ["{} |-- {}: {}{}".format(prefix, name, datatype, suffix)]

        body = []
        for field, quoted in zip(self.schema.fields, self._output_names()):
            body += lines(quoted, field.datatype, field.nullable, 0)
        return "\n".join(["root"] + body)

    def __getattr__(self, name):
        if name in _SNOWPARK_METHODS_NOT_HERE:
            raise NotImplementedError("DataFrame.{}() is not in Snowpark Local yet.".format(name))
        return self._column_attribute(name)

    def _output_names(self):
        """This DataFrame's columns as quoted identifiers."""
        return ['"' + column["name"].replace('"', '""') + '"' for column in self._describe()]

    # ------------------------------------------------------------------ columns

    def col(self, col_name):
        names = self._output_names()
        if col_name == "*":
            return Column(ex.Star([ex.ColumnRef(name, df_id=self._id) for name in names]))
        quoted = quote_identifier(col_name)
        if quoted not in names:
            # A name a join renamed (A → "l_x1y2_A") and that survives under its new name only.
            renamed = {new for (_, old), new in self._renames.items() if old == quoted and new in names}
            if len(renamed) == 1:
                return Column(ex.ColumnRef(renamed.pop(), df_id=self._id), _df_id=self._id)
            if len(renamed) > 1 or any(old == quoted for (_, old) in self._renames):
                raise ambiguous_column(quoted)
            raise SnowparkColumnException(
                "The DataFrame does not contain the column named {}. Its columns are {}.".format(
                    col_name, ", ".join(names)), "1111")
        return Column(ex.ColumnRef(col_name, df_id=self._id), _df_id=self._id)

    def __getitem__(self, item):
        if isinstance(item, str):
            return self.col(item)
        if isinstance(item, Column):
            return self.filter(item)
        if isinstance(item, (list, tuple)):
            return self.select(item)
        if isinstance(item, int):
            return self.col(self.columns[item])
        raise TypeError("unexpected item type: {}".format(type(item).__name__))

    def _column_attribute(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        if name.upper() in [column.upper() for column in self.columns]:
            return self.col(name)
        raise AttributeError("{} object has no attribute {!r}: it is not a DataFrame method Snowpark Local "
                             "implements, nor one of the columns {}".format(type(self).__name__, name, self.columns))

    # ------------------------------------------------------------------ transformations

    def select(self, *cols):
        expressions = []
        for value in flatten_arguments(cols):
            if isinstance(value, str) and value != "*":
                expressions.append(self._resolve(ex.ColumnRef(value)))
            elif hasattr(value, "_table_function_call"):
                return self.join_table_function(value)
            else:
                expressions.append(ex.lift_alias(self._expr(value)))
        if not expressions:
            raise ValueError("The input of select() cannot be empty")
        return self._derived(p.Project(self._plan, self._with_number_types(expressions)))

    def select_expr(self, *exprs):
        return self.select([Column(ex.SqlText(text)) for text in flatten_arguments(exprs)])

    selectExpr = select_expr

    def filter(self, expr):
        condition = ex.SqlText(expr) if isinstance(expr, str) else ex.without_aliases(self._expr(expr))
        return self._derived(p.Filter(self._plan, condition))

    where = filter

    def sort(self, *cols, ascending=None):
        orders = []
        for value in flatten_arguments(cols):
            expression = ex.without_aliases(self._expr(value))
            orders.append(expression if isinstance(expression, ex.SortOrder) else ex.SortOrder(expression))
        if not orders:
            raise ValueError("sort() needs at least one sort expression")
        if ascending is not None:
            flags = ascending if isinstance(ascending, (list, tuple)) else [ascending] * len(orders)
            if len(flags) != len(orders):
                raise ValueError("ascending has {} values for {} sort columns".format(len(flags), len(orders)))
            orders = [ex.SortOrder(order.child, bool(flag)) for order, flag in zip(orders, flags)]
        return self._derived(p.Sort(self._plan, orders))

    order_by = orderBy = sort

    def limit(self, n, offset=0):
        return self._derived(p.Limit(self._plan, int(n), int(offset)))

    def distinct(self):
        return self._derived(p.Distinct(self._plan))

    def drop_duplicates(self, *subset):
        names = list(flatten_arguments(subset))
        if not names:
            return self.distinct()
        for name in names:
            self.col(name)  # a column that is not there is SnowparkColumnException, as in Snowpark
        from snowflake.snowpark.functions import row_number
        from snowflake.snowpark.window import Window
        keys = [quote_identifier(name) for name in names]
        marker = '"SNOWPARK_LOCAL_ROW_NUMBER"'
        ranked = self.select(Column(ex.Star()), row_number().over(
            Window.partition_by([Column(key) for key in keys]).order_by([Column(key) for key in keys])).alias(marker))
        return ranked.filter(Column(marker) == 1).drop(marker)

    dropDuplicates = drop_duplicates

    def with_column(self, col_name, col):
        return self.with_columns([col_name], [col])

    withColumn = with_column

    def with_columns(self, col_names, values):
        if len(col_names) != len(values):
            raise ValueError("The size of column names ({}) is not equal to the size of columns ({})".format(
                len(col_names), len(values)))
        new_names = [quote_identifier(name) for name in col_names]
        if len(set(new_names)) != len(new_names):
            raise ValueError("The same column name is used multiple times in the col_names parameter.")
        kept = [ex.ColumnRef(name) for name in self._output_names() if name not in new_names]
        added = []
        for name, value in zip(new_names, values):
            if hasattr(value, "_table_function_call"):
                raise NotImplementedError("with_columns() with a table function is not in Snowpark Local yet; "
                                          "use join_table_function().")
            added.append(ex.Alias(ex.strip_alias(self._expr(value)), name))
        return self._derived(p.Project(self._plan, kept + self._with_number_types(added)))

    withColumns = with_columns

    def with_column_renamed(self, existing, new):
        old_name = self._expr(existing).output_name() if isinstance(existing, Column) else quote_identifier(existing)
        names = self._output_names()
        if old_name not in names:
            raise ValueError("Unable to rename column {} because it doesn't exist.".format(existing))
        if names.count(old_name) > 1:
            raise SnowparkColumnException("Unable to rename the column {} as {} because this DataFrame has {} columns "
                                          "named {}.".format(old_name, quote_identifier(new), names.count(old_name), old_name),
                                          "1120")
        new_name = quote_identifier(new)
        projection = [ex.Alias(ex.ColumnRef(name), new_name) if name == old_name else ex.ColumnRef(name)
                      for name in names]
        return self._derived(p.Project(self._plan, projection))

    withColumnRenamed = with_column_renamed

    def rename(self, col_or_mapper, new_column=None):
        if new_column is not None:
            return self.with_column_renamed(col_or_mapper, new_column)
        if not isinstance(col_or_mapper, dict):
            raise ValueError("rename() takes a column and its new name, or a dict of them")
        if not col_or_mapper:
            raise ValueError("The rename dictionary cannot be empty")
        frame = self
        for old, new in col_or_mapper.items():
            frame = frame.with_column_renamed(old, new)
        return frame

    def drop(self, *cols):
        dropped = set()
        for value in flatten_arguments(cols):
            expression = self._expr(value) if isinstance(value, Column) else ex.ColumnRef(value)
            if not isinstance(expression, ex.ColumnRef):
                raise SnowparkColumnException("You must specify the column by name to drop it, not an expression: {}"
                                              .format(expression.sql()), "1119")
            dropped.add(expression.name)
        kept = [ex.ColumnRef(name) for name in self._output_names() if name not in dropped]
        if not kept:
            raise SnowparkColumnException("Cannot drop all columns", "1116")
        return self._derived(p.Project(self._plan, kept))

    def to_df(self, *names):
        names = list(flatten_arguments(names))
        if not all(isinstance(name, str) for name in names):
            raise TypeError("Invalid input type in to_df(), expected str or a list of strs.")
        current = self._output_names()
        if len(names) != len(current):
            raise ValueError("The number of columns doesn't match. Old column names ({}): {}. New column names "
                             "({}): {}.".format(len(current), ",".join(current), len(names), ",".join(names)))
        return self._derived(p.Project(self._plan, [ex.Alias(ex.ColumnRef(old), new) for old, new in zip(current, names)]))

    toDF = to_df

    def alias(self, name):
        """``df.alias("L")``: columns of this DataFrame can then be named ``col("L", "a")``,
        also after a join with another aliased DataFrame (and with itself, through the alias)."""
        frame = self._derived(self._plan)
        frame._aliases[name] = frame._id
        return frame

    # ------------------------------------------------------------------ aggregation

    def group_by(self, *cols):
        from snowflake.snowpark.relational_grouped_dataframe import RelationalGroupedDataFrame
        return RelationalGroupedDataFrame(self, self._grouping_exprs(cols), "")

    groupBy = group_by

    def rollup(self, *cols):
        from snowflake.snowpark.relational_grouped_dataframe import RelationalGroupedDataFrame
        return RelationalGroupedDataFrame(self, self._grouping_exprs(cols), "ROLLUP")

    def cube(self, *cols):
        from snowflake.snowpark.relational_grouped_dataframe import RelationalGroupedDataFrame
        return RelationalGroupedDataFrame(self, self._grouping_exprs(cols), "CUBE")

    def group_by_grouping_sets(self, *grouping_sets):
        from snowflake.snowpark.relational_grouped_dataframe import RelationalGroupedDataFrame
        # Each GroupingSets argument is one GROUPING SETS clause; several multiply, as in SQL.
        clauses, columns = [], []
        for argument in grouping_sets:
            sets = list(_flatten_sets([argument]))
            rendered = []
            for grouping_set in sets:
                expressions = [self._expr(value) for value in grouping_set]
                columns.extend(expression for expression in expressions
                               if expression.sql() not in [column.sql() for column in columns])
                rendered.append("(" + ", ".join(expression.sql() for expression in expressions) + ")")
            clauses.append(ex.SqlText("GROUPING SETS ({})".format(", ".join(rendered))))
        return RelationalGroupedDataFrame(self, clauses, "GROUPING SETS", grouping_columns=columns)

    groupByGroupingSets = group_by_grouping_sets

    def _grouping_exprs(self, cols):
        return [self._expr(value) for value in flatten_arguments(cols)]

    def agg(self, *exprs):
        return self.group_by().agg(*exprs)

    # ------------------------------------------------------------------ joins

    def join(self, right, on=None, how=None, *, join_type=None, lsuffix="", rsuffix="", using_columns=None, **kwargs):
        if not isinstance(right, DataFrame):
            raise TypeError("join() takes a DataFrame, not {}".format(type(right).__name__))
        # As Snowpark: only the same DataFrame (or one over the very same plan) is refused. One built
        # from the other (df.join(df.filter(...))) joins, and df["a"] then names the left side.
        if (self is right or self._plan is right._plan) and not (
                set(self._aliases) - set(right._aliases) and set(right._aliases) - set(self._aliases)):
            raise SnowparkJoinException(
                "You cannot join a DataFrame with itself because the column references cannot be resolved "
                "correctly. Instead, create a copy of the DataFrame with copy.copy(), and join the DataFrame "
                "with this copy.", "1103")
        kind = JOIN_TYPES.get(str(how or join_type or "inner").lower().replace(" ", ""))
        if kind is None:
            raise SnowparkClientException("Unsupported join type '{}'. Supported join types include: 'inner', "
                                          "'outer', 'full', 'fullouter', 'leftouter', 'left', 'rightouter', 'right', "
                                          "'leftsemi', 'semi', 'leftanti', 'anti', 'cross'.".format(how or join_type), "1108")
        on = using_columns if on is None else on
        using, condition = [], None
        if isinstance(on, str):
            using = [quote_identifier(on)]
        elif isinstance(on, Column):
            condition = on._expression
        elif isinstance(on, (list, tuple)) and on:
            if all(isinstance(item, str) for item in on):
                using = [quote_identifier(item) for item in on]
            else:
                condition = and_all([to_column(item)._expression for item in on])
        if kind == "cross" and (using or condition is not None):
            raise SnowparkClientException("Cross joins cannot take columns as input.", "1110")
        return self._join(right, kind, using, condition, lsuffix, rsuffix)

    def cross_join(self, right, *, lsuffix="", rsuffix=""):
        return self._join(right, "cross", [], None, lsuffix, rsuffix)

    crossJoin = cross_join

    def natural_join(self, right, how=None, *, join_type=None):
        left_names, right_names = self._output_names(), right._output_names()
        common = [name for name in left_names if name in right_names]
        kind = JOIN_TYPES.get(str(how or join_type or "inner").lower().replace(" ", ""), "inner")
        if not common:
            return self._join(right, "cross", [], None, "", "")
        return self._join(right, kind, common, None, "", "")

    naturalJoin = natural_join

    def _join(self, right, kind, using, condition, lsuffix, rsuffix):
        return build_join(self, right, kind, using, condition, lsuffix, rsuffix)

    # ------------------------------------------------------------------ set operations

    def _set(self, operator, other):
        return DataFrame(self._session, p.SetOperation(operator, self._plan, other._plan),
                         (self._params or []) + (other._params or []) or None, _lineage=self._lineage)

    def union(self, other):
        return self._set("UNION", other)

    def union_all(self, other):
        return self._set("UNION ALL", other)

    def union_by_name(self, other, allow_missing_columns=False):
        return self._by_name("UNION", other, allow_missing_columns)

    def union_all_by_name(self, other, allow_missing_columns=False):
        return self._by_name("UNION ALL", other, allow_missing_columns)

    def _by_name(self, operator, other, allow_missing_columns):
        """Both sides projected onto one column list: this side's order, then the other's extras
        (as NULL on the side that lacks them, when allow_missing_columns)."""
        mine, theirs = self._output_names(), other._output_names()
        only_right = [name for name in theirs if name not in mine]
        only_left = [name for name in mine if name not in theirs]
        if not allow_missing_columns and (only_right or only_left):
            side, names = ("right", only_right) if only_right else ("left", only_left)
            raise SnowparkClientException(
                "Cannot union the DataFrames by column names. ({}) is in the {} hand side, but not the {}.".format(
                    ", ".join(names), side, "left" if side == "right" else "right"), "1107")
        combined = mine + only_right

        def projected(frame, names):
            return frame._derived(p.Project(frame._plan, [
                ex.ColumnRef(name) if name in names else ex.Alias(ex.Literal(None), name) for name in combined]))

        left = projected(self, mine) if only_right else self
        return left._set(operator, projected(other, theirs))

    unionAll, unionByName, unionAllByName = union_all, union_by_name, union_all_by_name

    def intersect(self, other):
        return self._set("INTERSECT", other)

    def except_(self, other):
        return self._set("EXCEPT", other)

    minus = subtract = except_

    # ------------------------------------------------------------------ sampling

    def sample(self, frac=None, n=None, *, seed=None, sampling_method=None):
        if (frac is None) == (n is None):
            raise ValueError("'frac' and 'n' cannot both be None or both be given")
        if frac is not None and not 0.0 <= frac <= 1.0:
            raise ValueError("'frac' value {} is out of range (0 <= probability <= 1)".format(frac))
        if n is not None and n < 0:
            raise ValueError("'n' value {} cannot be negative".format(n))
        clause = "SAMPLE ({})".format(frac * 100.0) if frac is not None else "SAMPLE ({} ROWS)".format(int(n))
        if seed is not None and frac is not None:
            clause += " SEED ({})".format(int(seed))
        return self._derived(p.FromChild(self._plan, " " + clause))

    def random_split(self, weights, seed=None, *, statement_params=None):
        if not weights:
            raise ValueError("weights can't be None or empty and must be positive numbers")
        if any(weight <= 0 for weight in weights):
            raise ValueError("weights must be positive numbers")
        total = float(sum(weights))
        from snowflake.snowpark.functions import random as random_fn
        marker = '"SNOWPARK_LOCAL_SPLIT"'
        # Snowpark caches the DataFrame with a random key per row, then cuts the key range.
        cached = self.with_column(marker, Column(ex.FunctionCall("UNIFORM", [
            ex.Literal(0.0), ex.Literal(1.0), (random_fn(seed) if seed is not None else random_fn())._expression])))
        cached = cached.cache_result()
        frames, lower = [], 0.0
        for index, weight in enumerate(weights):
            upper = 1.0 if index == len(weights) - 1 else lower + weight / total
            frames.append(cached.filter((Column(marker) >= lower) & (Column(marker) < upper) if upper < 1.0
                                        else Column(marker) >= lower).drop(marker))
            lower = upper
        return frames

    randomSplit = random_split

    # ------------------------------------------------------------------ semi-structured and table functions

    def flatten(self, input, path=None, outer=False, recursive=False, mode="BOTH"):
        from snowflake.snowpark.table_function import _flatten_call
        return self.join_table_function(_flatten_call(self._expr(input), path, outer, recursive, mode))

    def join_table_function(self, func, *func_arguments, **func_named_arguments):
        from snowflake.snowpark.table_function import _as_call
        call = _as_call(func, func_arguments, func_named_arguments, self._resolve)
        left_alias = '"SNOWPARK_LEFT_{}"'.format(self._id)
        suffix = ", LATERAL {} AS \"T\"".format(call.call_text())
        source = p.FromChild(self._plan, suffix, left_alias)
        function_names = ['"' + column["name"].replace('"', '""') + '"' for column in self._session._describe(
            compile_plan(p.Project(source, [ex.SqlText('"T".*')])), self._params)]
        # A left column the function also outputs (VALUE, INDEX …) is renamed as a join renames
        # a clash, so df["value"] and the function's VALUE stay apart.
        tag, renames, outputs = random_tag(), dict(self._renames), []
        for name in self._output_names():
            if name in function_names:
                new_name = '"l_{}_{}"'.format(tag, unquoted(name))
                outputs.append(ex.Alias(ex.ColumnRef(name, left_alias), new_name))
                for lineage_id in self._lineage:
                    renames[(lineage_id, name)] = new_name
            else:
                outputs.append(ex.ColumnRef(name, left_alias))
        outputs += [ex.ColumnRef(name, '"T"') for name in function_names]
        return self._derived(p.Project(source, outputs), renames=renames)

    joinTableFunction = join_table_function

    # ------------------------------------------------------------------ describing data

    def describe(self, *cols, strings_include_math_stats=False):
        from snowflake.snowpark.dataframe_stat_functions import describe_frame
        return describe_frame(self, list(flatten_arguments(cols)), strings_include_math_stats)

    def pivot(self, pivot_col, values=None, default_on_null=None):
        from snowflake.snowpark.relational_grouped_dataframe import RelationalGroupedDataFrame
        return RelationalGroupedDataFrame(self, [], "", pivot=(self._expr(pivot_col), values, default_on_null))

    def unpivot(self, value_column, name_column, column_list, include_nulls=False):
        columns = ", ".join(self._expr(value).sql() for value in flatten_arguments(column_list))
        clause = " UNPIVOT{} ({} FOR {} IN ({}))".format(
            " INCLUDE NULLS" if include_nulls else "", quote_identifier(value_column), quote_identifier(name_column), columns)
        return self._derived(p.FromChild(self._plan, clause))

    def fillna(self, value, subset=None):
        return self.na.fill(value, subset)

    def dropna(self, how="any", thresh=None, subset=None):
        return self.na.drop(how, thresh, subset)

    def replace(self, to_replace, value=None, subset=None):
        return self.na.replace(to_replace, value, subset)

    def approx_quantile(self, col, percentile, *, statement_params=None):
        return self.stat.approx_quantile(col, percentile)

    def corr(self, col1, col2, *, statement_params=None):
        return self.stat.corr(col1, col2)

    def cov(self, col1, col2, *, statement_params=None):
        return self.stat.cov(col1, col2)

    def crosstab(self, col1, col2, *, statement_params=None):
        return self.stat.crosstab(col1, col2)

    def sample_by(self, col, fractions, seed=None):
        return self.stat.sample_by(col, fractions, seed)

    approxQuantile, sampleBy = approx_quantile, sample_by


def _flatten_sets(grouping_sets):
    from snowflake.snowpark.relational_grouped_dataframe import GroupingSets
    for item in grouping_sets:
        if isinstance(item, GroupingSets):
            for grouping_set in item.sets:
                yield grouping_set
        elif isinstance(item, (list, tuple)) and item and all(isinstance(part, (list, tuple)) for part in item):
            for grouping_set in item:
                yield list(grouping_set)
        elif isinstance(item, (list, tuple)):
            yield list(item)
        else:
            yield [item]


def _simple_type_name(type_name):
    text = type_name.lower()
    match = re.match(r"number\((\d+),(\d+)\)", text.replace(" ", ""))
    if match:
        return "bigint" if match.group(2) == "0" else "decimal({},{})".format(match.group(1), match.group(2))
    if text.startswith("varchar"):
        return "string" + text[len("varchar"):]
    if text in ("float", "double"):
        return "double"
    if text.startswith("timestamp"):
        return "timestamp"
    if text == "object":
        return "map<string,string>"
    if text == "array":
        return "array<string>"
    return text
