// DuckDB's native binding for one target, fetched from the npm registry at package time.
// node_modules only holds the host's binding (npm installs the one optional package that
// fits), so each .vsix gets its own from the registry, checked against package-lock.json's
// sha512 before anything unpacks it, and kept in a cache so the next run does not download.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The version and sha512 integrity package-lock.json records for a package. */
export function lockedPackage(root, name) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  const entry = lock.packages?.[`node_modules/${name}`];
  if (!entry?.version || !entry?.integrity) {
    throw new Error(`package-lock.json records no version and integrity for ${name}: run npm install in the main checkout so the lock lists every platform's binding`);
  }
  return { name, version: entry.version, integrity: entry.integrity };
}

/** $SNOWPARK_LOCAL_BINDINGS_CACHE/<version>, else ~/.cache/snowpark-local/duckdb-bindings/<version>. */
export function bindingsCacheFolder(version, env = process.env) {
  const configured = env.SNOWPARK_LOCAL_BINDINGS_CACHE?.trim();
  const base = configured || join(env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'snowpark-local', 'duckdb-bindings');
  return join(base, version);
}

/** The file name `npm pack` gives a package's tarball. */
function tarballName({ name, version }) {
  return `${name.replace(/^@/, '').replace('/', '-')}-${version}.tgz`;
}

/** The package's tarball in the cache, downloaded first if missing; throws unless its sha512 matches the lock. */
export function cachedTarball(locked, folder) {
  const file = join(folder, tarballName(locked));
  if (existsSync(file)) {
    checkIntegrity(file, locked, 'The cached tarball');
    return { file, downloaded: false };
  }
  mkdirSync(folder, { recursive: true });
  // Packed into a folder of its own and moved into place only once checked, so an
  // interrupted or refused download never looks like a cached one.
  const partial = mkdtempSync(join(folder, '.download-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    execFileSync(npm, ['pack', `${locked.name}@${locked.version}`, '--pack-destination', partial, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
    const packed = readdirSync(partial).find((entry) => entry.endsWith('.tgz'));
    if (!packed) throw new Error(`npm pack ${locked.name}@${locked.version} wrote no tarball into ${partial}`);
    checkIntegrity(join(partial, packed), locked, 'The tarball the registry served');
    renameSync(join(partial, packed), file);
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
  return { file, downloaded: true };
}

function checkIntegrity(file, locked, what) {
  const expected = locked.integrity.split(/\s+/).filter((hash) => hash.startsWith('sha512-'));
  if (expected.length === 0) throw new Error(`package-lock.json records no sha512 integrity for ${locked.name}@${locked.version} (only '${locked.integrity}')`);
  const actual = `sha512-${createHash('sha512').update(readFileSync(file)).digest('base64')}`;
  if (!expected.includes(actual)) {
    throw new Error(
      `${what} for ${locked.name}@${locked.version} does not match package-lock.json: ${file} has ${actual}, the lock records ${expected.join(' or ')}. ` +
        'Nothing was packaged with it. Delete the file and run npm run package again; if the registry serves the same bytes again, do not ship them.',
    );
  }
}

/** Unpacks an npm tarball into a fresh folder and returns the package's own folder in it. */
export function unpackTarball(file, into) {
  mkdirSync(into, { recursive: true });
  execFileSync('tar', ['-xzf', file, '-C', into], { stdio: ['ignore', 'ignore', 'inherit'] });
  return join(into, 'package');
}
