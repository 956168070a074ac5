import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';
import { runShimHandler as runHandler } from './shimHandler';

// Table.update/delete/merge and DataFrameWriter through the real channel and the real DuckDB
// engine. Expected values: snowpark-python's test_update_delete_merge_suite and
// test_dataframe_writer_suite (run against Snowflake), and the Snowpark API reference examples.

const TARGET = `
from snowflake.snowpark.functions import col, lit, when_matched, when_not_matched
from snowflake.snowpark import MergeResult, UpdateResult, DeleteResult

def reset(session):
    session.create_dataframe([(10, "old"), (10, "too_old"), (11, "old")], schema=["key", "value"]) \\
        .write.save_as_table("my_table", mode="overwrite", table_type="temporary")
    return session.table("my_table")

def rows(table):
    return [list(r) for r in table.sort("key", "value").collect()]
`;

describe('Table DML and DataFrameWriter on the real engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('merge, update and delete give the API reference examples\' results', async () => {
    const seen = await runHandler(
      runtime,
      `${TARGET}
def main(session):
    target = reset(session)
    source = session.create_dataframe([(10, "new")], schema=["key", "value"])
    updated = target.merge(source, (target["key"] == source["key"]) & (target["value"] == lit("too_old")),
                           [when_matched().update({"value": source["value"]})])
    after_update = rows(target)
    target = reset(session)
    deleted = target.merge(source, target["key"] == source["key"], [when_matched().delete()])
    after_delete = rows(target)
    target = reset(session)
    src12 = session.create_dataframe([(12, "new")], schema=["key", "value"])
    inserted = target.merge(src12, target["key"] == src12["key"], [when_not_matched().insert({"key": src12["key"]})])
    after_insert = rows(target)
    target = reset(session)
    up = target.update({"value": lit("x")}, target["key"] == 10)
    gone = target.delete(col("value") == "x")
    return {"updated": list(updated), "afterUpdate": after_update, "deleted": list(deleted), "afterDelete": after_delete,
            "inserted": list(inserted), "afterInsert": after_insert, "up": list(up), "gone": list(gone),
            "types": [type(updated).__name__, type(up).__name__, type(gone).__name__],
            "fields": [updated._fields, up._fields]}
`,
    );
    assert.deepEqual(seen.updated, [0, 1, 0]);
    assert.deepEqual(seen.afterUpdate, [[10, 'new'], [10, 'old'], [11, 'old']]);
    assert.deepEqual(seen.deleted, [0, 0, 2]);
    assert.deepEqual(seen.afterDelete, [[11, 'old']]);
    assert.deepEqual(seen.inserted, [1, 0, 0]);
    assert.deepEqual(seen.afterInsert, [[10, 'old'], [10, 'too_old'], [11, 'old'], [12, null]]);
    assert.deepEqual(seen.up, [2, 0]);
    assert.deepEqual(seen.gone, [2]);
    assert.deepEqual(seen.types, ['MergeResult', 'UpdateResult', 'DeleteResult']);
    assert.deepEqual(seen.fields, [['rows_inserted', 'rows_updated', 'rows_deleted'], ['rows_updated', 'multi_joined_rows_updated']]);
  });

  it('block=False returns an AsyncJob whose result() is the same Result object', async () => {
    const seen = await runHandler(
      runtime,
      `${TARGET}
def main(session):
    reset(session)
    session.table("my_table").write.save_as_table("my_permanent", mode="overwrite")
    target = session.table("my_permanent")
    source = session.create_dataframe([(10, "new"), (12, "new")], schema=["key", "value"])
    job = target.merge(source, target["key"] == source["key"],
                       [when_matched().update({"value": source["value"]}), when_not_matched().insert([source["key"], source["value"]])],
                       block=False)
    merged = job.result()
    upd = target.update({"value": lit("z")}, target["key"] == 12, block=False)
    dele = target.delete(target["key"] == 11, block=False)
    return {"kind": type(job).__name__, "merged": [type(merged).__name__] + list(merged),
            "update": list(upd.result()), "delete": list(dele.result()), "rowsAsRows": len(upd.result(result_type="row")),
            "after": rows(target)}
`,
    );
    assert.equal(seen.kind, 'AsyncJob');
    assert.deepEqual(seen.merged, ['MergeResult', 1, 2, 0]);
    assert.deepEqual(seen.update, [1, 0]);
    assert.deepEqual(seen.delete, [1]);
    assert.equal(seen.rowsAsRows, 1, 'an explicit result_type gives the raw rows');
    assert.deepEqual(seen.after, [[10, 'new'], [10, 'new'], [12, 'z']]);
  });

  it('bad input: no clause action, clause given twice, not a clause, source without condition, unknown column', async () => {
    const seen = await runHandler(
      runtime,
      `${TARGET}
from snowflake.snowpark.exceptions import SnowparkSQLException, SnowparkTableException

def catch(fn):
    try:
        fn()
        return None
    except Exception as error:
        return [type(error).__name__, str(error), getattr(error, "error_code", None), getattr(error, "sql_error_code", None),
                getattr(error, "sfqid", None)]

def main(session):
    target = reset(session)
    source = session.create_dataframe([(10, "new")], schema=["key", "value"])
    return {
        "noAction": catch(lambda: target.merge(source, target["key"] == source["key"], [when_matched()])),
        "twice": catch(lambda: when_matched().update({"value": lit(1)}).delete()),
        "notClause": catch(lambda: target.merge(source, target["key"] == source["key"], ["update"])),
        "noClauses": catch(lambda: target.merge(source, target["key"] == source["key"], [])),
        "sourceOnly": catch(lambda: target.update({"value": lit(1)}, source=source)),
        "unknown": catch(lambda: target.update({"value": lit(1)}, col("nope") == 1)),
        "duplicate": catch(lambda: target.merge(session.create_dataframe([(11, "a"), (11, "b")], schema=["key", "value"]),
                                                target["key"] == col("key"), [when_matched().update({"value": lit("q")})])),
        "unchanged": rows(target),
    }
`,
    );
    const [noActionType, noActionMessage] = seen.noAction as string[];
    assert.equal(noActionType, 'SnowparkTableException');
    assert.match(noActionMessage, /when_matched\(\) clause .* has no action; call \.update\(\{\.\.\.\}\) or \.delete\(\)/);
    assert.deepEqual((seen.twice as unknown[]).slice(0, 3), [
      'SnowparkTableException',
      '(1115): update has been specified for WhenMatchedClause to merge table',
      '1115',
    ]);
    assert.equal((seen.notClause as string[])[0], 'TypeError');
    assert.match((seen.notClause as string[])[1], /clauses only accepts WhenMatchedClause or WhenNotMatchedClause/);
    assert.equal((seen.noClauses as string[])[0], 'ValueError');
    assert.deepEqual((seen.sourceOnly as string[]).slice(0, 2), ['AssertionError', 'condition should also be provided if source is provided']);
    const unknown = seen.unknown as [string, string, string, number, string];
    assert.equal(unknown[0], 'SnowparkSQLException');
    assert.match(unknown[1], /invalid identifier 'NOPE'/);
    assert.equal(unknown[3], 904, "Snowflake's invalid identifier code");
    assert.match(unknown[4], /^[0-9a-f-]{36}$/, 'the query id');
    const duplicate = seen.duplicate as [string, string, string, number, string];
    assert.equal(duplicate[0], 'SnowparkSQLException');
    assert.match(duplicate[1], /Duplicate row detected during DML action/);
    assert.equal(duplicate[3], 100090);
    assert.deepEqual(seen.unchanged, [[10, 'old'], [10, 'too_old'], [11, 'old']]);
  });

  it('plain SQL MERGE and INSERT OVERWRITE from a worksheet answer as Snowflake does', async () => {
    const outcomes = await runSql(
      runtime,
      `create or replace table target_table (id integer, description varchar);
create or replace table source_table (id integer, description varchar);
insert into target_table (id, description) values (10, 'To be updated (this is the old value)');
insert into source_table (id, description) values (10, 'To be updated (this is the new value)');
merge into target_table using source_table on target_table.id = source_table.id
  when matched then update set target_table.description = source_table.description;
select description from target_table;
insert overwrite into target_table values (1, 'a'), (2, 'b');
select count(*) from target_table;`,
    );
    const merge = outcomes[4].result!;
    assert.deepEqual(merge.columns.map((column) => column.name), ['number of rows updated']);
    assert.deepEqual(merge.data, [[1]]);
    assert.deepEqual(outcomes[5].result!.data, [['To be updated (this is the new value)']]);
    assert.deepEqual(outcomes[6].result!.data, [[2]]);
    assert.deepEqual(outcomes[7].result!.data, [[2]]);
  });

  it('writer: truncate keeps the definition, column_order="name" matches by name, insert_into(overwrite=True)', async () => {
    const seen = await runHandler(
      runtime,
      `
from snowflake.snowpark.types import StructType, StructField, LongType, StringType

def main(session):
    session.sql("create or replace table w_t (a bigint not null, b varchar, c bigint)").collect()
    session.create_dataframe([[1, "x", 5]], schema=["a", "b", "c"]).write.mode("append").save_as_table("w_t")
    session.create_dataframe([["y", 2]], schema=["b", "a"]).write.save_as_table("w_t", mode="append", column_order="name")
    by_name = [list(r) for r in session.table("w_t").sort("a").collect()]
    session.create_dataframe([[7]], schema=["a"]).write.save_as_table("w_t", mode="truncate")
    truncated = [list(r) for r in session.table("w_t").collect()]
    session.create_dataframe([[8, "z", 9]], schema=["a", "b", "c"]).write.insert_into("w_t", overwrite=True)
    overwritten = [list(r) for r in session.table("w_t").collect()]
    session.create_dataframe([[3, "q", 4]], schema=["a", "b", "c"]).write.insert_into("w_t")
    appended = session.table("w_t").count()
    session.create_dataframe([[1]], schema=["n"]).write.save_as_table("w_new", mode="append", table_type="transient")
    created = [list(r) for r in session.table("w_new").collect()]
    job = session.create_dataframe([[2]], schema=["n"]).write.save_as_table("w_new", mode="append", block=False)
    job.result()
    try:
        session.create_dataframe([[1]], schema=["n"]).write.save_as_table("w_new", mode="errorifexists")
        exists = None
    except Exception as error:
        exists = [type(error).__name__, error.sql_error_code, str(error)]
    try:
        session.create_dataframe([[1]], schema=["n"]).write.mode("sideways")
        bad_mode = None
    except ValueError as error:
        bad_mode = str(error)
    return {"byName": by_name, "truncated": truncated, "overwritten": overwritten, "appended": appended,
            "created": created, "afterAsync": session.table("w_new").count(), "exists": exists, "badMode": bad_mode}
`,
    );
    assert.deepEqual(seen.byName, [[1, 'x', 5], [2, 'y', null]]);
    assert.deepEqual(seen.truncated, [[7, null, null]], 'truncate keeps columns b and c');
    assert.deepEqual(seen.overwritten, [[8, 'z', 9]]);
    assert.equal(seen.appended, 2);
    assert.deepEqual(seen.created, [[1]]);
    assert.equal(seen.afterAsync, 2);
    const exists = seen.exists as [string, number, string];
    assert.equal(exists[0], 'SnowparkSQLException');
    assert.equal(exists[1], 2002);
    assert.match(exists[2], /already exists/);
    assert.match(seen.badMode as string, /Unsupported save_mode 'sideways'; use one of: append, overwrite, truncate, errorifexists, ignore/);
  });
});
