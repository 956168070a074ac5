import { cpus } from 'node:os';
import { delimiter } from 'node:path';
import { SqlError } from '../engine/sqlError';
import { JobManager } from '../jobs/jobManager';
import { QueryExecutor, SessionState } from '../jobs/queryExecutor';
import { newQueryId } from '../jobs/queryId';
import { ResultStreams } from '../jobs/resultStreams';
import { Emitter } from '../util/emitter';
import { ChannelConnection, ChannelFailure, ChannelServer } from './channelServer';
import { BootstrapProcess } from './bootstrapProcess';
import {
  CHANNEL_ENV,
  HandlerError,
  QueryResult,
  RUN_TOKEN_ENV,
  RunFinish,
  RunSpec,
  SessionContext,
  TaggedValue,
  WarehouseType,
} from './protocol';
import { resolvePython } from './pythonInterpreter';
import { shimDirectory } from './shimLocation';
import { userFacingLocation } from './tracebackLocation';
import { ChannelExtension, RunFailure, RunHandle, RunOutcome, RunOutput, RunRequest } from './runTypes';

export interface LocalRunnerOptions {
  executor: QueryExecutor;
  jobs: JobManager;
  defaults?: { python?: string; warehouseType?: WarehouseType; workers?: number; session?: Partial<SessionContext> };
  /** Runs `CALL name(args)` for session.call(); supplied by the procedure catalog. */
  callProcedure?: (name: string, args: TaggedValue[], caller: { runId: string; queryId: string }) => Promise<QueryResult>;
  extensions?: ChannelExtension[];
  /** Called once a run has ended, before its outcome resolves (e.g. to cancel its tasks). */
  onRunEnded?: Array<(runId: string) => Promise<void>>;
}

/** The context a local session reports (CURRENT_DATABASE() …) unless told otherwise. */
export const DEFAULT_SESSION_CONTEXT: SessionContext = {
  database: 'LOCAL_DB',
  schema: 'PUBLIC',
  role: 'LOCAL_ROLE',
  warehouse: 'LOCAL_WH',
  queryTag: null,
};

/**
 * Runs handlers the way Snowflake calls them: one Python process per run, the shim first
 * on PYTHONPATH, every session.sql() a request on the private channel. When the handler
 * returns or fails, or the run is cancelled, children still running are cancelled and the
 * whole process tree is gone before the outcome resolves.
 */
export class LocalRunner {
  private readonly outputEmitter = new Emitter<RunOutput>();
  readonly onOutput = this.outputEmitter.event;
  private readonly active = new Map<string, RunHandle>();
  private readonly streams: ResultStreams;

  constructor(private readonly options: LocalRunnerOptions) {
    this.streams = new ResultStreams(options.executor);
  }

  /** A new session's context: the defaults, overridden by what the runtime was opened with. */
  get sessionContext(): SessionContext {
    return { ...DEFAULT_SESSION_CONTEXT, ...this.options.defaults?.session };
  }

  get executor(): QueryExecutor {
    return this.options.executor;
  }

  /**
   * Starts a run. `prestarted` is a warm bootstrap (see warmPool.ts) spawned for the same
   * interpreter, directory and environment as this request; it is adopted, never shared.
   */
  start(request: RunRequest, prestarted?: BootstrapProcess): RunHandle {
    const runId = newQueryId();
    const startedAt = Date.now();
    const jobs = this.options.jobs;
    jobs.add({
      id: runId,
      kind: 'run',
      runId,
      parentId: request.parent?.queryId,
      label: request.label ?? `${request.handler}()`,
      status: 'RUNNING',
      detail: { file: request.module.path, handler: request.handler, warehouseType: this.warehouseOf(request) },
    });
    let cancelRequested = false;
    let finish: RunFinish | undefined;
    let resolveCancel: () => void = () => undefined;
    const cancelled = new Promise<void>((resolve) => (resolveCancel = resolve));

    const outcome = (async (): Promise<RunOutcome> => {
      // A called procedure runs in its caller's session (Snowflake): same temp tables, USE,
      // variables and transaction; only the session's owner ends it.
      const inherited = this.options.executor.sessionById(request.parent?.sessionId);
      const session = inherited ?? new SessionState({ ...this.sessionContext, ...request.session });
      let launchServer: ChannelServer | undefined;
      let bootstrap: BootstrapProcess | undefined;
      let cancelledChildren: string[] = [];
      const conclude = async (result: Omit<RunOutcome, 'runId' | 'durationMs' | 'cancelledChildren'>): Promise<RunOutcome> => {
        cancelledChildren = cancelledChildren.concat(await this.options.executor.cancelRunChildren(runId));
        if (!inherited) await this.options.executor.endSession(session).catch(() => undefined);
        for (const onEnded of this.options.onRunEnded ?? []) await onEnded(runId).catch(() => undefined);
        const status = result.ok ? 'SUCCESS' : result.error?.kind === 'cancelled' ? 'ABORTED' : 'FAILED_WITH_ERROR';
        if (status === 'ABORTED' && jobs.get(runId)?.status === 'RUNNING') jobs.move(runId, 'ABORTING');
        jobs.move(runId, status, {
          error: result.error
            ? { message: result.error.message, location: result.error.location ? `${result.error.location.file}:${result.error.location.line}` : undefined }
            : undefined,
        });
        this.options.executor.forgetRun(runId);
        return { ...result, runId, durationMs: Date.now() - startedAt, cancelledChildren };
      };
      try {
        const spec = this.specFor(runId, request, session);
        const serve = (method: string, params: unknown, connection: ChannelConnection): Promise<unknown> =>
          this.serve(method, params, connection, { runId, request, spec, session, onFinish: (value) => {
            finish = value;
            // Snowflake ends the call when the handler returns: children go at once,
            // not when Python gets round to exiting.
            void this.options.executor.cancelRunChildren(runId).then((ids) => (cancelledChildren = cancelledChildren.concat(ids)));
          } });
        if (request.launch) {
          // The debugger starts its own process: a warm one handed over is not needed.
          if (prestarted) void prestarted.end();
          const python = await resolvePython(request.python ?? this.options.defaults?.python, request.cwd);
          if (cancelRequested) return await conclude({ ok: false, error: { kind: 'cancelled', message: 'Run cancelled before it started.' } });
          const server = new ChannelServer(serve);
          launchServer = server;
          await server.listen();
          const runEnv: Record<string, string> = {
            PYTHONPATH: [shimDirectory(), process.env.PYTHONPATH].filter(Boolean).join(delimiter),
            PYTHONUNBUFFERED: '1',
            PYTHONDONTWRITEBYTECODE: '1',
            [CHANNEL_ENV]: server.address,
            [RUN_TOKEN_ENV]: server.token,
          };
          const launched = await request.launch({ python: python.executable, args: ['-m', 'snowpark_local.bootstrap'], env: { ...(request.env as Record<string, string>), ...runEnv }, cwd: request.cwd });
          const end = await Promise.race([launched.exited.then((exit) => ({ kind: 'exit' as const, exit })), cancelled.then(() => ({ kind: 'cancel' as const }))]);
          if (end.kind === 'cancel') {
            launched.stop();
            await launched.exited;
            return await conclude({ ok: false, error: { kind: 'cancelled', message: 'Run cancelled; its child jobs were cancelled and rolled back.' } });
          }
          if (!finish && end.exit.endedByDebugger) {
            // Stop, Restart and Disconnect in the debugger end the run as Cancel Run does.
            return await conclude({
              ok: false,
              error: { kind: 'cancelled', message: 'The debug session was stopped before the handler returned; the run and its child jobs were cancelled and rolled back.' },
            });
          }
          return await conclude(await this.interpretFinish(finish, end.exit, [], runId, request, session));
        }
        // A warm interpreter (started ahead, waiting in run.start) if one was handed over and
        // is still alive; else a fresh one. Either way this run is the only one it serves.
        if (prestarted?.alive) {
          bootstrap = prestarted;
        } else {
          if (prestarted) void prestarted.end();
          const python = await resolvePython(request.python ?? this.options.defaults?.python, request.cwd);
          if (cancelRequested) return await conclude({ ok: false, error: { kind: 'cancelled', message: 'Run cancelled before it started.' } });
          bootstrap = await BootstrapProcess.spawn({ executable: python.executable, cwd: request.cwd, env: request.env });
        }
        bootstrap.adopt(serve, (output) => this.outputEmitter.fire({ runId, ...output }));
        const exited = bootstrap.exited;
        const ended = await Promise.race([exited.then((exit) => ({ kind: 'exit' as const, exit })), cancelled.then(() => ({ kind: 'cancel' as const }))]);
        if (ended.kind === 'cancel') {
          bootstrap.kill();
          await exited;
          await bootstrap.end();
          return await conclude({ ok: false, error: { kind: 'cancelled', message: 'Run cancelled; its child jobs were cancelled and rolled back.' } });
        }
        // The bootstrap exits right after run.finish; what it left (a stray subprocess, a
        // daemon) must not outlive the run. Their output up to now is still read.
        await bootstrap.end();
        return await conclude(await this.interpretFinish(finish, ended.exit, bootstrap.stderr, runId, request, session));
      } catch (error) {
        if (bootstrap) await bootstrap.end();
        const message = error instanceof Error ? error.message : String(error);
        return await conclude({ ok: false, error: { kind: 'startup', message } });
      } finally {
        await launchServer?.close();
        await bootstrap?.end();
        this.active.delete(runId);
      }
    })();

    const handle: RunHandle = {
      runId,
      outcome,
      cancel: async () => {
        cancelRequested = true;
        resolveCancel();
        await outcome;
      },
    };
    this.active.set(runId, handle);
    return handle;
  }

  /** Output produced on a run's behalf elsewhere (its parallel tasks' prints). */
  publishOutput(output: RunOutput): void {
    this.outputEmitter.fire(output);
  }

  /** Cancels every active run (extension deactivation, "Cancel All"). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.active.values()].map((handle) => handle.cancel()));
  }

  get activeRuns(): RunHandle[] {
    return [...this.active.values()];
  }

  private warehouseOf(request: RunRequest): WarehouseType {
    return request.warehouseType ?? this.options.defaults?.warehouseType ?? 'standard';
  }

  private specFor(runId: string, request: RunRequest, session: SessionState): RunSpec {
    return {
      runId,
      handler: request.handler,
      module: request.module,
      args: request.args,
      returnType: request.returnType,
      packages: request.packages ?? [],
      importPaths: request.importPaths ?? [],
      warehouseType: this.warehouseOf(request),
      workers: request.workers ?? this.options.defaults?.workers ?? cpus().length,
      session: session.context,
    };
  }

  private async interpretFinish(
    finish: RunFinish | undefined,
    exit: { code: number | null; signal: NodeJS.Signals | null },
    stderrTail: string[],
    runId: string,
    request: RunRequest,
    session: SessionState,
  ): Promise<Omit<RunOutcome, 'runId' | 'durationMs' | 'cancelledChildren'>> {
    if (!finish) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
      const tail = stderrTail.join('').trim().split('\n').slice(-12).join('\n');
      return {
        ok: false,
        error: {
          kind: 'crashed',
          message: `Python ${how} before the handler returned${tail ? `:\n${tail}` : '.'}`,
          traceback: tail || undefined,
        },
      };
    }
    if (!finish.ok) return { ok: false, error: handlerFailure(finish.error, request) };
    if ('dataframeSql' in finish) {
      try {
        const table = await this.options.executor.run({ runId, parentId: runId, sql: finish.dataframeSql, session });
        return { ok: true, table };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, error: { kind: 'handler', message: `The returned DataFrame failed: ${message}` } };
      }
    }
    return { ok: true, value: finish.value };
  }

  private async serve(
    method: string,
    params: unknown,
    _connection: ChannelConnection,
    run: { runId: string; request: RunRequest; spec: RunSpec; session: SessionState; onFinish: (finish: RunFinish) => void },
  ): Promise<unknown> {
    const executor = this.options.executor;
    switch (method) {
      case 'run.start':
        return run.spec;
      case 'query.execute': {
        const { sql, params: binds, block } = params as { sql: string; params?: TaggedValue[]; block: boolean };
        return this.runStatement(run, sql, binds, block);
      }
      case 'query.describe': {
        const { sql, params: binds } = params as { sql: string; params?: TaggedValue[] };
        return executor.describe(sql, binds, run.session);
      }
      case 'query.status': {
        const { queryId } = params as { queryId: string };
        const status = executor.status(queryId);
        if (!status) throw new ChannelFailure(new SqlError('000709', '02000', `Statement ${queryId} not found`, queryId).toChannelError());
        return { status };
      }
      case 'query.result':
        return executor.wait((params as { queryId: string }).queryId);
      case 'query.stream': {
        const { sql, params: binds, closing } = params as { sql: string; params?: TaggedValue[]; closing?: string[] };
        if (closing?.length) await this.streams.close(closing);
        return this.streams.start({ runId: run.runId, parentId: run.runId, sql, binds, session: run.session });
      }
      case 'query.fetch': {
        const { queryId, maxRows, fromRow } = params as { queryId: string; maxRows: number; fromRow?: number };
        return this.streams.fetch(queryId, maxRows, fromRow);
      }
      case 'query.cancel': {
        const { queryId } = params as { queryId: string };
        await executor.cancel(queryId);
        return { status: executor.status(queryId) };
      }
      case 'proc.call': {
        const { name, args, block } = params as { name: string; args: TaggedValue[]; block: boolean };
        // Arguments travel as bind parameters, never spliced in as literals: any string
        // round-trips (a trailing backslash, \', a quote meant as injection).
        return this.runStatement(run, `CALL ${procedureName(name)}(${args.map(() => '?').join(', ')})`, args, block);
      }
      case 'run.finish':
        run.onFinish(params as RunFinish);
        return {};
      default: {
        for (const extension of this.options.extensions ?? []) {
          const answer = extension(method, params, { runId: run.runId, request: run.request });
          if (answer) return answer;
        }
        throw new ChannelFailure({ kind: 'usage', message: `unknown channel method ${method}` });
      }
    }
  }

  /** A handler's statement: its result when blocking, else its query id at once. */
  private async runStatement(run: { runId: string; session: SessionState }, sql: string, binds: TaggedValue[] | undefined, block: boolean): Promise<unknown> {
    const executor = this.options.executor;
    const submit = { runId: run.runId, parentId: run.runId, sql, binds, session: run.session };
    if (block) return executor.run(submit);
    const queryId = executor.submit({ ...submit, async: true });
    // On Snowflake the handler must see the service's own id (to pass it to
    // RESULT_SCAN, or look it up in Snowsight). A CALL may be a local procedure that
    // never gets one, and call_nowait must not wait for it to end.
    if (executor.engineNamesQueries && !/^\s*call\b/i.test(sql)) return { queryId: await executor.identifiedId(queryId) };
    return { queryId };
  }

}

function handlerFailure(error: HandlerError, request: RunRequest): RunFailure {
  const location = userFacingLocation(error.frames, request.module.path);
  return {
    kind: 'handler',
    errorType: error.type,
    message: `${error.type}: ${error.message}`,
    traceback: error.traceback,
    location,
  };
}

// A bare or quoted identifier, optionally qualified: DB.SCHEMA."My Proc".
const PROCEDURE_NAME = /^(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")(?:\.(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")){0,2}$/;

/** session.call's name goes into SQL text, so it must be a name and nothing more. */
function procedureName(name: string): string {
  if (typeof name === 'string' && PROCEDURE_NAME.test(name.trim())) return name.trim();
  throw new ChannelFailure({
    kind: 'usage',
    message: `session.call(${JSON.stringify(name)}): not a procedure name. Pass the name alone (MY_PROC, DB.SCHEMA.MY_PROC or "My Proc") and the arguments as further parameters.`,
  });
}
