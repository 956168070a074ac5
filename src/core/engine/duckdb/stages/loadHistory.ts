import { randomBytes } from 'node:crypto';
import { DuckDBConnection } from '@duckdb/node-api';
import { LoadTarget } from './loadTarget';

// Snowflake's load metadata: COPY INTO <table> skips a file it already loaded into that table
// (same path, same content) unless FORCE = TRUE. Kept in the table's own database (a table of
// its `main` schema, which SHOW and INFORMATION_SCHEMA never list), written in the same
// transaction as the rows, so a failed or cancelled COPY records nothing.
// A table dropped and re-created is a new table in Snowflake, with no history: DuckDB gives it
// a new oid, which is kept with each entry. Oids are numbered afresh when the engine opens, so
// entries written by an earlier engine are taken to be the same table's (a table replaced
// between two engine runs still skips its files; FORCE = TRUE loads them).
// A session's temporary table keeps its history in memory, for as long as the engine runs.

export const LOAD_HISTORY_TABLE = 'snowpark_local_load_history';

export interface LoadedFile {
  /** The stage folder's name and the path inside it: `MY_STAGE/data/a.csv.gz`. */
  key: string;
  md5: string;
}

export class LoadHistory {
  /** This engine's own mark: an entry with it and another oid is a dropped table's. */
  private readonly engineRun = randomBytes(8).toString('hex');
  private readonly temporary = new Map<string, Map<string, string>>();

  /** File key → md5 of every file loaded (fully or partly) into the table. */
  async loaded(connection: DuckDBConnection, target: LoadTarget): Promise<Map<string, string>> {
    if (target.temporary) return new Map(this.temporary.get(temporaryKey(target)) ?? []);
    if (!(await this.hasTable(connection, target.duckDatabase))) return new Map();
    const reader = await connection.runAndReadAll(
      `SELECT file, md5 FROM ${tableOf(target.duckDatabase)} WHERE schema_name = $1 AND table_name = $2 AND (engine_run <> $3 OR table_oid = $4)`,
      [target.schema, target.name, this.engineRun, BigInt(target.oid)],
    );
    return new Map(reader.getRows().map((row) => [String(row[0]), String(row[1])]));
  }

  /** Records files as loaded into the table (inside the load's transaction). */
  async record(connection: DuckDBConnection, target: LoadTarget, files: readonly LoadedFile[]): Promise<void> {
    if (!files.length) return;
    if (target.temporary) {
      const entries = this.temporary.get(temporaryKey(target)) ?? new Map<string, string>();
      for (const file of files) entries.set(file.key, file.md5);
      this.temporary.set(temporaryKey(target), entries);
      return;
    }
    await connection.run(
      `CREATE TABLE IF NOT EXISTS ${tableOf(target.duckDatabase)} (schema_name VARCHAR, table_name VARCHAR, table_oid BIGINT, engine_run VARCHAR, file VARCHAR, md5 VARCHAR, loaded_on TIMESTAMPTZ)`,
    );
    for (const file of files) {
      await connection.run(`DELETE FROM ${tableOf(target.duckDatabase)} WHERE schema_name = $1 AND table_name = $2 AND file = $3`, [target.schema, target.name, file.key]);
      await connection.run(`INSERT INTO ${tableOf(target.duckDatabase)} VALUES ($1, $2, $3, $4, $5, $6, now())`, [
        target.schema, target.name, BigInt(target.oid), this.engineRun, file.key, file.md5,
      ]);
    }
  }

  private async hasTable(connection: DuckDBConnection, database: string): Promise<boolean> {
    const reader = await connection.runAndReadAll(
      "SELECT 1 FROM duckdb_tables() WHERE database_name = $1 AND schema_name = 'main' AND table_name = $2",
      [database, LOAD_HISTORY_TABLE],
    );
    return reader.getRows().length > 0;
  }
}

function tableOf(database: string): string {
  return `"${database.replace(/"/g, '""')}".main.${LOAD_HISTORY_TABLE}`;
}

function temporaryKey(target: LoadTarget): string {
  return `${target.duckDatabase}\u0000${target.oid}`;
}
