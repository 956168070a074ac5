import { dirname, join } from 'node:path';

/**
 * The procedure catalog (procedures.json) sits beside the DuckDB file; an in-memory database
 * has none. Its own small module: the extension's activation bundle needs it without the core.
 */
export function procedureCatalogPathFor(dbPath: string): string | undefined {
  return dbPath === ':memory:' ? undefined : join(dirname(dbPath), 'procedures.json');
}
