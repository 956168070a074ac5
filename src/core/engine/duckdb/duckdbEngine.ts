import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  DuckDBConnection,
  DuckDBDataChunk,
  DuckDBInstance,
  DuckDBMaterializedResult,
  DuckDBResult,
  DuckDBValue,
  StatementType,
} from '@duckdb/node-api';
import { QueryResult, ResultColumn, TaggedValue } from '../../runner/protocol';
import { DuckDbResultStream, WIND_DOWN_LIMIT_MS } from './streamedResult';
import { chunkSlicer } from './chunkBatches';
import { compilationError, executionCancelled, SqlError } from '../sqlError';
import { ExecuteRequest, SqlEngine } from '../sqlEngine';
import { encodeColumnsAsJson } from './columnEncoding';
import { binaryResultFrame } from './resultFrame';
import { columnarResult } from '../columnarResult';
import { evaluateDeferred } from './deferredCalls';
import { fillDeferred, MACRO_CATALOG } from './dialect';
import { TranslationCache } from './translationCache';
import { MacroCatalog } from './macroCatalog';
import { toSnowflakeError } from './errorMapping';
import { mayHoldMarkers, toDuckDbMarkers } from './bindMarkers';
import { RESULTS_CATALOG, ResultRetention } from './resultRetention';
import { snowflakeTypeOf } from './snowflakeTypes';
import { dmlResult, statusResult } from './statementMessages';
import { countQueryRunner, planDml } from './dmlPlan';
import { quoteStringLiteral } from '../../sql/literals';
import { makeDirectory } from '../../util/makeDirectory';
import { isCopyIntoStage, quoteStageLocation } from './stages/copyIntoLocation';
import { runStageCommand } from './stages/stageCommands';
import { StageFolders } from './stages/stageFolders';
import { runUnload } from './stages/unload';
import { StagedData } from './stages/stagedData';
import { StagedSelect } from './stages/stagedSelect';
import { DuckDbSessions } from './session/duckdbSessions';
import { DatabaseFiles } from './session/databaseFiles';
import { metadataQuery, objectDdl, rewriteInformationSchema } from './metadata';
import { fitOffsetTimestamps } from './offsetTimestamps';
import { UserFunctions } from './sqlUdfs/userFunctions';
import { eventLoopTurns } from '../../util/eventLoopTurns';

export interface DuckDbEngineOptions {
  /** A file path (one database per workspace) or ':memory:'. */
  path: string;
  database?: string;
  schema?: string;
  /** How long a closed or cancelled stream waits for DuckDB's last fetch (streamedResult.ts). */
  windDownLimitMs?: number;
}

/**
 * The embedded engine. Every statement gets its own pooled connection, so async child jobs
 * really run side by side, and every write runs in its own transaction, so a cancelled or
 * abandoned statement is rolled back and leaves no trace — as in Snowflake.
 */
export class DuckDbEngine implements SqlEngine {
  readonly kind = 'duckdb' as const;
  readonly description: string;
  private readonly retention = new ResultRetention();
  private readonly translations = new TranslationCache();
  private readonly stages: StageFolders;
  /** COPY INTO <table>, queries of staged files, PUT/GET and file formats (stages/stagedData.ts). */
  private readonly stagedData: StagedData;
  /** Snowflake session state (temp tables, USE, variables, transactions) over the pool. */
  private readonly sessions: DuckDbSessions;
  /** CREATE/DROP FUNCTION: Snowflake SQL UDFs as DuckDB macros (sqlUdfs/). */
  private readonly userFunctions: UserFunctions;
  private closed = false;
  private readonly windDownLimitMs: number;
  private warnedOfStuckFetch = false;

  private constructor(
    private readonly instance: DuckDBInstance,
    options: Required<DuckDbEngineOptions>,
    databases: DatabaseFiles,
    private readonly macros: MacroCatalog,
  ) {
    this.sessions = new DuckDbSessions(() => instance.connect(), databases, options);
    this.userFunctions = new UserFunctions({
      connections: this.sessions.connections,
      tempCatalogOf: (session) => this.sessions.tempCatalogOf(session),
      ensureMacros: (sql) => this.macros.ensureFor(sql),
    });
    this.description = options.path === ':memory:' ? 'DuckDB (in memory)' : `DuckDB ${options.path}`;
    this.stages = new StageFolders(options.path, options);
    this.stagedData = new StagedData(this.stages, this.sessions.connections, macros);
    this.windDownLimitMs = options.windDownLimitMs;
  }

  static async open(options: DuckDbEngineOptions): Promise<DuckDbEngine> {
    const resolved = { database: 'LOCAL_DB', schema: 'PUBLIC', windDownLimitMs: WIND_DOWN_LIMIT_MS, ...options };
    // Tables hold the user's data: readable by the user alone, like the channel directory.
    let instance: DuckDBInstance;
    let databases: DatabaseFiles;
    let macros: MacroCatalog;
    try {
      if (resolved.path !== ':memory:') makeDirectory(dirname(resolved.path), 0o700);
      // The file is attached under the Snowflake-style database name, so LOCAL_DB.PUBLIC.T,
      // PUBLIC.T and T all name the same table, as they would in Snowflake.
      // Snowflake sorts NULL as the highest value: last ascending, first descending.
      instance = await DuckDBInstance.create(':memory:', { default_null_order: 'nulls_last_on_asc_first_on_desc' });
      const setup = await instance.connect();
      await setup.run(`ATTACH ${quoteStringLiteral(resolved.path)} AS ${resolved.database}`);
      await setup.run(`CREATE SCHEMA IF NOT EXISTS ${resolved.database}.${resolved.schema}`);
      await setup.run(`ATTACH ':memory:' AS ${RESULTS_CATALOG}`);
      // Snowflake functions DuckDB lacks, as macros in a catalog of their own (never saved
      // into the workspace file), created as statements first call them (macroCatalog.ts).
      await setup.run(`ATTACH ':memory:' AS ${MACRO_CATALOG}`);
      macros = new MacroCatalog(async (sql) => void (await setup.run(sql)));
      databases = new DatabaseFiles(
        resolved.path,
        async (sql) => void (await setup.run(sql)),
        async (name) => (await (await setup.runAndReadAll('SELECT 1 FROM duckdb_databases() WHERE lower(database_name) = lower($1)', [name])).getRows()).length > 0,
      );
      await databases.attachExisting();
      const [[storedCalls]] = (await setup.runAndReadAll(MacroCatalog.storedCallsSql())).getRows();
      if (storedCalls) await macros.ensureAll();
      if (resolved.path !== ':memory:') chmodSync(resolved.path, 0o600);
    } catch (error) {
      throw openError(resolved.path, error);
    }
    // The setup connection stays open for CREATE/DROP DATABASE (ATTACH is instance-wide).
    return new DuckDbEngine(instance, resolved, databases, macros);
  }

  async execute(request: ExecuteRequest): Promise<QueryResult> {
    const { queryId, signal } = request;
    if (this.closed) throw new SqlError('390114', '08001', 'The local engine is closed.', queryId);
    // Stage statements (LIST, REMOVE, CREATE/DROP STAGE) are answered from local stage folders.
    let staged: QueryResult | undefined;
    try {
      staged = runStageCommand(request.sql, this.stages, queryId, request.context.session);
    } catch (error) {
      throw error instanceof SqlError ? withQueryId(error, queryId) : error;
    }
    if (staged) return (this.retention.keep(queryId, staged), staged);
    const session = this.sessions.of(request.context);
    const own = (await this.sessionStatement(session, request)) ?? (await this.userFunctionStatement(session, request));
    if (own) return own;
    // PUT, GET, COPY INTO <table> and FILE FORMAT statements work on staged files themselves.
    const loaded = await this.stagedData.answer(request.sql, session, signal, queryId).catch((error: unknown) => {
      throw error instanceof SqlError ? withQueryId(error, queryId) : toSnowflakeError(error, queryId);
    });
    if (loaded) return (this.retention.keep(queryId, loaded), loaded);
    /** A query of staged files reads them from temporary tables filled on its connection. */
    let stagedFiles: StagedSelect | undefined;
    // SHOW and DESCRIBE become DuckDB queries over the catalog (metadata/), run and retained
    // like any SELECT, so RESULT_SCAN(LAST_QUERY_ID()) reads them.
    const metadata = await metadataQuery(request.sql, session, (sql, values) => this.sessions.connections.query(session, sql, values), queryId).catch(
      (error: unknown) => {
        throw error instanceof SqlError ? withQueryId(error, queryId) : toSnowflakeError(error, queryId);
      },
    );
    let translation;
    if (metadata) translation = { sql: metadata.sql, deferred: [], preserveCaseColumns: metadata.columns };
    else {
      const snowflakeSql = await this.sessions.prepare(session, request.sql, queryId);
      try {
        stagedFiles = this.stagedData.plan(snowflakeSql);
        const sql = quoteStageLocation(stagedFiles?.sql ?? snowflakeSql);
        const withBinds = Boolean(request.binds?.length);
        translation = this.translations.translationOf(mayHoldMarkers(sql, withBinds) ? toDuckDbMarkers(sql, withBinds) : sql);
      } catch (error) {
        throw compilationError(error instanceof Error ? error.message : String(error), queryId);
      }
      translation = { ...translation, sql: rewriteInformationSchema(translation.sql, session) };
    }
    // Deferred calls first, holding no connection: SYSTEM$WAIT waits on a timer (a thousand
    // waits side by side, past the connection limit), and a RESULT_SCAN borrows a
    // connection just long enough to build its table.
    const preserveCase = [...translation.preserveCaseColumns];
    let fragments: Map<string, string>;
    try {
      fragments = await evaluateDeferred(translation.deferred, {
        context: request.context,
        signal,
        queryId,
        statement: request.sql,
        hasRetainedResult: (id) => this.retention.has(id),
        objectDdl: (kind, name, fullyQualified) => objectDdl(kind, name, fullyQualified, session, (sql, values) => this.sessions.connections.query(session, sql, values), queryId),
        selectRow: async (sql) => (await this.macros.ensureFor(sql), (await this.sessions.connections.query(session, sql, []))[0] ?? []),
        materializeResult: async (id) => {
          // Columns a scanned result named in lower case (SHOW's "name", a quoted alias) keep
          // that case through SELECT *, as they do in Snowflake.
          preserveCase.push(...this.retention.columnNames(id).filter((name) => name !== name.toUpperCase()));
          const borrowed = await this.sessions.connections.acquire(session, { signal, queryId });
          let reusable = true;
          try {
            return await this.retention.materialize(id, borrowed);
          } catch (error) {
            reusable = false;
            throw error;
          } finally {
            this.release(borrowed, reusable);
          }
        },
      });
    } catch (error) {
      if (signal.aborted || (error instanceof SqlError && error.cancelled)) throw executionCancelled(queryId);
      if (error instanceof SqlError) throw withQueryId(error, queryId);
      throw toSnowflakeError(error, queryId);
    }
    // Waits that fell due together (a thousand SYSTEM$WAITs) start over several loop turns.
    await eventLoopTurns.pass();
    const connection = await this.sessions.connections.acquire(session, { signal, queryId });
    let inTransaction = false;
    let reusable = true;
    /** A stream's last fetch that never returned (streamedResult.ts): the connection is DuckDB's until it does. */
    let stuckFetch: Promise<unknown> | undefined;
    const interrupt = (): void => connection.interrupt();
    const stopInterrupting = (): void => signal.removeEventListener('abort', interrupt);
    try {
      if (stagedFiles) await this.stagedData.materialize(stagedFiles, session, connection, signal, queryId);
      const filled = fillDeferred(translation, fragments);
      await this.macros.ensureFor(filled);
      // UPDATE … FROM and MERGE are counted first, as Snowflake counts them (dmlPlan.ts).
      const dml = planDml(filled);
      const sql = await fitOffsetTimestamps(dml?.sql ?? filled, (table) => columnTypes(connection, table));
      const values = request.binds?.map(toDuckDbValue) ?? [];
      if (signal.aborted) throw executionCancelled(queryId);
      if (isCopyIntoStage(request.sql)) {
        const namedFormat = (name: string) => this.stagedData.formatOptions(name, session, connection);
        const unloaded = await runUnload(request.sql, sql, this.stages, { connection, values, signal, queryId, namedFormat });
        return (this.retention.keep(queryId, unloaded), unloaded);
      }
      // Inside the session's explicit transaction, COMMIT/ROLLBACK are the user's to run.
      if (!isReadOnly(sql) && !this.sessions.connections.isPinned(connection, session)) {
        // Writes run in their own transaction so a cancel that lands just as DuckDB
        // finishes can still roll them back, and nothing half-done is ever visible.
        await connection.run('BEGIN TRANSACTION');
        inTransaction = true;
      }
      signal.addEventListener('abort', interrupt, { once: true });
      // A cancel that came while BEGIN ran fired before the listener existed: without this
      // check the statement would run to the end (a cancelled 10-billion-row insert did).
      if (signal.aborted) throw executionCancelled(queryId);
      const counted = dml?.count ? await dml.count(countQueryRunner(connection, values), queryId) : undefined;
      // A stream holds its connection until read, so never the session's pinned one (the
      // session's next statement would run on it and cut the stream off).
      const streaming = request.onStream && !inTransaction && !dml && !this.sessions.connections.isPinned(connection, session);
      const result = streaming
        ? values.length ? await connection.stream(sql, values) : await connection.stream(sql)
        : values.length && dml?.sqlTakesBinds !== false ? await connection.run(sql, values) : await connection.run(sql);
      // DuckDB's completions arrive in batches: their reads and replies share the loop turns.
      await eventLoopTurns.pass();
      const statementType = result.statementType;
      if (streaming && statementType === StatementType.SELECT) {
        // Cut short (cancelled, failed, closed), the connection still holds the query: it is closed, never pooled.
        reusable = false;
        const served = await this.serveStream(result, queryId, preserveCase, request, interrupt, (stuck) => (stuckFetch = stuck)).finally(stopInterrupting);
        reusable = served.reusable;
        return served.summary;
      }
      const chunks: DuckDBDataChunk[] = [];
      if (streaming) chunks.push(...(await result.fetchAllChunks()));
      // A materialized result holds every chunk already: reading them is synchronous.
      else for (let i = 0; i < (result as DuckDBMaterializedResult).chunkCount; i++) chunks.push((result as DuckDBMaterializedResult).getChunk(i));
      // The last moment a cancel can win. From here on the statement is committing, and a
      // COMMIT must never be interrupted: DuckDB can report an interrupted COMMIT as failed
      // after it has taken effect, which showed a write as ABORTED with every row landed.
      // A cancel that arrives later is too late, as on Snowflake: the job is SUCCESS.
      stopInterrupting();
      if (signal.aborted) throw executionCancelled(queryId);
      if (inTransaction) {
        inTransaction = false;
        try {
          await connection.run('COMMIT');
        } catch (error) {
          // DuckDB rolls back a COMMIT that fails (a write conflict): the statement failed.
          reusable = false;
          throw toSnowflakeError(error, queryId);
        }
      }
      if (counted) {
        this.retention.keep(queryId, counted);
        return counted;
      }
      return this.encodeResult(queryId, request.sql, statementType, result, chunks, preserveCase);
    } catch (error) {
      stopInterrupting();
      if (inTransaction) {
        // If even ROLLBACK fails, the connection may still hold the transaction; closing it
        // (not pooling it) discards the writes, so a later COMMIT on it cannot land them.
        await connection.run('ROLLBACK').catch(() => (reusable = false));
      }
      if (signal.aborted || (error instanceof SqlError && error.cancelled)) throw executionCancelled(queryId);
      // Every failed statement names its query, as Snowflake's errors do.
      if (error instanceof SqlError) throw withQueryId(error, queryId);
      throw toSnowflakeError(error, queryId);
    } finally {
      if (stuckFetch) this.setAside(connection, stuckFetch, queryId);
      else {
        if (stagedFiles) await this.stagedData.drop(stagedFiles, connection).catch(() => (reusable = false));
        this.release(connection, reusable);
      }
    }
  }

  /**
   * Hands the open result to the reader (request.onStream) and waits for the stream to
   * end. The job stays RUNNING meanwhile; a cancel interrupts DuckDB and ends it ABORTED.
   */
  private async serveStream(
    result: DuckDBResult,
    queryId: string,
    preserveCase: readonly string[],
    request: ExecuteRequest,
    interrupt: () => void,
    leftToDuckDb: (stuckFetch: Promise<unknown>) => void,
  ): Promise<{ summary: QueryResult; reusable: boolean }> {
    const types = result.columnTypes();
    const columns = resultColumns(result, preserveCase);
    const stream = new DuckDbResultStream(queryId, columns, types, result, interrupt, this.windDownLimitMs);
    const cancel = (): void => void stream.cancel();
    request.signal.addEventListener('abort', cancel, { once: true });
    try {
      if (request.signal.aborted) await stream.cancel();
      else request.onStream?.(stream);
      const how = await stream.ended;
      if (stream.stuckFetch) leftToDuckDb(stream.stuckFetch);
      if (how === 'cancelled') throw executionCancelled(queryId);
      if (how === 'failed') throw stream.failure ?? executionCancelled(queryId);
      // Not retained for RESULT_SCAN: keeping every row is what streaming avoids.
      return { summary: { queryId, columns, data: columns.map(() => []), rowCount: 0 }, reusable: how === 'drained' };
    } finally {
      request.signal.removeEventListener('abort', cancel);
    }
  }

  private encodeResult(
    queryId: string,
    originalSql: string,
    statementType: StatementType,
    result: DuckDBResult,
    chunks: DuckDBDataChunk[],
    preserveCase: readonly string[],
  ): QueryResult {
    let encoded: QueryResult;
    const kind = dmlKind(statementType);
    if (kind) {
      encoded = dmlResult(kind, Number(result.rowsChanged), queryId);
      this.retention.keep(queryId, encoded);
    } else if (statementType === StatementType.SELECT || statementType === StatementType.EXPLAIN || statementType === StatementType.PRAGMA || statementType === StatementType.CALL) {
      const types = result.columnTypes();
      const columns = resultColumns(result, preserveCase);
      const rowCount = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
      encoded = columnarResult(
        queryId,
        columns,
        rowCount,
        () => encodeColumnsAsJson(types, chunks),
        (id, result) => binaryResultFrame(id, result, types, chunks),
        chunkSlicer(queryId, columns, types, chunks),
      );
      this.retention.keep(queryId, encoded, types, chunks);
    } else {
      encoded = statusResult(originalSql, queryId);
      this.retention.keep(queryId, encoded);
    }
    return encoded;
  }

  /** USE, SET, BEGIN … change the session, not a connection (session/duckdbSessions.ts). */
  private async sessionStatement(session: ReturnType<DuckDbSessions['of']>, request: ExecuteRequest): Promise<QueryResult | undefined> {
    if (request.signal.aborted) throw executionCancelled(request.queryId);
    let result: QueryResult | undefined;
    try {
      result = await this.sessions.handle(session, request.sql, request.queryId, (sql) =>
        this.execute({ ...request, queryId: `${request.queryId}-set`, sql, binds: request.binds, onStream: undefined }),
      );
    } catch (error) {
      throw toSnowflakeError(error, request.queryId);
    }
    if (result) this.retention.keep(request.queryId, result);
    return result;
  }

  /** CREATE FUNCTION / DROP FUNCTION (a SQL UDF), carried out by the engine itself. */
  private async userFunctionStatement(session: ReturnType<DuckDbSessions['of']>, request: ExecuteRequest): Promise<QueryResult | undefined> {
    if (request.signal.aborted) throw executionCancelled(request.queryId);
    let result: QueryResult | undefined;
    try {
      result = await this.userFunctions.execute(session, request.sql, request.queryId);
    } catch (error) {
      throw error instanceof SqlError ? withQueryId(error, request.queryId) : toSnowflakeError(error, request.queryId);
    }
    if (result) this.retention.keep(request.queryId, result);
    return result;
  }

  /**
   * A stream's connection whose last DuckDB fetch never returned (streamedResult.ts): set
   * aside, not closed. Said once per engine, on stderr (the CLI's, the extension host's log),
   * since it should never happen and a run that hit it is otherwise unremarkable.
   */
  private setAside(connection: DuckDBConnection, stuckFetch: Promise<unknown>, queryId: string): void {
    void this.sessions.connections.abandon(connection, stuckFetch, queryId);
    if (this.warnedOfStuckFetch) return;
    this.warnedOfStuckFetch = true;
    process.emitWarning(
      `DuckDB had not ended query ${queryId} ${this.windDownLimitMs} ms after its result stream was closed or cancelled. ` +
        'The statement has ended; its DuckDB connection is set aside (closing it would block until DuckDB returns) and closes if DuckDB ever does. ' +
        'DuckDB may be stuck in a loop that keeps one CPU core busy until Snowpark Local restarts (a known DuckDB 1.5 streaming problem): restart it if so.',
      { code: 'SNOWPARK_LOCAL_STREAM_WIND_DOWN' },
    );
  }

  /** Connections left to a DuckDB fetch that never returned, by the query that held them (sessionConnections.ts). */
  get abandonedConnections(): readonly string[] {
    return this.sessions.connections.abandoned;
  }

  /** Back to the pool (or the session's transaction); closed when it may hold stray writes. */
  private release(connection: DuckDBConnection, reusable: boolean): void {
    this.sessions.connections.release(connection, reusable);
  }

  async endSession(sessionId: string): Promise<void> {
    await this.sessions.end(sessionId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.sessions.close();
    this.instance.closeSync();
    this.stages.dispose();
  }
}

/** The result's columns as Snowflake names them: upper case, unless the query kept the case. */
function resultColumns(result: DuckDBResult, preserveCase: readonly string[]): ResultColumn[] {
  const types = result.columnTypes();
  const keep = new Set(preserveCase);
  return result.columnNames().map((name, i) => ({ name: keep.has(name) ? name : name.toUpperCase(), type: snowflakeTypeOf(types[i]) }));
}

/** A table's column names and DuckDB types, as this connection resolves its name. */
async function columnTypes(connection: DuckDBConnection, table: string): Promise<Array<{ name: string; type: string }>> {
  const rows = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${table}`)).getRows();
  return rows.map((row) => ({ name: String(row[0]), type: String(row[1]) }));
}

const READ_ONLY_START = /^\s*(\(\s*)*(select|with|show|describe|desc|explain|values|from|table|pragma|summarize)\b/i;

/** Statements that cannot write skip the explicit transaction (two fewer round trips). */
function isReadOnly(sql: string): boolean {
  return READ_ONLY_START.test(sql) && !/^\s*with\b[\s\S]*\b(insert|update|delete|merge)\b/i.test(sql);
}

function dmlKind(type: StatementType): 'insert' | 'update' | 'delete' | undefined {
  if (type === StatementType.INSERT) return 'insert';
  if (type === StatementType.UPDATE) return 'update';
  if (type === StatementType.DELETE) return 'delete';
  return undefined;
}

/** Binds travel tagged; DuckDB casts text to dates, decimals … where the column needs it. */
function toDuckDbValue(value: TaggedValue): DuckDBValue {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? BigInt(value) : value;
  if (Array.isArray(value)) return JSON.stringify(value);
  if (value.$t === 'int') return BigInt(value.v);
  if (value.$t === 'float') return Number(value.v === 'inf' ? Infinity : value.v === '-inf' ? -Infinity : NaN);
  if (value.$t === 'object' || value.$t === 'json') return JSON.stringify(value.v);
  return value.v;
}

function openError(path: string, error: unknown): SqlError {
  const message = error instanceof Error ? error.message : String(error);
  if (/lock/i.test(message)) {
    return new SqlError(
      '390100',
      '08001',
      `The local database ${path} is in use by another process (${message.split('\n')[0]}). ` +
        'Close the other Snowpark Local window or CLI, or choose another database with --db PATH (or :memory:).',
    );
  }
  return new SqlError(
    '390100',
    '08001',
    `Cannot open the local database ${path}: ${message.split('\n')[0]}. Choose a path you can write with --db PATH (or :memory:), or the snowparkLocal.databasePath setting.`,
  );
}

function withQueryId(error: SqlError, queryId: string): SqlError {
  return error.queryId ? error : error.withQueryId(queryId);
}
