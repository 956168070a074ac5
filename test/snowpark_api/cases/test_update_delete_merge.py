"""Table.update / delete / merge, ported from snowpark-python
tests/integ/scala/test_update_delete_merge_suite.py (expected values from there; code is ours)."""

import copy

from _support import Row, check_answer, raises
import snowflake.snowpark as snowpark
from snowflake.snowpark import functions as F
from snowflake.snowpark.functions import col, max as max_, mean, min as min_


def when_matched(*args):
    # looked up per call, so that a missing name fails only the merge cases
    return F.when_matched(*args)


def when_not_matched(*args):
    return F.when_not_matched(*args)
from snowflake.snowpark.types import IntegerType, StructField, StructType


def _save_test_data2(session, name):
    session.create_dataframe([[1, 1], [1, 2], [2, 1], [2, 2], [3, 1], [3, 2]], schema=["a", "b"]) \
        .write.save_as_table(name, mode="overwrite", table_type="temporary")


def _save_upper_case_data(session, name):
    session.create_dataframe([[1, "A"], [2, "B"], [3, "C"], [4, "D"], [5, "E"], [6, "F"]], schema=["N", "L"]) \
        .write.save_as_table(name, mode="overwrite", table_type="temporary")


def _save_targets(session, name):
    target_df = session.create_dataframe([(10, "old"), (10, "too_old"), (11, "old")], schema=["id", "desc"])
    target_df.write.save_as_table(name, mode="overwrite", table_type="temporary")
    return target_df


# test_update_delete_merge_suite.py::test_update_rows_in_table
def test_update_rows_in_table(session):
    _save_test_data2(session, "udm_update")
    table = session.table("udm_update")
    assert table.update({"b": 0}, col("a") == 1) == snowpark.UpdateResult(2, 0)
    check_answer(table, [Row(1, 0), Row(1, 0), Row(2, 1), Row(2, 2), Row(3, 1), Row(3, 2)])
    _save_test_data2(session, "udm_update")
    assert table.update({"a": 1, "b": 0}) == snowpark.UpdateResult(6, 0)
    check_answer(table, [Row(1, 0)] * 6)
    _save_test_data2(session, "udm_update")
    assert table.update({"b": col("a") + col("b")}) == snowpark.UpdateResult(6, 0)
    check_answer(table, [Row(1, 2), Row(1, 3), Row(2, 3), Row(2, 4), Row(3, 4), Row(3, 5)])


# test_update_delete_merge_suite.py::test_update_rows_in_table (source without condition)
def test_update_source_requires_condition(session):
    _save_test_data2(session, "udm_update_neg")
    table = session.table("udm_update_neg")
    raises(AssertionError, lambda: table.update({"b": 0}, source=session.create_dataframe([1])),
           match="condition should also be provided if source is provided")


# test_update_delete_merge_suite.py::test_delete_rows_in_table
def test_delete_rows_in_table(session):
    _save_test_data2(session, "udm_delete")
    table = session.table("udm_delete")
    assert table.delete((col("a") == 1) & (col("b") == 2)) == snowpark.DeleteResult(1)
    check_answer(table, [Row(1, 1), Row(2, 1), Row(2, 2), Row(3, 1), Row(3, 2)])
    _save_test_data2(session, "udm_delete")
    assert table.delete() == snowpark.DeleteResult(6)
    check_answer(table, [])
    raises(AssertionError, lambda: table.delete(source=session.create_dataframe([1])),
           match="condition should also be provided if source is provided")


# test_update_delete_merge_suite.py::test_update_with_join
def test_update_with_join(session):
    _save_test_data2(session, "udm_uj_1")
    _save_upper_case_data(session, "udm_uj_2")
    t1 = session.table("udm_uj_1")
    t2 = session.table("udm_uj_2")
    assert t2.update({"n": 0}, t1.a == t2.n, t1) == snowpark.UpdateResult(3, 3)
    check_answer(t2, [Row(0, "A"), Row(0, "B"), Row(0, "C"), Row(4, "D"), Row(5, "E"), Row(6, "F")])
    _save_upper_case_data(session, "udm_uj_2")
    sd = session.create_dataframe(["A", "B", "D", "E"], schema=["c"])
    assert t2.update({"n": 0}, t2.L == sd.c, sd) == snowpark.UpdateResult(4, 0)
    check_answer(t2, [Row(0, "A"), Row(0, "B"), Row(0, "D"), Row(0, "E"), Row(3, "C"), Row(6, "F")])


# test_update_delete_merge_suite.py::test_update_with_join_involving_ambiguous_columns
def test_update_with_join_involving_ambiguous_columns(session):
    _save_test_data2(session, "udm_uja_1")
    session.create_dataframe([[1, None], [2, 2]], schema=["a", "b"]).write.save_as_table("udm_uja_2", mode="overwrite", table_type="temporary")
    t1 = session.table("udm_uja_1")
    t2 = session.table("udm_uja_2")
    assert t1.update({"a": 0}, t1["a"] == t2["a"], t2) == snowpark.UpdateResult(4, 0)
    check_answer(t1, [Row(0, 1), Row(0, 2), Row(0, 1), Row(0, 2), Row(3, 1), Row(3, 2)])


# test_update_delete_merge_suite.py::test_update_with_join_with_aggregated_source_data
def test_update_with_join_with_aggregated_source_data(session):
    session.create_dataframe([[0, 10]], schema=["k", "v"]).write.save_as_table("udm_uagg", mode="overwrite", table_type="temporary")
    src = session.create_dataframe([(0, 11), (0, 12), (0, 13)], schema=["k", "v"])
    target = session.table("udm_uagg")
    b = src.groupBy("k").agg(min_(col("v")).as_("v"))
    assert target.update({"v": b["v"]}, target["k"] == b["k"], b) == snowpark.UpdateResult(1, 0)
    check_answer(target, [Row(0, 11)])


# test_update_delete_merge_suite.py::test_delete_with_join
def test_delete_with_join(session):
    _save_test_data2(session, "udm_dj_1")
    _save_upper_case_data(session, "udm_dj_2")
    t1 = session.table("udm_dj_1")
    t2 = session.table("udm_dj_2")
    assert t2.delete(t1.a == t2.n, t1) == snowpark.DeleteResult(3)
    check_answer(t2, [Row(4, "D"), Row(5, "E"), Row(6, "F")])
    _save_upper_case_data(session, "udm_dj_2")
    sd = session.create_dataframe(["A", "B", "D", "E"], schema=["c"])
    assert t2.delete(t2.L == sd.c, sd) == snowpark.DeleteResult(4)
    check_answer(t2, [Row(3, "C"), Row(6, "F")])


# test_update_delete_merge_suite.py::test_delete_with_join_with_aggregated_source_data
def test_delete_with_join_with_aggregated_source_data(session):
    session.create_dataframe([(0, 1), (0, 2), (0, 3)], schema=["k", "v"]).write.save_as_table("udm_dagg", mode="overwrite", table_type="temporary")
    src = session.create_dataframe([(0, 1), (0, 2), (0, 3)], schema=["k", "v"])
    target = session.table("udm_dagg")
    b = src.groupBy("k").agg(mean(col("v")).as_("v"))
    assert target.delete(target["v"] == b["v"], b) == snowpark.DeleteResult(1)
    check_answer(target, [Row(0, 1), Row(0, 3)])


# test_update_delete_merge_suite.py::test_merge_with_update_clause_only
def test_merge_with_update_clause_only(session):
    target_df = _save_targets(session, "udm_m_upd")
    target = session.table("udm_m_upd")
    source = session.create_dataframe([(10, "new")], schema=["id", "desc"])
    assert target.merge(source, target["id"] == source["id"], [when_matched().update({"desc": source["desc"]})]) == snowpark.MergeResult(0, 2, 0)
    check_answer(target, [Row(10, "new"), Row(10, "new"), Row(11, "old")])
    target_df.write.save_as_table("udm_m_upd", mode="overwrite", table_type="temporary")
    assert target.merge(source, target["id"] == source["id"],
                        [when_matched(target["desc"] == "old").update({"desc": source["desc"]})]) == snowpark.MergeResult(0, 1, 0)
    check_answer(target, [Row(10, "new"), Row(10, "too_old"), Row(11, "old")])


# test_update_delete_merge_suite.py::test_merge_with_delete_clause_only
def test_merge_with_delete_clause_only(session):
    target_df = _save_targets(session, "udm_m_del")
    target = session.table("udm_m_del")
    source = session.create_dataframe([(10, "new")], schema=["id", "desc"])
    assert target.merge(source, target["id"] == source["id"], [when_matched().delete()]) == snowpark.MergeResult(0, 0, 2)
    check_answer(target, [Row(11, "old")])
    target_df.write.save_as_table("udm_m_del", mode="overwrite", table_type="temporary")
    assert target.merge(source, target["id"] == source["id"], [when_matched(target["desc"] == "old").delete()]) == snowpark.MergeResult(0, 0, 1)
    check_answer(target, [Row(10, "too_old"), Row(11, "old")])


# test_update_delete_merge_suite.py::test_merge_with_insert_clause_only
def test_merge_with_insert_clause_only(session):
    target_df = session.create_dataframe([(10, "old"), (11, "new")], schema=["id", "desc"])
    target_df.write.save_as_table("udm_m_ins", mode="overwrite", table_type="temporary")
    target = session.table("udm_m_ins")
    source = session.create_dataframe([(12, "old"), (12, "new")], schema=["id", "desc"])
    assert target.merge(source, target["id"] == source["id"],
                        [when_not_matched().insert({"id": source["id"], "desc": source["desc"]})]) == snowpark.MergeResult(2, 0, 0)
    check_answer(target, [Row(10, "old"), Row(11, "new"), Row(12, "new"), Row(12, "old")])
    target_df.write.save_as_table("udm_m_ins", mode="overwrite", table_type="temporary")
    assert target.merge(source, target["id"] == source["id"],
                        [when_not_matched().insert([source["id"], source["desc"]])]) == snowpark.MergeResult(2, 0, 0)
    check_answer(target, [Row(10, "old"), Row(11, "new"), Row(12, "new"), Row(12, "old")])
    target_df.write.save_as_table("udm_m_ins", mode="overwrite", table_type="temporary")
    assert target.merge(source, target["id"] == source["id"],
                        [when_not_matched(source.desc == "new").insert({"id": source["id"], "desc": source["desc"]})]) == snowpark.MergeResult(1, 0, 0)
    check_answer(target, [Row(10, "old"), Row(11, "new"), Row(12, "new")])


# test_update_delete_merge_suite.py::test_merge_with_matched_and_not_matched_clauses
def test_merge_with_matched_and_not_matched_clauses(session):
    _save_targets(session, "udm_m_both")
    target = session.table("udm_m_both")
    source = session.create_dataframe([(10, "new"), (12, "new"), (13, "old")], schema=["id", "desc"])
    assert target.merge(source, target["id"] == source["id"], [
        when_matched(target["desc"] == "too_old").delete(),
        when_matched().update({"desc": source["desc"]}),
        when_not_matched(source["desc"] == "old").insert({"id": source["id"], "desc": "new"}),
        when_not_matched().insert({"id": source["id"], "desc": source["desc"]}),
    ]) == snowpark.MergeResult(2, 1, 1)
    check_answer(target, [Row(10, "new"), Row(11, "old"), Row(12, "new"), Row(13, "new")])


# test_update_delete_merge_suite.py::test_merge_with_aggregated_source
def test_merge_with_aggregated_source(session):
    session.create_dataframe([(0, 10)], schema=["k", "v"]).write.save_as_table("udm_m_agg", mode="overwrite", table_type="temporary")
    target = session.table("udm_m_agg")
    source = session.create_dataframe([(0, 10), (0, 11), (0, 12)], schema=["k", "v"]).groupBy("k").agg(max_(col("v")).as_("v"))
    assert target.merge(source, target["k"] == source["k"], [
        when_matched().update({"v": source["v"]}),
        when_not_matched().insert({"k": source["k"], "v": source["v"]}),
    ]) == snowpark.MergeResult(0, 1, 0)
    check_answer(target, [Row(0, 12)])


# test_update_delete_merge_suite.py::test_merge_with_multiple_clause_conditions
def test_merge_with_multiple_clause_conditions(session):
    schema = StructType([StructField("k", IntegerType()), StructField("v", IntegerType())])
    session.create_dataframe([(0, 10), (1, 11), (2, 12), (3, 13)], schema=schema) \
        .write.save_as_table("udm_m_multi", mode="overwrite", table_type="temporary")
    target = session.table("udm_m_multi")
    source = session.create_dataframe([(0, 20), (1, 21), (2, 22), (3, 23), (4, 24), (5, 25), (6, 26), (7, 27)], schema=schema)
    assert target.merge(source, target["k"] == source["k"], [
        when_matched(source["v"] < 21).delete(),
        when_matched(source["v"] > 22).update({"v": (source["v"] - 20)}),
        when_matched(source["v"] != 21).delete(),
        when_matched().update({"v": source["v"]}),
        when_not_matched(source["v"] < 25).insert([source["k"], source["v"] - 20]),
        when_not_matched(source["v"] > 26).insert({"k": source["k"]}),
        when_not_matched(source["v"] != 25).insert({"v": source["v"]}),
        when_not_matched().insert({"k": source["k"], "v": source["v"]}),
    ]) == snowpark.MergeResult(4, 2, 2)
    check_answer(target, [Row(1, 21), Row(3, 3), Row(4, 4), Row(5, 25), Row(7, None), Row(None, 26)])


# test_update_delete_merge_suite.py::test_copy
def test_copy(session):
    session.create_dataframe([1, 2], schema=["a"]).write.save_as_table("udm_copy", mode="overwrite", table_type="temporary")
    table = session.table("udm_copy")
    assert isinstance(table, snowpark.Table)
    cloned = copy.copy(table)
    assert isinstance(cloned, snowpark.Table)
    cloned.delete(col("a") == 1)
    check_answer(session.table("udm_copy"), [Row(2)])


# test_update_delete_merge_suite.py::test_merge_clause_negative
def test_merge_clause_negative(session):
    _save_targets(session, "udm_m_neg")
    target = session.table("udm_m_neg")
    source = session.create_dataframe([(10, "new")], schema=["id", "desc"])
    raises(TypeError, lambda: target.merge(source, target["id"] == source["id"], [None]),
           match="clauses only accepts WhenMatchedClause or WhenNotMatchedClause")


# test_update_delete_merge_suite.py::test_match_clause_negative
def test_match_clause_negative(session):
    from snowflake.snowpark.exceptions import SnowparkTableException
    from snowflake.snowpark.table import WhenMatchedClause, WhenNotMatchedClause
    raises(SnowparkTableException, lambda: WhenMatchedClause().update({}).delete(),
           match="update has been specified for WhenMatchedClause to merge table")
    raises(SnowparkTableException, lambda: WhenNotMatchedClause().insert({}).insert({}),
           match="insert has been specified for WhenNotMatchedClause to merge table")


# adapted from test_update_delete_merge_suite.py::test_merge_into_empty_table (merge into an empty table; counts per MergeResult semantics)
def test_merge_into_empty_table(session):
    session.sql("create or replace temp table udm_empty (k int, v varchar)").collect()
    target = session.table("udm_empty")
    source = session.create_dataframe([(1, "a"), (2, "b")], schema=["k", "v"])
    assert target.merge(source, target["k"] == source["k"], [
        when_matched().update({"v": source["v"]}),
        when_not_matched().insert({"k": source["k"], "v": source["v"]}),
    ]) == snowpark.MergeResult(2, 0, 0)
    check_answer(target, [Row(1, "a"), Row(2, "b")])
