import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { runShimHandler } from './shimHandler';

// df.alias("e") and col("e", "name"), as Snowpark's docs join a table with itself (employees
// and their managers); an alias nobody defined is a SnowparkColumnException naming it.
describe('DataFrame.alias and col(alias, name) on the real engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  it('joins a DataFrame with itself through two aliases', async () => {
    const seen = await runShimHandler(
      runtime,
      `
from snowflake.snowpark.functions import col
def main(session):
    emp = session.create_dataframe([(1, "ann", None), (2, "bob", 1), (3, "cy", 2)], schema=["id", "name", "manager"])
    e, m = emp.alias("e"), emp.alias("m")
    pairs = e.join(m, col("e", "manager") == col("m", "id"), "left").select(
        col("e", "name").alias("employee"), col("m", "name").alias("boss")).sort("employee")
    try:
        e.join(m, col("x", "id") == col("m", "id"))
        unknown = None
    except Exception as error:
        unknown = [type(error).__name__, "'x'" in str(error)]
    try:
        emp.join(emp, emp["id"] == emp["manager"])
        same = None
    except Exception as error:
        same = type(error).__name__
    return {"pairs": [list(r) for r in pairs.collect()], "unknown": unknown, "same": same}
`,
    );
    assert.deepEqual(seen, {
      pairs: [
        ['ann', null],
        ['bob', 'ann'],
        ['cy', 'bob'],
      ],
      unknown: ['SnowparkColumnException', true],
      same: 'SnowparkJoinException',
    });
  });
});
