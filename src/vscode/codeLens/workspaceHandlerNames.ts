import * as vscode from 'vscode';

// Function names that a procedure in the workspace names with HANDLER='module.fn': such a
// def is a handler even when its first parameter is not called `session`. Read from the
// workspace's .sql files once, then kept fresh by a file watcher.

const HANDLER_CLAUSE = /\bHANDLER\s*=\s*'([^']+)'/gi;
const MAX_FILES = 500;

export function handlerNamesIn(sql: string): string[] {
  const names: string[] = [];
  for (const match of sql.matchAll(HANDLER_CLAUSE)) names.push(match[1].split('.').pop() ?? match[1]);
  return names;
}

export class WorkspaceHandlerNames implements vscode.Disposable {
  private readonly byFile = new Map<string, string[]>();
  private scanned: Promise<void> | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changeEmitter.event;

  /** Watching starts with the first scan (the first .py lens request), not at activation. */
  private watch(): void {
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.sql');
    const reread = (uri: vscode.Uri): void => void this.read(uri).then(() => this.changeEmitter.fire());
    this.watcher.onDidChange(reread);
    this.watcher.onDidCreate(reread);
    this.watcher.onDidDelete((uri) => {
      this.byFile.delete(uri.toString());
      this.changeEmitter.fire();
    });
  }

  async names(): Promise<string[]> {
    this.scanned ??= this.scan();
    await this.scanned;
    return [...new Set([...this.byFile.values()].flat())];
  }

  private async scan(): Promise<void> {
    this.watch();
    const files = await vscode.workspace.findFiles('**/*.sql', '**/{node_modules,.git,.snowpark-local}/**', MAX_FILES);
    await Promise.all(files.map((uri) => this.read(uri)));
  }

  private async read(uri: vscode.Uri): Promise<void> {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.byFile.set(uri.toString(), handlerNamesIn(Buffer.from(bytes).toString('utf8')));
    } catch {
      this.byFile.delete(uri.toString());
    }
  }

  dispose(): void {
    this.watcher?.dispose();
    this.changeEmitter.dispose();
  }
}
