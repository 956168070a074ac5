import { randomBytes } from 'node:crypto';
import { DuckDBConnection } from '@duckdb/node-api';
import { QueryResult } from '../../../runner/protocol';
import { StatementContext } from '../../sqlEngine';
import { SqlError } from '../../sqlError';
import { statusResult } from '../statementMessages';
import { DatabaseFiles } from './databaseFiles';
import { DuckSession, SESSION_CATALOG_PREFIX } from './duckSession';
import { SessionConnections } from './sessionConnections';
import { parseSessionStatement, SessionStatement } from './sessionStatements';
import { literalsOf, substituteVariables } from './sessionVariables';
import { createsTempObject, targetSessionCatalog } from './tempObjects';

/** Statements that ask for nothing session-specific share this one (deploy, old callers). */
const SHARED_SESSION = 'shared';

/** Runs a Snowflake SELECT as the session (for SET x = <expr>). */
export type SessionSelect = (sql: string) => Promise<QueryResult>;

/**
 * Snowflake session state on a pool of DuckDB connections: every statement of a session
 * sees the same temporary tables, USE, variables, parameters and transaction, whichever
 * pooled connection runs it, and nothing of another session's.
 */
export class DuckDbSessions {
  private readonly sessions = new Map<string, DuckSession>();
  readonly connections: SessionConnections;

  constructor(
    connect: () => Promise<DuckDBConnection>,
    private readonly databases: DatabaseFiles,
    fallback: { database: string; schema: string },
  ) {
    this.connections = new SessionConnections(connect, fallback);
  }

  /** The session a statement belongs to, made on its first statement. */
  of(context: StatementContext): DuckSession {
    const id = context.sessionId ?? SHARED_SESSION;
    let session = this.sessions.get(id);
    if (!session) {
      session = { id, context: context.session, variables: new Map(), parameters: new Map() };
      this.sessions.set(id, session);
    }
    // The runner's context object is the session's: USE updates it in place.
    session.context = context.session;
    return session;
  }

  /** The statement as DuckDB should see it: variables substituted, temporaries in the session's catalog. */
  async prepare(session: DuckSession, sql: string, queryId: string): Promise<string> {
    let out = substituteVariables(sql, session.variables, queryId);
    if (createsTempObject(out)) out = targetSessionCatalog(out, await this.tempCatalogOf(session));
    return out;
  }

  /** The session's in-memory catalog of temporary objects (tables, views, functions), attached on first use. */
  async tempCatalogOf(session: DuckSession): Promise<string> {
    if (!session.tempCatalog) {
      const catalog = `${SESSION_CATALOG_PREFIX}${randomBytes(6).toString('hex').toUpperCase()}`;
      await this.connections.runDetached(`ATTACH ':memory:' AS "${catalog}"`);
      session.tempCatalog = catalog;
    }
    return session.tempCatalog;
  }

  /** Carries out a session statement, or returns undefined for any other statement. */
  async handle(session: DuckSession, sql: string, queryId: string, select: SessionSelect): Promise<QueryResult | undefined> {
    const statement = parseSessionStatement(sql);
    if (!statement) return undefined;
    await this.carryOut(session, statement, queryId, select);
    return statusResult(sql, queryId);
  }

  /** The session's end (the run or worksheet is over): roll back, drop its temporaries. */
  async end(sessionId: string): Promise<void> {
    const session = this.sessions.get(sessionId);
    if (!session) return;
    this.sessions.delete(sessionId);
    // Snowflake rolls back a transaction a procedure leaves open.
    await this.connections.unpin(session, 'ROLLBACK').catch(() => undefined);
    if (session.tempCatalog) await this.connections.runDetached(`DETACH DATABASE IF EXISTS "${session.tempCatalog}"`).catch(() => undefined);
  }

  close(): void {
    this.connections.close();
  }

  private async carryOut(session: DuckSession, statement: SessionStatement, queryId: string, select: SessionSelect): Promise<void> {
    const context = session.context;
    switch (statement.kind) {
      case 'use':
        if ('name' in statement) {
          if (statement.target === 'role') context.role = statement.name;
          else context.warehouse = statement.name;
        } else await this.use(session, statement.database, statement.target === 'database' ? 'PUBLIC' : statement.schema, queryId);
        return;
      case 'useSecondaryRoles':
        return;
      case 'set': {
        // Every expression is evaluated before any variable changes (SET (a, b) = (b, a)).
        const body = statement.expressions.replace(/^\(([\s\S]*)\)$/, '$1').trim();
        const result = await select(/^select\b/i.test(body) ? body : `SELECT ${body}`);
        const literals = literalsOf(result);
        if (literals.length !== statement.names.length) {
          throw new SqlError('000002', '0A000', `SQL compilation error:\nSET expects ${statement.names.length} values, got ${literals.length}.`, queryId);
        }
        statement.names.forEach((name, i) => session.variables.set(name, literals[i]));
        return;
      }
      case 'unset':
        for (const name of statement.names) {
          if (!session.variables.delete(name)) throw new SqlError('002211', '02000', `Session variable '$${name}' does not exist`, queryId);
        }
        return;
      case 'alterSession':
        for (const { name, value } of statement.set) {
          if (value === null) session.parameters.delete(name);
          else session.parameters.set(name, value);
          if (name === 'QUERY_TAG') context.queryTag = value || null;
        }
        return;
      case 'transaction':
        return this.transaction(session, statement.action);
      case 'createSchema': {
        const database = statement.database ?? context.database;
        const replace = statement.orReplace ? `DROP SCHEMA IF EXISTS ${quoted(database)}.${quoted(statement.schema)} CASCADE; ` : '';
        await this.connections.runDetached(`${replace}CREATE SCHEMA ${statement.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoted(database)}.${quoted(statement.schema)}`);
        // Snowflake makes a new schema the session's current one.
        context.database = database;
        context.schema = statement.schema;
        return;
      }
      case 'createDatabase':
        await this.databases.create(statement.name, statement.orReplace, statement.ifNotExists, queryId);
        context.database = statement.name;
        context.schema = 'PUBLIC';
        return;
      case 'dropDatabase':
        await this.databases.drop(statement.name, statement.ifExists, queryId);
        return;
    }
  }

  private async use(session: DuckSession, database: string | undefined, schema: string | undefined, queryId: string): Promise<void> {
    const targetDatabase = database ?? session.context.database;
    const rows = await this.connections.query(
      session,
      'SELECT database_name, schema_name FROM duckdb_schemas() WHERE lower(database_name) = lower($1) AND ($2 IS NULL OR lower(schema_name) = lower($2))',
      [targetDatabase, schema ?? null],
    );
    if (rows.length === 0) {
      throw new SqlError('002043', '02000', 'SQL compilation error:\nObject does not exist, or operation cannot be performed.', queryId);
    }
    session.context.database = targetDatabase;
    if (schema !== undefined) session.context.schema = schema;
  }

  private async transaction(session: DuckSession, action: 'begin' | 'commit' | 'rollback'): Promise<void> {
    // Snowflake: BEGIN inside a transaction, or COMMIT/ROLLBACK outside one, does nothing.
    if (action === 'begin') {
      if (!session.pinned) await this.connections.pin(session);
      return;
    }
    await this.connections.unpin(session, action === 'commit' ? 'COMMIT' : 'ROLLBACK');
  }
}

function quoted(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
