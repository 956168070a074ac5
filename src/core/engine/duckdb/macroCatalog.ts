import { MACRO_CATALOG, macroDefinitionsSql, macrosCalledBy, SNOWFLAKE_MACROS } from './dialect';

// The dialect's DuckDB macros, created when a statement first calls them rather than all
// when the engine opens: a run whose SQL needs three macros should not pay for seventy
// (tens of milliseconds at every open). Stored objects are the exception: a view or a
// column default that calls a macro is bound again whenever it is used, by a statement
// whose own text never names the macro, so a database holding one gets every macro at once.
// A SQL UDF (a macro too) whose body calls ours leaves a view that names this catalog
// (sqlUdfs/userFunctions.ts): duckdb_functions() would cost tens of milliseconds to scan.

export class MacroCatalog {
  private readonly created = new Set<string>();
  /** Creations run one after another on the one setup connection. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly run: (sql: string) => Promise<void>) {}

  /** Creates the macros `sql` calls (and those they call) that do not exist yet. */
  ensureFor(sql: string): Promise<void> {
    if (!sql.includes(MACRO_CATALOG)) return Promise.resolve();
    const missing = macrosCalledBy(sql).filter((entry) => !this.created.has(entry.name));
    return missing.length ? this.create(missing) : Promise.resolve();
  }

  ensureAll(): Promise<void> {
    return this.create(SNOWFLAKE_MACROS);
  }

  /** Whether the attached databases hold views, defaults or checks that call our macros. */
  static storedCallsSql(): string {
    const calls = `'%${MACRO_CATALOG}.%'`;
    return (
      `SELECT EXISTS (SELECT 1 FROM duckdb_views() WHERE NOT internal AND sql ILIKE ${calls}) ` +
      `OR EXISTS (SELECT 1 FROM duckdb_columns() WHERE column_default ILIKE ${calls}) ` +
      `OR EXISTS (SELECT 1 FROM duckdb_constraints() WHERE expression ILIKE ${calls})`
    );
  }

  private create(entries: readonly { name: string }[]): Promise<void> {
    const created = this.queue.then(async () => {
      // Another statement may have created some while this one waited its turn.
      const still = SNOWFLAKE_MACROS.filter((entry) => entries.some((wanted) => wanted.name === entry.name) && !this.created.has(entry.name));
      if (!still.length) return;
      await this.run(macroDefinitionsSql(still));
      for (const entry of still) this.created.add(entry.name);
    });
    // A failed creation must not block the ones after it; its own statement gets the error.
    this.queue = created.catch(() => undefined);
    return created;
  }
}
