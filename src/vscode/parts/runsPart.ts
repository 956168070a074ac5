import * as vscode from 'vscode';
import type { RuntimeOptions, SnowparkRuntime } from '../../core/snowparkRuntime';
import { guardedCommands } from '../commands/commandTable';
import { databaseCommands } from '../commands/databaseCommands';
import { deployCommands } from '../commands/deployCommands';
import { jobCommands } from '../commands/jobCommands';
import { runCommands } from '../commands/runCommands';
import { savedRunCommands } from '../commands/savedRunCommands';
import { targetCommands } from '../commands/targetCommands';
import { COMMANDS } from '../commandIds';
import { DisposableBucket } from '../disposableBucket';
import { DebugRuns } from '../debug/debugRuns';
import { DebugpyProxyAdapter } from '../debug/debugpyProxyAdapter';
import { SnowparkDebugConfigurations } from '../debug/launchConfigurations';
import type { JobResults } from '../jobs/jobResults';
import { RunDiagnostics } from '../output/runDiagnostics';
import { RunOutput } from '../output/runOutput';
import { ResultPanel } from '../results/resultPanel';
import { RunController } from '../runs/runController';
import { SavedRunResults } from '../savedRuns/savedRunResults';
import { SavedRunTests, savedRunTests } from '../savedRuns/savedRunTestRunner';
import type { WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
export { openSnowflakeEngine } from '../target/snowflakeTarget';

// The entry of dist/runsPart.js (scripts/build.mjs): everything the commands need, loaded
// by the first command rather than at activation. The views and the runtimes registry stay
// in dist/extension.js and are handed in; nothing stateful is shared the other way.

/** What dist/extension.js hands over. */
export interface RunsPartHost {
  readonly context: vscode.ExtensionContext;
  readonly runtimes: WorkspaceRuntimes;
  readonly results: JobResults;
  /** A command failed (after the person has been shown why). */
  onFailure(command: string, error: unknown): void;
}

export interface RunsPart extends vscode.Disposable {
  readonly runs: RunController;
  readonly output: RunOutput;
  readonly diagnostics: RunDiagnostics;
  readonly panel: ResultPanel;
  readonly debugConfigurations: SnowparkDebugConfigurations;
  /** The adapter of a Snowpark Local debug session (debugpy's, behind a thin proxy). */
  createDebugAdapter(session: vscode.DebugSession): vscode.DebugAdapterDescriptor;
  /** Saved runs as tests (the Test Explorer's profiles call these). */
  readonly savedRunTests: SavedRunTests;
  /** Runs one command of package.json's contributes.commands; failures are shown, not thrown. */
  invoke(command: string, args: unknown[]): Promise<unknown>;
}

export function createRunsPart(host: RunsPartHost): RunsPart {
  const { context, runtimes, results } = host;
  const bucket = new DisposableBucket();
  const output = bucket.add(new RunOutput());
  const diagnostics = bucket.add(new RunDiagnostics());
  const panel = bucket.add(new ResultPanel());
  const debugRuns = new DebugRuns();
  const runs = bucket.add(new RunController(runtimes, output, diagnostics, panel, results, debugRuns));
  const debugConfigurations = new SnowparkDebugConfigurations(runs, context.workspaceState);
  debugRuns.relaunch = (folder, target) => debugConfigurations.startRun(folder, target);
  const savedRunResults = new SavedRunResults();
  // The failure display lives here, with the error classes the commands throw: the same
  // classes in the other bundle would be other classes to `instanceof`.
  const commands = guardedCommands(
    {
      [COMMANDS.showOutput]: () => output.show(),
      ...runCommands(runs, context.workspaceState),
      ...savedRunCommands(runs, savedRunResults),
      ...jobCommands(runtimes, runs, results, panel),
      ...targetCommands(runtimes),
      ...databaseCommands(runtimes, runs),
      ...deployCommands(context.secrets),
    },
    host.onFailure,
  );
  return {
    runs,
    output,
    diagnostics,
    panel,
    debugConfigurations,
    createDebugAdapter: (session) => {
      const python = session.configuration.python;
      if (typeof python !== 'string' || !python) {
        throw new Error('This Snowpark Local debug session has no interpreter: start it from a launch.json configuration, the Debug CodeLens or "Snowpark Local: Debug Handler".');
      }
      return new vscode.DebugAdapterInlineImplementation(new DebugpyProxyAdapter(python, debugRuns, session));
    },
    savedRunTests: savedRunTests(runs, savedRunResults),
    invoke: (command, args) => {
      const implementation = commands.get(command);
      if (!implementation) return Promise.reject(new Error(`Snowpark Local has no command ${command}`));
      return implementation(...args);
    },
    dispose: () => bucket.dispose(),
  };
}

/** Opens one folder's runtime; the core loads here, on the first run, not with the part. */
export async function openRuntime(options: RuntimeOptions): Promise<SnowparkRuntime> {
  const { SnowparkRuntime } = await import('../../core/snowparkRuntime');
  return SnowparkRuntime.open(options);
}
