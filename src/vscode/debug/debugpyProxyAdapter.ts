import { ChildProcess, spawn } from 'node:child_process';
import * as vscode from 'vscode';
import { DapMessageReader, encodeDapMessage } from '../../core/runner/dapFraming';
import { DEBUG_RUN_KEY } from '../../core/runner/debugpyLaunch';
import { DebugRuns, DebugRunTarget, TARGET_KEY } from './debugRuns';

// The debug adapter of a Snowpark Local session: debugpy's own (`python -m debugpy.adapter`),
// with every message passed through unchanged but for two things only this seat can do:
// - see who ends the debuggee (a disconnect/terminate before debugpy reports its end means
//   the person stopped it: the run is cancelled like Cancel Run);
// - Restart: VS Code relaunches a session with its old configuration, whose run (channel,
//   token) is over; the launch request is rewritten to a fresh run of the same target.

interface DapRequest {
  seq: number;
  type: string;
  command?: string;
  event?: string;
  arguments?: Record<string, unknown>;
}

export class DebugpyProxyAdapter implements vscode.DebugAdapter {
  private readonly sent = new vscode.EventEmitter<vscode.DebugProtocolMessage>();
  readonly onDidSendMessage = this.sent.event;
  private readonly adapter: ChildProcess;
  private readonly reader = new DapMessageReader();
  /** Messages go to debugpy in order, even while a restart's launch is being rewritten. */
  private forwarding: Promise<void> = Promise.resolve();
  private runId: string | undefined;
  private debuggeeEnded = false;
  private stderrTail = '';

  constructor(python: string, private readonly runs: DebugRuns, private readonly session: vscode.DebugSession) {
    this.adapter = spawn(python, ['-m', 'debugpy.adapter'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    this.adapter.stdout!.on('data', (chunk: Buffer) => {
      for (const message of this.reader.push(chunk) as DapRequest[]) {
        if (message.type === 'event' && (message.event === 'terminated' || message.event === 'exited')) this.debuggeeHasEnded();
        this.sent.fire(message as vscode.DebugProtocolMessage);
      }
    });
    this.adapter.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderrTail = (this.stderrTail + text).slice(-2000)));
    this.adapter.stdin!.on('error', () => undefined);
    this.adapter.once('exit', (code) => {
      if (!this.debuggeeEnded && code !== 0) {
        this.output(`debugpy's adapter (${python} -m debugpy.adapter) exited with code ${code}.\n${this.stderrTail}`);
      }
      this.debuggeeHasEnded();
      // VS Code ends the session only when told; a dead adapter tells nothing.
      this.sent.fire({ seq: 0, type: 'event', event: 'terminated' } as vscode.DebugProtocolMessage);
    });
  }

  handleMessage(message: vscode.DebugProtocolMessage): void {
    const request = message as DapRequest;
    if (request.type === 'request' && (request.command === 'disconnect' || request.command === 'terminate') && !this.debuggeeEnded && this.runId) {
      this.runs.stopping(this.runId);
    }
    this.forwarding = this.forwarding.then(async () => {
      const forwarded = request.type === 'request' && request.command === 'launch' ? await this.launchRequest(request) : request;
      if (forwarded && this.adapter.stdin!.writable) this.adapter.stdin!.write(encodeDapMessage(forwarded));
    });
  }

  private async launchRequest(request: DapRequest): Promise<DapRequest | undefined> {
    let args = request.arguments ?? {};
    const runId = runIdOf(args);
    // VS Code's Restart relaunches the session with the configuration it started with, whose
    // run has ended: start the same target again and launch that run instead.
    if (runId && !this.runs.awaitsLaunch(runId)) {
      const fresh = await this.runs.relaunch(this.session.workspaceFolder, args[TARGET_KEY] as DebugRunTarget).catch(() => undefined);
      if (!fresh) {
        this.respondWithError(request, 'Restart could not start the run again: see the Snowpark Local output. Start it again from its CodeLens or launch configuration.');
        return undefined;
      }
      const { type: _type, name: _name, ...freshArgs } = fresh;
      args = { ...freshArgs, __restart: args.__restart };
    }
    this.runId = runIdOf(args);
    if (this.runId) this.runs.launching(this.runId, this.session);
    return { ...request, arguments: args };
  }

  private respondWithError(request: DapRequest, message: string): void {
    this.sent.fire({ seq: 0, type: 'response', request_seq: request.seq, command: request.command, success: false, message } as vscode.DebugProtocolMessage);
  }

  private output(text: string): void {
    this.sent.fire({ seq: 0, type: 'event', event: 'output', body: { category: 'stderr', output: text } } as vscode.DebugProtocolMessage);
  }

  private debuggeeHasEnded(): void {
    if (this.debuggeeEnded) return;
    this.debuggeeEnded = true;
    if (this.runId) this.runs.ended(this.runId);
  }

  dispose(): void {
    this.debuggeeHasEnded();
    // debugpy's adapter exits after a disconnect; one that does not is not left behind.
    const adapter = this.adapter;
    setTimeout(() => adapter.exitCode === null && adapter.kill('SIGKILL'), 3000).unref();
    this.sent.dispose();
  }
}

function runIdOf(launchArguments: Record<string, unknown>): string | undefined {
  const runId = launchArguments[DEBUG_RUN_KEY];
  return typeof runId === 'string' ? runId : undefined;
}
