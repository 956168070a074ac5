import { DuckDBConnection } from '@duckdb/node-api';
import { SessionContext } from '../../../runner/protocol';

/**
 * What the DuckDB engine keeps for one Snowflake session, whichever pooled connection
 * serves it: the context USE changes (the session's own object, so CURRENT_SCHEMA() and
 * the runner see the change), its temporary objects' catalog, variables, parameters and
 * the connection that holds its explicit transaction.
 */
export interface DuckSession {
  readonly id: string;
  context: SessionContext;
  /** The in-memory catalog holding its temporary tables and views, once it has any. */
  tempCatalog?: string;
  /** Upper-case name → Snowflake literal. */
  readonly variables: Map<string, string>;
  /** ALTER SESSION SET parameters, upper-case name → value as written. */
  readonly parameters: Map<string, string>;
  /** Set between BEGIN and COMMIT/ROLLBACK: every statement of the session runs here. */
  pinned?: { connection: DuckDBConnection; lock: Mutex };
  /** CREATE TEMPORARY FILE FORMAT's formats (stages/fileFormatCatalog.ts): they end with the session. */
  temporaryFileFormats?: Map<string, unknown>;
}

/** A session's temporaries catalog is named this plus random hex (SHOW hides the others'). */
export const SESSION_CATALOG_PREFIX = 'SNOWPARK_SESSION_';

/** One statement at a time on a pinned connection (DuckDB runs one query per connection). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock(): Promise<() => void> {
    let unlock: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (unlock = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    return previous.then(() => unlock);
  }
}

/** `name` as a DuckDB identifier inside a search_path string (itself a string literal). */
export function quotedPathPart(name: string): string {
  return `"${name.replace(/"/g, '""')}"`.replace(/'/g, "''");
}

/** The search path a session's statements run with: its schema first, temporaries after. */
export function searchPathOf(session: DuckSession): string {
  const current = `${quotedPathPart(session.context.database)}.${quotedPathPart(session.context.schema)}`;
  return session.tempCatalog ? `${current},${quotedPathPart(session.tempCatalog)}.main` : current;
}
