import { createHash } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

// The names of requireWithCodeCache's files, and what is removed when one is written. A
// cache file is only good for one build of one bundle: each rebuild or update of the
// extension wrote new ones (2–3 MB a build) beside the old, and nothing removed them.

/**
 * Entries not written for this long mostly belong to builds that are gone (an update moves
 * the bundles, so their names differ); one still in use is written again on its next load.
 */
export const UNUSED_CACHE_DAYS = 30;

/**
 * `<where>-<what>.v8cache`: `where` names the bundle's path, `what` the build (its size and
 * time) and the V8 that compiled it.
 */
export function cacheFileName(file: string): string {
  const stat = statSync(file);
  const where = hash([process.arch, file]);
  const what = hash([process.versions.v8, stat.size, stat.mtimeMs]);
  return `${where}-${what}.v8cache`;
}

/**
 * After `writtenFile` (named by cacheFileName) is written: removes, beside it, the same
 * bundle's earlier builds, names from before this scheme, and files older than
 * UNUSED_CACHE_DAYS. Best effort: whatever cannot be read or removed stays.
 */
export function pruneCodeCache(writtenFile: string, now = Date.now()): void {
  const folder = dirname(writtenFile);
  const written = basename(writtenFile);
  const where = written.split('-')[0];
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === written || !name.endsWith('.v8cache')) continue;
    const path = join(folder, name);
    try {
      const sameBundle = name.startsWith(`${where}-`);
      const olderScheme = !name.includes('-');
      const unused = now - statSync(path).mtimeMs > UNUSED_CACHE_DAYS * 86_400_000;
      if (sameBundle || olderScheme || unused) rmSync(path, { force: true });
    } catch {
      // Another process removed it first, or it is not ours to remove: leave it.
    }
  }
}

function hash(parts: unknown[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}
