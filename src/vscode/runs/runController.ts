import * as path from 'path';
import * as vscode from 'vscode';
import { defaultPythonCommands } from '../../core/runner/pythonCommand';
import type { RunOutcome, RunRequest } from '../../core/runner/runTypes';
import type { QueryResult, WarehouseType } from '../../core/runner/protocol';
import type { StatementOutcome } from '../../core/worksheet/worksheetRunner';
import { JobResults } from '../jobs/jobResults';
import { RunDiagnostics } from '../output/runDiagnostics';
import { RunOutput } from '../output/runOutput';
import { ResultPanel } from '../results/resultPanel';
import { chooseInterpreter } from '../runtime/pythonInterpreter';
import { WarmInterpreters } from '../runtime/warmInterpreters';
import { FolderRuntime, WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { readSettings } from '../settings';
import { requireTrust } from '../trust';
import { UserFacingError } from '../userError';
import type { DebugRuns } from '../debug/debugRuns';
import { debugLaunch, requireDebugpy } from './debugLauncher';
import type { ShownOutcome } from './outcomeTable';

export interface HandlerTarget {
  file: string;
  handler?: string;
  procedure?: string;
  args: unknown[];
}

/** How a launch.json configuration changes a run (see core/targets/launchConfiguration.ts). */
export interface LaunchOverrides {
  warehouseType?: WarehouseType;
  workers?: number;
  python?: string;
  justMyCode?: boolean;
  /** 'local' or a connection name, instead of the folder's snowparkLocal.target. */
  target?: string;
  /** ':memory:' or a DuckDB file, instead of the folder's database. */
  dbPath?: string;
}

export interface HandlerRunOptions {
  debug?: boolean;
  launch?: LaunchOverrides;
  /** A launch.json session VS Code is starting: give it the final configuration instead of starting one. */
  deliverDebugConfiguration?: (configuration: vscode.DebugConfiguration) => void;
}

export interface WorksheetTarget {
  text: string;
  file?: string;
  /** Line of `text`'s first line in the file (a selection, a single CALL). */
  lineOffset: number;
  label: string;
}

export type LastRun = { kind: 'handler'; target: HandlerTarget; debug: boolean } | { kind: 'worksheet'; target: WorksheetTarget };

export interface WorksheetSummary {
  runId: string | undefined;
  statements: StatementOutcome[];
  /** The last statement's result that has columns: what the result view shows. */
  shown?: QueryResult;
}

/**
 * Starts handler runs and worksheets, and reports how they went: output channel, a
 * Diagnostic on the failing line, a notification or the result view. The runtime is
 * opened on the first run of a folder.
 */
export class RunController implements vscode.Disposable {
  private readonly worksheetAborts = new Map<string, AbortController>();
  private readonly outputSubscriptions = new Map<string, { dispose(): void }>();
  private readonly subscriptions: vscode.Disposable[] = [];
  lastRun: LastRun | undefined;
  /** The latest outcome per run id, for the tests and "Show Job Result" on a run. */
  readonly outcomes = new Map<string, RunOutcome>();
  /** A Python process started ahead of the next handler run (never in an untrusted workspace). */
  readonly warm = new WarmInterpreters();

  constructor(
    private readonly runtimes: WorkspaceRuntimes,
    private readonly output: RunOutput,
    private readonly diagnostics: RunDiagnostics,
    private readonly panel: ResultPanel,
    private readonly results: JobResults,
    private readonly debugRuns: DebugRuns,
  ) {
    // Runtimes opened before this controller existed (it is created on the first command).
    for (const entry of runtimes.all) this.followOutput(entry);
    this.subscriptions.push(
      runtimes.onDidOpen((entry) => this.followOutput(entry)),
      runtimes.onDidClose((entry) => {
        this.outputSubscriptions.get(entry.key)?.dispose();
        this.outputSubscriptions.delete(entry.key);
      }),
    );
  }

  private followOutput(entry: FolderRuntime): void {
    this.outputSubscriptions.set(entry.key, entry.runtime.runner.onOutput((chunk) => this.output.append(chunk.text)));
  }

  async runHandler(target: HandlerTarget, options: HandlerRunOptions = {}): Promise<RunOutcome> {
    requireTrust();
    const uri = vscode.Uri.file(target.file);
    const launch = options.launch ?? {};
    const entry = await this.runtimes.forUri(uri, { target: launch.target, dbPath: launch.dbPath });
    // Loaded on the first run: the core's parsers are not needed at activation.
    const { resolveTarget, TargetError } = await import('../../core/targets/runTarget');
    let resolved;
    try {
      resolved = resolveTarget({ file: target.file, handler: target.handler, procedure: target.procedure, args: target.args }, entry.runtime.catalog);
    } catch (error) {
      if (error instanceof TargetError) throw new UserFacingError(error.message);
      throw error;
    }
    const settings = readSettings(uri);
    const interpreter = await chooseInterpreter(uri);
    const request: RunRequest = {
      ...resolved.request,
      python: launch.python ?? interpreter.command,
      warehouseType: launch.warehouseType ?? settings.warehouseType,
      workers: launch.workers ?? settings.workers,
    };
    if (options.debug) {
      // Before the run exists: a missing debugpy is a setup problem, not a failed run.
      await requireDebugpy(request.python, request.cwd);
      request.launch = debugLaunch(entry.folder, this.debugRuns, {
        name: request.label ?? resolved.resultName,
        target: { ...target, launch: options.launch },
        justMyCode: launch.justMyCode,
        deliver: options.deliverDebugConfiguration,
      });
    }
    this.lastRun = { kind: 'handler', target, debug: options.debug ?? false };
    this.diagnostics.clear();
    const label = request.label ?? resolved.resultName;
    this.output.runStarted(
      label,
      `${entry.runtime.engineDescription} · ${settings.warehouseType} warehouse · python ${interpreter.command ?? defaultPythonCommands(process.platform).join(' or ')} (${interpreter.source})`,
    );
    // A debug launch starts its own process; any other run adopts the warm one when it was
    // started for the same interpreter and directory.
    const prestarted = options.debug || !request.cwd ? undefined : await this.warm.take({ python: request.python, cwd: request.cwd });
    const handle = entry.runtime.runner.start(request, prestarted);
    const outcome = await handle.outcome;
    this.outcomes.set(outcome.runId, outcome);
    const { shownOutcome } = await import('./outcomeTable');
    this.report(outcome, shownOutcome(outcome, resolved.resultName, resolved.request.returnType), label);
    return outcome;
  }

  private report(outcome: RunOutcome, shown: ShownOutcome | undefined, label: string): void {
    if (outcome.cancelledChildren.length) {
      this.output.line(
        `note: ${outcome.cancelledChildren.length} child job(s) still running when the handler ended were cancelled, as Snowflake does: ${outcome.cancelledChildren.join(', ')}`,
      );
    }
    if (shown) {
      this.results.set(outcome.runId, shown.table);
      this.output.table(shown.table);
      this.output.line(`✔ ${label} finished in ${outcome.durationMs} ms`);
      if (shown.tabular) {
        this.panel.show({ title: `${label} result`, result: shown.table, source: label });
      } else {
        const cell = shown.table.data[0]?.[0];
        const text = cell === null || cell === undefined ? 'NULL' : typeof cell === 'string' ? cell : JSON.stringify(cell);
        void vscode.window.showInformationMessage(`${label} returned: ${text.length > 300 ? `${text.slice(0, 299)}…` : text}`);
      }
      return;
    }
    const error = outcome.error!;
    this.output.failure(error, outcome.runId);
    if (error.kind === 'cancelled') {
      void vscode.window.showInformationMessage(`${label}: ${error.message}`);
      return;
    }
    if (error.location) this.diagnostics.report(error.location.file, error.location.line, error.message);
    const where = error.location ? ` (${path.basename(error.location.file)}:${error.location.line})` : '';
    void vscode.window.showErrorMessage(`${label} failed${where}: ${firstLine(error.message)} — see the Snowpark Local output for the traceback.`, 'Show Output').then((choice) => {
      if (choice) this.output.show();
    });
  }

  async runWorksheet(target: WorksheetTarget, options: { showResult?: boolean } = {}): Promise<WorksheetSummary> {
    requireTrust();
    const entry = await this.runtimes.forUri(target.file ? vscode.Uri.file(target.file) : undefined);
    this.lastRun = { kind: 'worksheet', target };
    this.diagnostics.clear();
    this.output.runStarted(target.label, entry.runtime.engineDescription);
    const summary = await this.drainWorksheet(entry, target);
    // The worksheet run's own result is its last table, as Snowsight shows it.
    if (summary.runId && summary.shown) this.results.set(summary.runId, summary.shown);
    const failed = summary.statements.find((statement) => statement.error);
    if (failed?.error) {
      const line = failed.line + target.lineOffset + 1;
      const where = target.file ? `${path.basename(target.file)}:${line}` : `line ${line}`;
      void vscode.window.showErrorMessage(`Statement at ${where} failed (query id ${failed.queryId}): ${firstLine(failed.error.message)}`);
    } else if (options.showResult !== false && summary.shown) {
      this.panel.show({ title: `${target.label} result`, result: summary.shown, source: target.file ? path.basename(target.file) : undefined });
    }
    return summary;
  }

  private async drainWorksheet(entry: FolderRuntime, target: WorksheetTarget): Promise<WorksheetSummary> {
    const { runWorksheet } = await import('../../core/worksheet/worksheetRunner');
    const abort = new AbortController();
    let runId: string | undefined;
    // runWorksheet records its run synchronously on the first next(): catch its id then,
    // so "Cancel Run" on the worksheet's row can reach this AbortController.
    const claim = entry.runtime.jobs.onDidChange((event) => {
      if (runId === undefined && event.type === 'added' && event.job.kind === 'run' && event.job.detail.worksheet) {
        runId = event.job.id;
        this.worksheetAborts.set(runId, abort);
      }
    });
    const statements: StatementOutcome[] = [];
    let shown: QueryResult | undefined;
    try {
      const iterator = runWorksheet(entry.runtime, target.text, target.file, { signal: abort.signal, label: target.label });
      const first = iterator.next();
      claim.dispose();
      for (let step = await first; !step.done; step = await iterator.next()) {
        const statement = step.value;
        statements.push(statement);
        const line = statement.line + target.lineOffset + 1;
        const where = target.file ? `${target.file}:${line}` : `line ${line}`;
        if (statement.error) {
          this.output.line(`✖ ${where}  ${firstLine(statement.statement)}`);
          this.output.line(`  ${statement.error.message}  (query id ${statement.queryId})`);
          if (target.file) this.diagnostics.report(target.file, line, `${statement.error.message} (query id ${statement.queryId})`);
        } else if (statement.result) {
          this.output.line(`✔ ${where}  ${firstLine(statement.statement)}  (${statement.result.rowCount} rows, ${statement.durationMs} ms, query id ${statement.queryId})`);
          if (statement.result.columns.length) shown = statement.result;
          if (statement.queryId) this.results.set(statement.queryId, statement.result);
        }
      }
    } finally {
      claim.dispose();
      if (runId) this.worksheetAborts.delete(runId);
    }
    return { runId, statements, shown };
  }

  /** CALL from a CodeLens: the file's procedures are registered first, as if created. */
  async runCall(file: string, statement: string, line: number): Promise<WorksheetSummary> {
    requireTrust();
    const entry = await this.runtimes.forUri(vscode.Uri.file(file));
    await registerProceduresOf(file, statement, entry);
    return this.runWorksheet({ text: statement, file, lineOffset: line, label: firstLine(statement) });
  }

  /** Cancels a run, whichever kind: a handler run (or nested CALL run) or a worksheet. */
  async cancelRun(runId: string): Promise<boolean> {
    const abort = this.worksheetAborts.get(runId);
    if (abort) {
      abort.abort();
      return true;
    }
    for (const entry of this.runtimes.all) {
      const handle = entry.runtime.runner.activeRuns.find((run) => run.runId === runId);
      if (handle) {
        await handle.cancel();
        return true;
      }
    }
    return false;
  }

  async cancelAll(): Promise<void> {
    for (const abort of this.worksheetAborts.values()) abort.abort();
    await Promise.all(this.runtimes.all.map((entry) => entry.runtime.runner.cancelAll()));
  }

  dispose(): void {
    this.warm.dispose();
    for (const abort of this.worksheetAborts.values()) abort.abort();
    for (const subscription of this.outputSubscriptions.values()) subscription.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0];
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

/**
 * Registers the Python procedures this .sql file defines, so a CALL from its CodeLens
 * finds them without running the CREATE first. resolveTarget registers before it coerces
 * arguments, so a procedure that needs arguments still gets registered: its TargetError
 * about the missing arguments is expected and ignored here.
 */
async function registerProceduresOf(file: string, callStatement: string, entry: FolderRuntime): Promise<void> {
  const match = /^\s*call\s+([^\s(]+)/i.exec(callStatement);
  if (!match) return;
  const { resolveTarget, TargetError } = await import('../../core/targets/runTarget');
  try {
    resolveTarget({ file, procedure: match[1], args: [] }, entry.runtime.catalog);
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
  }
}
