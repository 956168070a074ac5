import * as vscode from 'vscode';
import { formatTable } from '../../cli/formatTable';
import type { RunFailure } from '../../core/runner/runTypes';
import type { QueryResult } from '../../core/runner/protocol';

// The "Snowpark Local" output channel: handler prints as they come, then the outcome.
// Locations are written as absolute `path:line`, which VS Code turns into links.

export class RunOutput implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Snowpark Local');
  /** Everything written, for the integration tests (an OutputChannel cannot be read back). */
  private transcript = '';
  private static readonly TRANSCRIPT_LIMIT = 200_000;

  append(text: string): void {
    this.channel.append(text);
    this.transcript = (this.transcript + text).slice(-RunOutput.TRANSCRIPT_LIMIT);
  }

  line(text: string): void {
    this.append(`${text}\n`);
  }

  runStarted(label: string, detail: string): void {
    this.line('');
    this.line(`▶ ${label}  (${detail})  ${new Date().toLocaleTimeString()}`);
  }

  table(result: QueryResult): void {
    this.line(formatTable(result));
    this.line(`query id: ${result.queryId}`);
  }

  failure(error: RunFailure, runId: string): void {
    if (error.traceback) this.line(error.traceback.trimEnd());
    this.line(`✖ ${error.message}`);
    if (error.location) this.line(`  at ${error.location.file}:${error.location.line}`);
    this.line(`  run id: ${runId}`);
  }

  get text(): string {
    return this.transcript;
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
