// The lens titles, shared by the provider, the builder and the tests.
export const LENS_TITLES = {
  run: '▶ Run locally',
  runWithArguments: 'Run with arguments…',
  debug: 'Debug',
  runCall: '▶ Run CALL',
  moreSavedRuns: 'more saved runs…',
} as const;

/** `▶ Run "small month"`: one lens per saved run of the handler (the first few). */
export function savedRunLensTitle(name: string): string {
  return `▶ Run "${name}"`;
}

/** How many saved runs get a lens of their own; the rest are behind "more saved runs…". */
export const SAVED_RUN_LENSES = 3;
