import { DuckDBConnection } from '@duckdb/node-api';
import { QueryResult } from '../../../runner/protocol';
import { quoteStringLiteral } from '../../../sql/literals';
import { SqlError } from '../../sqlError';
import { DialectError, MACRO_CATALOG } from '../dialect';
import { toSnowflakeError } from '../errorMapping';
import { builtInFunctionNames } from '../metadata/showFunctions';
import { DuckSession, SESSION_CATALOG_PREFIX } from '../session/duckSession';
import { SessionConnections } from '../session/sessionConnections';
import { CreateFunctionStatement, parseCreateFunction } from './createFunctionStatement';
import { FunctionReference, parseDropFunction } from './functionReference';
import { definitionsComment, StoredFunctions } from './udfCatalog';
import { createMacroSql, macroName, MacroTarget, quotedName, UnsupportedBodyError } from './udfMacroSql';
import { CatalogRead, findOverload, storedFunctionsIn } from './udfLookup';
import { signatureKey, signatureText, UdfDefinition } from './udfDefinition';

// CREATE FUNCTION and DROP FUNCTION for Snowflake SQL UDFs on the local engine. A function is a
// DuckDB macro: permanent ones in their schema of the workspace database (so they outlast the
// session, as tables do), temporary ones in the session's own in-memory catalog (gone when the
// session ends). Each change rewrites the macro with all its overloads, in one transaction.

/** The view that tells a reopened database to create the dialect's macros (writeMacro). */
const MACRO_CALLS_VIEW = 'snowpark_local_udfs_call_macros';

/** Cheap first look, so that no other statement pays for a parse. */
const MAY_BE_FUNCTION_STATEMENT = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*(create|drop)\b[\s\S]*?\bfunction\b/i;

export interface UserFunctionsDeps {
  connections: SessionConnections;
  /** The session's catalog of temporary objects, made on first use. */
  tempCatalogOf(session: DuckSession): Promise<string>;
  /** Creates the dialect's macros that SQL calls (macroCatalog.ts). */
  ensureMacros(sql: string): Promise<void>;
}

interface Transaction {
  run(sql: string): Promise<void>;
  read: CatalogRead;
}

export class UserFunctions {
  /** Changes run one at a time: each rewrites a macro from what it reads of it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: UserFunctionsDeps) {}

  /** Carries out CREATE/DROP FUNCTION, or returns undefined for any other statement. */
  async execute(session: DuckSession, sql: string, queryId: string): Promise<QueryResult | undefined> {
    if (!MAY_BE_FUNCTION_STATEMENT.test(sql)) return undefined;
    const created = parseCreateFunction(sql, queryId);
    if (created) return this.serialized(() => this.create(session, created, queryId));
    const dropped = parseDropFunction(sql);
    if (!dropped) return undefined;
    if (!dropped.reference) {
      throw new SqlError('001003', '42000', "SQL compilation error:\nsyntax error: DROP FUNCTION names the function's argument types: DROP FUNCTION name(type, …).", queryId);
    }
    const reference = dropped.reference;
    return this.serialized(() => this.drop(session, reference, dropped.ifExists, queryId));
  }

  private async create(session: DuckSession, statement: CreateFunctionStatement, queryId: string): Promise<QueryResult> {
    refuseWhatIsNotLocal(statement, queryId);
    const name = statement.nameParts[statement.nameParts.length - 1];
    const definition: UdfDefinition = { ...statement.definition, createdOn: new Date().toISOString() };
    const types = definition.args.map((argument) => argument.type);
    const key = signatureKey(types);
    // Translated (the body checked) and the dialect macros it calls created before the
    // transaction starts: a transaction does not see macros created after it began.
    try {
      await this.deps.ensureMacros(createMacroSql({ catalog: 'memory', schema: 'main', name }, [definition]));
    } catch (error) {
      throw bodyError(error, name, definition, queryId);
    }
    // Attached before the transaction starts, so the transaction sees the new catalog.
    const temporaryCatalog = statement.temporary ? await this.deps.tempCatalogOf(session) : undefined;
    return this.inTransaction(session, async (transaction) => {
      const target = temporaryCatalog ? { catalog: temporaryCatalog, schema: 'main', name } : await schemaTarget(statement.nameParts, session, transaction.read, queryId);
      await refuseBuiltInName(name, transaction.read, queryId);
      const existing = await storedFunctionsIn(transaction.read, target.catalog, target.schema, name);
      const sameSignature = existing.some((stored) => stored.overloads.some((overload) => signatureKey(overload.args.map((argument) => argument.type)) === key));
      if (sameSignature && statement.ifNotExists) return status(`${name} already exists, statement succeeded.`, queryId);
      if (sameSignature && !statement.orReplace) {
        throw new SqlError('002002', '42710', `SQL compilation error:\nObject '${name}${signatureText(types)}' already exists.`, queryId);
      }
      const kind = definition.returns.kind;
      const others = (stored: StoredFunctions): UdfDefinition[] => stored.overloads.filter((overload) => signatureKey(overload.args.map((argument) => argument.type)) !== key);
      const macroTarget = { ...target, name: existing[0]?.name ?? name };
      try {
        // OR REPLACE of a signature the other kind had (a scalar becoming tabular) takes it from there.
        for (const stored of existing) if (stored.kind !== kind && others(stored).length < stored.overloads.length) await this.writeMacro(transaction, stored, stored.kind, others(stored));
        const sameKind = existing.find((stored) => stored.kind === kind);
        await this.writeMacro(transaction, macroTarget, kind, [...(sameKind ? others(sameKind) : []), definition]);
      } catch (error) {
        throw bodyError(error, name, definition, queryId);
      }
      return status(`Function ${name} successfully created.`, queryId);
    });
  }

  private async drop(session: DuckSession, reference: FunctionReference, ifExists: boolean, queryId: string): Promise<QueryResult> {
    const name = reference.nameParts[reference.nameParts.length - 1];
    return this.inTransaction(session, async (transaction) => {
      const found = await findOverload(transaction.read, reference, session);
      if (!found) {
        if (ifExists) return status(`Drop statement executed successfully (${name} already dropped).`, queryId);
        throw new SqlError('002003', '02000', `SQL compilation error:\nFunction '${name}${signatureText(reference.types)}' does not exist or not authorized.`, queryId);
      }
      const { stored, index } = found;
      await this.writeMacro(transaction, stored, stored.kind, stored.overloads.filter((_overload, i) => i !== index));
      return status(`${stored.name} successfully dropped.`, queryId);
    });
  }

  /** Creates or replaces the macro with these overloads (and their record), or drops it when there are none. */
  private async writeMacro(transaction: Transaction, target: MacroTarget, kind: StoredFunctions['kind'], overloads: readonly UdfDefinition[]): Promise<void> {
    const macro = `MACRO${kind === 'table' ? ' TABLE' : ''} ${macroName(target)}`;
    if (overloads.length === 0) return transaction.run(`DROP ${macro}`);
    const create = createMacroSql(target, overloads);
    await transaction.run(create);
    await transaction.run(`COMMENT ON ${macro} IS ${quoteStringLiteral(definitionsComment(overloads))}`);
    // A body that calls the dialect's macros needs them as soon as the database opens again,
    // before any statement names them: the engine creates them all when a view names their
    // catalog (macroCatalog.ts), so a view in the database's hidden main schema does.
    if (create.includes(MACRO_CATALOG) && !target.catalog.startsWith(SESSION_CATALOG_PREFIX)) {
      await transaction.run(`CREATE VIEW IF NOT EXISTS ${quotedName(target.catalog)}.main.${MACRO_CALLS_VIEW} AS SELECT ${quoteStringLiteral(`${MACRO_CATALOG}.`)} AS called_by_sql_udfs`);
    }
  }

  /** One transaction on the session's connection (or the session's own open transaction). */
  private async inTransaction<T>(session: DuckSession, work: (transaction: Transaction) => Promise<T>): Promise<T> {
    const { connections } = this.deps;
    const connection = await connections.acquire(session);
    const own = !connections.isPinned(connection, session);
    let reusable = true;
    try {
      if (own) await connection.run('BEGIN TRANSACTION');
      const result = await work(transactionOn(connection));
      if (own) await connection.run('COMMIT');
      return result;
    } catch (error) {
      if (own) await connection.run('ROLLBACK').catch(() => (reusable = false));
      throw error;
    } finally {
      connections.release(connection, reusable);
    }
  }

  private serialized<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function transactionOn(connection: DuckDBConnection): Transaction {
  return {
    run: async (sql) => void (await connection.run(sql)),
    read: async (sql, values) => (await connection.runAndReadAll(sql, values)).getRows(),
  };
}

function status(text: string, queryId: string): QueryResult {
  return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [[text]], rowCount: 1 };
}

/** Languages, external functions and Snowflake Scripting bodies the local engine cannot run: said so, with what to do. */
function refuseWhatIsNotLocal(statement: CreateFunctionStatement, queryId: string): void {
  const onSnowflake = 'Run it against Snowflake instead (snowpark-local --connection NAME, or a connection as the snowparkLocal.target setting)';
  if (statement.external) {
    throw new SqlError('000002', '0A000', `Unsupported feature 'CREATE EXTERNAL/AGGREGATE FUNCTION': Snowpark Local runs SQL user-defined functions only. ${onSnowflake}.`, queryId);
  }
  if (statement.language !== 'SQL') {
    throw new SqlError(
      '000002',
      '0A000',
      `Unsupported feature 'CREATE FUNCTION … LANGUAGE ${statement.language}': Snowpark Local runs SQL user-defined functions only ` +
        `(LANGUAGE SQL, AS '<expression>'). ${onSnowflake}, or write the function in SQL.`,
      queryId,
    );
  }
  const body = statement.definition.body.trim();
  if (!body) throw new SqlError('001003', '42000', 'SQL compilation error:\nThe function body is empty.', queryId);
  if (/^(declare|begin)\b/i.test(body)) {
    throw new SqlError('000002', '0A000', `Unsupported feature 'Snowflake Scripting UDF': Snowpark Local runs SQL UDFs whose body is one expression or query. ${onSnowflake}.`, queryId);
  }
}

/** The schema a permanent function goes to, as DuckDB names it; 002003 when it does not exist. */
async function schemaTarget(parts: readonly string[], session: DuckSession, read: CatalogRead, queryId: string): Promise<MacroTarget> {
  const { database, schema } = session.context;
  const [db, sch] = parts.length === 3 ? [parts[0], parts[1]] : parts.length === 2 ? [database, parts[0]] : [database, schema];
  const rows = await read('SELECT database_name, schema_name FROM duckdb_schemas() WHERE lower(database_name) = lower($1) AND lower(schema_name) = lower($2)', [db, sch]);
  if (rows.length === 0) throw new SqlError('002003', '02000', `SQL compilation error:\nSchema '${db}.${sch}' does not exist or not authorized.`, queryId);
  return { catalog: String(rows[0][0]), schema: String(rows[0][1]), name: parts[parts.length - 1] };
}

/**
 * Snowflake refuses a function named like a system-defined one. Locally a macro of that name
 * would also replace DuckDB's own function in every statement the dialect translates, so DuckDB's
 * built-ins are refused too (the spellings of operators, such as MULTIPLY for `*`, excepted).
 */
async function refuseBuiltInName(name: string, read: CatalogRead, queryId: string): Promise<void> {
  if (builtInFunctionNames().has(name.toUpperCase())) {
    throw new SqlError(
      '002002',
      '42710',
      `SQL compilation error:\nFunction '${name}' is a system-defined function; Snowflake does not allow a user-defined function of the same name. Choose another name.`,
      queryId,
    );
  }
  const duckdb = await read("SELECT 1 FROM duckdb_functions() WHERE internal AND lower(function_name) = lower($1) AND (alias_of IS NULL OR regexp_matches(alias_of, '^[A-Za-z_]')) LIMIT 1", [name]);
  if (duckdb.length) {
    throw new SqlError(
      '002002',
      '42710',
      `SQL compilation error:\nFunction '${name}' cannot be created locally: the local engine (DuckDB) has a built-in function of that name, which a user-defined ` +
        'one would replace in every statement. Choose another name, or run against Snowflake.',
      queryId,
    );
  }
}

/** A body DuckDB or the dialect refused, as Snowflake would report it, naming the function. */
function bodyError(error: unknown, name: string, definition: UdfDefinition, queryId: string): SqlError {
  if (error instanceof DialectError || error instanceof UnsupportedBodyError) {
    return new SqlError('001003', '42000', `SQL compilation error:\nin the body of function ${name}: ${error.message}`, queryId);
  }
  if (/Ambiguity in macro overloads/.test(error instanceof Error ? error.message : String(error))) {
    return new SqlError(
      '000002',
      '0A000',
      `Unsupported feature 'overloads of ${name} alike locally': another overload of ${name} takes as many arguments of types the local engine stores alike ` +
        '(VARIANT, OBJECT and ARRAY are all JSON in DuckDB; INT and NUMBER are both NUMBER), so it cannot tell them apart. Give one of them another name.',
      queryId,
    );
  }
  const conflict = /Conflicting column names for column "?([^"!\s]+)"?/.exec(error instanceof Error ? error.message : String(error));
  if (conflict) {
    const argument = definition.args.find((candidate) => candidate.name.toUpperCase() === conflict[1].toUpperCase())?.name ?? conflict[1].toUpperCase();
    return new SqlError(
      '002028',
      '42601',
      `SQL compilation error:\nambiguous column name '${argument}': argument ${argument} of function ${name} has the name of a column its body reads, ` +
        'which the local engine cannot tell apart. Rename the argument.',
      queryId,
    );
  }
  const mapped = toSnowflakeError(error, queryId);
  return new SqlError(mapped.errorCode, mapped.sqlState, `${mapped.detail}\n(in the body of function ${name})`, queryId);
}
