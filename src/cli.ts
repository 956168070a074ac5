import { parseArguments, USAGE, UsageError } from './cli/cliArguments';
import { CliIo, exitAfterOutput, processIo } from './cli/cliIo';
import { endUnadopted, prestartForRun } from './cli/prestartedBootstrap';

// Only what starts Python is loaded before it starts: each command (and through it the
// core, the engine, the SQL translator) is loaded lazily, while the bootstrap imports.

/** The same core as the extension, from a terminal or CI. Exit: 0 ok, 1 failed, 2 usage. */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  try {
    const parsed = parseArguments(argv);
    const command = parsed.positionals[0];
    if (parsed.flags.has('help') || command === 'help' || command === undefined) {
      (command === undefined && !parsed.flags.has('help') ? io.stderr : io.stdout)(`${USAGE}\n`);
      return command === undefined && !parsed.flags.has('help') ? 2 : 0;
    }
    switch (command) {
      case 'run': {
        const prestarted = prestartForRun(parsed, io.cwd);
        try {
          // Spawned before the rest loads: a module's first evaluation blocks the event
          // loop, and the spawn waits for the channel's listen callback.
          await prestarted?.process;
          const { runCommand } = await import('./cli/runCommand');
          return await runCommand(parsed, io, prestarted);
        } finally {
          await endUnadopted(prestarted);
        }
      }
      case 'sql':
        return await (await import('./cli/sqlCommand')).sqlCommand(parsed, io);
      case 'connections':
        return await (await import('./cli/connectionsCommand')).connectionsCommand(parsed, io);
      case 'test':
        return await (await import('./cli/testCommand')).testCommand(parsed, io);
      case 'deploy':
        return await (await import('./cli/deployCommand')).deployCommand(parsed, io);
      default:
        throw new UsageError(`unknown command '${command}'`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const usage = error instanceof UsageError;
    // --json promises an object on stdout whatever happens, so a script can always parse it.
    if (argv.includes('--json')) io.stdout(JSON.stringify({ result: null, error: { kind: usage ? 'usage' : 'startup', message } }) + '\n');
    io.stderr(usage ? `snowpark-local: ${message}\n\n${USAGE}\n` : `snowpark-local: ${message}\n`);
    return usage ? 2 : 1;
  }
}

// For the launcher (cliLauncher.ts, dist/cli.js), which loads this file and runs it.
export { exitAfterOutput };

if (require.main === module) {
  void main(process.argv.slice(2)).then(exitAfterOutput);
}
