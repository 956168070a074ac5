import * as vscode from 'vscode';
import type { SavedRunResult } from '../../core/savedRuns/runSavedRun';
import type { SavedRunTests } from './savedRunTestRunner';
import { buildSavedRunItems, SavedRunItemData } from './savedRunTestItems';

// The entry of dist/testsPart.js (scripts/build.mjs): the Test Explorer's controller for
// saved runs, created once a runs.json exists. It lists the tests itself; running them goes
// through dist/runsPart.js (the core and the engine), loaded on the first run.

export interface TestsPartHost {
  /** Loads the run support on first use. */
  savedRunTests(): SavedRunTests;
  /** runs.json changed, was created or deleted. */
  onDidChangeRuns: vscode.Event<vscode.Uri>;
}

/** What the last run of each test showed, for the integration tests (no public API reads Test Explorer state). */
export interface RecordedTestResult {
  state: 'passed' | 'failed' | 'errored';
  messages: Array<{ message: string; expectedOutput?: string; actualOutput?: string; location?: { file: string; line: number } }>;
}

export class SavedRunTestController implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController('snowparkLocal.savedRuns', 'Snowpark Saved Runs');
  readonly lastResults = new Map<string, RecordedTestResult>();
  private readonly data = new WeakMap<vscode.TestItem, SavedRunItemData>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly host: TestsPartHost) {
    this.controller.refreshHandler = () => this.refresh();
    this.controller.createRunProfile('Run', vscode.TestRunProfileKind.Run, (request, token) => this.run(request, token, false), true);
    this.controller.createRunProfile('Debug', vscode.TestRunProfileKind.Debug, (request, token) => this.run(request, token, true), true);
    this.subscriptions.push(
      host.onDidChangeRuns(() => this.refresh()),
      // A saved handler file may have moved its def: the items' ranges follow.
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/\.(py|sql)$/i.test(document.fileName)) this.refresh();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.refresh()),
    );
    this.refresh();
  }

  refresh(): void {
    buildSavedRunItems(this.controller, this.data);
  }

  /** Both profiles: each requested saved run in turn (runs share one Python interpreter setting, and a CPU). */
  async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, debug: boolean): Promise<void> {
    const run = this.controller.createTestRun(request);
    const abort = new AbortController();
    const cancelled = token.onCancellationRequested(() => abort.abort());
    try {
      for (const item of this.leaves(request)) {
        if (token.isCancellationRequested) {
          run.skipped(item);
          continue;
        }
        const data = this.data.get(item)!;
        run.started(item);
        try {
          const tests = this.host.savedRunTests();
          const result = debug
            ? await tests.debug(data.folder, data.saved.run.name)
            : await tests.test(data.folder, data.saved.run.name, { signal: abort.signal, onOutput: (text) => run.appendOutput(text.replace(/\r?\n/g, '\r\n'), undefined, item) });
          this.report(run, item, result);
        } catch (error) {
          const message = new vscode.TestMessage(error instanceof Error ? error.message : String(error));
          this.record(item, 'errored', [message]);
          run.errored(item, message);
        }
      }
    } finally {
      cancelled.dispose();
      run.end();
    }
  }

  private leaves(request: vscode.TestRunRequest): vscode.TestItem[] {
    const excluded = new Set(request.exclude ?? []);
    const found: vscode.TestItem[] = [];
    const visit = (item: vscode.TestItem): void => {
      if (excluded.has(item)) return;
      if (this.data.has(item)) found.push(item);
      item.children.forEach(visit);
    };
    if (request.include) request.include.forEach(visit);
    else this.controller.items.forEach(visit);
    return found;
  }

  private report(run: vscode.TestRun, item: vscode.TestItem, result: SavedRunResult): void {
    if (result.status === 'passed') {
      this.record(item, 'passed', []);
      run.passed(item, result.durationMs);
      return;
    }
    if (result.status === 'failed' && result.check) {
      const summary = result.check.differences
        .slice(0, 5)
        .map((difference) => `${difference.path}: expected ${JSON.stringify(difference.expected) ?? 'nothing'}, got ${JSON.stringify(difference.actual) ?? 'nothing'}${difference.note ? ` (${difference.note})` : ''}`)
        .join('\n');
      const message = vscode.TestMessage.diff(`${result.run.name}: the result differs from the expected one\n${summary}`, result.check.expectedText, result.check.actualText);
      if (item.uri && item.range) message.location = new vscode.Location(item.uri, item.range);
      this.record(item, 'failed', [message]);
      run.failed(item, message, result.durationMs);
      return;
    }
    const problem = result.problem ?? { message: 'the run ended without a result' };
    const message = new vscode.TestMessage(problem.traceback ? `${problem.traceback.trimEnd()}\n\n${problem.message.split('\n')[0]}` : problem.message);
    // The handler's own file:line from its traceback, else where the test item points.
    if (problem.location) message.location = new vscode.Location(vscode.Uri.file(problem.location.file), new vscode.Position(problem.location.line - 1, 0));
    else if (item.uri && item.range) message.location = new vscode.Location(item.uri, item.range);
    this.record(item, 'errored', [message]);
    run.errored(item, message, result.durationMs);
  }

  private record(item: vscode.TestItem, state: RecordedTestResult['state'], messages: vscode.TestMessage[]): void {
    this.lastResults.set(item.id, {
      state,
      messages: messages.map((message) => ({
        message: typeof message.message === 'string' ? message.message : message.message.value,
        expectedOutput: message.expectedOutput,
        actualOutput: message.actualOutput,
        location: message.location ? { file: message.location.uri.fsPath, line: message.location.range.start.line + 1 } : undefined,
      })),
    });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.controller.dispose();
  }
}

export function createSavedRunTestController(host: TestsPartHost): SavedRunTestController {
  return new SavedRunTestController(host);
}
