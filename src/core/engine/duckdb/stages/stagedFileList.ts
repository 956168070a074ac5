import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqlError } from '../../sqlError';
import { HIDDEN_PREFIX } from './stageProperties';
import { StageLocation } from './stageFolders';

// Which staged files a statement reads: LIST/REMOVE/GET take every file under the location's
// path (a prefix, as in Snowflake: `@s/data` also matches `data1.csv`); COPY INTO <table> and
// queries of staged files narrow that with FILES = ( … ) or PATTERN = '…'.

/** Every file under a stage folder, as a '/'-separated path, skipping our hidden files and unloads being written. */
export function stageFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(HIDDEN_PREFIX)) continue;
    if (entry.isDirectory()) found.push(...stageFiles(join(folder, entry.name), `${prefix}${entry.name}/`));
    else found.push(prefix + entry.name);
  }
  return found;
}

/** A PATTERN as Snowflake applies it: to the whole name. */
export function patternOf(text: string): RegExp {
  try {
    return new RegExp(`^(?:${text})$`, 's');
  } catch (error) {
    throw new SqlError('001003', '42000', `SQL compilation error:\nInvalid PATTERN '${text}': ${(error as Error).message}`);
  }
}

export interface SelectedFile {
  /** Path inside the stage (`data/a.csv.gz`). */
  path: string;
  /** How COPY's result names the file: as LIST does (`my_stage/data/a.csv.gz`). */
  display: string;
  /** Set when FILES names a file that is not there. */
  missing?: true;
}

/** The files under a location, narrowed by FILES (names relative to the location's path) or PATTERN. */
export function selectStagedFiles(stage: StageLocation, files: readonly string[] | undefined, pattern: string | undefined): SelectedFile[] {
  const all = stageFiles(stage.folder);
  if (files && files.length) {
    const folder = stage.path === '' || stage.path.endsWith('/') ? stage.path : `${stage.path}/`;
    const present = new Set(all);
    return files.map((name) => {
      const path = folder + name.replace(/^\/+/, '');
      return present.has(path) ? { path, display: stage.listPrefix + path } : { path, display: stage.listPrefix + path, missing: true };
    });
  }
  const regex = pattern === undefined ? undefined : patternOf(pattern);
  return all
    .filter((path) => path.startsWith(stage.path))
    .filter((path) => !regex || regex.test(path) || regex.test(stage.listPrefix + path))
    .map((path) => ({ path, display: stage.listPrefix + path }));
}
