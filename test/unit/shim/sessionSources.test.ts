import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { ATTEMPT, runShimHandler } from './shimHandler';

// Session methods, Row and SQL errors on the real DuckDB engine. Expected values come from
// snowpark-python's docstrings (Session.range, Row) and tests (test_session.py, test_datatypes.py).

describe('Snowpark shim: Session sources, packages, binds, Row and errors', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('create_dataframe infers Snowpark types and honours an explicit StructType with nullable=False', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
import datetime, decimal
from snowflake.snowpark.types import StructType, StructField, StringType, IntegerType, DecimalType
def main(session):
    df = session.create_dataframe([(1, 1.5, decimal.Decimal("2.5"), "s", True, b"x", datetime.date(2024, 1, 2), datetime.datetime(2024, 1, 2, 3, 4), None)])
    given = session.create_dataframe([("a", 1, decimal.Decimal("1.2"))], StructType([
        StructField("s", StringType(84), nullable=False), StructField("i", IntegerType()), StructField("d", DecimalType(10, 3))]))
    return {
        "types": [type(f.datatype).__name__ for f in df.schema.fields], "decimal": repr(df.schema.fields[2].datatype),
        "nullable": [f.nullable for f in df.schema.fields], "row": repr(df.collect()[0][:3]),
        "given": repr(given.schema), "given_row": repr(given.collect()[0]),
        "mixed": attempt(lambda: session.create_dataframe([1, "a"])),
    }
`,
    );
    assert.deepEqual(seen.types, ['LongType', 'DoubleType', 'DecimalType', 'StringType', 'BooleanType', 'BinaryType', 'DateType', 'TimestampType', 'StringType']);
    assert.equal(seen.decimal, 'DecimalType(38, 18)');
    assert.deepEqual(seen.nullable, [false, false, false, false, false, false, false, false, true]);
    assert.equal(seen.row, "Row(1, 1.5, Decimal('2.500000000000000000'))");
    assert.equal(
      seen.given,
      "StructType([StructField('S', StringType(84), nullable=False), StructField('I', LongType(), nullable=True), StructField('D', DecimalType(10, 3), nullable=True)])",
    );
    assert.equal(seen.given_row, "Row(S='a', I=1, D=Decimal('1.200'))");
    assert.match(String(seen.mixed), /TypeError: .*Cannot merge type <class 'snowflake\.snowpark\.types\.LongType'> and <class 'snowflake\.snowpark\.types\.StringType'>/);
  });

  it('sql(params=) binds ? and :1, query_history records queries, table([db, schema, name])', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    session.sql("create or replace table people (name varchar, age int)").collect()
    with session.query_history() as history:
        session.sql("insert into people values (?, ?), (:1, 40)", params=["Ann", 30]).collect()
        rows = session.sql("select name, age from people where age > :1 order by age", params=[20]).collect()
    return {
        "rows": [list(r) for r in rows], "qmark": [list(r) for r in session.sql("select ? as a, ? as b", params=[1, "x"]).collect()],
        "history": [q.sql_text for q in history.queries], "ids": all(q.query_id for q in history.queries),
        "repr": repr(history.queries[0]).startswith("QueryRecord(query_id="),
        "table": session.table([session.get_current_database(), session.get_current_schema(), "people"]).count(),
        "fqn": session.get_fully_qualified_name_if_possible("T"),
        "bad_params": attempt(lambda: session.sql("select ?", params=5)),
    }
`,
    );
    assert.deepEqual(seen.rows, [
      ['Ann', 30],
      ['Ann', 40],
    ]);
    assert.deepEqual(seen.qmark, [[1, 'x']]);
    assert.deepEqual(seen.history, ['insert into people values (?, ?), (:1, 40)', 'select name, age from people where age > :1 order by age']);
    assert.equal(seen.ids, true);
    assert.equal(seen.repr, true);
    assert.equal(seen.table, 2);
    assert.equal(seen.fqn, '"LOCAL_DB"."PUBLIC".T');
    assert.match(String(seen.bad_params), /TypeError: .*params must be a list or tuple/);
  });

  it('range and generator send Snowpark\u2019s GENERATOR SQL; bad ranges fail as in Snowpark', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
from snowflake.snowpark.functions import lit, parse_json
def main(session):
    return {
        "range": session.range(1, 10, 2).queries["queries"][0], "range1": session.range(5).queries["queries"][0],
        "empty": session.range(5, 1).queries["queries"][0], "step0": attempt(lambda: session.range(1, 5, 0)),
        "gen": session.generator(lit(1).alias("one"), rowcount=3).queries["queries"][0],
        "gen_empty": attempt(lambda: session.generator(rowcount=3)),
        "flatten": session.flatten(parse_json(lit("[1, 2]"))).queries["queries"][0],
        "flatten_str": attempt(lambda: session.flatten("v")),
        "tf": session.table_function("split_to_table", lit("a.b"), lit(".")).queries["queries"][0],
    }
`,
    );
    assert.equal(seen.range, 'SELECT ( ROW_NUMBER() OVER ( ORDER BY SEQ8() ) - 1 ) * (2) + (1) AS "ID" FROM ( TABLE (GENERATOR(ROWCOUNT => 5)))');
    assert.match(String(seen.range1), /\* \(1\) \+ \(0\) AS "ID" .*ROWCOUNT => 5\)/);
    assert.match(String(seen.empty), /ROWCOUNT => 0\)/);
    assert.match(String(seen.step0), /ValueError: .*The step for range\(\) cannot be 0\./);
    assert.equal(seen.gen, 'SELECT 1 AS "ONE" FROM TABLE(GENERATOR(ROWCOUNT => 3))');
    assert.match(String(seen.gen_empty), /ValueError: .*Columns cannot be empty for generator table function/);
    assert.match(String(seen.flatten), /^SELECT \* FROM TABLE\(FLATTEN\(INPUT => PARSE_JSON\('\[1, 2\]'\), OUTER => FALSE, RECURSIVE => FALSE, MODE => 'BOTH'\)\)$/);
    assert.match(String(seen.flatten_str), /ValueError: .*takes a Column/);
    assert.equal(seen.tf, "SELECT * FROM TABLE(SPLIT_TO_TABLE('a.b', '.'))");
  });

  it('add_packages / add_import record what is importable and name the interpreter for what is not', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
import json, sys
def main(session):
    session.add_packages("snowflake-snowpark-python", json)
    before = session.get_packages()
    missing = attempt(lambda: session.add_packages("surely-not-installed-pkg==1.0"))
    session.remove_package("json")
    session.add_import(__file__)
    imports = session.get_imports()
    session.clear_packages(); session.clear_imports()
    return {
        "before": before, "missing": missing, "after": session.get_packages(), "imports": [i.endswith("shim_handler.py") for i in imports],
        "cleared": session.get_imports(), "no_file": attempt(lambda: session.add_import("/nowhere/x.py")),
        "remove_unknown": attempt(lambda: session.remove_package("numpy")), "python": sys.executable,
    }
`,
    );
    // A module stands for its top-level package at the version installed here, as in Snowpark.
    assert.deepEqual(Object.keys(seen.before as object), ['snowflake-snowpark-python', 'json']);
    assert.match(String((seen.before as Record<string, string>).json), /^json(==[0-9.]+)?$/);
    assert.match(String(seen.missing), /MissingPackageError: .*surely-not-installed-pkg/);
    assert.deepEqual(seen.after, {});
    assert.deepEqual(seen.imports, [true]);
    assert.deepEqual(seen.cleared, []);
    assert.match(String(seen.no_file), /FileNotFoundError: .*\/nowhere\/x\.py is not found/);
    assert.match(String(seen.remove_unknown), /ValueError: .*numpy is not in the package list/);
  });

  it('Row: factories, copies with new values, slices, tuple equality, case-insensitive rows', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
from snowflake.snowpark import Row
from snowflake.snowpark.row import case_insensitive_rows
def main(session):
    Employee = Row("name", "salary")
    john = Employee("John", 10000)
    loose = case_insensitive_rows(session.sql("select 1 as num, 'x' as txt").collect())[0]
    return {
        "john": repr(john), "james": repr(john(name="James", salary=20000)), "slice": repr(john[0:1]),
        "eq": john == ("John", 10000), "hash": hash(john) == hash(("John", 10000)), "count": Row(1, 1, 2).count(1), "index": Row(1, 2).index(2),
        "dict": Row(a=1, b=Row(c=2)).as_dict(True), "fields": list(john._fields), "contains": ["name" in john, "John" in john],
        "loose": [loose["NUM"], loose["num"], loose.Txt, repr(loose)],
        "bad_call": attempt(lambda: john("x", 1)), "bad_key": attempt(lambda: john(age=3)), "bad_size": attempt(lambda: Employee("x")),
        "both": attempt(lambda: Row(1, a=2)),
    }
`,
    );
    assert.equal(seen.john, "Row(name='John', salary=10000)");
    assert.equal(seen.james, "Row(name='James', salary=20000)");
    assert.equal(seen.slice, "Row('John')");
    assert.equal(seen.eq, true);
    assert.equal(seen.hash, true);
    assert.equal(seen.count, 2);
    assert.equal(seen.index, 1);
    assert.deepEqual(seen.dict, { a: 1, b: { c: 2 } });
    assert.deepEqual(seen.fields, ['name', 'salary']);
    assert.deepEqual(seen.contains, [true, false]);
    assert.deepEqual(seen.loose, [1, 1, 'x', "Row(num=1, txt='x')"]);
    assert.match(String(seen.bad_call), /ValueError: .*can't be called with a list of values because it already has fields/);
    assert.match(String(seen.bad_key), /ValueError: .*Wrong keyword argument age/);
    assert.match(String(seen.bad_size), /ValueError: .*2 values are expected\./);
    assert.match(String(seen.both), /ValueError: .*either values or named values but not both/);
  });

  it('SQL errors carry Snowflake codes and the query id: unknown column, ambiguous column, bad number', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
from snowflake.snowpark.functions import col
def main(session):
    left = session.create_dataframe([(1, 2)], schema=["a", "b"])
    right = session.create_dataframe([(1, 3)], schema=["a", "c"])
    return {
        "unknown": attempt(lambda: left.select(col("nope")).collect()),
        "ambiguous": attempt(lambda: session.sql("select a from (select 1 as a) l, (select 2 as a) r").collect()),
        "number": attempt(lambda: session.sql("select 'abc'::int").collect()),
    }
`,
    );
    assert.match(String(seen.unknown), /^ERR SnowparkSQLException: 904 qid .*invalid identifier 'NOPE'/);
    assert.match(String(seen.ambiguous), /^ERR SnowparkSQLException: 2028 qid .*ambiguous column name 'A'/);
    assert.match(String(seen.number), /^ERR SnowparkSQLException: 100038 qid .*Numeric value 'abc' is not recognized/);
  });
});
