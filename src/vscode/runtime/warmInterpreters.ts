import * as path from 'path';
import * as vscode from 'vscode';
import type { BootstrapProcess } from '../../core/runner/bootstrapProcess';
import type { WarmInterpreter } from '../../core/runner/warmInterpreter';
import type { WarmKey, WarmPool } from '../../core/runner/warmPool';
import { readSettings, SETTINGS_SECTION } from '../settings';
import { chooseInterpreter } from './pythonInterpreter';

// The extension's warm interpreter: one Python bootstrap started ahead of the next run, for
// the interpreter and directory of the handler last run or opened. Handler code only runs
// once a run adopts it, but the interpreter itself (site-packages' .pth files,
// sitecustomize) is the workspace's: so nothing starts in an untrusted workspace.

export class WarmInterpreters implements vscode.Disposable {
  private pool: WarmPool<WarmInterpreter> | undefined;
  private disposed = false;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pythonExtensionWatched = false;

  constructor() {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Any of ours (warehouse type, workers, target…) or the Python extension's: the next
        // run starts fresh and refills, so no process outlives the setting it began with.
        if (event.affectsConfiguration(SETTINGS_SECTION) || event.affectsConfiguration('python')) void this.clear();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => editor && void this.prepareFor(editor.document)),
    );
    // The file already open at start-up, after activation has returned (it must stay cheap).
    const initial = vscode.window.activeTextEditor?.document;
    if (initial) setTimeout(() => void this.prepareFor(initial), 0);
  }

  /** The waiting process for this run, removed from the pool (a new one starts behind it), or undefined. */
  async take(key: WarmKey): Promise<BootstrapProcess | undefined> {
    if (!this.allowed()) return undefined;
    const candidate = (await this.ensurePool()).take(key);
    return candidate ? await candidate.process : undefined;
  }

  /** Starts one for a Python file about to be run (an editor shown), unless one is waiting. */
  async prepareFor(document: vscode.TextDocument): Promise<void> {
    if (document.languageId !== 'python' || document.uri.scheme !== 'file' || !this.allowed()) return;
    const interpreter = await chooseInterpreter(document.uri);
    if (!this.allowed()) return;
    (await this.ensurePool()).prepare({ python: interpreter.command, cwd: path.dirname(document.uri.fsPath) });
  }

  /** The process waiting now, if any (tests). */
  async waitingProcess(): Promise<BootstrapProcess | undefined> {
    return this.pool?.waiting?.process;
  }

  /** Drops the waiting process; resolves once it and everything it started are gone. */
  async clear(): Promise<void> {
    await this.pool?.clear();
  }

  dispose(): void {
    this.disposed = true;
    for (const subscription of this.subscriptions) subscription.dispose();
    void this.pool?.dispose();
  }

  private allowed(): boolean {
    return !this.disposed && vscode.workspace.isTrusted && readSettings().warmInterpreterEnabled;
  }

  private async ensurePool(): Promise<WarmPool<WarmInterpreter>> {
    if (!this.pool) {
      // Loaded on first use: the core's runner is not needed at activation.
      const [{ WarmPool }, { WarmInterpreter }] = await Promise.all([import('../../core/runner/warmPool'), import('../../core/runner/warmInterpreter')]);
      this.pool ??= new WarmPool((key) => new WarmInterpreter(key));
      if (this.disposed) void this.pool.dispose();
      this.watchPythonExtension();
    }
    return this.pool;
  }

  /** The interpreter picked in the Python extension is not a setting: follow its event too. */
  private watchPythonExtension(): void {
    if (this.pythonExtensionWatched || !vscode.extensions.getExtension('ms-python.python')) return;
    this.pythonExtensionWatched = true;
    void import('@vscode/python-extension')
      .then(({ PythonExtension }) => PythonExtension.api())
      .then((api) => this.subscriptions.push(api.environments.onDidChangeActiveEnvironmentPath(() => void this.clear())))
      .catch(() => undefined);
  }
}
