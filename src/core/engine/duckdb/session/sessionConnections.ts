import { DuckDBConnection } from '@duckdb/node-api';
import { ConnectionSlots, MAX_ACTIVE_CONNECTIONS } from '../connectionSlots';
import { DuckSession, Mutex, searchPathOf } from './duckSession';

/**
 * The pool of DuckDB connections, handed out per statement so async jobs run side by side.
 * A connection is set up for the session it serves (search path, time zone) only when it
 * last served a different setup, so a run's statements pay nothing extra; a session in an
 * explicit transaction gets the one connection that holds it, one statement at a time.
 */
export class SessionConnections {
  private readonly idle: DuckDBConnection[] = [];
  /** What each connection was last set up for (the SQL that set it up). */
  private readonly applied = new WeakMap<DuckDBConnection, string>();
  /** Leased connections → how to give them back (unlock a pinned one, pool the others). */
  private readonly leases = new Map<DuckDBConnection, { giveBack: () => void; pinned: boolean }>();
  private closed = false;
  /** Every connection handed out of the pool holds a slot until it is pooled or closed again. */
  private readonly slots = new ConnectionSlots();
  private readonly holdingSlot = new Set<DuckDBConnection>();
  /** Connections DuckDB still works on after their statement ended (abandon), by query id. */
  private readonly leftToDuckDb = new Map<DuckDBConnection, string>();

  constructor(
    private readonly connect: () => Promise<DuckDBConnection>,
    /** The workspace schema, for a session whose configured context names none that exists. */
    private readonly fallback: { database: string; schema: string },
  ) {}

  /** A connection for one statement; `cancel` ends a wait for a free slot (connectionSlots.ts). */
  async acquire(session: DuckSession, cancel?: { signal: AbortSignal; queryId: string }): Promise<DuckDBConnection> {
    const pinned = session.pinned;
    if (pinned) {
      const unlock = await pinned.lock.lock();
      // COMMIT/ROLLBACK may have unpinned it while this statement waited.
      if (session.pinned !== pinned) {
        unlock();
        return this.acquire(session, cancel);
      }
      this.leases.set(pinned.connection, { giveBack: unlock, pinned: true });
      return pinned.connection;
    }
    const connection = await this.pooled(cancel);
    try {
      await this.setUp(connection, session);
    } catch (error) {
      this.discard(connection);
      throw error;
    }
    this.leases.set(connection, { giveBack: () => this.putBack(connection), pinned: false });
    return connection;
  }

  /**
   * Gives a leased connection back. `reusable` false (a failed ROLLBACK or COMMIT) closes a
   * pooled one, so writes it may still hold can never be committed later; a session's pinned
   * connection stays with its transaction, which COMMIT/ROLLBACK or the session's end settles.
   */
  release(connection: DuckDBConnection, reusable = true): void {
    const lease = this.leases.get(connection);
    this.leases.delete(connection);
    if (!lease || (!reusable && !lease.pinned)) this.discard(connection);
    else lease.giveBack();
  }

  /**
   * A leased connection DuckDB still works on (a stream's last fetch that never returned:
   * streamedResult.ts). Closing it now would wait for that fetch on Node's main thread, and
   * pooling it would hand a busy connection on, so it is set aside: its slot is free at once
   * (the pool opens a fresh connection in its place) and it closes when the fetch returns, if
   * ever. Until then it stays referenced here, so no finalizer closes it during a GC either.
   */
  abandon(connection: DuckDBConnection, busyUntil: Promise<unknown>, queryId: string): Promise<void> {
    this.leases.delete(connection);
    this.giveSlot(connection);
    this.leftToDuckDb.set(connection, queryId);
    return busyUntil
      .catch(() => undefined)
      .then(() => {
        this.leftToDuckDb.delete(connection);
        this.discard(connection);
      });
  }

  /** The query ids whose connections are still set aside (abandon). */
  get abandoned(): string[] {
    return [...this.leftToDuckDb.values()];
  }

  /** Whether the connection holds a session's explicit transaction (no per-write BEGIN). */
  isPinned(connection: DuckDBConnection, session: DuckSession): boolean {
    return session.pinned?.connection === connection;
  }

  /** BEGIN: a connection of the session's own, until COMMIT or ROLLBACK. */
  async pin(session: DuckSession): Promise<void> {
    const connection = await this.pooled();
    try {
      await this.setUp(connection, session);
      await connection.run('BEGIN TRANSACTION');
    } catch (error) {
      this.discard(connection);
      throw error;
    }
    session.pinned = { connection, lock: new Mutex() };
  }

  /** COMMIT or ROLLBACK the pinned transaction, once its statements in flight are done. */
  async unpin(session: DuckSession, finish: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    const pinned = session.pinned;
    if (!pinned) return;
    const unlock = await pinned.lock.lock();
    session.pinned = undefined;
    try {
      await pinned.connection.run(finish);
      this.putBack(pinned.connection);
    } catch (error) {
      // DuckDB rolls back a COMMIT that fails; a connection in an unknown state is closed.
      this.discard(pinned.connection);
      throw error;
    } finally {
      unlock();
    }
  }

  /** Runs admin SQL (ATTACH, DETACH …) on a connection with no session set up. */
  async runDetached(sql: string): Promise<void> {
    const connection = await this.pooled();
    try {
      await connection.run(sql);
    } finally {
      this.putBack(connection);
    }
  }

  /** Runs a read with the session's search path (USE checks that a schema exists). */
  async query(session: DuckSession, sql: string, values: Array<string | null>): Promise<unknown[][]> {
    const connection = await this.acquire(session);
    try {
      const reader = await connection.runAndReadAll(sql, values);
      return reader.getRows();
    } finally {
      this.release(connection);
    }
  }

  close(): void {
    this.closed = true;
    for (const connection of this.idle.splice(0)) connection.closeSync();
  }

  private async setUp(connection: DuckDBConnection, session: DuckSession): Promise<void> {
    const timeZone = session.parameters.get('TIMEZONE');
    const setup =
      `SET search_path = '${searchPathOf(session)}';` +
      (timeZone === undefined ? ' RESET TimeZone;' : ` SET TimeZone = '${timeZone.replace(/'/g, "''")}';`);
    if (this.applied.get(connection) === setup) return;
    try {
      await connection.run(setup);
    } catch (error) {
      // A context given from outside (settings, a test) may name a schema the local engine
      // lacks; USE checks its names, so only that case lands here. Run in the workspace's.
      if (!/search_path|catalog|schema/i.test(String(error))) throw error;
      const { database, schema } = this.fallback;
      await connection.run(setup.replace(searchPathOf(session), searchPathOf({ ...session, context: { ...session.context, database, schema } })));
    }
    this.applied.set(connection, setup);
  }

  private async pooled(cancel?: { signal: AbortSignal; queryId: string }): Promise<DuckDBConnection> {
    await this.slots.take(cancel?.signal, cancel?.queryId ?? '');
    let connection: DuckDBConnection;
    try {
      connection = this.idle.pop() ?? (await this.connect());
    } catch (error) {
      this.slots.give();
      throw error;
    }
    this.holdingSlot.add(connection);
    return connection;
  }

  private giveSlot(connection: DuckDBConnection): void {
    if (this.holdingSlot.delete(connection)) this.slots.give();
  }

  private putBack(connection: DuckDBConnection): void {
    this.giveSlot(connection);
    // As many idle as may be active: a burst of jobs then reuses connections already set up
    // instead of closing and reopening them (connect, SET, disconnect: each a native call
    // on the main thread). The slots already keep 1,000 concurrent jobs to that many.
    if (this.closed || this.idle.length >= MAX_ACTIVE_CONNECTIONS) connection.closeSync();
    else this.idle.push(connection);
  }

  private discard(connection: DuckDBConnection): void {
    this.giveSlot(connection);
    try {
      connection.closeSync();
    } catch {
      // Already closed.
    }
  }
}
