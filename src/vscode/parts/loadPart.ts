import { requireWithCodeCache } from '../../core/util/requireWithCodeCache';

// The extension's separately bundled parts (scripts/build.mjs, PARTS), loaded on first use
// so activation compiles only dist/extension.js. Only require() and require.resolve()
// here: the build turns each path into './<part>.js' beside the bundle; under tsc it is
// the compiled module itself.

/**
 * Runs, commands, output, results: the core, DuckDB's engine and the SQL translator. With
 * V8's code cache: the first command of a window then compiles ~20 ms less.
 */
export function loadRunsPart(): typeof import('./runsPart') {
  return requireWithCodeCache(require.resolve('./runsPart')).exports as typeof import('./runsPart');
}

/** The CodeLens builder and the core's parsers it uses. */
export function loadLensBuilder(): typeof import('../codeLens/lensBuilder') {
  return require('../codeLens/lensBuilder') as typeof import('../codeLens/lensBuilder');
}

/** The Test Explorer's controller for saved runs: only once a runs.json exists. */
export function loadTestsPart(): typeof import('../savedRuns/testsPart') {
  return require('../savedRuns/testsPart') as typeof import('../savedRuns/testsPart');
}
