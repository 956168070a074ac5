import { ChildProcess, spawn } from 'node:child_process';
import { DapMessageReader, encodeDapMessage } from '../../../src/core/runner/dapFraming';

// A Debug Adapter Protocol client over a real adapter's stdio (`python -m debugpy.adapter`):
// what VS Code does when it debugs, minus the UI, so the debug path can be tested here.

interface DapMessage {
  seq: number;
  type: 'request' | 'response' | 'event';
  command?: string;
  event?: string;
  success?: boolean;
  message?: string;
  body?: Record<string, unknown>;
  request_seq?: number;
}

export class DapClient {
  private readonly adapter: ChildProcess;
  private readonly reader = new DapMessageReader();
  private nextSeq = 1;
  private readonly pending = new Map<number, { resolve: (message: DapMessage) => void; reject: (error: Error) => void }>();
  private readonly events: DapMessage[] = [];
  private readonly waiters: Array<{ event: string; test: (body: Record<string, unknown>) => boolean; resolve: (body: Record<string, unknown>) => void }> = [];
  readonly exited: Promise<number | null>;
  stderr = '';

  constructor(python: string) {
    this.adapter = spawn(python, ['-m', 'debugpy.adapter'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.adapter.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.adapter.stderr!.setEncoding('utf8').on('data', (text: string) => (this.stderr += text));
    this.exited = new Promise((resolve) => this.adapter.once('exit', (code) => resolve(code)));
    void this.exited.then(() => {
      for (const { reject } of this.pending.values()) reject(new Error(`the debug adapter exited: ${this.stderr.slice(-500)}`));
      this.pending.clear();
    });
  }

  /** Sends a request; resolves with the response body, rejects with its message on failure. */
  request(command: string, args: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const seq = this.nextSeq++;
    const response = new Promise<DapMessage>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    this.adapter.stdin!.write(encodeDapMessage({ seq, type: 'request', command, arguments: args }));
    return response.then((message) => {
      if (!message.success) throw new Error(`${command} failed: ${message.message ?? JSON.stringify(message.body)}`);
      return message.body ?? {};
    });
  }

  /** The first event of this kind (already received or still to come) that passes `test`. */
  waitForEvent(event: string, test: (body: Record<string, unknown>) => boolean = () => true, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const seen = this.events.find((message) => message.event === event && test(message.body ?? {}));
    if (seen) {
      this.events.splice(this.events.indexOf(seen), 1);
      return Promise.resolve(seen.body ?? {});
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${event}' event within ${timeoutMs} ms; adapter stderr: ${this.stderr.slice(-500)}`)), timeoutMs);
      this.waiters.push({
        event,
        test,
        resolve: (body) => {
          clearTimeout(timer);
          resolve(body);
        },
      });
    });
  }

  /** Text the debuggee printed (DAP output events) so far. */
  outputSoFar(): string {
    return this.events
      .filter((message) => message.event === 'output')
      .map((message) => String(message.body?.output ?? ''))
      .join('');
  }

  kill(): void {
    this.adapter.kill('SIGKILL');
  }

  private receive(chunk: Buffer): void {
    for (const message of this.reader.push(chunk)) this.dispatch(message as DapMessage);
  }

  private dispatch(message: DapMessage): void {
    if (message.type === 'response') {
      this.pending.get(message.request_seq!)?.resolve(message);
      this.pending.delete(message.request_seq!);
      return;
    }
    if (message.type !== 'event') return;
    const waiter = this.waiters.find((candidate) => candidate.event === message.event && candidate.test(message.body ?? {}));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(message.body ?? {});
    } else {
      this.events.push(message);
    }
  }
}
