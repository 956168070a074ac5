import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDirectory } from '../../../src/core/util/makeDirectory';
import { runCli } from '../support/cliProcess';

// `sql -e "select 1" --db /proc/forbidden/x.duckdb` hung for ever and ignored SIGTERM: Node's
// recursive mkdirSync loops on a parent that exists but cannot hold children. A hang shows
// here as the test's own timeout.
describe('faults: a database that cannot be created fails at once', function () {
  this.timeout(20_000);

  it('the CLI exits 1 naming the path, for run and sql, --json or not', async function () {
    if (process.platform !== 'linux') this.skip();
    const plain = await runCli(['sql', '-e', 'select 1', '--db', '/proc/forbidden/x.duckdb']);
    assert.equal(plain.code, 1);
    assert.match(plain.stderr, /Cannot open the local database \/proc\/forbidden\/x\.duckdb: ENOENT/);
    const json = await runCli(['sql', '-e', 'select 1', '--db', '/proc/forbidden/x.duckdb', '--json']);
    assert.equal(json.code, 1);
    assert.match(json.stdout, /Cannot open the local database/);
  });

  it('makeDirectory creates every missing level with its mode, and throws where mkdir -p cannot go', function () {
    const root = mkdtempSync(join(tmpdir(), 'snowpark-local-mkdir-'));
    try {
      makeDirectory(join(root, 'a', 'b', 'c'), 0o700);
      makeDirectory(join(root, 'a', 'b', 'c'), 0o700); // already there: fine
      assert.ok(existsSync(join(root, 'a', 'b', 'c')));
      if (process.platform !== 'win32') assert.equal(statSync(join(root, 'a', 'b')).mode & 0o777, 0o700);
      if (process.platform === 'linux') assert.throws(() => makeDirectory('/proc/forbidden/deeper'), /ENOENT/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
