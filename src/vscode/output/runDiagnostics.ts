import * as vscode from 'vscode';

// A failed run or statement puts a Diagnostic on the user's line; the next run clears them,
// so the Problems panel only ever shows the latest failure.

export class RunDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('snowpark-local');

  clear(): void {
    this.collection.clear();
  }

  /** line is 1-based, as tracebacks print it. */
  report(file: string, line: number, message: string): void {
    const uri = vscode.Uri.file(file);
    const zeroBased = Math.max(0, line - 1);
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(zeroBased, 0, zeroBased, Number.MAX_SAFE_INTEGER),
      message,
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = 'Snowpark Local';
    const existing = this.collection.get(uri) ?? [];
    this.collection.set(uri, [...existing, diagnostic]);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
