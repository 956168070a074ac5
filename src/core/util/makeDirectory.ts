import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * `mkdir -p` that always ends. Node 20's mkdirSync(…, { recursive: true }) loops for ever,
 * synchronously, when a parent exists but cannot hold children (a path under /proc, a
 * dangling symlink): mkdir(child) says ENOENT, mkdir(parent) says EEXIST, again and again.
 * The CLI hung on `--db /proc/forbidden/x.duckdb` and, its event loop blocked, ignored
 * SIGTERM. Here a missing directory is created once its parent exists, and any error but
 * "already there" is final.
 */
export function makeDirectory(path: string, mode?: number): void {
  const missing: string[] = [];
  for (let at = path; !isDirectory(at); at = dirname(at)) {
    if (dirname(at) === at) break;
    missing.unshift(at);
  }
  for (const directory of missing) {
    try {
      mkdirSync(directory, { mode });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !isDirectory(directory)) throw error;
    }
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
