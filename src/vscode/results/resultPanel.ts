import { randomBytes } from 'crypto';
import * as vscode from 'vscode';
import { ResultPage, resultHtml } from './resultHtml';

// One webview panel for results, reused: a new result replaces the old one, as a
// worksheet's result grid does. No scripts run in it (enableScripts stays off).

export class ResultPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The last page shown, for the integration tests. */
  lastPage: ResultPage | undefined;
  lastHtml: string | undefined;

  show(page: ResultPage): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        'snowparkLocal.result',
        page.title,
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: false, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined));
    }
    this.panel.title = page.title;
    const nonce = randomBytes(16).toString('base64');
    this.lastHtml = resultHtml(page, nonce, this.panel.webview.cspSource);
    this.lastPage = page;
    this.panel.webview.html = this.lastHtml;
    this.panel.reveal(undefined, true);
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
