import { dirname, resolve } from 'node:path';
import { BootstrapProcess } from '../core/runner/bootstrapProcess';
import { resolvePython } from '../core/runner/pythonInterpreter';
import { ParsedArguments, stringFlag } from './cliArguments';

// The CLI is one process per run, so it cannot keep an interpreter warm between calls. What
// it can do is start Python first: the bootstrap's start and the shim's imports (the bulk of
// a trivial run) then overlap with Node loading the rest of the CLI, opening the runtime and
// resolving the handler. The run adopts it when it was started for the same interpreter and
// directory the run asks for; otherwise it is ended and the run starts fresh.

export interface Prestarted {
  /** The bootstrap, once spawned (undefined when it could not be: the run reports why). */
  readonly process: Promise<BootstrapProcess | undefined>;
  readonly python: string | undefined;
  readonly cwd: string;
}

export function prestartForRun(parsed: ParsedArguments, cwd: string): Prestarted | undefined {
  const file = parsed.positionals[1];
  if (!file || parsed.flags.has('help')) return undefined;
  const python = stringFlag(parsed, 'python');
  // resolveTarget runs a handler in its file's directory.
  const runDirectory = dirname(resolve(cwd, file));
  const process = resolvePython(python, runDirectory)
    .then((resolved) => BootstrapProcess.spawn({ executable: resolved.executable, cwd: runDirectory }))
    .catch(() => undefined);
  return { process, python, cwd: runDirectory };
}

/** Ends a prestarted bootstrap no run adopted (a usage error, another directory). */
export async function endUnadopted(prestarted: Prestarted | undefined): Promise<void> {
  const process = await prestarted?.process;
  if (process && !process.wasAdopted) await process.end();
}
