import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ResolvedPython } from './pythonInterpreter';
import { makeDirectory } from '../util/makeDirectory';
import { userCacheDirectory } from '../util/userCacheDirectory';

// Which interpreter `python3` means depends on PATH, the directory (pyenv's
// .python-version) and a few variables; the answer is cached on disk under exactly that
// key, for an hour, and only while the executable still exists. This saves every CLI
// call the ~300–900 ms a pyenv shim costs to ask.

const TTL_MS = 60 * 60 * 1000;
const KEY_VARIABLES = ['PATH', 'PYENV_VERSION', 'VIRTUAL_ENV', 'CONDA_PREFIX', 'PYENV_ROOT'];

interface Entry {
  resolved: ResolvedPython;
  savedMs: number;
}

function cacheFile(): string {
  return join(userCacheDirectory(), 'interpreters.json');
}

function keyOf(command: string, cwd: string): string {
  return JSON.stringify([command, cwd, ...KEY_VARIABLES.map((name) => process.env[name] ?? '')]);
}

function load(): Record<string, Entry> {
  try {
    return JSON.parse(readFileSync(cacheFile(), 'utf8')) as Record<string, Entry>;
  } catch {
    return {};
  }
}

export const interpreterCache = {
  lookup(command: string, cwd: string): ResolvedPython | undefined {
    if (process.env.SNOWPARK_LOCAL_NO_INTERPRETER_CACHE) return undefined;
    const entry = load()[keyOf(command, cwd)];
    if (!entry || Date.now() - entry.savedMs > TTL_MS || !existsSync(entry.resolved.executable)) return undefined;
    return entry.resolved;
  },

  remember(command: string, cwd: string, resolved: ResolvedPython): void {
    if (process.env.SNOWPARK_LOCAL_NO_INTERPRETER_CACHE) return;
    try {
      const entries = load();
      const now = Date.now();
      for (const [key, entry] of Object.entries(entries)) if (now - entry.savedMs > TTL_MS) delete entries[key];
      entries[keyOf(command, cwd)] = { resolved, savedMs: now };
      const file = cacheFile();
      makeDirectory(dirname(file));
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(entries));
      renameSync(temporary, file);
    } catch {
      // A read-only home only costs the probe next time.
    }
  },
};
