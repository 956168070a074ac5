import * as path from 'path';
import * as vscode from 'vscode';
import { parseCreateProcedure } from '../../core/discovery/createProcedure';
import { findPythonHandlers } from '../../core/discovery/pythonHandlers';
import { splitStatements } from '../../core/sql/splitStatements';
import { UserFacingError } from '../userError';

// Where "Run Handler" finds its target when no CodeLens or tree row gave one: the handlers
// of the active editor, else of every .py/.sql file in the workspace, in a quick pick.

export interface PickedHandler {
  file: string;
  handler?: string;
  procedure?: string;
}

interface HandlerPick extends vscode.QuickPickItem {
  target: PickedHandler;
}

export function handlersInText(file: string, text: string): PickedHandler[] {
  if (file.toLowerCase().endsWith('.sql')) {
    return splitStatements(text)
      .map((statement) => parseCreateProcedure(statement, statement.text))
      .filter((definition) => definition?.language === 'PYTHON')
      .map((definition) => ({ file, procedure: definition!.name }));
  }
  return findPythonHandlers(text).map((handler) => ({ file, handler: handler.name }));
}

/** The handlers of the active editor's .py or .sql file (none for any other editor). */
export function activeEditorHandlers(): PickedHandler[] {
  const document = vscode.window.activeTextEditor?.document;
  return document && /\.(py|sql)$/i.test(document.fileName) ? handlersInText(document.uri.fsPath, document.getText()) : [];
}

export async function pickHandler(): Promise<PickedHandler | undefined> {
  let candidates = activeEditorHandlers();
  if (candidates.length === 0) {
    const files = await vscode.workspace.findFiles('**/*.{py,sql}', '**/{node_modules,.git,.venv,venv,.snowpark-local}/**', 300);
    for (const uri of files) {
      const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      candidates.push(...handlersInText(uri.fsPath, text));
    }
  }
  if (candidates.length === 0) {
    throw new UserFacingError(
      'No handler to run: no .py file in this workspace has a top-level def whose first parameter is `session`, ' +
        'and no .sql file has CREATE PROCEDURE … LANGUAGE PYTHON. Open or write one, then run again.',
    );
  }
  if (candidates.length === 1) return candidates[0];
  const picks: HandlerPick[] = candidates.map((target) => ({
    label: target.handler ? `${target.handler}()` : `PROCEDURE ${target.procedure}`,
    description: vscode.workspace.asRelativePath(target.file),
    detail: path.dirname(target.file),
    target,
  }));
  const chosen = await vscode.window.showQuickPick(picks, { title: 'Snowpark Local: run which handler?', matchOnDescription: true });
  return chosen?.target;
}
