import * as vscode from 'vscode';
import { checkDebugpy, debugpyLaunchArguments, DebugpyMissingError, debugRunId } from '../../core/runner/debugpyLaunch';
import { resolvePython } from '../../core/runner/pythonInterpreter';
import type { ExternalLaunch, LaunchedProcess } from '../../core/runner/runTypes';
import { DEBUG_TYPE, DebugRuns, DebugRunTarget, TARGET_KEY } from '../debug/debugRuns';
import { UserFacingError } from '../userError';

// "Debug": the runner keeps its channel and job records, but the bootstrap is started by a
// debug session of our own type, whose adapter is debugpy's (debug/debugpyProxyAdapter.ts).
// Started from a command or CodeLens, we start the session; started from launch.json, VS Code
// is already starting it and only needs the final configuration (`deliver`).

export interface DebugLaunchOptions {
  name: string;
  target: DebugRunTarget;
  justMyCode?: boolean;
  /** launch.json path: hand the configuration to VS Code instead of starting a session. */
  deliver?: (configuration: vscode.DebugConfiguration) => void;
}

/** Resolves the run's interpreter and checks it can import debugpy; the error says how to install it. */
export async function requireDebugpy(python: string | undefined, cwd: string | undefined): Promise<void> {
  const resolved = await resolvePython(python, cwd);
  try {
    await checkDebugpy(resolved.executable);
  } catch (error) {
    if (error instanceof DebugpyMissingError) throw new UserFacingError(error.message);
    throw error;
  }
}

/** How long VS Code may take to launch a session we asked for before the run gives up on it. */
const SESSION_START_TIMEOUT_MS = 60_000;

export function debugLaunch(folder: vscode.WorkspaceFolder | undefined, runs: DebugRuns, options: DebugLaunchOptions): ExternalLaunch {
  return async (command): Promise<LaunchedProcess> => {
    const runId = debugRunId(command);
    const configuration: vscode.DebugConfiguration = {
      type: DEBUG_TYPE,
      request: 'launch',
      ...debugpyLaunchArguments(command, options),
      name: `Snowpark Local: ${options.name}`,
      [TARGET_KEY]: options.target,
    };
    const exited = runs.register(runId);
    // A session VS Code never launches (it failed to start) must not leave the run RUNNING.
    const startTimer = setTimeout(() => runs.awaitsLaunch(runId) && runs.stop(runId), SESSION_START_TIMEOUT_MS);
    void exited.finally(() => clearTimeout(startTimer));
    if (options.deliver) {
      options.deliver(configuration);
    } else if (!(await vscode.debug.startDebugging(folder, configuration))) {
      runs.stop(runId);
      throw new UserFacingError(`The debugger did not start ${options.name}. Check the Debug Console, then try "▶ Run locally".`);
    }
    return { exited, stop: () => runs.stop(runId) };
  };
}
