import { DuckDBConnection } from '@duckdb/node-api';
import { SqlError } from '../../sqlError';
import { userCatalog } from '../metadata/catalogSql';
import { DuckSession } from '../session/duckSession';
import { deserializeFormat, FileFormat, serializeFormat } from './fileFormat';

// Named file formats, schema objects as in Snowflake. A permanent one is a row of a table in
// its database's `main` schema (which SHOW, DESCRIBE, INFORMATION_SCHEMA and GET_DDL never
// list), so it lasts as long as the database and goes with DROP DATABASE. A temporary one
// lives on the session object and ends with the session, as Snowflake's does.

export interface StoredFileFormat {
  database: string;
  schema: string;
  name: string;
  format: FileFormat;
  comment: string;
  temporary: boolean;
  /** `2024-01-01 10:00:00.000+00:00`. */
  createdOn: string;
}

/** Runs SQL as the session (its search path, its transaction). */
export type SessionRunner = (session: DuckSession, sql: string, values: Array<string | null>) => Promise<unknown[][]>;

export const FILE_FORMATS_TABLE = 'snowpark_local_file_formats';

export class FileFormatCatalog {
  constructor(private readonly run: SessionRunner) {}

  /**
   * The same catalog read through a connection the caller already holds (a statement's own):
   * asking the pool for another would wait for ever on a session's pinned transaction.
   */
  on(connection: DuckDBConnection): FileFormatCatalog {
    return new FileFormatCatalog(async (_session, sql, values) => (await connection.runAndReadAll(sql, values)).getRows());
  }

  /** [database, schema, name] of a written name, completed from the session's current schema. */
  qualify(session: DuckSession, parts: readonly string[]): [string, string, string] {
    const { database, schema } = session.context;
    if (parts.length === 3) return [parts[0], parts[1], parts[2]];
    if (parts.length === 2) return [database, parts[0], parts[1]];
    return [database, schema, parts[0]];
  }

  async create(session: DuckSession, stored: Omit<StoredFileFormat, 'createdOn'>, orReplace: boolean, ifNotExists: boolean): Promise<boolean> {
    const existing = await this.find(session, [stored.database, stored.schema, stored.name]);
    if (existing && existing.temporary === stored.temporary) {
      if (ifNotExists) return false;
      if (!orReplace) throw new SqlError('002002', '42710', `SQL compilation error:\nObject '${stored.name}' already exists.`);
      await this.remove(session, existing);
    }
    const entry: StoredFileFormat = { ...stored, createdOn: nowText() };
    if (stored.temporary) {
      temporaries(session).set(key(stored.database, stored.schema, stored.name), entry);
      return true;
    }
    await this.ensureTable(session, stored.database);
    await this.run(
      session,
      `INSERT INTO ${this.table(stored.database)} VALUES ($1, $2, $3, $4, $5, $6)`,
      [stored.schema, stored.name, serializeFormat(stored.format), stored.comment, entry.createdOn, null],
    );
    return true;
  }

  /** The format a name resolves to: the session's temporary one first, as Snowflake resolves it. */
  async find(session: DuckSession, parts: readonly string[]): Promise<StoredFileFormat | undefined> {
    const [database, schema, name] = this.qualify(session, parts);
    const temporary = temporaries(session).get(key(database, schema, name));
    if (temporary) return temporary;
    if (!(await this.hasTable(session, database))) return undefined;
    const rows = await this.run(
      session,
      `SELECT schema_name, name, format, comment, created_on FROM ${this.table(database)} WHERE lower(schema_name) = lower($1) AND name = $2`,
      [schema, name],
    );
    return rows.length ? this.entry(database, rows[0]) : undefined;
  }

  /** The format a name resolves to, or Snowflake's error when there is none. */
  async resolve(session: DuckSession, parts: readonly string[]): Promise<StoredFileFormat> {
    const found = await this.find(session, parts);
    if (found) return found;
    const [database, schema, name] = this.qualify(session, parts);
    throw new SqlError('002003', '02000', `SQL compilation error:\nFile format '${database}.${schema}.${name}' does not exist or not authorized.`);
  }

  async drop(session: DuckSession, parts: readonly string[], ifExists: boolean): Promise<boolean> {
    const found = await this.find(session, parts);
    if (!found) {
      if (ifExists) return false;
      const [database, schema, name] = this.qualify(session, parts);
      throw new SqlError('002003', '02000', `SQL compilation error:\nFile format '${database}.${schema}.${name}' does not exist or not authorized.`);
    }
    await this.remove(session, found);
    return true;
  }

  /** Replaces a format's definition (ALTER FILE FORMAT … SET) or its name (RENAME TO). */
  async replace(session: DuckSession, old: StoredFileFormat, updated: StoredFileFormat): Promise<void> {
    await this.remove(session, old);
    if (updated.temporary) temporaries(session).set(key(updated.database, updated.schema, updated.name), updated);
    else {
      await this.ensureTable(session, updated.database);
      await this.run(session, `INSERT INTO ${this.table(updated.database)} VALUES ($1, $2, $3, $4, $5, $6)`, [
        updated.schema, updated.name, serializeFormat(updated.format), updated.comment, updated.createdOn, null,
      ]);
    }
  }

  /** Every format of a database (or of every database the session can see), temporaries included. */
  async list(session: DuckSession, databases: readonly string[]): Promise<StoredFileFormat[]> {
    const found: StoredFileFormat[] = [...temporaries(session).values()];
    for (const database of databases) {
      if (!(await this.hasTable(session, database))) continue;
      const rows = await this.run(session, `SELECT schema_name, name, format, comment, created_on FROM ${this.table(database)}`, []);
      found.push(...rows.map((row) => this.entry(database, row)));
    }
    return found;
  }

  /** The user's databases (SHOW FILE FORMATS IN ACCOUNT). */
  async databases(session: DuckSession): Promise<string[]> {
    const rows = await this.run(session, `SELECT database_name FROM duckdb_databases() WHERE NOT internal AND ${userCatalog('database_name')}`, []);
    return rows.map((row) => String(row[0]));
  }

  private async remove(session: DuckSession, stored: StoredFileFormat): Promise<void> {
    if (stored.temporary) {
      temporaries(session).delete(key(stored.database, stored.schema, stored.name));
      return;
    }
    await this.run(session, `DELETE FROM ${this.table(stored.database)} WHERE lower(schema_name) = lower($1) AND name = $2`, [stored.schema, stored.name]);
  }

  private entry(database: string, row: unknown[]): StoredFileFormat {
    return {
      database,
      schema: String(row[0]),
      name: String(row[1]),
      format: deserializeFormat(String(row[2])),
      comment: row[3] === null ? '' : String(row[3]),
      temporary: false,
      createdOn: String(row[4]),
    };
  }

  private async hasTable(session: DuckSession, database: string): Promise<boolean> {
    const rows = await this.run(
      session,
      "SELECT 1 FROM duckdb_tables() WHERE lower(database_name) = lower($1) AND schema_name = 'main' AND table_name = $2",
      [database, FILE_FORMATS_TABLE],
    );
    return rows.length > 0;
  }

  private async ensureTable(session: DuckSession, database: string): Promise<void> {
    if (await this.hasTable(session, database)) return;
    await this.run(
      session,
      `CREATE TABLE IF NOT EXISTS ${this.table(database)} (schema_name VARCHAR, name VARCHAR, format VARCHAR, comment VARCHAR, created_on VARCHAR, reserved VARCHAR)`,
      [],
    );
  }

  private table(database: string): string {
    return `"${database.replace(/"/g, '""')}".main.${FILE_FORMATS_TABLE}`;
  }
}

function temporaries(session: DuckSession): Map<string, StoredFileFormat> {
  session.temporaryFileFormats ??= new Map();
  return session.temporaryFileFormats as Map<string, StoredFileFormat>;
}

function key(database: string, schema: string, name: string): string {
  return `${database.toUpperCase()}\u0000${schema.toUpperCase()}\u0000${name}`;
}

/** Now as Snowflake's TIMESTAMP_LTZ text travels: `2024-01-01 10:00:00.000+00:00`. */
function nowText(): string {
  return new Date().toISOString().replace('T', ' ').replace('Z', '+00:00');
}
