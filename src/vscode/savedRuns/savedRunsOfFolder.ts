import * as fs from 'fs';
import { normaliseName } from '../../core/procedures/procedureCatalog';
import { readSavedRuns } from '../../core/savedRuns/readSavedRuns';
import { SavedRun, savedRunsPathIn, savedRunTarget, SavedRunTarget } from '../../core/savedRuns/savedRunsFormat';

// A folder's saved runs for the lenses and pickers, read again only when runs.json changes
// on disk (its mtime), so a lens request costs one stat.

export interface FolderSavedRun {
  folder: string;
  run: SavedRun;
  target: SavedRunTarget;
}

const cache = new Map<string, { mtimeMs: number; runs: FolderSavedRun[] }>();

/** The folder's runs; [] when there is no runs.json. Throws SavedRunsError on an invalid one. */
export function savedRunsOfFolder(folder: string): FolderSavedRun[] {
  const file = savedRunsPathIn(folder);
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    cache.delete(folder);
    return [];
  }
  const cached = cache.get(folder);
  if (cached?.mtimeMs === mtimeMs) return cached.runs;
  const runs = (readSavedRuns(file)?.runs ?? []).map((run) => ({ folder, run, target: savedRunTarget(folder, run) }));
  cache.set(folder, { mtimeMs, runs });
  return runs;
}

/** Does the saved run call this handler (or procedure) of this file? A run naming no function matches `onlyHandler`. */
export function runsFor(runs: FolderSavedRun[], target: { file: string; handler?: string; procedure?: string }): FolderSavedRun[] {
  return runs.filter(({ target: saved }) => {
    if (saved.file !== target.file) return false;
    if (target.procedure !== undefined) return saved.procedure === undefined || normaliseName(saved.procedure) === normaliseName(target.procedure);
    return saved.handler === undefined || saved.handler === target.handler;
  });
}
