import { parseArguments, USAGE, UsageError } from './cli/cliArguments';
import { CliIo, exitAfterOutput, processIo } from './cli/cliIo';
import { connectionsCommand } from './cli/connectionsCommand';
import { deployCommand } from './cli/deployCommand';
import { runCommand } from './cli/runCommand';
import { sqlCommand } from './cli/sqlCommand';

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
      case 'run':
        return await runCommand(parsed, io);
      case 'sql':
        return await sqlCommand(parsed, io);
      case 'connections':
        return await connectionsCommand(parsed, io);
      case 'deploy':
        return await deployCommand(parsed, io);
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
