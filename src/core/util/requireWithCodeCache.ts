import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { cacheFileName, pruneCodeCache } from './codeCacheFiles';

// require() for a large bundle that keeps V8's compiled code in a cache file, so the next
// process skips most of the compiling: for the bundled snowflake-sdk (1.8 MB) about 100 ms
// of a CLI run's start. Node 22 has module.enableCompileCache(); Node 20 does not. The cache
// is keyed by V8's version and the file's path, size and time (codeCacheFiles.ts, which also
// removes the files of earlier builds); V8 itself rejects data that does not match the
// source, and then the file is rewritten. Any cache failure (read-only home, full disk)
// only costs the compiling. SNOWPARK_LOCAL_CODE_CACHE: a folder, or "off".

/** Where cache files go: $SNOWPARK_LOCAL_CODE_CACHE, else ~/.cache/snowpark-local/code-cache. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.SNOWPARK_LOCAL_CODE_CACHE?.trim();
  if (configured === 'off') return undefined;
  if (configured) return configured;
  return join(env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache'), 'snowpark-local', 'code-cache');
}

/** What happened to the cache on this load, for the tests. */
export type CodeCacheUse = 'used' | 'written' | 'rejected' | 'off';

export function requireWithCodeCache(file: string, folder = codeCacheFolder()): { exports: unknown; cache: CodeCacheUse } {
  const existing = require.cache[file];
  if (existing) return { exports: existing.exports, cache: 'used' };
  const source = readFileSync(file, 'utf8');
  const cacheFile = folder ? join(folder, cacheFileName(file)) : undefined;
  const cachedData = cacheFile ? readOptional(cacheFile) : undefined;
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  // A real Module in require.cache: the next require() of the file gets these exports, and
  // whoever looks at require.cache sees the file as loaded.
  const module = new Module(file, undefined);
  module.filename = file;
  require.cache[file] = module;
  try {
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
    module.loaded = true;
  } catch (error) {
    delete require.cache[file];
    throw error;
  }
  if (!cacheFile) return { exports: module.exports, cache: 'off' };
  if (cachedData && !script.cachedDataRejected) return { exports: module.exports, cache: 'used' };
  // Written a little later (or at exit, whichever comes first), so the functions the first
  // use compiles (login, the first query) are in it too.
  let written = false;
  const write = (): void => {
    if (written) return;
    written = true;
    if (writeAtomically(cacheFile, script.createCachedData())) pruneCodeCache(cacheFile);
  };
  setTimeout(write, 2000).unref();
  process.once('exit', write);
  return { exports: module.exports, cache: cachedData ? 'rejected' : 'written' };
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function writeAtomically(file: string, data: Buffer): boolean {
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
    return true;
  } catch {
    // Only the next start's compiling is lost.
    return false;
  }
}
