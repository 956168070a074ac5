import * as path from 'path';
import * as vscode from 'vscode';
import { DEBUG_RUN_KEY } from '../../core/runner/debugpyLaunch';
import { LaunchConfigurationError, readLaunchConfiguration } from '../../core/targets/launchConfiguration';
import { showFailure } from '../commands/commandTable';
import { activeEditorHandlers, PickedHandler } from '../commands/handlerPicker';
import { argumentsKey } from '../runs/argumentPrompt';
import type { RunController } from '../runs/runController';
import { DEBUG_TYPE, DebugRunTarget } from './debugRuns';

// launch.json for Snowpark Local: configurations offered for the open handler, F5 without a
// launch.json, and the check and start of a configuration. A configuration we built ourselves
// (Debug CodeLens/command: it already carries its run's token) passes straight through.

export class SnowparkDebugConfigurations {
  constructor(private readonly runs: RunController, private readonly state: vscode.Memento) {}

  /** One configuration per handler in the active editor (or a template to fill in). */
  provide(folder: vscode.WorkspaceFolder | undefined): vscode.DebugConfiguration[] {
    const handlers = activeEditorHandlers();
    if (handlers.length === 0) {
      return [{ type: DEBUG_TYPE, request: 'launch', name: 'Snowpark Local: debug a handler', handler: '${workspaceFolder}/handler.py:main', args: [] }];
    }
    return handlers.map((handler) => this.configurationFor(folder, handler));
  }

  /** F5 with no launch.json: the handler in the active editor (the one under the cursor if several). */
  resolve(folder: vscode.WorkspaceFolder | undefined, configuration: vscode.DebugConfiguration): vscode.DebugConfiguration | undefined {
    if (configuration.type || configuration.request || configuration.name) return configuration;
    const handlers = activeEditorHandlers();
    if (handlers.length === 0) {
      void vscode.window.showErrorMessage('Snowpark Local: open a handler (.py with a def taking session, or a .sql with CREATE PROCEDURE … LANGUAGE PYTHON) to debug it, or add a "snowpark-local" configuration to launch.json.');
      return undefined;
    }
    return this.configurationFor(folder, handlers[0]);
  }

  /** Checks a launch.json configuration and starts its run; VS Code then launches the session. */
  async resolveWithSubstitutedVariables(folder: vscode.WorkspaceFolder | undefined, configuration: vscode.DebugConfiguration): Promise<vscode.DebugConfiguration | undefined> {
    if (configuration[DEBUG_RUN_KEY]) return configuration;
    let selection;
    try {
      selection = readLaunchConfiguration(configuration, folder?.uri.fsPath);
    } catch (error) {
      if (!(error instanceof LaunchConfigurationError)) throw error;
      void vscode.window.showErrorMessage(error.message, 'Open launch.json').then((choice) => {
        if (choice && folder) void vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, '.vscode', 'launch.json'));
      });
      return undefined;
    }
    const { file, handler, procedure, args, ...launch } = selection;
    return this.startRun(folder, { file, handler, procedure, args, launch });
  }

  /** Starts a debug run of `target`; resolves with the configuration its session must launch. */
  async startRun(_folder: vscode.WorkspaceFolder | undefined, target: DebugRunTarget): Promise<vscode.DebugConfiguration | undefined> {
    let deliver: (configuration: vscode.DebugConfiguration) => void = () => undefined;
    const delivered = new Promise<vscode.DebugConfiguration>((resolve) => (deliver = resolve));
    const run = this.runs.runHandler(
      { file: target.file, handler: target.handler, procedure: target.procedure, args: target.args },
      { debug: true, launch: target.launch, deliverDebugConfiguration: deliver },
    );
    // The run may end before it needs a session (no such handler, debugpy missing): say why.
    const ended = run.then(
      () => undefined,
      (error: unknown) => {
        showFailure(error);
        return undefined;
      },
    );
    return Promise.race([delivered, ended]);
  }

  private configurationFor(folder: vscode.WorkspaceFolder | undefined, picked: PickedHandler): vscode.DebugConfiguration {
    const name = picked.handler ?? picked.procedure ?? '';
    const relative = folder ? path.relative(folder.uri.fsPath, picked.file) : undefined;
    const file = relative !== undefined && !relative.startsWith('..') && !path.isAbsolute(relative) ? `\${workspaceFolder}/${relative.split(path.sep).join('/')}` : picked.file;
    const args = this.state.get<unknown[]>(argumentsKey(picked.file, name)) ?? [];
    return {
      type: DEBUG_TYPE,
      request: 'launch',
      name: `Debug ${picked.handler ? `${picked.handler}()` : `PROCEDURE ${picked.procedure}`} (${path.basename(picked.file)})`,
      ...(picked.handler ? { handler: `${file}:${picked.handler}` } : { procedure: `${file}:${picked.procedure}` }),
      args,
    };
  }
}

