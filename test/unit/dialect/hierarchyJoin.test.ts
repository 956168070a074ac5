import assert from 'node:assert/strict';
import { DialectError, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSql, runSqlOk } from '../support/runtimeFixture';

// Bad input for ASOF JOIN (docs.snowflake.com/en/sql-reference/constructs/asof-join) and CONNECT BY
// (docs.snowflake.com/en/sql-reference/constructs/connect-by): each fails with a message naming
// what is wrong, and a loop in a hierarchy ends instead of recursing forever.

function failsWith(sql: string, message: RegExp): void {
  assert.throws(() => translateToDuckDb(sql), (error: unknown) => error instanceof DialectError && message.test(error.message));
}

describe('ASOF JOIN and CONNECT BY bad input', function () {
  this.timeout(60000);

  it('ASOF JOIN needs a MATCH_CONDITION with one of >=, <=, >, <, the left table first', () => {
    failsWith('SELECT * FROM t ASOF JOIN q ON t.k = q.k', /requires a MATCH_CONDITION/);
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts = q.ts)', /'=' is not supported/);
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts AND t.a < q.a)', /must be one comparison/);
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (q.ts <= t.ts)', /left table's column first/);
  });

  it('the ON clause of an ASOF JOIN takes equalities joined by AND only', () => {
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) ON t.k = q.k OR t.j = q.j', /cannot contain OR/);
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) ON t.k > q.k', /equality conditions/);
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) ON (t.k = q.k AND t.j < q.j)', /equality conditions/);
    assert.match(translateToDuckDb('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) ON (t.k = q.k AND t.j = q.j) WHERE t.a > 0').sql, /ASOF LEFT JOIN q ON t\.ts >= q\.ts AND \(t\.k = q\.k AND t\.j = q\.j\) WHERE/);
  });

  it('ASOF JOIN … USING under SELECT * is refused, not shown with the columns twice', () => {
    failsWith('SELECT * FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) USING (k)', /USING under SELECT \*/);
    assert.match(translateToDuckDb('SELECT t.a FROM t ASOF JOIN q MATCH_CONDITION (t.ts >= q.ts) USING (k)').sql, /ASOF LEFT JOIN q ON t\.ts >= q\.ts AND t\.k = q\.k/);
  });

  it('CONNECT BY needs exactly one PRIOR per column pair, over one data source', () => {
    failsWith('SELECT id FROM t START WITH id = 1 CONNECT BY parent = id', /exactly one PRIOR/);
    failsWith('SELECT id FROM t START WITH id = 1 CONNECT BY PRIOR parent = PRIOR id', /exactly one PRIOR/);
    failsWith('SELECT id FROM t CONNECT BY parent = PRIOR id + 1', /columns only/);
    failsWith('SELECT a.id FROM t a JOIN u b ON a.id = b.id CONNECT BY a.parent = PRIOR a.id', /join the tables in a subquery first/);
    failsWith('SELECT id FROM t START WITH parent IS NULL CONNECT BY parent = PRIOR id ORDER SIBLINGS BY id', /ORDER SIBLINGS BY is not supported/);
  });

  describe('on the engine', () => {
    let runtime: SnowparkRuntime;
    before(async () => {
      runtime = await openMemoryRuntime();
      await runSqlOk(runtime, 'CREATE OR REPLACE TABLE loop_t (id INTEGER, parent INTEGER); INSERT INTO loop_t VALUES (1, 3), (2, 1), (3, 2), (4, NULL)');
    });
    after(() => runtime.dispose());

    it('a loop in the hierarchy ends with a clear error', async () => {
      const [outcome] = await runSql(runtime, 'SELECT id, LEVEL FROM loop_t START WITH id = 1 CONNECT BY parent = PRIOR id');
      assert.match(outcome.error?.message ?? '', /CONNECT BY found a loop in the hierarchy/);
    });

    it('NOCYCLE leaves out the row that would close the loop', async () => {
      const [outcome] = await runSqlOk(runtime, "SELECT id, LEVEL, SYS_CONNECT_BY_PATH(id, '/') FROM loop_t START WITH id = 1 CONNECT BY NOCYCLE parent = PRIOR id ORDER BY LEVEL");
      const result = outcome.result!;
      assert.deepEqual(result.data.map((column) => [...column].map(String)), [['1', '2', '3'], ['1', '2', '3'], ['/1', '/1/2', '/1/2/3']]);
    });
  });
});
