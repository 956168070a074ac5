// The entry of dist/snowflakeSdk.js: snowflake-sdk bundled by esbuild (scripts/build.mjs)
// with its AWS, Azure and Google clients replaced by cloudClientStub, so loading it reads
// one file instead of resolving ~150 packages. Under tsc (the unit tests) this is the
// package from node_modules, as it is. Loaded only by loadSnowflakeSdk().
export const sdk: unknown = require('snowflake-sdk');
