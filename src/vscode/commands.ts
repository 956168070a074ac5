// Commands. Always registered, whatever the state (see the design's conventions).
import * as vscode from 'vscode';

export const COMMANDS = {
  showVersion: 'snowparkLocal.showVersion',
  runHandler: 'snowparkLocal.runHandler',
} as const;

export function registerCommands(context: vscode.ExtensionContext): void {
  const version = String(context.extension.packageJSON.version ?? 'unknown');
  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.showVersion, () => {
      void vscode.window.showInformationMessage(`Snowpark Local ${version}`);
      return version;
    }),
    // Placeholder until the runner lands: says what it would run, so UI tests can see it.
    vscode.commands.registerCommand(COMMANDS.runHandler, (file?: string, handler?: string) => {
      const where = file ? vscode.workspace.asRelativePath(file) : 'no file';
      void vscode.window.showInformationMessage(`Snowpark Local: run ${handler ?? '?'} in ${where}`);
      return { file, handler };
    }),
  );
}
