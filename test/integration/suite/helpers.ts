// Shared by the suites. Only the public VS Code API: the same files run under code-server
// here and under @vscode/test-electron elsewhere.
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'snowpark-local.snowpark-local';

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this VS Code`);
  await extension.activate();
  return extension;
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder;
}

export function fixtureUri(relative: string): vscode.Uri {
  return vscode.Uri.file(path.join(workspaceFolder().uri.fsPath, relative));
}

/** CodeLens providers may answer before the language is settled: poll briefly. */
export async function codeLensesOf(uri: vscode.Uri, atLeast = 1, timeoutMs = 10_000): Promise<vscode.CodeLens[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lenses =
      (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 100)) ?? [];
    if (lenses.length >= atLeast || Date.now() > deadline) return lenses;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
