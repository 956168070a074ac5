import * as vscode from 'vscode';
import { loadLensBuilder } from '../parts/loadPart';
import { readSettings } from '../settings';
import { WorkspaceHandlerNames } from './workspaceHandlerNames';

// CodeLens above every handler `def` in .py files, and in .sql files above each Python
// CREATE PROCEDURE, each CALL, and the handler `def` inside a `$$ … $$` body.

export { LENS_TITLES } from './lensTitles';

export class SnowparkCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changeEmitter.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly handlerNames: WorkspaceHandlerNames,
    savedRunsChanged: vscode.Event<unknown>,
  ) {
    this.subscriptions = [
      handlerNames.onDidChange(() => this.changeEmitter.fire()),
      savedRunsChanged(() => this.changeEmitter.fire()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('snowparkLocal.codeLens.enabled')) this.changeEmitter.fire();
      }),
    ];
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!readSettings(document.uri).codeLensEnabled) return [];
    // The parsers load on the first lens request (dist/lensBuilder.js), not at activation.
    const { pythonLenses, sqlLenses } = loadLensBuilder();
    if (document.languageId === 'python') return pythonLenses(document, await this.handlerNames.names());
    if (document.languageId === 'sql' || document.fileName.toLowerCase().endsWith('.sql')) return sqlLenses(document);
    return [];
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}
