import * as vscode from 'vscode';
import type { ExternalLaunch, LaunchedProcess } from '../../core/runner/runTypes';

// "Debug": the runner keeps its channel and job records, but the bootstrap is started by
// the Python debugger (debugpy), so breakpoints in the handler work.

const DEBUGGER_EXTENSIONS = ['ms-python.debugpy', 'ms-python.python'];

export class DebuggerMissingError extends Error {
  constructor() {
    super(
      'Debugging a handler needs the Python Debugger extension (ms-python.debugpy, installed with ms-python.python), ' +
        'which is not installed in this VS Code. Install "Python Debugger" from the Extensions view, or use "▶ Run locally" instead.',
    );
    this.name = 'DebuggerMissingError';
  }
}

export function debuggerAvailable(): boolean {
  return DEBUGGER_EXTENSIONS.some((id) => vscode.extensions.getExtension(id) !== undefined);
}

export function debugLaunch(folder: vscode.WorkspaceFolder | undefined, name: string): ExternalLaunch {
  return async (command): Promise<LaunchedProcess> => {
    let session: vscode.DebugSession | undefined;
    let resolveExit: (exit: { code: number | null; signal: NodeJS.Signals | null }) => void = () => undefined;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => (resolveExit = resolve));
    const started = vscode.debug.onDidStartDebugSession((candidate) => {
      if (candidate.configuration.snowparkLocalRun === command.env.SNOWPARK_LOCAL_RUN_TOKEN) session = candidate;
    });
    const terminated = vscode.debug.onDidTerminateDebugSession((candidate) => {
      if (candidate !== session) return;
      terminated.dispose();
      started.dispose();
      resolveExit({ code: null, signal: null });
    });
    const configuration: vscode.DebugConfiguration = {
      type: 'debugpy',
      request: 'launch',
      name: `Snowpark Local: ${name}`,
      module: command.args[command.args.indexOf('-m') + 1],
      python: command.python,
      cwd: command.cwd,
      env: command.env,
      console: 'internalConsole',
      justMyCode: true,
      // Lets us find our session among others; debugpy ignores unknown keys.
      snowparkLocalRun: command.env.SNOWPARK_LOCAL_RUN_TOKEN,
    };
    const ok = await vscode.debug.startDebugging(folder, configuration);
    if (!ok) {
      started.dispose();
      terminated.dispose();
      throw new Error(`The Python debugger did not start ${name}. Check the Debug Console, then try "▶ Run locally".`);
    }
    return {
      exited,
      stop: () => {
        if (session) void vscode.debug.stopDebugging(session);
        else resolveExit({ code: null, signal: 'SIGTERM' });
      },
    };
  };
}
