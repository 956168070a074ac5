import { statSync } from 'node:fs';

// Whether an interpreter changed since a process started from it: the modification times
// of its executable and its site-packages directories (installing, upgrading or removing a
// package adds or removes entries there, which changes the directory's mtime).

export type Fingerprint = Map<string, number>;

export function fingerprintOf(paths: Iterable<string>): Fingerprint {
  const fingerprint: Fingerprint = new Map();
  for (const path of paths) fingerprint.set(path, modifiedMs(path));
  return fingerprint;
}

export function fingerprintChanged(fingerprint: Fingerprint): boolean {
  for (const [path, modified] of fingerprint) if (modifiedMs(path) !== modified) return true;
  return false;
}

function modifiedMs(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    // Gone (a venv deleted): -1 differs from any time it had.
    return -1;
  }
}
