// The lens titles, shared by the provider, the builder and the tests.
export const LENS_TITLES = {
  run: '▶ Run locally',
  runWithArguments: 'Run with arguments…',
  debug: 'Debug',
  runCall: '▶ Run CALL',
} as const;
