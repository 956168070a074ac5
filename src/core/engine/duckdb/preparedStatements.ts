import { DuckDBConnection, DuckDBMaterializedResult, DuckDBPreparedStatement } from '@duckdb/node-api';

// DuckDB parses, binds and plans every text it is given: for `select 1` that was half of its
// ~0.3 ms. A read a handler repeats (a loop of session.sql(...).collect(), a DataFrame
// collected again) runs from a prepared statement kept on the connection instead.
//
// What a prepared statement bakes in, and why each is safe here:
// - the catalog (tables, views, macros): DuckDB re-binds by itself when the catalog changed;
// - the search path and time zone (a cast of a TIMESTAMP_TZ literal is folded at prepare
//   time): part of the key, as the connection's session set-up SQL (sessionConnections.ts);
// - session variables, temp-table names, deferred calls: already substituted into the text;
// - files (stages, read_csv …): never kept, DuckDB would not notice a file change.
// A text is prepared on its second run only, so a one-off statement costs no extra round
// trip; writes, metadata commands and statements with bind values always run as before.

/** Texts a connection keeps (seen once, or prepared); the least recently used goes first. */
export const PREPARED_PER_CONNECTION = 64;
/** Longer texts are rarely repeated verbatim; preparing them would hold their plans for nothing. */
export const PREPARED_MAX_CHARS = 16 * 1024;

const PLAIN_READ = /^\s*(\(\s*)*(select|with|values|from|table)\b/i;
const WRITE_INSIDE = /\b(insert|update|delete|merge|copy|attach|detach|create|drop|alter|set|pragma|call|checkpoint|vacuum|export|import|install|load)\b/i;

// A file's columns are read when the statement is bound, and DuckDB does not re-bind when a
// file changes: reads of files (stages, read_csv …) are planned afresh every time.
const READS_FILES = /\b(read_\w+|\w+_scan|glob|sniff_\w+|parquet_\w+)\s*\(|\b(from|join)\s*'|@/i;

/** Whether a statement may run from a prepared plan: a plain read of tables, nothing that could write, set or read files. */
export function mayPrepare(sql: string): boolean {
  return sql.length <= PREPARED_MAX_CHARS && PLAIN_READ.test(sql) && !WRITE_INSIDE.test(sql) && !READS_FILES.test(sql);
}

type Entry = DuckDBPreparedStatement | 'seen once';

export class PreparedStatements {
  private readonly byConnection = new WeakMap<DuckDBConnection, Map<string, Entry>>();

  constructor(private readonly perConnection = PREPARED_PER_CONNECTION) {}

  /**
   * Runs a plain read on `connection`, set up as `setup` describes. A failure from a kept
   * plan is never trusted (a catalog DuckDB could not re-bind): the plan is dropped and the
   * text runs the ordinary way, which answers with the authoritative result or error. A
   * cancelled run is not retried.
   */
  async run(connection: DuckDBConnection, setup: string, sql: string, cancelled: () => boolean): Promise<DuckDBMaterializedResult> {
    if (!mayPrepare(sql)) return connection.run(sql);
    const entries = this.entriesOf(connection);
    const key = `${setup}\n${sql}`;
    const entry = entries.get(key);
    if (entry === undefined) {
      this.remember(entries, key, 'seen once');
      return connection.run(sql);
    }
    let prepared: DuckDBPreparedStatement;
    if (entry === 'seen once') {
      try {
        prepared = await connection.prepare(sql);
      } catch {
        // Not preparable (or an error): the plain run gives the statement's own answer.
        entries.delete(key);
        return connection.run(sql);
      }
    } else {
      prepared = entry;
    }
    this.remember(entries, key, prepared);
    try {
      return await prepared.run();
    } catch (error) {
      this.forget(entries, key);
      if (cancelled()) throw error;
      return connection.run(sql);
    }
  }

  /** How many prepared plans a connection holds (tests bound it). */
  preparedOn(connection: DuckDBConnection): number {
    let count = 0;
    for (const entry of this.entriesOf(connection).values()) if (entry !== 'seen once') count++;
    return count;
  }

  private entriesOf(connection: DuckDBConnection): Map<string, Entry> {
    let entries = this.byConnection.get(connection);
    if (!entries) this.byConnection.set(connection, (entries = new Map()));
    return entries;
  }

  private remember(entries: Map<string, Entry>, key: string, entry: Entry): void {
    // Map order is insertion order: re-inserting makes the first key the least recently used.
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > this.perConnection) this.forget(entries, entries.keys().next().value as string);
  }

  private forget(entries: Map<string, Entry>, key: string): void {
    const entry = entries.get(key);
    entries.delete(key);
    if (entry && entry !== 'seen once') entry.destroySync();
  }
}
