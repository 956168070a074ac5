"""``session.table(name)``: a DataFrame over a table, plus Snowpark's UPDATE, DELETE and MERGE."""

from collections import namedtuple

from snowflake.snowpark._internal import expressions as ex
from snowflake.snowpark._internal import plan as p
from snowflake.snowpark.async_job import AsyncJob, _AsyncResultType
from snowflake.snowpark.column import to_expression
from snowflake.snowpark.dataframe import DataFrame

from snowpark_local.results import rows_from_result
from snowpark_local.sql_literals import quote_identifier

UpdateResult = namedtuple("UpdateResult", ["rows_updated", "multi_joined_rows_updated"])
DeleteResult = namedtuple("DeleteResult", ["rows_deleted"])
MergeResult = namedtuple("MergeResult", ["rows_inserted", "rows_updated", "rows_deleted"])

_SOURCE_ALIAS = '"SNOWPARK_SOURCE"'


class WhenMatchedClause:
    """``when_matched([condition]).update({...})`` or ``.delete()`` inside ``Table.merge``."""

    def __init__(self, condition=None):
        self._condition = condition
        self._action = None
        self._assignments = None

    def update(self, assignments):
        self._action, self._assignments = "update", assignments
        return self

    def delete(self):
        self._action = "delete"
        return self


class WhenNotMatchedClause:
    """``when_not_matched([condition]).insert(values)``: a list in column order, or a dict by name."""

    def __init__(self, condition=None):
        self._condition = condition
        self._assignments = None

    def insert(self, assignments):
        self._assignments = assignments
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

    def _qualify(self, expression, source):
        """Columns of this table keep their names; columns of the source name the source's alias."""

        def replace(node):
            if isinstance(node, ex.ColumnRef) and node.df_id is not None:
                if source is not None and node.df_id in source._lineage and node.df_id not in self._lineage:
                    return ex.ColumnRef(source._renames.get((node.df_id, node.name), node.name), _SOURCE_ALIAS)
                if node.df_id in self._lineage:
                    return ex.ColumnRef(node.name, self.table_name)
            return None

        return ex.transform(to_expression(expression), replace)

    def _assignments(self, assignments, source):
        return ", ".join("{} = {}".format(quote_identifier(name), self._qualify(value, source).sql())
                         for name, value in assignments.items())

    def _dml(self, sql, params, block, make_result):
        session = self._session
        if not block:
            return AsyncJob(session._submit(sql, params), sql, session, result_type=_AsyncResultType.ROW)
        rows = rows_from_result(session._execute(sql, params))
        return make_result(rows[0] if rows else None)

    def update(self, assignments, condition=None, source=None, *, statement_params=None, block=True):
        if not assignments:
            raise ValueError("update() needs at least one assignment")
        sql = "UPDATE {} SET {}".format(self.table_name, self._assignments(assignments, source))
        if source is not None:
            sql += " FROM ({}) AS {}".format(source._sql_text(), _SOURCE_ALIAS)
        if condition is not None:
            sql += " WHERE " + self._qualify(condition, source).sql()
        return self._dml(sql, source._params if source is not None else None, block,
                         lambda row: UpdateResult(_count(row, "number of rows updated"),
                                                  _count(row, "number of multi-joined rows updated")))

    def delete(self, condition=None, source=None, *, statement_params=None, block=True):
        sql = "DELETE FROM {}".format(self.table_name)
        if source is not None:
            sql += " USING ({}) AS {}".format(source._sql_text(), _SOURCE_ALIAS)
        if condition is not None:
            sql += " WHERE " + self._qualify(condition, source).sql()
        return self._dml(sql, source._params if source is not None else None, block,
                         lambda row: DeleteResult(_count(row, "number of rows deleted")))

    def merge(self, source, join_expr, clauses, *, statement_params=None, block=True):
        if not clauses:
            raise ValueError("merge() needs at least one when_matched() or when_not_matched() clause")
        parts = ["MERGE INTO {} USING ({}) AS {} ON {}".format(
            self.table_name, source._sql_text(), _SOURCE_ALIAS, self._qualify(join_expr, source).sql())]
        for clause in clauses:
            condition = "" if clause._condition is None else " AND " + self._qualify(clause._condition, source).sql()
            if isinstance(clause, WhenMatchedClause):
                if clause._action == "update":
                    parts.append("WHEN MATCHED{} THEN UPDATE SET {}".format(
                        condition, self._assignments(clause._assignments, source)))
                elif clause._action == "delete":
                    parts.append("WHEN MATCHED{} THEN DELETE".format(condition))
                else:
                    raise ValueError("when_matched() needs .update(...) or .delete()")
            elif isinstance(clause, WhenNotMatchedClause):
                values = clause._assignments
                if values is None:
                    raise ValueError("when_not_matched() needs .insert(...)")
                if isinstance(values, dict):
                    columns = " ({})".format(", ".join(quote_identifier(name) for name in values))
                    values = list(values.values())
                else:
                    columns = ""
                parts.append("WHEN NOT MATCHED{} THEN INSERT{} VALUES ({})".format(
                    condition, columns, ", ".join(self._qualify(value, source).sql() for value in values)))
            else:
                raise TypeError("merge() clauses must come from when_matched() or when_not_matched()")
        sql = " ".join(parts)
        return self._dml(sql, source._params, block, lambda row: MergeResult(
            _count(row, "number of rows inserted"), _count(row, "number of rows updated"),
            _count(row, "number of rows deleted")))

    def drop_table(self):
        self._session._execute("DROP TABLE {}".format(self.table_name))

    def sample(self, frac=None, n=None, *, seed=None, sampling_method=None):
        return super().sample(frac, n, seed=seed, sampling_method=sampling_method)


def _count(row, name):
    if row is None or row._fields is None or name not in row._fields:
        return 0
    return int(row[name])
