import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';

// Issue 10 item 11: the database file was created world-readable (0644).
describe('faults: the local database is private to its user', () => {
  it('creates the database file 0600 and its directory 0700', async function () {
    if (process.platform === 'win32') this.skip();
    const root = mkdtempSync(join(tmpdir(), 'snowpark-local-mode-'));
    const path = join(root, '.snowpark-local', 'local.duckdb');
    const engine = await DuckDbEngine.open({ path });
    try {
      assert.equal(statSync(path).mode & 0o777, 0o600);
      assert.equal(statSync(join(root, '.snowpark-local')).mode & 0o777, 0o700);
    } finally {
      await engine.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
