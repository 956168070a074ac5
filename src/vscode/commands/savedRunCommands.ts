import * as vscode from 'vscode';
import { expectationFromOutcome } from '../../core/savedRuns/checkExpectation';
import { SavedRunsError } from '../../core/savedRuns/readSavedRuns';
import { savedRunsPathIn } from '../../core/savedRuns/savedRunsFormat';
import { saveExpectation, saveRun } from '../../core/savedRuns/writeSavedRuns';
import { COMMANDS } from '../commandIds';
import { RunController } from '../runs/runController';
import { referenceFor, SavedRunPick, savedRunPick } from '../savedRuns/savedRunPicks';
import { parseSavedRunTestId, SavedRunResults } from '../savedRuns/savedRunResults';
import { FolderSavedRun, runsFor, savedRunsOfFolder } from '../savedRuns/savedRunsOfFolder';
import { requireTrust } from '../trust';
import { UserFacingError } from '../userError';
import { CommandTable } from './commandTable';

// Run Saved Run… (the Jobs view's toolbar, the ▶ Run "name" lenses), Save Arguments as
// Saved Run… and Save Current Result as Expected (a Test Explorer item's menu).

export interface SaveArgumentsRequest {
  file: string;
  handler?: string;
  procedure?: string;
  args: unknown[];
  /** Given by tests and scripts; otherwise asked for. */
  name?: string;
}

export function savedRunCommands(controller: RunController, results: SavedRunResults): CommandTable {
  return {
    [COMMANDS.runSavedRun]: async (argument?: { folder: string; name: string } | { file: string; handler?: string; procedure?: string }) => {
      requireTrust();
      const saved = argument && 'name' in argument ? findSavedRun(argument.folder, argument.name) : await pickSavedRun(argument);
      if (!saved) return undefined;
      return controller.runHandler({ ...saved.target, args: saved.run.args });
    },
    [COMMANDS.saveArguments]: async (argument?: SaveArgumentsRequest) => {
      const last = controller.lastRun?.kind === 'handler' ? controller.lastRun.target : undefined;
      const request = argument ?? last;
      if (!request) throw new UserFacingError('No arguments to save yet: run a handler with "Run with arguments…" first.');
      const folder = folderOf(request.file);
      const name =
        argument?.name ??
        (await vscode.window.showInputBox({
          title: 'Save arguments as a saved run',
          prompt: `A name for ${referenceFor(folder, request)} with ${JSON.stringify(request.args)} (kept in .snowpark-local/runs.json, meant to be committed)`,
          validateInput: (value) => (value.trim() ? undefined : 'Give the run a name, e.g. "small month".'),
          ignoreFocusOut: true,
        }));
      if (!name?.trim()) return undefined;
      const file = savedRunsPathIn(folder);
      const reference = referenceFor(folder, request);
      write(() => saveRun(file, { name: name.trim(), ...(request.procedure ? { procedure: reference } : { handler: reference }), args: request.args }));
      void vscode.window.showInformationMessage(`Saved run "${name.trim()}" in ${vscode.workspace.asRelativePath(file)}.`);
      return name.trim();
    },
    [COMMANDS.saveResultAsExpected]: async (item?: { id: string }) => {
      const parsed = item ? parseSavedRunTestId(item.id) : undefined;
      if (!parsed) throw new UserFacingError('Save Current Result as Expected works on a saved run in the Test Explorer: right-click the run there.');
      const outcome = results.latestFor(parsed.folder, parsed.name);
      if (!outcome) throw new UserFacingError(`Saved run "${parsed.name}" has no result yet: run it from the Test Explorer first.`);
      const previous = findSavedRun(parsed.folder, parsed.name)?.run.expect;
      const expect = expectationFromOutcome(outcome, previous);
      write(() => saveExpectation(savedRunsPathIn(parsed.folder), parsed.name, expect));
      void vscode.window.showInformationMessage(`Saved the current result of "${parsed.name}" as its expected result.`);
      return expect;
    },
  };
}

/** The saved runs of this handler, then "New arguments…": undefined when it has none, null when dismissed. */
export async function pickSavedArguments(target: { file: string; handler?: string; procedure?: string }, name: string): Promise<unknown[] | 'new' | undefined | null> {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(target.file))?.uri.fsPath;
  if (!folder) return undefined;
  const runs = runsFor(readRuns(folder), target);
  if (runs.length === 0) return undefined;
  const items: SavedRunPick[] = [...runs.map((saved) => savedRunPick(saved, false)), { label: '$(edit) New arguments…', description: 'type them, then save them under a name if you like' }];
  const chosen = await vscode.window.showQuickPick(items, { title: `Run ${name} with…`, placeHolder: 'a saved run, or new arguments' });
  if (!chosen) return null;
  return chosen.saved ? chosen.saved.run.args : 'new';
}

async function pickSavedRun(filter?: { file: string; handler?: string; procedure?: string }): Promise<FolderSavedRun | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let all = folders.flatMap((folder) => readRuns(folder.uri.fsPath));
  if (filter) all = runsFor(all, filter);
  if (all.length === 0) {
    throw new UserFacingError('No saved runs yet: use "Run with arguments…" on a handler, then "Save as Saved Run…" (they are kept in .snowpark-local/runs.json).');
  }
  const chosen = await vscode.window.showQuickPick(all.map((saved) => savedRunPick(saved, true)), { title: 'Snowpark Local: run which saved run?', matchOnDescription: true });
  return chosen?.saved;
}

function findSavedRun(folder: string, name: string): FolderSavedRun | undefined {
  const found = readRuns(folder).find((saved) => saved.run.name === name);
  if (!found) throw new UserFacingError(`${savedRunsPathIn(folder)} has no run "${name}" (renamed or removed?).`);
  return found;
}

function readRuns(folder: string): FolderSavedRun[] {
  try {
    return savedRunsOfFolder(folder);
  } catch (error) {
    if (error instanceof SavedRunsError) throw new UserFacingError(`${error.message}`);
    throw error;
  }
}

function write(change: () => void): void {
  try {
    change();
  } catch (error) {
    if (error instanceof SavedRunsError) throw new UserFacingError(`${error.message} Fix the file, then save again.`);
    throw error;
  }
}

function folderOf(file: string): string {
  const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file));
  if (!folder) throw new UserFacingError(`${file} is outside the open folders: saved runs live in a workspace folder's .snowpark-local/runs.json. Open its folder first.`);
  return folder.uri.fsPath;
}
