import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime } from '../support/runtimeFixture';
import { useTempDirectory } from '../support/tempDirectory';

// The bootstrap caches the shim's bytecode under the user's cache directory (it was compiled
// from source on every run), and still writes nothing for the handler's own modules.

function filesUnder(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { recursive: true, encoding: 'utf8' }).map((entry) => join(directory, entry));
}

describe('shim bytecode cache', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-local-pycache-');
  let runtime: SnowparkRuntime;
  let savedCacheHome: string | undefined;

  before(async () => {
    savedCacheHome = process.env.XDG_CACHE_HOME;
    process.env.XDG_CACHE_HOME = files.path('cache');
    runtime = await openMemoryRuntime();
  });
  after(async () => {
    await runtime.dispose();
    if (savedCacheHome === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = savedCacheHome;
  });

  it("writes the shim's .pyc files to the cache and none for the handler's modules", async () => {
    files.write('helper_module.py', 'VALUE = 7\n');
    const handler = files.write('cached_handler.py', 'import helper_module\n\ndef main(session):\n    return helper_module.VALUE\n');
    const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: handler }, args: [], returnType: null, cwd: files.path('') }).outcome;
    assert.equal(outcome.value, 7, outcome.error?.message);
    const cached = filesUnder(files.path('cache')).filter((path) => path.endsWith('.pyc'));
    assert.ok(cached.some((path) => /snowflake[/\\]snowpark[/\\]dataframe\.cpython-\d+\.pyc$/.test(path)), `the shim's DataFrame module is cached: ${cached.slice(0, 5).join(', ')}`);
    assert.ok(!cached.some((path) => /helper_module|cached_handler/.test(path)), 'no bytecode for the handler\'s modules in the cache');
    assert.ok(!existsSync(files.path('__pycache__')), 'nothing written beside the handler');
  });
});
