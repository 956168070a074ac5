import * as vscode from 'vscode';
import { UntrustedWorkspaceError } from '../trust';
import { UserFacingError } from '../userError';

// Command id → implementation. Registration wraps each one so a failure becomes a message
// that says what happened and what to do. The command then resolves to undefined (a
// rejected command would make VS Code add its own, vaguer, notification); `onFailure`
// lets the tests see what was shown.

export type CommandTable = Record<string, (...args: never[]) => unknown>;

export function registerCommandTable(table: CommandTable, onFailure: (command: string, error: unknown) => void): vscode.Disposable[] {
  return Object.entries(table).map(([id, implementation]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await (implementation as (...a: unknown[]) => unknown)(...args);
      } catch (error) {
        onFailure(id, error);
        showFailure(error);
        return undefined;
      }
    }),
  );
}

function showFailure(error: unknown): void {
  if (error instanceof UntrustedWorkspaceError) {
    void vscode.window.showWarningMessage(error.message, 'Manage Workspace Trust').then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.trust.manage');
    });
    return;
  }
  if (error instanceof UserFacingError) {
    void vscode.window.showErrorMessage(error.message);
    return;
  }
  const message = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(`Snowpark Local: ${message}`);
}
