import * as vscode from 'vscode';
import { readSettings } from '../settings';

// Which Python runs a handler: the interpreter selected in the Python extension (so a
// project's venv just works), else the snowparkLocal.pythonPath setting, else the core's
// default (python3). The core resolves and caches the real sys.executable from this.

export interface InterpreterChoice {
  command: string | undefined;
  /** Where it came from, for the output channel and error messages. */
  source: 'python extension' | 'snowparkLocal.pythonPath' | 'default';
}

const PYTHON_EXTENSION_ID = 'ms-python.python';

export async function chooseInterpreter(resource: vscode.Uri | undefined): Promise<InterpreterChoice> {
  if (vscode.extensions.getExtension(PYTHON_EXTENSION_ID)) {
    try {
      const { PythonExtension } = await import('@vscode/python-extension');
      const api = await PythonExtension.api();
      const active = api.environments.getActiveEnvironmentPath(resource);
      const resolved = await api.environments.resolveEnvironment(active);
      const executable = resolved?.executable.uri?.fsPath;
      if (executable) return { command: executable, source: 'python extension' };
    } catch (error) {
      // The Python extension may still be starting or broken: fall through to the setting.
      console.warn('snowpark-local: Python extension API unavailable', error);
    }
  }
  const configured = readSettings(resource).pythonPath;
  if (configured) return { command: configured, source: 'snowparkLocal.pythonPath' };
  return { command: undefined, source: 'default' };
}
