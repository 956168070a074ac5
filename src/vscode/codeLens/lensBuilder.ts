import * as vscode from 'vscode';
import { parseCall } from '../../core/discovery/callStatement';
import { parseCreateProcedure } from '../../core/discovery/createProcedure';
import { findHandlersInSql, findPythonHandlers } from '../../core/discovery/pythonHandlers';
import { splitStatements } from '../../core/sql/splitStatements';
import { COMMANDS } from '../commandIds';
import { SavedRunsError } from '../../core/savedRuns/readSavedRuns';
import { FolderSavedRun, runsFor, savedRunsOfFolder } from '../savedRuns/savedRunsOfFolder';
import { LENS_TITLES, SAVED_RUN_LENSES, savedRunLensTitle } from './lensTitles';

// The lenses of one document, from the core's parsers. Loaded on the first lens request.

export function pythonLenses(document: vscode.TextDocument, extraNames: string[]): vscode.CodeLens[] {
  const file = document.uri.fsPath;
  const lenses: vscode.CodeLens[] = [];
  const saved = savedRunsOf(document);
  for (const handler of findPythonHandlers(document.getText(), extraNames)) {
    const range = new vscode.Range(handler.line, 0, handler.line, 0);
    const target = { file, handler: handler.name };
    lenses.push(
      lens(range, LENS_TITLES.run, COMMANDS.runHandler, target, `Run ${handler.name}() locally`),
      lens(range, LENS_TITLES.runWithArguments, COMMANDS.runHandlerWithArguments, target, `Prompt for ${handler.name}'s arguments, then run it`),
      lens(range, LENS_TITLES.debug, COMMANDS.debugHandler, target, `Run ${handler.name}() under the debugger (debugpy)`),
      ...savedRunLenses(range, runsFor(saved, target), target),
    );
  }
  return lenses;
}

/** The document's folder's saved runs; none when runs.json is invalid (the Test Explorer shows why). */
function savedRunsOf(document: vscode.TextDocument): FolderSavedRun[] {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return [];
  try {
    return savedRunsOfFolder(folder.uri.fsPath);
  } catch (error) {
    if (error instanceof SavedRunsError) return [];
    throw error;
  }
}

function savedRunLenses(range: vscode.Range, runs: FolderSavedRun[], target: { file: string; handler?: string; procedure?: string }): vscode.CodeLens[] {
  const lenses = runs.slice(0, SAVED_RUN_LENSES).map(
    (saved) =>
      new vscode.CodeLens(range, {
        title: savedRunLensTitle(saved.run.name),
        command: COMMANDS.runSavedRun,
        tooltip: `Run the saved run "${saved.run.name}" with ${JSON.stringify(saved.run.args)}`,
        arguments: [{ folder: saved.folder, name: saved.run.name }],
      }),
  );
  if (runs.length > SAVED_RUN_LENSES) {
    lenses.push(new vscode.CodeLens(range, { title: LENS_TITLES.moreSavedRuns, command: COMMANDS.runSavedRun, tooltip: `${runs.length} saved runs: pick one`, arguments: [target] }));
  }
  return lenses;
}

export function sqlLenses(document: vscode.TextDocument): vscode.CodeLens[] {
  const file = document.uri.fsPath;
  const text = document.getText();
  const lenses: vscode.CodeLens[] = [];
  const saved = savedRunsOf(document);
  for (const statement of splitStatements(text)) {
    const range = new vscode.Range(statement.startLine, 0, statement.startLine, 0);
    const definition = parseCreateProcedure(statement, statement.text);
    if (definition?.language === 'PYTHON') {
      const target = { file, procedure: definition.name };
      lenses.push(
        lens(range, LENS_TITLES.run, COMMANDS.runHandler, target, `Run procedure ${definition.name} locally`),
        lens(range, LENS_TITLES.runWithArguments, COMMANDS.runHandlerWithArguments, target, `Prompt for ${definition.name}'s arguments, then run it`),
        lens(range, LENS_TITLES.debug, COMMANDS.debugHandler, target, `Run procedure ${definition.name} under the debugger: breakpoints in its $$ body stop`),
        ...savedRunLenses(range, runsFor(saved, target), target),
      );
      continue;
    }
    if (parseCall(statement)) {
      lenses.push(
        new vscode.CodeLens(range, {
          title: LENS_TITLES.runCall,
          command: COMMANDS.runCall,
          tooltip: 'Run this CALL statement locally',
          arguments: [{ file, statement: statement.text, line: statement.startLine }],
        }),
      );
    }
  }
  for (const location of findHandlersInSql(text)) {
    if (!location.handler) continue; // its CREATE statement already has the lens
    const range = new vscode.Range(location.line, 0, location.line, 0);
    const target = { file, procedure: location.procedure.name };
    lenses.push(
      lens(range, LENS_TITLES.run, COMMANDS.runHandler, target, `Run procedure ${location.procedure.name} locally`),
      lens(range, LENS_TITLES.runWithArguments, COMMANDS.runHandlerWithArguments, target, `Prompt for ${location.procedure.name}'s arguments, then run it`),
      lens(range, LENS_TITLES.debug, COMMANDS.debugHandler, target, `Run procedure ${location.procedure.name} under the debugger`),
    );
  }
  return lenses;
}

function lens(range: vscode.Range, title: string, command: string, target: { file: string; handler?: string; procedure?: string }, tooltip: string): vscode.CodeLens {
  return new vscode.CodeLens(range, { title, command, tooltip, arguments: [target] });
}
