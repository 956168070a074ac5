import * as vscode from 'vscode';

// Restricted Mode: a handler or a worksheet is code from the workspace, so nothing runs
// until the person trusts the folder. Every run path asks here first.

export const UNTRUSTED_MESSAGE =
  'Snowpark Local does not run handlers or SQL in an untrusted workspace (Restricted Mode): ' +
  'a handler is code from this folder and could do anything on your machine. ' +
  'Trust the folder (command "Workspaces: Manage Workspace Trust") to run it.';

export class UntrustedWorkspaceError extends Error {
  constructor() {
    super(UNTRUSTED_MESSAGE);
    this.name = 'UntrustedWorkspaceError';
  }
}

/** Throws UntrustedWorkspaceError (shown to the person by the command wrapper) when untrusted. */
export function requireTrust(): void {
  if (!vscode.workspace.isTrusted) throw new UntrustedWorkspaceError();
}
