// The extension's separately bundled parts (scripts/build.mjs, PARTS), loaded on first use
// so activation compiles only dist/extension.js. Only require() here: the build turns each
// into require('./<part>.js') beside the bundle; under tsc it is the compiled module itself.

/** Runs, commands, output, results: the core, DuckDB's engine and the SQL translator. */
export function loadRunsPart(): typeof import('./runsPart') {
  return require('./runsPart') as typeof import('./runsPart');
}

/** The CodeLens builder and the core's parsers it uses. */
export function loadLensBuilder(): typeof import('../codeLens/lensBuilder') {
  return require('../codeLens/lensBuilder') as typeof import('../codeLens/lensBuilder');
}
