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

/** The object activate() returns: the tests read the extension's state through it. */
export async function extensionApi(): Promise<import('../../../src/vscode/testApi').SnowparkLocalApi> {
  const extension = await activeExtension();
  return extension.exports as import('../../../src/vscode/testApi').SnowparkLocalApi;
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Lens titles by 0-based line, sorted: a compact picture to compare. */
export function lensMap(lenses: vscode.CodeLens[]): Array<[number, string]> {
  return lenses
    .map((lens): [number, string] => [lens.range.start.line, lens.command?.title ?? ''])
    .sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
}
