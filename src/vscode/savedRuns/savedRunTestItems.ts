import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { parseCreateProcedure } from '../../core/discovery/createProcedure';
import { findPythonHandlers } from '../../core/discovery/pythonHandlers';
import { normaliseName } from '../../core/procedures/procedureCatalog';
import { SavedRunsError } from '../../core/savedRuns/readSavedRuns';
import { savedRunsPathIn } from '../../core/savedRuns/savedRunsFormat';
import { splitStatements } from '../../core/sql/splitStatements';
import { savedRunTestId } from './savedRunResults';
import { FolderSavedRun, savedRunsOfFolder } from './savedRunsOfFolder';

// The Test Explorer's tree: handler file → handler or procedure → saved run, for every saved
// run with an "expect". A runs.json that does not validate shows as one item with its error.

export interface SavedRunItemData {
  folder: string;
  saved: FolderSavedRun;
}

export function buildSavedRunItems(controller: vscode.TestController, data: WeakMap<vscode.TestItem, SavedRunItemData>): void {
  const roots: vscode.TestItem[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const folderPath = folder.uri.fsPath;
    let runs: FolderSavedRun[];
    try {
      runs = savedRunsOfFolder(folderPath).filter((saved) => saved.run.expect);
    } catch (error) {
      if (!(error instanceof SavedRunsError)) throw error;
      const file = savedRunsPathIn(folderPath);
      const item = controller.createTestItem(`runsFile:${file}`, vscode.workspace.asRelativePath(file), vscode.Uri.file(file));
      item.error = error.message;
      roots.push(item);
      continue;
    }
    const files = new Map<string, vscode.TestItem>();
    for (const saved of runs) {
      const uri = vscode.Uri.file(saved.target.file);
      let fileItem = files.get(saved.target.file);
      if (!fileItem) {
        fileItem = controller.createTestItem(`file:${saved.target.file}`, path.relative(folderPath, saved.target.file).split(path.sep).join('/'), uri);
        files.set(saved.target.file, fileItem);
        roots.push(fileItem);
      }
      const functionName = saved.target.handler ?? saved.target.procedure ?? path.basename(saved.target.file);
      const groupId = `function:${saved.target.file}#${functionName}`;
      let group = fileItem.children.get(groupId);
      const range = definitionRange(saved);
      if (!group) {
        group = controller.createTestItem(groupId, saved.target.procedure ? normaliseName(functionName) : functionName, uri);
        group.range = range;
        fileItem.children.add(group);
      }
      const item = controller.createTestItem(savedRunTestId(folderPath, saved.run.name), saved.run.name, uri);
      item.range = range;
      item.description = JSON.stringify(saved.run.args);
      data.set(item, { folder: folderPath, saved });
      group.children.add(item);
    }
  }
  controller.items.replace(roots);
}

/** The handler's def (or the procedure's CREATE), so the gutter shows the run's state there. */
function definitionRange(saved: FolderSavedRun): vscode.Range | undefined {
  let text: string;
  try {
    text = fs.readFileSync(saved.target.file, 'utf8');
  } catch {
    return undefined;
  }
  let line: number | undefined;
  if (saved.target.procedure !== undefined || saved.target.file.toLowerCase().endsWith('.sql')) {
    const wanted = saved.target.procedure ? normaliseName(saved.target.procedure) : undefined;
    const statement = splitStatements(text).find((candidate) => {
      const definition = parseCreateProcedure(candidate, candidate.text);
      return definition?.language === 'PYTHON' && (!wanted || normaliseName(definition.name) === wanted);
    });
    line = statement?.startLine;
  } else {
    const handlers = findPythonHandlers(text, saved.target.handler ? [saved.target.handler] : []);
    line = (saved.target.handler ? handlers.find((handler) => handler.name === saved.target.handler) : handlers[0])?.line;
  }
  return line === undefined ? undefined : new vscode.Range(line, 0, line, 0);
}
