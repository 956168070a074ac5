import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { nativeHeader } from './nativeHeaders';
import { readZip, ZipEntry } from './zipArchive';

// `npm run package` (scripts/package.mjs) builds once into a temp folder; each archive is
// then opened as VS Code would receive it. The bindings come from the registry on the first
// run and from ~/.cache/snowpark-local/duckdb-bindings afterwards.

const root = join(__dirname, '..', '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version: string }> };
const bindingsVersion = lock.packages['node_modules/@duckdb/node-bindings'].version;

const TARGETS = [
  { target: 'linux-x64', format: 'elf', arch: 'x64', library: 'libduckdb.so' },
  { target: 'linux-arm64', format: 'elf', arch: 'arm64', library: 'libduckdb.so' },
  { target: 'darwin-x64', format: 'macho', arch: 'x64', library: 'libduckdb.dylib' },
  { target: 'darwin-arm64', format: 'macho', arch: 'arm64', library: 'libduckdb.dylib' },
  { target: 'win32-x64', format: 'pe', arch: 'x64', library: 'duckdb.dll' },
] as const;

const MAX_FILES = 300;
/** Everything but DuckDB's two native files, compressed: the bundles, the shim, node-api. */
const MAX_NON_NATIVE_BYTES = 2_000_000;

function runPackage(args: string[], env: NodeJS.ProcessEnv = process.env) {
  return spawnSync(process.execPath, [join(root, 'scripts', 'package.mjs'), ...args], { cwd: root, env, encoding: 'utf8', timeout: 540_000 });
}

describe('one .vsix per platform (npm run package)', function () {
  this.timeout(600_000);
  let work = '';
  const archives = new Map<string, ZipEntry[]>();

  before(function () {
    work = mkdtempSync(join(tmpdir(), 'snowpark-local-packages-'));
    const started = Date.now();
    const result = runPackage(['--out', join(work, 'packages')]);
    assert.equal(result.status, 0, `npm run package failed:\n${result.stdout}\n${result.stderr}`);
    console.log(`      built all five in ${((Date.now() - started) / 1000).toFixed(1)} s\n${result.stdout.replace(/^/gm, '      ')}`);
    for (const { target } of TARGETS) {
      archives.set(target, readZip(join(work, 'packages', `${manifest.name}-${target}-${manifest.version}.vsix`)));
    }
  });
  after(() => work && rmSync(work, { recursive: true, force: true }));

  for (const expected of TARGETS) {
    describe(expected.target, () => {
      const bindingFolder = `extension/node_modules/@duckdb/node-bindings-${expected.target}/`;
      const entries = () => archives.get(expected.target)!;

      it('says its target in extension.vsixmanifest', () => {
        const vsixManifest = entries().find((entry) => entry.name === 'extension.vsixmanifest')!.read().toString('utf8');
        const identity = /<Identity\b[^>]*>/.exec(vsixManifest)?.[0] ?? '';
        assert.match(identity, new RegExp(`TargetPlatform="${expected.target}"`));
      });

      it("holds exactly its own binding's native files, with headers for its platform", () => {
        // Every entry is read, whatever its name: a native file under another name counts too.
        const natives = entries()
          .map((entry) => ({ name: entry.name, header: nativeHeader(entry.read().subarray(0, 4096)) }))
          .filter((found) => found.header !== undefined);
        assert.deepEqual(natives.map((found) => found.name).sort(), [`${bindingFolder}${expected.library}`, `${bindingFolder}duckdb.node`].sort());
        for (const found of natives) assert.deepEqual(found.header, { format: expected.format, arch: expected.arch }, found.name);
      });

      it('carries no other platform package and nothing native by name', () => {
        const foreign = entries().filter(
          (entry) =>
            (/node_modules\/@duckdb\/node-bindings-/.test(entry.name) && !entry.name.startsWith(bindingFolder)) ||
            (/\.(node|so|dylib|dll)$/.test(entry.name) && !entry.name.startsWith(bindingFolder)),
        );
        assert.deepEqual(foreign.map((entry) => entry.name), []);
      });

      it(`has at most ${MAX_FILES} files, and little besides DuckDB`, () => {
        const nonNative = entries().filter((entry) => !entry.name.startsWith(bindingFolder));
        const nonNativeBytes = nonNative.reduce((sum, entry) => sum + entry.compressedSize, 0);
        const library = entries().find((entry) => entry.name === `${bindingFolder}${expected.library}`)!;
        console.log(
          `      ${entries().length} files; ${expected.library} ${(library.compressedSize / 1e6).toFixed(1)} MB compressed ` +
            `(${(library.size / 1e6).toFixed(1)} MB); everything else ${(nonNativeBytes / 1e6).toFixed(2)} MB in ${nonNative.length} files`,
        );
        assert.ok(entries().length <= MAX_FILES, `${entries().length} files`);
        assert.ok(nonNativeBytes <= MAX_NON_NATIVE_BYTES, `${nonNativeBytes} bytes besides the native binding`);
      });
    });
  }

  it('linux-x64, unpacked, runs SQL on DuckDB and loads nothing from outside its folder', function () {
    if (process.platform !== 'linux' || process.arch !== 'x64') this.skip();
    const unpacked = realpathSync(mkdtempSync(join(work, 'unpacked-')));
    for (const entry of archives.get('linux-x64')!) {
      mkdirSync(dirname(join(unpacked, entry.name)), { recursive: true });
      writeFileSync(join(unpacked, entry.name), entry.read());
    }
    const extension = join(unpacked, 'extension');
    const elsewhere = mkdtempSync(join(work, 'cwd-'));
    const report = join(elsewhere, 'loaded.json');
    // The extension's own CLI bundle opens DuckDB as a run does; at exit the probe records
    // every module Node loaded and every file mapped into the process.
    const probe = `
      const fs = require('fs');
      const [cli, report] = process.argv.slice(1);
      process.on('exit', () => {
        const mapped = fs.readFileSync('/proc/self/maps', 'utf8').split('\\n').map((line) => line.split(/\\s+/).slice(5).join(' ')).filter((path) => path.startsWith('/'));
        fs.writeFileSync(report, JSON.stringify({ modules: Object.keys(require.cache), mapped: [...new Set(mapped)] }));
      });
      process.argv = [process.argv[0], cli, 'sql', '-e', 'select 42 as answer', '--json'];
      require(cli);
    `;
    const env: NodeJS.ProcessEnv = { ...process.env, SNOWPARK_LOCAL_CODE_CACHE: 'off' };
    delete env.NODE_PATH;
    delete env.NODE_OPTIONS;
    const result = spawnSync(process.execPath, ['-e', probe, join(extension, 'dist', 'cli.js'), report], { cwd: elsewhere, env, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.deepEqual((JSON.parse(result.stdout.trim()) as { rows: unknown[] }).rows, [{ ANSWER: 42 }]);

    const loaded = JSON.parse(readFileSync(report, 'utf8')) as { modules: string[]; mapped: string[] };
    const outside = (path: string) => !path.startsWith(`${extension}/`);
    assert.deepEqual(loaded.modules.filter(outside), [], 'modules loaded from outside the unpacked extension');
    const ours = loaded.mapped.filter((path) => /\.node$|duckdb|node_modules/.test(path) || path.startsWith(root));
    assert.deepEqual(ours.filter(outside), [], 'native files mapped from outside the unpacked extension');
    const binding = join(extension, 'node_modules', '@duckdb', 'node-bindings-linux-x64');
    assert.ok(loaded.mapped.includes(join(binding, 'duckdb.node')) && loaded.mapped.includes(join(binding, 'libduckdb.so')), ours.join('\n'));
  });
});

describe('npm run package refuses a binding whose sha512 is not the lock\'s', function () {
  this.timeout(120_000);
  let cache = '';
  before(() => (cache = mkdtempSync(join(tmpdir(), 'snowpark-local-bindings-cache-'))));
  after(() => rmSync(cache, { recursive: true, force: true }));

  it('stops with the package, the file and what to do, and writes no .vsix', () => {
    const tarball = join(cache, bindingsVersion, `duckdb-node-bindings-win32-x64-${bindingsVersion}.tgz`);
    mkdirSync(dirname(tarball), { recursive: true });
    writeFileSync(tarball, 'not the tarball npm published');
    const out = join(cache, 'packages');
    const result = runPackage(['--target', 'win32-x64', '--out', out], { ...process.env, SNOWPARK_LOCAL_BINDINGS_CACHE: cache });
    assert.equal(result.status, 1, result.stdout);
    assert.match(result.stderr, new RegExp(`@duckdb/node-bindings-win32-x64@${bindingsVersion.replace(/\./g, '\\.')} does not match package-lock\\.json`));
    assert.ok(result.stderr.includes(tarball), result.stderr);
    assert.match(result.stderr, /Delete the file and run npm run package again/);
    assert.deepEqual(readdirSync(out), []);
  });

  it('rejects an unknown target by name, listing the ones it builds', () => {
    const result = runPackage(['--target', 'solaris-sparc', '--out', join(cache, 'none')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Unknown target 'solaris-sparc': use one of linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64/);
  });
});
