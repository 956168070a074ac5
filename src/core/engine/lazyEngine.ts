import { QueryResult } from '../runner/protocol';
import { ExecuteRequest, SqlEngine } from './sqlEngine';

/**
 * Opens the real engine on the first statement. Loading DuckDB's native module costs
 * ~200 ms, which a handler that runs no SQL, the extension's activation, and a CLI run
 * waiting for Python to start should not pay up front.
 */
export class LazyEngine implements SqlEngine {
  private opened: Promise<SqlEngine> | undefined;

  constructor(
    readonly kind: SqlEngine['kind'],
    readonly description: string,
    private readonly open: () => Promise<SqlEngine>,
  ) {}

  /** Starts opening now (e.g. while Python starts) without waiting for it. */
  warmUp(): void {
    this.engine().catch(() => undefined);
  }

  private engine(): Promise<SqlEngine> {
    if (!this.opened) {
      this.opened = this.open();
      this.opened.catch(() => (this.opened = undefined));
    }
    return this.opened;
  }

  async execute(request: ExecuteRequest): Promise<QueryResult> {
    return (await this.engine()).execute(request);
  }

  /** A session that never reached the engine left nothing in it to end. */
  async endSession(sessionId: string): Promise<void> {
    const engine = this.opened ? await this.opened.catch(() => undefined) : undefined;
    await engine?.endSession?.(sessionId);
  }

  async close(): Promise<void> {
    if (this.opened) await (await this.opened.catch(() => undefined))?.close();
  }
}
