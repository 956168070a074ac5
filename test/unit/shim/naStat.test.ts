import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { ATTEMPT, runShimHandler } from './shimHandler';

/** Rows in a fixed order, so that the tests do not depend on NULL ordering. */
function bag(rows: unknown): string[] {
  return (rows as unknown[][]).map((row) => JSON.stringify(row)).sort();
}

// df.na and df.stat on the real DuckDB engine. Expected values are the examples in
// snowpark-python's docstrings (DataFrameNaFunctions, DataFrameStatFunctions, DataFrame.describe)
// and its tests (tests/integ/scala/test_dataframe_suite.py).

describe('Snowpark shim: df.na and df.stat', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('na.drop: how, thresh, subset and bad input', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    df = session.create_dataframe([[1.0, 1], [float('nan'), 2], [None, 3], [4.0, None], [float('nan'), None]]).to_df("a", "b")
    rows = lambda frame: [[str(v) for v in r] for r in frame.collect()]
    return {
        "any": rows(df.na.drop()), "all": rows(df.na.drop(how="all")), "thresh1": rows(df.na.drop(thresh=1)),
        "subset": rows(df.na.drop(subset=["a"])), "subset_str": rows(df.na.drop(subset="a")),
        "too_many": df.na.drop(thresh=3).count(), "none_needed": df.na.drop(thresh=0).count(), "empty_subset": df.dropna(subset=[]).count(),
        "bad_how": attempt(lambda: df.na.drop(how="some")), "bad_subset": attempt(lambda: df.na.drop(subset=1)),
        "missing": attempt(lambda: df.na.drop(subset=["c"])),
    }
`,
    );
    assert.deepEqual(bag(seen.any), bag([['1.0', '1']]));
    assert.deepEqual(bag(seen.all), bag([['1.0', '1'], ['nan', '2'], ['None', '3'], ['4.0', 'None']]));
    assert.deepEqual(bag(seen.thresh1), bag(seen.all));
    assert.deepEqual(bag(seen.subset), bag([['1.0', '1'], ['4.0', 'None']]));
    assert.deepEqual(bag(seen.subset_str), bag(seen.subset));
    assert.equal(seen.too_many, 0);
    assert.equal(seen.none_needed, 5);
    assert.equal(seen.empty_subset, 5);
    assert.match(String(seen.bad_how), /ValueError: None - how \('some'\) should be 'any' or 'all'/);
    assert.match(String(seen.bad_subset), /TypeError: .*subset should be a single column name, list or tuple of column names/);
    assert.match(String(seen.missing), /SnowparkColumnException: .*does not contain the column named "C"\. Available columns: "A", "B"/);
  });

  it('na.fill: scalar, subset, dict, type matching as Snowpark (int fills DOUBLE, float never fills NUMBER)', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    df = session.create_dataframe([[1.0, 1], [float('nan'), 2], [None, 3], [4.0, None], [float('nan'), None]]).to_df("a", "b")
    rows = lambda frame: [[str(v) for v in r] for r in frame.collect()]
    df2 = session.create_dataframe([[1.0, True], [2.0, False], [3.0, False], [None, None]]).to_df("a", "b")
    return {
        "scalar": rows(df.na.fill(3.14)), "subset": rows(df.na.fill(3.14, subset="a")),
        "dict": rows(df.na.fill({"a": 3.14, "b": 15})), "int_in_double": rows(df.fillna(7)),
        "bool": rows(df2.na.fill(True)),
        "string_skipped": rows(df.na.fill("x")), "empty_dict": df.na.fill({}).count(),
        "bad_key": attempt(lambda: df.na.fill({1: 2})), "missing": attempt(lambda: df.na.fill({"zz": 1})),
    }
`,
    );
    assert.deepEqual(bag(seen.scalar), bag([['1.0', '1'], ['3.14', '2'], ['3.14', '3'], ['3.14', 'None'], ['4.0', 'None']]));
    assert.deepEqual(bag(seen.subset), bag(seen.scalar));
    assert.deepEqual(bag(seen.dict), bag([['1.0', '1'], ['3.14', '2'], ['3.14', '3'], ['3.14', '15'], ['4.0', '15']]));
    assert.deepEqual(bag(seen.int_in_double), bag([['1.0', '1'], ['7.0', '2'], ['7.0', '3'], ['7.0', '7'], ['4.0', '7']]));
    assert.deepEqual(bag(seen.bool), bag([['1.0', 'True'], ['2.0', 'False'], ['3.0', 'False'], ['None', 'True']]));
    assert.deepEqual(bag(seen.string_skipped), bag([['1.0', '1'], ['nan', '2'], ['None', '3'], ['4.0', 'None'], ['nan', 'None']]));
    assert.equal(seen.empty_dict, 5);
    assert.match(String(seen.bad_key), /ValueError: .*All keys in value should be column names \(str\)/);
    assert.match(String(seen.missing), /SnowparkColumnException: .*column named "ZZ"/);
  });

  it('na.replace: scalar, list, list to list, dict, None, subset and mismatched lengths', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    df = session.create_dataframe([[1, 1.0, "1.0"], [2, 2.0, "2.0"]], schema=["a", "b", "c"])
    rows = lambda frame: [[str(v) for v in r] for r in frame.collect()]
    return {
        "scalar": rows(df.na.replace(2, 3)), "list": rows(df.na.replace([1, 2], 3)),
        "lists": rows(df.na.replace([1, 2], [3, 4])), "dict": rows(df.na.replace({1: 4, 2: 5}, subset=["a"])),
        "to_none": rows(df.na.replace(1, None)), "string": rows(df.replace("1.0", "x")),
        "float_not_in_int": rows(df.na.replace(1.0, 9.0, subset=["a"])),
        "lengths": attempt(lambda: df.na.replace([1, 2], [3])),
    }
`,
    );
    // snowpark-python docstring of DataFrameNaFunctions.replace
    assert.deepEqual(bag(seen.scalar), bag([['1', '1.0', '1.0'], ['3', '3.0', '2.0']]));
    assert.deepEqual(bag(seen.list), bag([['3', '3.0', '1.0'], ['3', '3.0', '2.0']]));
    assert.deepEqual(bag(seen.lists), bag([['3', '3.0', '1.0'], ['4', '4.0', '2.0']]));
    assert.deepEqual(bag(seen.dict), bag([['4', '1.0', '1.0'], ['5', '2.0', '2.0']]));
    assert.deepEqual(bag(seen.to_none), bag([['2', '2.0', '2.0'], ['None', 'None', '1.0']]));
    assert.deepEqual(bag(seen.string), bag([['1', '1.0', 'x'], ['2', '2.0', '2.0']]));
    assert.deepEqual(bag(seen.float_not_in_int), bag([['1', '1.0', '1.0'], ['2', '2.0', '2.0']]));
    assert.match(String(seen.lengths), /ValueError: .*to_replace and value lists should be of the same length/);
  });

  it('stat.corr, stat.cov, crosstab with Snowpark column names, sample_by', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    df = session.create_dataframe([[0.1, 0.5], [0.2, 0.6], [0.3, 0.7]], schema=["a", "b"])
    nulls = session.create_dataframe([[1, None], [None, 2]], schema=["a", "b"])
    ct = session.create_dataframe([(1, 1), (1, 2), (2, 1), (2, 1), (2, 3), (3, 2), (3, 3)], schema=["key", "value"]).stat.crosstab("key", "value").sort("KEY")
    months = session.create_dataframe([(1, "JAN"), (1, "FEB"), (2, "JAN")], schema=["empid", "month"]).stat.crosstab("empid", "month").sort("EMPID").collect()
    people = session.create_dataframe([("Bob", 17), ("Alice", 10), ("Nico", 8), ("Bob", 12)], schema=["name", "age"])
    sample = people.stat.sample_by("name", {"Bob": 1.0, "Nico": 1.0})
    return {
        "corr": df.stat.corr("a", "b"), "cov": df.stat.cov("a", "b"), "corr_none": nulls.stat.corr("a", "b"),
        "ct_rows": [r.as_dict() for r in ct.collect()], "months": [[r["EMPID"], r["'JAN'"], r["'FEB'"]] for r in months],
        "sample_sql": sample.queries["queries"][0], "sample_none": people.stat.sample_by("name", {}).count(),
    }
`,
    );
    assert.ok(Math.abs((seen.corr as number) - 0.9999999999999991) < 1e-9);
    assert.ok(Math.abs((seen.cov as number) - 0.010000000000000037) < 1e-12);
    assert.equal(seen.corr_none, null);
    const names = ['CAST(1 AS NUMBER(38,0))', 'CAST(2 AS NUMBER(38,0))', 'CAST(3 AS NUMBER(38,0))'];
    const expected = [
      [1, 1, 1, 0],
      [2, 2, 0, 1],
      [3, 0, 1, 1],
    ].map(([key, ...counts]) => ({ KEY: key, ...Object.fromEntries(names.map((name, i) => [name, counts[i]])) }));
    assert.deepEqual(seen.ct_rows, expected);
    assert.deepEqual(seen.months, [
      [1, 1, 1],
      [2, 1, 0],
    ]);
    // Snowpark's shape: one filtered SAMPLE per stratum, joined by UNION ALL. DuckDB cannot run
    // Snowflake's SAMPLE (p) clause until the dialect translates it, so only the SQL is checked.
    assert.match(String(seen.sample_sql), /\("NAME" = 'Bob'\).* SAMPLE \(100\.0\).*UNION ALL.*\("NAME" = 'Nico'\).* SAMPLE \(100\.0\)/);
    assert.equal(seen.sample_none, 0);
  });

  it('describe(): SUMMARY rows count, mean, stddev, min, max as in the Snowpark example', async () => {
    const seen = await runShimHandler(
      runtime,
      `${ATTEMPT}
def main(session):
    df = session.create_dataframe([[1, 2], [3, 4]], schema=["a", "b"])
    text = session.create_dataframe([["x", 2], ["y", 4]], schema=["s", "n"])
    return {
        "rows": [list(r) for r in df.describe().sort("SUMMARY").collect()], "columns": df.describe().columns,
        "one": df.describe("b").columns, "strings": [list(r) for r in text.describe().sort("SUMMARY").collect()],
        "no_numbers": [list(r) for r in session.create_dataframe([[True]], schema=["f"]).describe().collect()],
    }
`,
    );
    assert.deepEqual(seen.rows, [
      ['count', 2.0, 2.0],
      ['max', 3.0, 4.0],
      ['mean', 2.0, 3.0],
      ['min', 1.0, 2.0],
      ['stddev', 1.4142135623730951, 1.4142135623730951],
    ]);
    assert.deepEqual(seen.columns, ['SUMMARY', 'A', 'B']);
    assert.deepEqual(seen.one, ['SUMMARY', 'B']);
    assert.deepEqual(seen.strings, [
      ['count', '2', 2.0],
      ['max', 'y', 4.0],
      ['mean', null, 3.0],
      ['min', 'x', 2.0],
      ['stddev', null, 1.4142135623730951],
    ]);
    assert.deepEqual(seen.no_numbers, [['count'], ['mean'], ['stddev'], ['min'], ['max']]);
  });
});
