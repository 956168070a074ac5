import * as vscode from 'vscode';
import { UntrustedWorkspaceError } from '../trust';
import { UserFacingError } from '../userError';

// Command id → implementation. guardedCommands wraps each one so a failure becomes a message
// that says what happened and what to do. The command then resolves to undefined (a
// rejected command would make VS Code add its own, vaguer, notification); `onFailure`
// lets the tests see what was shown.

export type CommandTable = Record<string, (...args: never[]) => unknown>;

export type GuardedCommand = (...args: unknown[]) => Promise<unknown>;

/** Each command wrapped so that a failure is shown and recorded, and resolves to undefined. */
export function guardedCommands(table: CommandTable, onFailure: (command: string, error: unknown) => void): Map<string, GuardedCommand> {
  return new Map(
    Object.entries(table).map(([id, implementation]) => [
      id,
      async (...args: unknown[]) => {
        try {
          return await (implementation as (...a: unknown[]) => unknown)(...args);
        } catch (error) {
          onFailure(id, error);
          showFailure(error);
          return undefined;
        }
      },
    ]),
  );
}

export function showFailure(error: unknown): void {
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
