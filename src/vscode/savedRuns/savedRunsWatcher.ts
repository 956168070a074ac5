import * as vscode from 'vscode';

// Notices .snowpark-local/runs.json files: their changes refresh the saved-run lenses and
// tests, and the first one found creates the Test Explorer's controller (so a workspace
// without saved runs never loads that part). In the activation bundle: vscode only.

const RUNS_GLOB = '**/.snowpark-local/runs.json';

export class SavedRunsWatcher implements vscode.Disposable {
  private readonly watcher = vscode.workspace.createFileSystemWatcher(RUNS_GLOB);
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;
  private found = false;
  private readonly foundListeners: Array<() => void> = [];

  constructor() {
    const changed = (uri: vscode.Uri): void => {
      this.changeEmitter.fire(uri);
      this.markFound();
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.watcher.onDidDelete((uri) => this.changeEmitter.fire(uri));
    // After activation returns: a stat per folder, not a search of the workspace.
    void Promise.all(
      (vscode.workspace.workspaceFolders ?? []).map((folder) =>
        vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.uri, '.snowpark-local', 'runs.json')).then(
          () => this.markFound(),
          () => undefined,
        ),
      ),
    );
  }

  /** Calls `listener` once, when (or if already) a runs.json exists. */
  whenFound(listener: () => void): void {
    if (this.found) listener();
    else this.foundListeners.push(listener);
  }

  private markFound(): void {
    if (this.found) return;
    this.found = true;
    for (const listener of this.foundListeners.splice(0)) listener();
  }

  dispose(): void {
    this.watcher.dispose();
    this.changeEmitter.dispose();
  }
}
