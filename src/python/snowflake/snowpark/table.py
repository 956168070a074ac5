"""``session.table(name)``: a DataFrame over a table, plus Snowpark's UPDATE, DELETE and MERGE."""

from typing import NamedTuple, Optional

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType
from snowflake.snowpark.column import to_expression
from snowflake.snowpark.dataframe import DataFrame
from snowflake.snowpark.exceptions import SnowparkTableException

from snowpark_local.results import rows_from_result
from snowpark_local.sql_literals import quote_identifier


class UpdateResult(NamedTuple):
    """Result of ``Table.update``: rows updated, and rows among them joined to several source rows."""

    rows_updated: int
    multi_joined_rows_updated: Optional[int] = None


class DeleteResult(NamedTuple):
    """Result of ``Table.delete``."""

    rows_deleted: int


class MergeResult(NamedTuple):
    """Result of ``Table.merge``."""

    rows_inserted: int
    rows_updated: int
    rows_deleted: int


_SOURCE_ALIAS = '"SNOWPARK_SOURCE"'


def _already_specified(action, clause):
    return SnowparkTableException("{} has been specified for {} to merge table".format(action, clause), "1115")


class WhenMatchedClause:
    """``when_matched([condition]).update({...})`` or ``.delete()`` inside ``Table.merge``."""

    def __init__(self, condition=None):
        self._condition = condition
        self._clause = None  # ("update", assignments) or ("delete", None), as Snowpark keeps one action
        self._assignments = None

    def _check_unset(self):
        if self._clause:
            action = self._clause[0] if isinstance(self._clause, tuple) else "delete"
            raise _already_specified(action, "WhenMatchedClause")

    def update(self, assignments):
        self._check_unset()
        self._clause = ("update", dict(assignments))
        return self

    def delete(self):
        self._check_unset()
        self._clause = ("delete", None)
        return self


class WhenNotMatchedClause:
    """``when_not_matched([condition]).insert(values)``: a list in column order, or a dict by name."""

    def __init__(self, condition=None):
        self._condition = condition
        self._clause = None

    def insert(self, assignments):
        if self._clause:
            raise _already_specified("insert", "WhenNotMatchedClause")
        self._clause = ("insert", dict(assignments) if isinstance(assignments, dict) else list(assignments))
        return self


def _table_name(name):
    return name if isinstance(name, str) else ".".join(name)


class Table(DataFrame):
    def __init__(self, table_name, session=None, **kwargs):
        self.table_name = _table_name(table_name)
        super().__init__(session, p.TableSource(self.table_name))
        self.is_cached = False

    def __copy__(self):
        return Table(self.table_name, self._session)

    # ------------------------------------------------------------------ DML
    # The SQL is Snowpark's: UPDATE … SET … FROM (source) WHERE …, DELETE FROM … USING (source)
    # WHERE …, MERGE INTO … USING (source) ON … WHEN …. The engine answers with Snowflake's count
    # row (DuckDB: src/core/engine/duckdb/dmlPlan.ts), read here by column name.

    def _qualify(self, expression, source):
        """Columns of this table name the table; columns of the source name the source's alias."""
        target_columns = None
        if source is not None:
            # A bare col("a") means the target's column when the target has one, as in
            # Snowpark, which renames the source's clashing columns instead.
            target_columns = set(self._output_names())

        def replace(node):
            if not isinstance(node, ex.ColumnRef) or node.qualifier is not None or node.name == "*":
                return None
            if node.df_id is not None:
                if source is not None and node.df_id in source._lineage and node.df_id not in self._lineage:
                    return ex.ColumnRef(source._renames.get((node.df_id, node.name), node.name), _SOURCE_ALIAS)
                if node.df_id in self._lineage:
                    return ex.ColumnRef(node.name, self.table_name)
            elif target_columns is not None and node.name in target_columns:
                return ex.ColumnRef(node.name, self.table_name)
            return None

        return ex.transform(to_expression(expression), replace)

    def _assignments(self, assignments, source):
        return ", ".join("{} = {}".format(quote_identifier(name), self._qualify(value, source).sql())
                         for name, value in assignments.items())

    def _dml(self, sql, params, block, make_result):
        session = self._session
        if not block:
            return AsyncJob(session._submit(sql, params), sql, session, result_type=_AsyncResultType.ROW,
                            _post_process=lambda rows: make_result(rows[0] if rows else None))
        rows = rows_from_result(session._execute(sql, params))
        return make_result(rows[0] if rows else None)

    @staticmethod
    def _check_source(condition, source):
        if source is not None:
            assert condition is not None, "condition should also be provided if source is provided"

    def update(self, assignments, condition=None, source=None, *, statement_params=None, block=True):
        """``UPDATE``: ``assignments`` maps column names to values or Columns; returns an UpdateResult."""
        self._check_source(condition, source)
        if not assignments:
            raise ValueError("Table.update() needs at least one assignment, e.g. {\"col\": lit(0)}")
        sql = "UPDATE {} SET {}".format(self.table_name, self._assignments(assignments, source))
        if source is not None:
            sql += " FROM ({}) AS {}".format(source._sql_text(), _SOURCE_ALIAS)
        if condition is not None:
            sql += " WHERE " + self._qualify(condition, source).sql()
        return self._dml(sql, _params(source), block, lambda row: UpdateResult(
            _count(row, "number of rows updated"), _count(row, "number of multi-joined rows updated", None)))

    def delete(self, condition=None, source=None, *, statement_params=None, block=True):
        """``DELETE``, of the rows matching ``condition`` (all rows without one); returns a DeleteResult."""
        self._check_source(condition, source)
        sql = "DELETE FROM {}".format(self.table_name)
        if source is not None:
            sql += " USING ({}) AS {}".format(source._sql_text(), _SOURCE_ALIAS)
        if condition is not None:
            sql += " WHERE " + self._qualify(condition, source).sql()
        return self._dml(sql, _params(source), block, lambda row: DeleteResult(_count(row, "number of rows deleted")))

    def merge(self, source, join_expr, clauses, *, statement_params=None, block=True):
        """``MERGE INTO`` this table ``USING source ON join_expr`` with when_matched / when_not_matched clauses."""
        clauses = list(clauses)
        for clause in clauses:
            if not isinstance(clause, (WhenMatchedClause, WhenNotMatchedClause)):
                raise TypeError("clauses only accepts WhenMatchedClause or WhenNotMatchedClause instances")
        if not clauses:
            raise ValueError("Table.merge() needs at least one clause: when_matched().update({...}), "
                             "when_matched().delete() or when_not_matched().insert({...})")
        parts = ["MERGE INTO {} USING ({}) AS {} ON {}".format(
            self.table_name, source._sql_text(), _SOURCE_ALIAS, self._qualify(join_expr, source).sql())]
        parts.extend(self._merge_clause(clause, source) for clause in clauses)
        return self._dml(" ".join(parts), _params(source), block, lambda row: MergeResult(
            _count(row, "number of rows inserted"), _count(row, "number of rows updated"),
            _count(row, "number of rows deleted")))

    def _merge_clause(self, clause, source):
        condition = "" if clause._condition is None else " AND " + self._qualify(clause._condition, source).sql()
        if not clause._clause:
            kind, call = (("when_matched", ".update({...}) or .delete()") if isinstance(clause, WhenMatchedClause)
                          else ("when_not_matched", ".insert({...})"))
            raise SnowparkTableException(
                "A {}() clause passed to Table.merge() has no action; call {} on it.".format(kind, call), "1115")
        action, values = clause._clause
        if action == "update":
            if not values:
                raise ValueError("when_matched().update() needs at least one assignment")
            return "WHEN MATCHED{} THEN UPDATE SET {}".format(condition, self._assignments(values, source))
        if action == "delete":
            return "WHEN MATCHED{} THEN DELETE".format(condition)
        columns = ""
        if isinstance(values, dict):
            columns = " ({})".format(", ".join(quote_identifier(name) for name in values))
            values = list(values.values())
        if not values:
            raise ValueError("when_not_matched().insert() needs at least one value")
        return "WHEN NOT MATCHED{} THEN INSERT{} VALUES ({})".format(
            condition, columns, ", ".join(self._qualify(value, source).sql() for value in values))

    def drop_table(self):
        self._session._execute("DROP TABLE {}".format(self.table_name))

    def sample(self, frac=None, n=None, *, seed=None, sampling_method=None):
        return super().sample(frac, n, seed=seed, sampling_method=sampling_method)


def _params(source):
    return source._params if source is not None else None


def _count(row, name, missing=0):
    """A count from the engine's result row; an action the statement lacks has no column."""
    if row is None or row._fields is None or name not in row._fields:
        return missing
    return int(row[name])
