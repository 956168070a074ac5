import * as vscode from 'vscode';
import { COMMANDS, JOBS_VIEW_ID } from './commandIds';
import { SnowparkCodeLensProvider } from './codeLens/snowparkCodeLensProvider';
import { WorkspaceHandlerNames } from './codeLens/workspaceHandlerNames';
import { registerDebugging } from './debug/debugRegistration';
import { DisposableBucket } from './disposableBucket';
import { JobResults } from './jobs/jobResults';
import { JobsTreeProvider } from './jobs/jobsTreeProvider';
import { loadRunsPart, loadTestsPart } from './parts/loadPart';
import type { RunsPart } from './parts/runsPart';
import { WorkspaceRuntimes } from './runtime/workspaceRuntimes';
import { SavedRunsWatcher } from './savedRuns/savedRunsWatcher';
import type { SavedRunTestController } from './savedRuns/testsPart';
import { SnowparkStatusBar } from './statusBar';
import { SnowparkLocalApi } from './testApi';

/**
 * The one object that owns the extension's state. Two buckets: `lifetime` (views,
 * commands, providers: until deactivation) and `runtimeBucket` (the per-folder runtimes:
 * engines, Python processes, pools), which a reset or a target change empties on its own.
 * Activation builds only what the first paint shows (the Jobs view, CodeLens, the status
 * bar) and registers every command as a stub: the first command loads dist/runsPart.js
 * (RunsPart: runs, output, results, the core), the first run opens a runtime.
 */
export class SnowparkLocalExtension implements vscode.Disposable {
  private readonly lifetime = new DisposableBucket();
  private readonly runtimeBucket = new DisposableBucket();
  private runsPart: RunsPart | undefined;
  private savedRunTests: SavedRunTestController | undefined;
  readonly api: SnowparkLocalApi;

  constructor(context: vscode.ExtensionContext, activationStarted: number) {
    const steps: Array<[string, number]> = [];
    const mark = (name: string): void => void steps.push([name, Date.now() - activationStarted]);
    const runtimes = this.runtimeBucket.add(new WorkspaceRuntimes(context.secrets));
    const results = new JobResults();
    const tree = this.lifetime.add(new JobsTreeProvider(runtimes, results));
    this.lifetime.add(vscode.window.createTreeView(JOBS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));
    mark('tree');
    const handlerNames = this.lifetime.add(new WorkspaceHandlerNames());
    const savedRuns = this.lifetime.add(new SavedRunsWatcher());
    const lenses = this.lifetime.add(new SnowparkCodeLensProvider(handlerNames, savedRuns.onDidChange));
    this.lifetime.add(vscode.languages.registerCodeLensProvider([{ language: 'python' }, { language: 'sql' }, { pattern: '**/*.sql' }], lenses));
    mark('codelens');
    const statusBar = this.lifetime.add(new SnowparkStatusBar(runtimes));
    mark('statusbar');

    const commandFailures: SnowparkLocalApi['commandFailures'] = [];
    const recordFailure = (command: string, error: unknown): void => {
      commandFailures.push({ command, message: error instanceof Error ? error.message : String(error) });
      if (commandFailures.length > 50) commandFailures.shift();
    };
    const part = (): RunsPart => (this.runsPart ??= loadRunsPart().createRunsPart({ context, runtimes, results, onFailure: recordFailure }));
    const version = String(context.extension.packageJSON.version ?? 'unknown');
    for (const command of Object.values(COMMANDS)) {
      const stub =
        command === COMMANDS.showVersion
          ? () => {
              void vscode.window.showInformationMessage(`Snowpark Local ${version}`);
              return version;
            }
          : (...args: unknown[]) => this.invoke(part, command, args, recordFailure);
      this.lifetime.add(vscode.commands.registerCommand(command, stub));
    }
    for (const registration of registerDebugging(part)) this.lifetime.add(registration);
    this.lifetime.add(
      vscode.workspace.onDidGrantWorkspaceTrust(() => void vscode.window.setStatusBarMessage('Snowpark Local: workspace trusted, handlers can run now.', 5000)),
    );
    mark('commands');
    // The Test Explorer's saved runs: only in a workspace that has (or gets) a runs.json.
    savedRuns.whenFound(() => {
      this.savedRunTests ??= this.lifetime.add(
        loadTestsPart().createSavedRunTestController({ savedRunTests: () => part().savedRunTests, onDidChangeRuns: savedRuns.onDidChange }),
      );
    });
    const extension = this;
    this.api = {
      activationSteps: steps,
      jobsTree: tree,
      runtimes,
      get runs() {
        return part().runs;
      },
      get output() {
        return part().output;
      },
      get diagnostics() {
        return part().diagnostics;
      },
      get results() {
        return part().panel;
      },
      get debugConfigurations() {
        return part().debugConfigurations;
      },
      statusBar,
      get savedRunTests() {
        return extension.savedRunTests;
      },
      commandFailures,
      activationMs: Date.now() - activationStarted,
      loadedAtActivation: [],
    };
  }

  private invoke(part: () => RunsPart, command: string, args: unknown[], recordFailure: (command: string, error: unknown) => void): Promise<unknown> {
    let loaded: RunsPart;
    try {
      loaded = part();
    } catch (error) {
      // Only a damaged installation gets here (dist/runsPart.js missing or broken).
      recordFailure(command, error);
      const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
      void vscode.window.showErrorMessage(`Snowpark Local could not load its run support (${message}). Reinstall the extension.`);
      return Promise.resolve(undefined);
    }
    return loaded.invoke(command, args);
  }

  async dispose(): Promise<void> {
    // Runs first (they cancel their child jobs and kill their processes), then the views.
    await this.runsPart?.runs.cancelAll().catch(() => undefined);
    await this.api.runtimes.closeAll().catch(() => undefined);
    this.runtimeBucket.dispose();
    this.runsPart?.dispose();
    this.lifetime.dispose();
  }
}
