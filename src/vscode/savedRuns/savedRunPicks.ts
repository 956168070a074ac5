import * as path from 'path';
import * as vscode from 'vscode';
import type { FolderSavedRun } from './savedRunsOfFolder';

// Quick-pick rows for saved runs: the name, then the handler and the arguments.

export interface SavedRunPick extends vscode.QuickPickItem {
  saved?: FolderSavedRun;
}

export function savedRunPick(saved: FolderSavedRun, showHandler: boolean): SavedRunPick {
  const args = JSON.stringify(saved.run.args);
  const reference = saved.run.handler ?? saved.run.procedure ?? '';
  return {
    label: `$(play) ${saved.run.name}`,
    description: showHandler ? `${reference}  ${args}` : args,
    detail: saved.run.description ?? (saved.run.expect ? 'has an expected result (a test in the Test Explorer)' : undefined),
    saved,
  };
}

/** `handlers/orders.py:main` for runs.json: relative to the folder, with forward slashes. */
export function referenceFor(folder: string, target: { file: string; handler?: string; procedure?: string }): string {
  const relative = path.relative(folder, target.file).split(path.sep).join('/');
  const name = target.handler ?? target.procedure;
  return name ? `${relative}:${name}` : relative;
}
