import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql } from '../support/runtimeFixture';

// Where Snowflake's aggregates answer 0 or NULL and DuckDB's would not: COUNT_IF counts rows
// whose condition is TRUE (snowpark-python test_count_if: COUNT_IF(NULL) is 0), and CORR of
// a single pair is NULL (snowpark-python test_corr: K=1 → None), not NaN.
describe('aggregates with Snowflake NULL answers', function () {
  this.timeout(30_000);
  let runtime: SnowparkRuntime;
  before(async () => (runtime = await openMemoryRuntime()));
  after(() => runtime.dispose());

  const cells = async (sql: string): Promise<unknown[]> => {
    const [outcome] = await runSql(runtime, sql);
    if (outcome.error) throw new Error(outcome.error.message);
    return outcome.result!.data.map((column) => column[0]);
  };

  it('COUNT_IF counts TRUE rows only: NULL conditions count 0, also as a window', async () => {
    assert.deepEqual(await cells('select count_if(null), count_if(y > 1), count_if(y is null) from (values (1), (null), (3)) t(y)'), [0, 1, 1]);
    assert.deepEqual(await cells('select count_if(y > 1) over () from (values (1), (3)) t(y)'), [1]);
  });

  it('COUNT_IF of a string is an error, as in Snowflake', async () => {
    const [outcome] = await runSql(runtime, "select count_if(x) from (values ('a')) t(x)");
    assert.ok(outcome.error, 'a non-boolean condition fails');
  });

  it('CORR is NULL where it is undefined, a number otherwise', async () => {
    assert.deepEqual(await cells('select corr(x, y) from (values (1, 2)) t(x, y)'), [null]);
    assert.deepEqual(await cells('select corr(x, y) from (values (1, 2), (2, 4), (3, 7)) t(x, y)').then((v) => v.map(Number).map((n) => n.toFixed(6))), ['0.993399']);
  });
});
