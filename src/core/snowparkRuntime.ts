import { join } from 'node:path';
import { LazyEngine } from './engine/lazyEngine';
import { SqlEngine } from './engine/sqlEngine';
import { JobManager } from './jobs/jobManager';
import { QueryExecutor } from './jobs/queryExecutor';
import { ParallelTasks } from './parallel/parallelTasks';
import { ProcedureCatalog } from './procedures/procedureCatalog';
import { procedureCatalogPathFor } from './procedures/procedureCatalogPath';
import { ProcedureRouter } from './procedures/procedureRouter';
import { LocalRunner } from './runner/localRun';
import { ChannelExtension } from './runner/runTypes';
import { SessionContext, WarehouseType } from './runner/protocol';

export interface RuntimeOptions {
  /** DuckDB file (default per workspace: .snowpark-local/local.duckdb) or ':memory:'. */
  dbPath: string;
  python?: string;
  warehouseType?: WarehouseType;
  workers?: number;
  session?: Partial<SessionContext>;
  /** Use another engine (Snowflake) instead of opening DuckDB. */
  engine?: SqlEngine;
  extensions?: ChannelExtension[];
  onRunEnded?: Array<(runId: string) => Promise<void>>;
  /** Idle joblib pool workers stop after this many ms (default 5 minutes). */
  taskPoolIdleMs?: number;
}

export const DEFAULT_DB_RELATIVE_PATH = join('.snowpark-local', 'local.duckdb');

/**
 * Everything one workspace needs to run handlers and worksheets, built once and disposed
 * once: the extension and the CLI both start here.
 */
export class SnowparkRuntime {
  private constructor(
    readonly jobs: JobManager,
    readonly executor: QueryExecutor,
    readonly runner: LocalRunner,
    readonly catalog: ProcedureCatalog,
    private readonly engine: SqlEngine,
    /** joblib batches and tasks: the warm worker pools, cancel(jobId), task output. */
    readonly parallel: ParallelTasks,
  ) {}

  static async open(options: RuntimeOptions): Promise<SnowparkRuntime> {
    const inner =
      options.engine ??
      new LazyEngine('duckdb', options.dbPath === ':memory:' ? 'DuckDB (in memory)' : `DuckDB ${options.dbPath}`, async () => {
        // Required here, not imported at the top, so the native module loads on first use.
        const { DuckDbEngine } = await import('./engine/duckdb/duckdbEngine');
        return DuckDbEngine.open({ path: options.dbPath });
      });
    const catalog = new ProcedureCatalog(procedureCatalogPathFor(options.dbPath));
    const router = new ProcedureRouter(inner, catalog);
    const jobs = new JobManager();
    const executor = new QueryExecutor(router, jobs);
    const parallel = new ParallelTasks({ jobs, idleMs: options.taskPoolIdleMs });
    const runner = new LocalRunner({
      executor,
      jobs,
      defaults: { python: options.python, warehouseType: options.warehouseType, workers: options.workers, session: options.session },
      extensions: [parallel.extension, ...(options.extensions ?? [])],
      onRunEnded: [parallel.onRunEnded, ...(options.onRunEnded ?? [])],
    });
    // Prints of a run's pool tasks belong in the run's own output, wherever it is shown.
    parallel.onOutput((output) => output.runId && runner.publishOutput({ runId: output.runId, stream: output.stream, text: output.text }));
    router.attachRunner(async (request, signal) => {
      const handle = runner.start(request);
      const cancel = (): void => void handle.cancel();
      signal.addEventListener('abort', cancel, { once: true });
      try {
        return await handle.outcome;
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    });
    return new SnowparkRuntime(jobs, executor, runner, catalog, router, parallel);
  }

  get engineDescription(): string {
    return this.engine.description;
  }

  async dispose(): Promise<void> {
    await this.runner.cancelAll();
    await this.parallel.dispose();
    await this.engine.close();
    this.jobs.dispose();
  }
}
