import * as vscode from 'vscode';
import { COMMANDS } from './commandIds';
import { WorkspaceRuntimes } from './runtime/workspaceRuntimes';
import { LOCAL_TARGET, readSettings } from './settings';

// One status bar item: target · warehouse type · running jobs. Click: Select Target.

export class SnowparkStatusBar implements vscode.Disposable {
  private item: vscode.StatusBarItem | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly runtimes: WorkspaceRuntimes) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('snowparkLocal')) this.update();
      }),
      runtimes.onDidOpen((entry) => {
        this.subscriptions.push(entry.runtime.jobs.onDidChange(() => this.scheduleUpdate()));
        this.update();
      }),
    );
    // Shown right after activation rather than during it: activate() stays short.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 0);
  }

  /** Job events come in bursts: recount at most every 100 ms, as the tree refreshes. */
  private scheduleUpdate(): void {
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, 100);
  }

  update(): void {
    if (!this.item) {
      this.item = vscode.window.createStatusBarItem('snowparkLocal.status', vscode.StatusBarAlignment.Left, 50);
      this.item.name = 'Snowpark Local';
      this.item.command = COMMANDS.selectTarget;
      this.item.show();
    }
    const settings = readSettings();
    const target = settings.target === LOCAL_TARGET ? 'Local (DuckDB)' : settings.target;
    const running = this.runtimes.all.reduce((count, entry) => count + entry.runtime.jobs.running().length, 0);
    const icon = settings.target === LOCAL_TARGET ? '$(database)' : '$(cloud)';
    this.item.text = `${icon} ${target} · ${settings.warehouseType}${running ? ` · $(sync~spin) ${running} running` : ''}`;
    this.item.tooltip = `Snowpark Local target: ${target}\nWarehouse type: ${settings.warehouseType}\nRunning jobs: ${running}\nClick to choose the target.`;
    this.text = this.item.text;
  }

  /** What the item shows, for the tests. */
  text = '';

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item?.dispose();
  }
}
