import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { SqlError } from '../../../src/core/engine/sqlError';
import { ExecuteRequest, StatementContext } from '../../../src/core/engine/sqlEngine';

// A COPY INTO <table> cancelled while it reads its files leaves no trace: no row in the table
// and no load metadata, so the same COPY afterwards loads every row (docs: COPY INTO <table>;
// the design's "a cancelled statement leaves no trace"). The cancel comes once the COPY holds
// its connection and listens for it — a state read from the signal, not a timer.

const context: StatementContext = {
  session: { database: 'LOCAL_DB', schema: 'PUBLIC', role: 'LOCAL_ROLE', warehouse: 'LOCAL_WH', queryTag: null },
  lastQueryId: () => undefined,
  cancelQuery: async () => undefined,
  queryState: () => 'unknown',
};
let counter = 0;
const request = (sql: string, signal = new AbortController().signal): ExecuteRequest => ({ queryId: `load-${++counter}`, sql, context, signal });

describe('DuckDB engine: a cancelled COPY INTO <table>', function () {
  this.timeout(60_000);

  it('leaves the table and its load history unchanged', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'snowpark-local-load-cancel-'));
    const engine = await DuckDbEngine.open({ path: join(folder, 'local.duckdb') });
    try {
      await engine.execute(request('create stage big_stage'));
      await engine.execute(request('create table big (id int, name string)'));
      const rows = 200_000;
      writeFileSync(join(folder, 'stages', 'BIG_STAGE', 'big.csv'), Array.from({ length: rows }, (_v, i) => `${i},name ${i}\n`).join(''));
      const controller = new AbortController();
      const copy = engine.execute(request('copy into big from @big_stage', controller.signal));
      // The COPY registers its `interrupt` once it holds its connection, before reading any file.
      while (!getEventListeners(controller.signal, 'abort').some((listener) => listener.name === 'interrupt')) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      controller.abort();
      await assert.rejects(copy, (error: unknown) => error instanceof SqlError && error.cancelled && error.errorCode === '000604');
      const counted = await engine.execute(request('select count(*) from big'));
      assert.deepEqual(counted.data, [[0]]);
      const again = await engine.execute(request('copy into big from @big_stage'));
      assert.deepEqual(again.data.slice(1, 4), [['LOADED'], [rows], [rows]]);
    } finally {
      await engine.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
