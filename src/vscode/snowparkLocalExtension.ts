import * as vscode from 'vscode';
import { registerCommandTable } from './commands/commandTable';
import { databaseCommands } from './commands/databaseCommands';
import { jobCommands } from './commands/jobCommands';
import { runCommands } from './commands/runCommands';
import { targetCommands } from './commands/targetCommands';
import { deployCommands } from './commands/deployCommands';
import { COMMANDS, JOBS_VIEW_ID } from './commandIds';
import { SnowparkCodeLensProvider } from './codeLens/snowparkCodeLensProvider';
import { WorkspaceHandlerNames } from './codeLens/workspaceHandlerNames';
import { DisposableBucket } from './disposableBucket';
import { JobResults } from './jobs/jobResults';
import { JobsTreeProvider } from './jobs/jobsTreeProvider';
import { RunDiagnostics } from './output/runDiagnostics';
import { RunOutput } from './output/runOutput';
import { ResultPanel } from './results/resultPanel';
import { RunController } from './runs/runController';
import { WorkspaceRuntimes } from './runtime/workspaceRuntimes';
import { SnowparkStatusBar } from './statusBar';
import { SnowparkLocalApi } from './testApi';

/**
 * The one object that owns the extension's state. Two buckets: `lifetime` (views,
 * commands, providers: until deactivation) and `runtimeBucket` (the per-folder runtimes:
 * engines, Python processes, pools), which a reset or a target change empties on its own.
 * Nothing heavy happens here: runtimes open on the first run.
 */
export class SnowparkLocalExtension implements vscode.Disposable {
  private readonly lifetime = new DisposableBucket();
  private readonly runtimeBucket = new DisposableBucket();
  readonly api: SnowparkLocalApi;

  constructor(context: vscode.ExtensionContext, activationStarted: number) {
    const steps: Array<[string, number]> = [];
    const mark = (name: string): void => void steps.push([name, Date.now() - activationStarted]);
    const runtimes = this.runtimeBucket.add(new WorkspaceRuntimes(context.secrets));
    const output = this.lifetime.add(new RunOutput());
    const diagnostics = this.lifetime.add(new RunDiagnostics());
    const panel = this.lifetime.add(new ResultPanel());
    const results = new JobResults();
    const runs = this.lifetime.add(new RunController(runtimes, output, diagnostics, panel, results));
    mark('output+diagnostics+panel+runs');
    const tree = this.lifetime.add(new JobsTreeProvider(runtimes, results));
    this.lifetime.add(vscode.window.createTreeView(JOBS_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }));
    mark('tree');
    const handlerNames = this.lifetime.add(new WorkspaceHandlerNames());
    const lenses = this.lifetime.add(new SnowparkCodeLensProvider(handlerNames));
    this.lifetime.add(vscode.languages.registerCodeLensProvider([{ language: 'python' }, { language: 'sql' }, { pattern: '**/*.sql' }], lenses));
    mark('codelens');
    const statusBar = this.lifetime.add(new SnowparkStatusBar(runtimes));
    mark('statusbar');

    const commandFailures: SnowparkLocalApi['commandFailures'] = [];
    const version = String(context.extension.packageJSON.version ?? 'unknown');
    const table = {
      [COMMANDS.showVersion]: () => {
        void vscode.window.showInformationMessage(`Snowpark Local ${version}`);
        return version;
      },
      [COMMANDS.showOutput]: () => output.show(),
      ...runCommands(runs, context.workspaceState),
      ...jobCommands(runtimes, runs, results, panel),
      ...targetCommands(runtimes),
      ...databaseCommands(runtimes, runs),
      ...deployCommands(context.secrets),
    };
    for (const disposable of registerCommandTable(table, (command, error) => {
      commandFailures.push({ command, message: error instanceof Error ? error.message : String(error) });
      if (commandFailures.length > 50) commandFailures.shift();
    })) {
      this.lifetime.add(disposable);
    }
    this.lifetime.add(
      vscode.workspace.onDidGrantWorkspaceTrust(() => void vscode.window.setStatusBarMessage('Snowpark Local: workspace trusted, handlers can run now.', 5000)),
    );
    mark('commands');
    this.api = {
      activationSteps: steps,
      jobsTree: tree,
      runtimes,
      runs,
      output,
      diagnostics,
      results: panel,
      statusBar,
      commandFailures,
      activationMs: Date.now() - activationStarted,
    };
  }

  async dispose(): Promise<void> {
    // Runs first (they cancel their child jobs and kill their processes), then the views.
    const runtimes = this.api.runtimes;
    await this.api.runs.cancelAll().catch(() => undefined);
    await runtimes.closeAll().catch(() => undefined);
    this.runtimeBucket.dispose();
    this.lifetime.dispose();
  }
}
