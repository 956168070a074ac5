import type { RunOutcome } from '../../core/runner/runTypes';

// The latest outcome of each saved run that ran as a test, so "Save Current Result as
// Expected" on its Test Explorer item writes what the person just saw fail.

export const SAVED_RUN_TEST_PREFIX = 'savedRun:';

/** A test item's id for a saved run: the folder and the run's name (names are unique per folder). */
export function savedRunTestId(folder: string, name: string): string {
  return `${SAVED_RUN_TEST_PREFIX}${JSON.stringify([folder, name])}`;
}

export function parseSavedRunTestId(id: string): { folder: string; name: string } | undefined {
  if (!id.startsWith(SAVED_RUN_TEST_PREFIX)) return undefined;
  try {
    const [folder, name] = JSON.parse(id.slice(SAVED_RUN_TEST_PREFIX.length)) as [string, string];
    return typeof folder === 'string' && typeof name === 'string' ? { folder, name } : undefined;
  } catch {
    return undefined;
  }
}

export class SavedRunResults {
  private readonly latest = new Map<string, RunOutcome>();

  remember(folder: string, name: string, outcome: RunOutcome): void {
    this.latest.set(savedRunTestId(folder, name), outcome);
  }

  latestFor(folder: string, name: string): RunOutcome | undefined {
    return this.latest.get(savedRunTestId(folder, name));
  }
}
