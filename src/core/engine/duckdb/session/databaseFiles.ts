import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SqlError } from '../../sqlError';
import { quoteStringLiteral } from '../../../sql/literals';

/**
 * CREATE DATABASE / DROP DATABASE on the local engine: each database is a DuckDB file in a
 * folder beside the workspace database (attached again when the engine opens, so databases
 * last as Snowflake's do), or an in-memory database when the workspace one is in memory.
 */
export class DatabaseFiles {
  /** In-memory databases CREATE DATABASE made (a memory workspace has no folder). */
  private readonly inMemory = new Set<string>();

  constructor(
    private readonly workspacePath: string,
    private readonly run: (sql: string) => Promise<void>,
    private readonly exists: (name: string) => Promise<boolean>,
  ) {}

  /** Where CREATE DATABASE puts its files; undefined for an in-memory workspace. */
  get folder(): string | undefined {
    if (this.workspacePath === ':memory:') return undefined;
    return join(dirname(this.workspacePath), `${basename(this.workspacePath).replace(/\.[^.]*$/, '')}.databases`);
  }

  /** The databases created in earlier sessions, attached under their Snowflake names. */
  async attachExisting(): Promise<void> {
    const folder = this.folder;
    if (!folder || !existsSync(folder)) return;
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.duckdb'))) {
      const name = decodeURIComponent(file.slice(0, -'.duckdb'.length));
      await this.run(`ATTACH IF NOT EXISTS ${quoteStringLiteral(join(folder, file))} AS ${quoted(name)}`);
    }
  }

  async create(name: string, orReplace: boolean, ifNotExists: boolean, queryId: string): Promise<void> {
    if (await this.exists(name)) {
      if (ifNotExists) return;
      if (!orReplace) throw new SqlError('002002', '42710', `SQL compilation error:\nObject '${name}' already exists.`, queryId);
      await this.drop(name, false, queryId);
    }
    const file = this.fileOf(name);
    if (file) mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    await this.run(`ATTACH ${quoteStringLiteral(file ?? ':memory:')} AS ${quoted(name)}`);
    if (!file) this.inMemory.add(name);
    // Like the workspace database: readable by its owner only.
    else chmodSync(file, 0o600);
    // Snowflake gives every new database a PUBLIC schema.
    await this.run(`CREATE SCHEMA IF NOT EXISTS ${quoted(name)}."PUBLIC"`);
  }

  async drop(name: string, ifExists: boolean, queryId: string): Promise<void> {
    if (!(await this.exists(name))) {
      if (ifExists) return;
      throw new SqlError('002003', '02000', `SQL compilation error:\nDatabase '${name}' does not exist or not authorized.`, queryId);
    }
    const file = this.fileOf(name);
    if (file ? !existsSync(file) : !this.inMemory.has(name)) {
      throw new SqlError('003001', '42501', `SQL access control error:\nDatabase '${name}' is the workspace database and cannot be dropped locally.`, queryId);
    }
    await this.run(`DETACH DATABASE ${quoted(name)}`);
    this.inMemory.delete(name);
    if (file) {
      rmSync(file, { force: true });
      rmSync(`${file}.wal`, { force: true });
    }
  }

  private fileOf(name: string): string | undefined {
    const folder = this.folder;
    return folder ? join(folder, `${encodeURIComponent(name)}.duckdb`) : undefined;
  }
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
