import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where Snowpark Local keeps per-user caches (resolved interpreters, the shim's bytecode): XDG's cache directory. */
export function userCacheDirectory(): string {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'snowpark-local');
}
