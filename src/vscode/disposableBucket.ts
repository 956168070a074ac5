import * as vscode from 'vscode';

/**
 * A bag of things to dispose together. The extension keeps two (rust-analyzer's ctx.ts
 * style): one for its whole lifetime, one for the current runtime (runs, engines), which
 * "Reset Local Database" empties without touching the first.
 */
export class DisposableBucket implements vscode.Disposable {
  private items: vscode.Disposable[] = [];

  add<T extends vscode.Disposable>(item: T): T {
    this.items.push(item);
    return item;
  }

  /** Disposes everything in reverse order of addition; the bucket can be reused afterwards. */
  dispose(): void {
    const items = this.items.reverse();
    this.items = [];
    for (const item of items) {
      try {
        item.dispose();
      } catch (error) {
        console.error('snowpark-local: dispose failed', error);
      }
    }
  }
}
