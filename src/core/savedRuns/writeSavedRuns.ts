import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseSavedRuns, SavedRunsError } from './readSavedRuns';
import { Expectation, SAVED_RUNS_VERSION, SavedRun } from './savedRunsFormat';

// Writes runs.json: adds or replaces one run, or one run's expectation, and keeps every
// other run exactly as it was written (fields this version does not know included), so a
// save from the editor never rewrites a teammate's entries.

/** Adds `run`, or replaces the run of the same name. */
export function saveRun(file: string, run: SavedRun): void {
  update(file, (runs) => {
    const index = runs.findIndex((entry) => entry.name === run.name);
    const written = withoutUndefined(run);
    if (index === -1) runs.push(written);
    else runs[index] = { ...runs[index], ...written };
  });
}

/** Sets (or replaces) the expectation of the run named `name`. */
export function saveExpectation(file: string, name: string, expect: Expectation): void {
  update(file, (runs) => {
    const run = runs.find((entry) => entry.name === name);
    if (!run) throw new SavedRunsError(file, `has no run "${name}" any more (was it renamed?); nothing saved.`);
    run.expect = expect;
  });
}

function update(file: string, change: (runs: Array<Record<string, unknown>>) => void): void {
  let data: { version: number; runs: Array<Record<string, unknown>> } & Record<string, unknown>;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SavedRunsError(file, `cannot be read (${(error as Error).message}).`);
  }
  if (text === undefined) {
    data = { version: SAVED_RUNS_VERSION, runs: [] };
  } else {
    parseSavedRuns(file, text); // refuse to write over a file that does not validate
    data = JSON.parse(text);
  }
  change(data.runs);
  parseSavedRuns(file, JSON.stringify(data)); // and never write one that would not
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
}

function withoutUndefined(run: SavedRun): Record<string, unknown> {
  return Object.fromEntries(Object.entries(run).filter(([, value]) => value !== undefined));
}
