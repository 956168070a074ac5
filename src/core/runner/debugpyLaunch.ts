import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { LaunchCommand } from './runTypes';
import { shimDirectory } from './shimLocation';

// Debugging a run: the runner still opens the channel and records the jobs, but the
// bootstrap is started by debugpy (its own DAP adapter, `python -m debugpy.adapter`, from
// the run's interpreter), so breakpoints work without any other VS Code extension. These
// are the debugpy launch arguments for a runner's LaunchCommand: the same in the editor
// and in the tests that drive debugpy directly.

/**
 * The debugpy launch-request key that identifies a run's debug session. Its value is derived
 * from the run's channel token but is not the token, so it can be shown or logged.
 */
export const DEBUG_RUN_KEY = 'snowparkLocalRunId';

export function debugRunId(command: LaunchCommand): string {
  return createHash('sha256').update(`debug-run:${command.env.SNOWPARK_LOCAL_RUN_TOKEN ?? ''}`).digest('hex').slice(0, 24);
}

export interface DebugpyLaunchOptions {
  /** Shown as the debug session's name. */
  name: string;
  /** Step only into the workspace's code (default true). */
  justMyCode?: boolean;
}

export function debugpyLaunchArguments(command: LaunchCommand, options: DebugpyLaunchOptions): Record<string, unknown> {
  const moduleAt = command.args.indexOf('-m');
  if (moduleAt < 0 || moduleAt + 1 >= command.args.length) throw new Error(`cannot debug ${command.args.join(' ')}: the runner starts a module (-m NAME)`);
  return {
    name: options.name,
    request: 'launch',
    python: command.python,
    module: command.args[moduleAt + 1],
    args: command.args.slice(moduleAt + 2),
    cwd: command.cwd,
    env: command.env,
    // Prints reach the Debug Console as they happen; the run's result still goes to the Jobs view.
    console: 'internalConsole',
    redirectOutput: true,
    justMyCode: options.justMyCode ?? true,
    showReturnValue: true,
    // The bootstrap's own subprocesses (a handler's subprocess.run) are not debugged.
    subProcess: false,
    // Snowpark Local's shim is not the developer's code: its frames stay out of the Call
    // Stack and stepping never enters it (what Snowflake's own runtime would be).
    rules: [{ path: shimDirectory(), include: false }],
    [DEBUG_RUN_KEY]: debugRunId(command),
  };
}

export class DebugpyMissingError extends Error {
  constructor(readonly python: string, detail: string) {
    super(
      `Debugging needs debugpy in the interpreter that runs the handler, ${python}, and it cannot import it (${detail}). ` +
        `Install it with \`"${python}" -m pip install debugpy\` (Debian/Ubuntu system Python: \`sudo apt install python3-debugpy\`), ` +
        'or choose an interpreter that has it (snowparkLocal.pythonPath, or the Python extension\'s interpreter).',
    );
    this.name = 'DebugpyMissingError';
  }
}

/** Resolves with debugpy's version, or rejects with a DebugpyMissingError saying how to install it. */
export function checkDebugpy(python: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(python, ['-c', 'import debugpy; print(debugpy.__version__)'], { timeout: 20_000, windowsHide: true }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout.trim());
      const lastLine = String(stderr).trim().split(/\r?\n/).pop() || error.message.split('\n')[0];
      reject(new DebugpyMissingError(python, lastLine));
    });
  });
}
