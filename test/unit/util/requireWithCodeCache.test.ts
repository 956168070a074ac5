import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { cacheFileName, UNUSED_CACHE_DAYS } from '../../../src/core/util/codeCacheFiles';
import { codeCacheFolder } from '../../../src/core/util/requireWithCodeCache';
import { useTempDirectory } from '../support/tempDirectory';

// Each load runs in a fresh Node process, as a CLI start does: the cache's point is the
// next process, and require.cache would answer within one.
const loader = join(__dirname, '..', '..', '..', 'src', 'core', 'util', 'requireWithCodeCache.js');

function loadInFreshProcess(file: string, folder: string | undefined): { cache: string; answer: unknown; sameAsRequire: boolean } {
  const script = `
    const { requireWithCodeCache } = require(${JSON.stringify(loader)});
    const loaded = requireWithCodeCache(${JSON.stringify(file)}${folder === undefined ? '' : `, ${JSON.stringify(folder)}`});
    process.stdout.write(JSON.stringify({ cache: loaded.cache, answer: loaded.exports.answer(), sameAsRequire: require(${JSON.stringify(file)}) === loaded.exports }));`;
  // No folder: the default, from the environment, which says "off".
  const env = { ...process.env, SNOWPARK_LOCAL_CODE_CACHE: folder === undefined ? 'off' : '' };
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env }));
}

describe('requireWithCodeCache', function () {
  this.timeout(60_000);
  const temp = useTempDirectory('snowpark-local-code-cache-');

  it('writes V8 code on the first load and uses it in the next process; the module works either way', () => {
    const file = temp.write('bundle.js', 'const path = require("path");\nmodule.exports = { answer: () => path.basename("/a/forty-two") };\n');
    const folder = temp.path('cache-a');
    const first = loadInFreshProcess(file, folder);
    assert.deepEqual(first, { cache: 'written', answer: 'forty-two', sameAsRequire: true });
    assert.equal(readdirSync(folder).filter((name) => name.endsWith('.v8cache')).length, 1, 'written by the time the process exits');
    assert.deepEqual(loadInFreshProcess(file, folder), { cache: 'used', answer: 'forty-two', sameAsRequire: true });
  });

  it('a changed file gets a new cache entry instead of stale code, and the old entry goes', () => {
    const file = temp.write('changing.js', 'module.exports = { answer: () => 1 };\n');
    const other = temp.write('other.js', 'module.exports = { answer: () => "other" };\n');
    const folder = temp.path('cache-b');
    assert.equal(loadInFreshProcess(file, folder).cache, 'written');
    assert.equal(loadInFreshProcess(other, folder).cache, 'written');
    const [firstBuild] = readdirSync(folder).filter((name) => name.startsWith(cacheFileName(file).split('-')[0]));
    writeFileSync(file, 'module.exports = { answer: () => 2 };\n');
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    assert.deepEqual(loadInFreshProcess(file, folder), { cache: 'written', answer: 2, sameAsRequire: true });
    assert.deepEqual(readdirSync(folder).sort(), [cacheFileName(file), cacheFileName(other)].sort(), 'the other bundle keeps its entry');
    assert.notEqual(firstBuild, cacheFileName(file));
    assert.deepEqual(loadInFreshProcess(file, folder), { cache: 'used', answer: 2, sameAsRequire: true });
  });

  it('writing an entry removes names from before the <where>-<what> scheme and entries unused for 30 days', () => {
    const folder = temp.path('cache-c');
    mkdirSync(folder);
    const legacy = join(folder, `${'a'.repeat(32)}.v8cache`);
    const stale = join(folder, `${'b'.repeat(16)}-${'c'.repeat(16)}.v8cache`);
    const recent = join(folder, `${'d'.repeat(16)}-${'e'.repeat(16)}.v8cache`);
    const notOurs = join(folder, 'notes.txt');
    for (const path of [legacy, stale, recent, notOurs]) writeFileSync(path, 'x');
    const longAgo = new Date(Date.now() - (UNUSED_CACHE_DAYS + 1) * 86_400_000);
    utimesSync(stale, longAgo, longAgo);
    utimesSync(notOurs, longAgo, longAgo);
    const file = temp.write('pruning.js', 'module.exports = { answer: () => "pruned" };\n');
    assert.equal(loadInFreshProcess(file, folder).cache, 'written');
    assert.deepEqual(readdirSync(folder).sort(), [cacheFileName(file), basename(recent), 'notes.txt'].sort());
  });

  it('SNOWPARK_LOCAL_CODE_CACHE=off loads the module and writes nothing', () => {
    const file = temp.write('plain.js', 'module.exports = { answer: () => "plain" };\n');
    assert.deepEqual(loadInFreshProcess(file, undefined), { cache: 'off', answer: 'plain', sameAsRequire: true });
    assert.equal(codeCacheFolder({ SNOWPARK_LOCAL_CODE_CACHE: 'off' }), undefined);
    assert.equal(codeCacheFolder({ SNOWPARK_LOCAL_CODE_CACHE: '/x/y' }), '/x/y');
    assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/xdg' }), join('/xdg', 'snowpark-local', 'code-cache'));
  });

  it('an unwritable cache folder costs only the compiling', () => {
    const file = temp.write('unwritable.js', 'module.exports = { answer: () => "still works" };\n');
    const notAFolder = temp.write('a-file', 'x');
    assert.deepEqual(loadInFreshProcess(file, join(notAFolder, 'cache')), { cache: 'written', answer: 'still works', sameAsRequire: true });
  });
});
