import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { SqlError } from '../../../src/core/engine/sqlError';
import { ExecuteRequest, StatementContext } from '../../../src/core/engine/sqlEngine';

// The engine's side of COPY INTO <location>: a cancelled unload leaves no file that LIST (or a
// reader of the stage folder) would take for a finished one, and a ':memory:' database's stages
// go away with the engine.

const context: StatementContext = {
  session: { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null },
  lastQueryId: () => undefined,
  cancelQuery: async () => undefined,
  queryState: () => 'unknown',
};
let counter = 0;
const request = (sql: string, signal = new AbortController().signal): ExecuteRequest => ({ queryId: `q-${++counter}`, sql, context, signal });

function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('DuckDB engine: stage unloads', function () {
  this.timeout(60_000);

  it('a cancelled COPY INTO leaves no files, not even its temporary one', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'snowpark-local-cancel-'));
    const engine = await DuckDbEngine.open({ path: join(folder, 'local.duckdb') });
    try {
      const controller = new AbortController();
      // Partition 'a' (10 rows) is written first; partition 'b' is big enough that DuckDB is
      // still writing it when the cancel lands, so 'a''s finished file must be taken back.
      const unload = engine.execute(
        request(
          `COPY INTO @~/big/ FROM (SELECT i, md5(CAST(i AS VARCHAR)) AS h FROM range(100000000) t(i)) ` +
            `PARTITION BY (CASE WHEN i < 10 THEN 'a' ELSE 'b' END) FILE_FORMAT = (TYPE = PARQUET)`,
          controller.signal,
        ),
      );
      const started = Date.now();
      const stage = join(folder, 'stages', 'user', 'big');
      // Cancel once DuckDB has started partition 'b': partition 'a''s file is then complete.
      while (!filesUnder(stage).some((path) => path.includes(`${sep}b${sep}`)) && Date.now() - started < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      assert.ok(filesUnder(stage).length > 0, 'the first partition should be written before the cancel');
      controller.abort();
      await assert.rejects(unload, (error: unknown) => error instanceof SqlError && error.cancelled && error.errorCode === '000604');
      assert.deepEqual(filesUnder(join(folder, 'stages')), []);
      const listed = await engine.execute(request('LIST @~'));
      assert.equal(listed.rowCount, 0);
    } finally {
      await engine.close();
    }
  });

  it('stages of a :memory: database live in a temporary folder removed on close', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:' });
    const before = new Set(readdirSync(tmpdir()).filter((name) => name.startsWith('snowpark-local-stages-')));
    const unloaded = await engine.execute(request(`COPY INTO @~/x/ FROM (SELECT 1 AS a) FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE)`));
    assert.deepEqual(unloaded.data, [[1], [2], [2]]);
    const created = readdirSync(tmpdir()).filter((name) => name.startsWith('snowpark-local-stages-') && !before.has(name));
    assert.equal(created.length, 1);
    assert.deepEqual(filesUnder(join(tmpdir(), created[0])).map((p) => p.slice(join(tmpdir(), created[0]).length)), [join('/user', 'x', 'data_0_0_0.csv')]);
    await engine.close();
    assert.equal(existsSync(join(tmpdir(), created[0])), false);
  });

  it('DETAILED_OUTPUT gives one row per file; zero rows write no file', async () => {
    const engine = await DuckDbEngine.open({ path: ':memory:' });
    try {
      const detailed = await engine.execute(
        request(`COPY INTO @~/d/ FROM (SELECT 'k' || (i % 2) AS p, i FROM range(4) t(i)) PARTITION BY p FILE_FORMAT = (TYPE = CSV COMPRESSION = NONE) DETAILED_OUTPUT = TRUE`),
      );
      assert.deepEqual(detailed.columns.map((c) => c.name), ['FILE_NAME', 'FILE_SIZE', 'ROW_COUNT']);
      assert.deepEqual(detailed.data[2], [2, 2]);
      assert.match(String(detailed.data[0][0]), /^d\/k0\/data_q-\d+_0_0_0\.csv$/);
      const empty = await engine.execute(request(`COPY INTO @~/e/ FROM (SELECT 1 AS a WHERE false)`));
      assert.deepEqual(empty.data, [[0], [0], [0]]);
      assert.equal((await engine.execute(request('LIST @~/e'))).rowCount, 0);
    } finally {
      await engine.close();
    }
  });
});
