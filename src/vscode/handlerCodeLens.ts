// PLACEHOLDER CodeLens: a lens above every `def NAME(session` line. Proves the harness;
// the real provider (core/discovery) replaces it.
import * as vscode from 'vscode';
import { COMMANDS } from './commands';

const HANDLER_DEF = /^\s*def\s+([A-Za-z_]\w*)\s*\(\s*session\b/;

export class HandlerCodeLensProvider implements vscode.CodeLensProvider {
  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const lenses: vscode.CodeLens[] = [];
    for (let line = 0; line < document.lineCount; line++) {
      const match = HANDLER_DEF.exec(document.lineAt(line).text);
      if (!match) continue;
      lenses.push(
        new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
          title: '▶ Run locally',
          command: COMMANDS.runHandler,
          arguments: [document.uri.fsPath, match[1]],
        }),
      );
    }
    return lenses;
  }
}
