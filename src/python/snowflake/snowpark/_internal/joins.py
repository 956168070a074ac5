"""Snowpark's join: both sides aliased, shared column names renamed as Snowpark renames them,
and ``df1["a"]`` resolved to its side through the DataFrames each side was built from."""

import random
import re

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p
from snowflake.snowpark.exceptions import SnowparkColumnException, SnowparkSQLAmbiguousJoinException

JOIN_TYPES = {
    "inner": "inner", "left": "left", "leftouter": "left", "left_outer": "left", "right": "right",
    "rightouter": "right", "right_outer": "right", "outer": "outer", "full": "outer", "fullouter": "outer",
    "full_outer": "outer", "semi": "leftsemi", "leftsemi": "leftsemi", "left_semi": "leftsemi",
    "anti": "leftanti", "leftanti": "leftanti", "left_anti": "leftanti", "cross": "cross",
}


def random_tag():
    return "".join(random.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(4))


def unquoted(quoted):
    return quoted[1:-1].replace('""', '"')


def and_all(expressions):
    condition = expressions[0]
    for expression in expressions[1:]:
        condition = ex.BinaryOp("AND", condition, expression)
    return condition


def ambiguous_column(quoted_name):
    name = unquoted(quoted_name)
    return SnowparkSQLAmbiguousJoinException(
        "The reference to the column '{0}' is ambiguous. The column is present in both DataFrames used in the "
        "join. To identify the DataFrame that you want to use in the reference, use the syntax <df>[\"{0}\"] in "
        "join conditions and in select() calls on the result of the join. Alternatively, you can rename the column "
        "in either DataFrame for disambiguation. See the API documentation of the DataFrame.join() method for more "
        "details.".format(name), "1303")


def suffixed_name(quoted_name, suffix):
    """Snowpark's lsuffix/rsuffix: an upper-case name with a plain suffix stays case-insensitive
    (``A`` + ``_l`` is ``A_L``); otherwise the suffix is appended as written (``"a_l"``, ``"A8 l"``)."""
    name = unquoted(quoted_name)
    if name == name.upper() and re.match(r"^[A-Za-z0-9_$]*$", suffix):
        return '"{}{}"'.format(name, suffix.upper())
    return '"{}{}"'.format(name, suffix.strip('"').replace('"', '""'))


def build_join(left, right, kind, using, condition, lsuffix, rsuffix):
    """The joined DataFrame; ``using`` and ``condition`` are already normalised by DataFrame.join."""
    left_alias, right_alias = '"SNOWPARK_LEFT_{}"'.format(left._id), '"SNOWPARK_RIGHT_{}"'.format(right._id)
    left_names, right_names = left._output_names(), right._output_names()
    if lsuffix and lsuffix == rsuffix:
        raise ValueError("'lsuffix' and 'rsuffix' must be different if they're not empty. You set {!r} to both."
                         .format(lsuffix))
    if condition is not None:
        condition = _qualified(condition, left, right, left_alias, right_alias, set(left_names) & set(right_names))
    if kind in ("leftsemi", "leftanti"):
        return _semi_join(left, right, kind, using, condition, left_alias, right_alias, left_names)
    common = {name for name in left_names if name in right_names} - set(using)
    tag = random_tag()
    renames, own_names, outputs = {}, {}, []
    for name in using:
        if kind == "outer":
            key = ex.FunctionCall("COALESCE", [ex.ColumnRef(name, left_alias), ex.ColumnRef(name, right_alias)])
        else:
            key = ex.ColumnRef(name, right_alias if kind == "right" else left_alias)
        outputs.append(ex.Alias(key, name))
    for side, names, alias, prefix, suffix in ((left, left_names, left_alias, "l", lsuffix),
                                               (right, right_names, right_alias, "r", rsuffix)):
        for name in names:
            if name in using:
                continue
            reference = ex.ColumnRef(name, alias)
            # A clash is renamed on the sides without a suffix only when neither side has one.
            if name in common and (suffix or not (lsuffix or rsuffix)):
                new_name = suffixed_name(name, suffix) if suffix else '"{}_{}_{}"'.format(prefix, tag, unquoted(name))
                outputs.append(ex.Alias(reference, new_name))
                for lineage_id in side._lineage:
                    # A DataFrame on both sides (df2 in a.join(df2).join(b.join(df2))) renamed
                    # twice: a reference to it cannot say which side it means...
                    key = (lineage_id, name)
                    renames[key] = None if key in renames and renames[key] != new_name else new_name
                own_names[(side._id, name)] = new_name
            else:
                outputs.append(reference)
        for key, value in side._renames.items():
            renames.setdefault(key, renames.get((key[0], value), value))
    # ...unless it is one of the two sides itself: in df.join(df.filter(...)), df["a"] is the left.
    renames.update(own_names)
    from snowflake.snowpark.dataframe import DataFrame
    plan = p.Join(left._plan, right._plan, kind, condition, using, left_alias, right_alias, outputs)
    return DataFrame(left._session, plan, (left._params or []) + (right._params or []) or None,
                     _lineage=left._lineage | right._lineage, _renames=renames,
                     _aliases=dict(left._aliases, **right._aliases))


def _semi_join(left, right, kind, using, condition, left_alias, right_alias, left_names):
    """Snowflake has no SEMI/ANTI JOIN keyword: Snowpark writes [NOT] EXISTS (…)."""
    if using:
        condition = and_all([ex.BinaryOp("=", ex.ColumnRef(name, left_alias), ex.ColumnRef(name, right_alias))
                             for name in using])
    subquery = "SELECT * FROM ({}) AS {} WHERE {}".format(
        right._sql_text(), right_alias, condition.sql() if condition is not None else "TRUE")
    exists = ex.Exists(subquery) if kind == "leftsemi" else ex.UnaryOp("NOT", ex.Exists(subquery))
    frame = left._derived(p.Filter(p.FromChild(left._plan, "", left_alias), exists))
    return frame._derived(p.Project(frame._plan, [ex.ColumnRef(name) for name in left_names]))


def _qualified(condition, left, right, left_alias, right_alias, shared):
    """Columns taken from either side (``df1["a"] == df2["a"]``) name their side's alias;
    a bare ``col("a")`` that both sides have cannot say which it means."""

    def replace(node):
        if not isinstance(node, ex.ColumnRef):
            return None
        if node.df_alias is not None:
            # col("L", "a"): the alias says which side, even when both sides are one DataFrame.
            if node.df_alias in left._aliases and node.df_alias not in right._aliases:
                key = (left._aliases[node.df_alias], node.name)
                return ex.ColumnRef(left._renames.get(key, node.name), left_alias)
            if node.df_alias in right._aliases:
                key = (right._aliases[node.df_alias], node.name)
                return ex.ColumnRef(right._renames.get(key, node.name), right_alias)
            raise SnowparkColumnException("There is no DataFrame aliased {!r} in this join; name it with "
                                          "df.alias({!r}) first.".format(node.df_alias, node.df_alias), "1111")
        if node.df_id is None:
            if node.qualifier is None and node.name in shared:
                raise ambiguous_column(node.name)
            return None
        in_left, in_right = node.df_id in left._lineage, node.df_id in right._lineage
        # One side built from the other (df.join(df.filter(...))): df["a"] is the side it names.
        if node.df_id in (left._id, right._id):
            in_left, in_right = node.df_id == left._id, node.df_id == right._id
        if in_left and not in_right:
            return ex.ColumnRef(left._renames.get((node.df_id, node.name), node.name), left_alias)
        if in_right and not in_left:
            return ex.ColumnRef(right._renames.get((node.df_id, node.name), node.name), right_alias)
        return ex.ColumnRef(node.name)

    return ex.transform(condition, replace)
