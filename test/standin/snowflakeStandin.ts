import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { ConnectionEntry } from '../../src/core/connections/connectionsFile';
import { DuckDbEngine } from '../../src/core/engine/duckdb/duckdbEngine';
import { SqlError } from '../../src/core/engine/sqlError';
import { JobManager } from '../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../src/core/jobs/queryExecutor';
import { ProcedureCatalog } from '../../src/core/procedures/procedureCatalog';
import { ProcedureRouter } from '../../src/core/procedures/procedureRouter';
import { QueryResult } from '../../src/core/runner/protocol';
import { bindsOf, rowsetOf, rowtypeOf } from './rowsetEncoding';

// A LOCAL STAND-IN for Snowflake's service, not a real account: a small HTTP server on
// 127.0.0.1 (random port) speaking the part of Snowflake's REST protocol snowflake-sdk uses
// (read from node_modules/snowflake-sdk/dist/lib/services/sf.js, connection/statement.js,
// connection/connection.js). SQL really runs, waits, fails and is cancelled on this repo's
// DuckDB engine through a QueryExecutor, so SYSTEM$WAIT, SYSTEM$CANCEL_QUERY, RESULT_SCAN
// and "cancelled leaves no trace" behave as they do locally.
//
//   POST /session/v1/login-request        password, OAuth / PAT token, key-pair JWT (not verified)
//   POST /queries/v1/query-request         sync (waits) and asyncExec (answers 333334 at once)
//   GET  /monitoring/queries/<id>          {data: {queries: [{id, status, errorCode, errorMessage}]}}
//   GET  /queries/<id>/result              rows, or the query's error; 333333 while running
//   POST /queries/<id>/abort-request, /queries/v1/abort-request
//   POST /session?delete=true, /session/heartbeat, /session/token-request, /telemetry/send
// Not covered: result chunks (every result is inline), arrow format, PUT/GET, multi-statement,
// stage binds, real JWT signature checks, token expiry and renewal.

export interface StandinUser {
  password?: string;
  /** Accepted for OAUTH and PROGRAMMATIC_ACCESS_TOKEN. */
  token?: string;
}

export interface StandinOptions {
  users?: Record<string, StandinUser>;
  /** Sync requests wait this long before answering "in progress" (333333). */
  syncWaitMs?: number;
  /**
   * Misbehave like a careless service: echo the submitted password in the login error, so
   * tests can prove the client's redaction catches what a server sends back.
   */
  echoPasswordOnFailedLogin?: boolean;
}

interface Session {
  id: number;
  user: string;
  runId: string;
  state: SessionState;
  warehouse: string;
  role: string;
}

const ASYNC_IN_PROGRESS = '333334';
const IN_PROGRESS = '333333';

export class SnowflakeStandin {
  /** "METHOD /path" of every request, no bodies (they may hold credentials). */
  readonly requests: string[] = [];
  /** performance.now() of each entry of `requests` (same index), for the benchmarks. */
  readonly requestedAt: number[] = [];
  /** The `type` of each in-band telemetry event the driver sent (/telemetry/send), not its data. */
  readonly telemetryTypes: string[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly requestIds = new Map<string, string>();
  private nextSessionId = 1;

  private constructor(
    private readonly server: Server,
    private readonly engine: DuckDbEngine,
    readonly jobs: JobManager,
    readonly executor: QueryExecutor,
    private readonly options: Required<StandinOptions>,
  ) {}

  static async start(options: StandinOptions = {}): Promise<SnowflakeStandin> {
    const engine = await DuckDbEngine.open({ path: ':memory:' });
    const jobs = new JobManager();
    // CREATE PROCEDURE … LANGUAGE PYTHON (deploy) registers as in Snowflake; CALL is not served.
    const executor = new QueryExecutor(new ProcedureRouter(engine, new ProcedureCatalog(undefined)), jobs);
    const resolved = {
      users: options.users ?? { dev: { password: 'dev-password' } },
      syncWaitMs: options.syncWaitMs ?? 20_000,
      echoPasswordOnFailedLogin: options.echoPasswordOnFailedLogin ?? false,
    };
    let standin: SnowflakeStandin | undefined;
    const server = createServer((request, response) => void standin!.handle(request, response));
    standin = new SnowflakeStandin(server, engine, jobs, executor, resolved);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return standin;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** A connections.toml entry pointing snowflake-sdk at this stand-in. */
  connection(name: string, values: ConnectionEntry['values']): ConnectionEntry {
    return {
      name,
      source: 'stand-in',
      overriddenKeys: [],
      values: { account: 'standin', host: '127.0.0.1', port: this.port, protocol: 'http', database: 'LOCAL_DB', schema: 'PUBLIC', ...values },
    };
  }

  count(path: string): number {
    return this.requests.filter((line) => line.includes(path)).length;
  }

  async close(): Promise<void> {
    for (const job of this.jobs.running()) await this.executor.cancel(job.id).catch(() => undefined);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.engine.close();
    this.jobs.dispose();
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    this.requests.push(`${request.method} ${url.pathname}`);
    this.requestedAt.push(performance.now());
    try {
      const body = await readJson(request);
      const answer = await this.route(request, url, body);
      send(response, answer.status ?? 200, answer.body);
    } catch (error) {
      send(response, 500, { success: false, code: '000603', message: `stand-in failure: ${(error as Error).message}`, data: null });
    }
  }

  private async route(request: IncomingMessage, url: URL, body: Record<string, unknown>): Promise<{ status?: number; body: unknown }> {
    const path = url.pathname;
    if (request.method === 'POST' && path === '/session/v1/login-request') return { body: this.login(url, body) };
    const session = this.sessionOf(request);
    if (!session) return { status: 401, body: { success: false, code: '390104', message: 'Authentication token is invalid.', data: null } };
    if (request.method === 'POST' && path === '/session' && url.searchParams.get('delete') === 'true') {
      this.sessions.forEach((value, token) => value === session && this.sessions.delete(token));
      return { body: ok(null) };
    }
    if (path === '/telemetry/send') {
      const logs = Array.isArray(body.logs) ? (body.logs as Array<{ message?: { type?: unknown } }>) : [];
      for (const log of logs) this.telemetryTypes.push(String(log.message?.type));
      return { body: ok({}) };
    }
    if (path === '/session/heartbeat' || path === '/session/token-request') return { body: ok({}) };
    if (request.method === 'POST' && path === '/queries/v1/query-request') return { body: await this.query(session, url, body) };
    if (request.method === 'POST' && path === '/queries/v1/abort-request') {
      const queryId = this.requestIds.get(String(body.requestId));
      if (queryId) await this.executor.cancel(queryId).catch(() => undefined);
      return { body: ok(null) };
    }
    let match = /^\/monitoring\/queries\/([0-9a-f-]+)$/.exec(path);
    if (match && request.method === 'GET') return { body: this.monitoring(match[1]) };
    match = /^\/queries\/([0-9a-f-]+)\/result$/.exec(path);
    if (match && request.method === 'GET') return { body: await this.result(session, match[1]) };
    match = /^\/queries\/([0-9a-f-]+)\/abort-request$/.exec(path);
    if (match && request.method === 'POST') {
      await this.executor.cancel(match[1]).catch(() => undefined);
      return { body: ok(null) };
    }
    return { status: 404, body: { success: false, code: '000404', message: `the stand-in does not serve ${request.method} ${path}`, data: null } };
  }

  private login(url: URL, body: Record<string, unknown>): unknown {
    const data = (body.data ?? {}) as Record<string, string | undefined>;
    const user = data.LOGIN_NAME ?? '';
    const known = this.options.users[user];
    const authenticator = (data.AUTHENTICATOR ?? 'SNOWFLAKE').toUpperCase();
    let accepted = false;
    if (known) {
      if (authenticator === 'SNOWFLAKE') accepted = known.password !== undefined && data.PASSWORD === known.password;
      else if (authenticator === 'OAUTH' || authenticator === 'PROGRAMMATIC_ACCESS_TOKEN') accepted = known.token !== undefined && data.TOKEN === known.token;
      else if (authenticator === 'SNOWFLAKE_JWT') accepted = typeof data.TOKEN === 'string' && data.TOKEN.split('.').length === 3;
    }
    if (!accepted) {
      const echo = this.options.echoPasswordOnFailedLogin ? ` (user ${user}, password ${data.PASSWORD ?? data.TOKEN})` : '';
      return { success: false, code: '390100', message: `Incorrect username or password was specified.${echo}`, data: { nextAction: 'RETRY_LOGIN', authnMethod: authenticator, sqlState: '08004' } };
    }
    const database = url.searchParams.get('databaseName') ?? 'LOCAL_DB';
    const schema = url.searchParams.get('schemaName') ?? 'PUBLIC';
    const warehouse = url.searchParams.get('warehouse') ?? 'STANDIN_WH';
    const role = url.searchParams.get('roleName') ?? 'PUBLIC';
    const queryTag = ((data.SESSION_PARAMETERS as unknown as Record<string, string> | undefined)?.QUERY_TAG as string | undefined) ?? null;
    const token = `standin-session-${randomBytes(12).toString('hex')}`;
    const session: Session = {
      id: this.nextSessionId++,
      user,
      runId: `standin-session-${this.nextSessionId}`,
      state: new SessionState({ database, schema, role, warehouse, queryTag }),
      warehouse,
      role,
    };
    this.sessions.set(token, session);
    return ok({
      token,
      masterToken: `standin-master-${randomBytes(12).toString('hex')}`,
      validityInSeconds: 3600,
      masterValidityInSeconds: 14_400,
      sessionId: session.id,
      serverVersion: 'stand-in',
      displayUserName: user,
      firstLogin: false,
      healthCheckInterval: 45,
      parameters: PARAMETERS,
      sessionInfo: { databaseName: database, schemaName: schema, warehouseName: warehouse, roleName: role },
    });
  }

  private sessionOf(request: IncomingMessage): Session | undefined {
    const match = /Snowflake Token="([^"]+)"/.exec(request.headers.authorization ?? '');
    return match ? this.sessions.get(match[1]) : undefined;
  }

  private async query(session: Session, url: URL, body: Record<string, unknown>): Promise<unknown> {
    const sql = String(body.sqlText ?? '');
    const queryId = this.executor.submit({
      runId: session.runId,
      parentId: session.runId,
      sql,
      binds: bindsOf(body.bindings as Parameters<typeof bindsOf>[0]),
      session: session.state,
      async: body.asyncExec === true,
    });
    const requestId = url.searchParams.get('requestId');
    if (requestId) this.requestIds.set(requestId, queryId);
    if (body.asyncExec === true) {
      return {
        success: true,
        code: ASYNC_IN_PROGRESS,
        message: 'Asynchronous execution in progress. Use provided query id to perform query monitoring and management.',
        data: { queryId, getResultUrl: `/queries/${queryId}/result`, queryAbortsAfterSecs: 300, progressDesc: null },
      };
    }
    return this.result(session, queryId);
  }

  private monitoring(queryId: string): unknown {
    const job = this.jobs.get(queryId);
    if (!job) return ok({ queries: [] });
    return ok({
      queries: [
        {
          id: queryId,
          status: job.status,
          sqlText: job.label,
          startTime: job.startedMs,
          endTime: job.endedMs ?? 0,
          errorCode: job.error?.errorCode,
          errorMessage: job.error?.message.replace(/^\d{6} \([0-9A-Z]{5}\): /, ''),
        },
      ],
      sqlState: job.error?.sqlState,
    });
  }

  /** A finished query's rows or its error; while it runs, waits a while, then says "in progress". */
  private async result(session: Session, queryId: string): Promise<unknown> {
    if (!this.jobs.get(queryId)) return failure(new SqlError('000709', '02000', `Statement ${queryId} not found`, queryId));
    let outcome: { result?: QueryResult; error?: unknown } | undefined;
    const wait = this.executor.wait(queryId).then(
      (result) => (outcome = { result }),
      (error: unknown) => (outcome = { error }),
    );
    await Promise.race([wait, delay(this.options.syncWaitMs)]);
    if (!outcome) return { success: true, code: IN_PROGRESS, message: 'Query execution in progress.', data: { queryId, getResultUrl: `/queries/${queryId}/result` } };
    if (outcome.error) return failure(outcome.error instanceof SqlError ? outcome.error : new SqlError('000603', 'XX000', String(outcome.error), queryId), queryId);
    const result = outcome.result!;
    const rowset = rowsetOf(result);
    return ok({
      parameters: PARAMETERS,
      rowtype: rowtypeOf(result),
      rowset,
      total: rowset.length,
      returned: rowset.length,
      queryId,
      queryResultFormat: 'json',
      version: 1,
      statementTypeId: statementTypeOf(result),
      finalDatabaseName: session.state.context.database,
      finalSchemaName: session.state.context.schema,
      finalWarehouseName: session.warehouse,
      finalRoleName: session.role,
      numberOfBinds: 0,
      arrayBindSupported: false,
    });
  }
}

// The session parameters snowflake-sdk reads from responses (BINARY_OUTPUT_FORMAT is required).
const PARAMETERS = [
  { name: 'TIMEZONE', value: 'UTC' },
  { name: 'TIMESTAMP_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3 TZHTZM' },
  { name: 'TIMESTAMP_NTZ_OUTPUT_FORMAT', value: 'YYYY-MM-DD HH24:MI:SS.FF3' },
  { name: 'TIMESTAMP_LTZ_OUTPUT_FORMAT', value: '' },
  { name: 'TIMESTAMP_TZ_OUTPUT_FORMAT', value: '' },
  { name: 'DATE_OUTPUT_FORMAT', value: 'YYYY-MM-DD' },
  // Snowflake's default is HH24:MI:SS; the stand-in's session keeps microseconds.
  { name: 'TIME_OUTPUT_FORMAT', value: 'HH24:MI:SS.FF6' },
  { name: 'BINARY_OUTPUT_FORMAT', value: 'HEX' },
  { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
  { name: 'QUERY_CONTEXT_CACHE_SIZE', value: 5 },
];

function statementTypeOf(result: QueryResult): number {
  const first = result.columns[0]?.name;
  if (first === 'number of rows inserted') return 0x3100;
  if (first === 'number of rows updated') return 0x3200;
  if (first === 'number of rows deleted') return 0x3300;
  return first === 'status' ? 0x6000 : 0x1000;
}

function ok(data: unknown): unknown {
  return { success: true, code: null, message: null, data };
}

function failure(error: SqlError, queryId?: string): unknown {
  return { success: false, code: error.errorCode, message: error.detail, data: { queryId: error.queryId ?? queryId, sqlState: error.sqlState, errorCode: error.errorCode } };
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  // snowflake-sdk gzips every request body (Content-Encoding: gzip), as Snowflake accepts.
  const raw = Buffer.concat(chunks);
  const text = (request.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

