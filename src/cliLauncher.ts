import { requireWithCodeCache } from './core/util/requireWithCodeCache';

// The `snowpark-local` command (dist/cli.js): loads the CLI bundle (dist/cliMain.js, built
// from cli.ts) with V8's code cache, which spares each start ~20 ms of compiling, then runs
// it. Kept tiny: this file is the one part of a start that is always compiled.
const cli = requireWithCodeCache(require.resolve('./cli')).exports as typeof import('./cli');
void cli.main(process.argv.slice(2)).then(cli.exitAfterOutput);
