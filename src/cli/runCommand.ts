import { resolve } from 'node:path';
import { isTerminal } from '../core/jobs/jobStatus';
import { RunOutcome } from '../core/runner/runTypes';
import { jsonTextOf } from '../core/runner/lazyJsonValue';
import { untag } from '../core/runner/taggedValues';
import { WarehouseType } from '../core/runner/protocol';
import { DEFAULT_DB_RELATIVE_PATH, SnowparkRuntime } from '../core/snowparkRuntime';
import { resolveTarget, TargetError } from '../core/targets/runTarget';
import { ParsedArguments, stringFlag, UsageError } from './cliArguments';
import { CliIo } from './cliIo';
import { engineFromConnectionFlag } from './connectionsCommand';
import { formatTable, rowsAsObjects } from './formatTable';
import { outcomeTable } from './returnValueTable';
import { jobsSummary } from './jobsSummary';
import type { Prestarted } from './prestartedBootstrap';

export function parseWarehouse(value: string | undefined): WarehouseType | undefined {
  if (value === undefined) return undefined;
  if (value === 'standard' || value === 'snowpark-optimized') return value;
  throw new UsageError(`--warehouse must be standard or snowpark-optimized, not '${value}'`);
}

export function parseArgsJson(value: string | undefined): unknown[] {
  if (value === undefined) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new UsageError(`--args must be a JSON array, e.g. --args '[1, "a"]'; got ${value}`);
  }
  if (!Array.isArray(parsed)) throw new UsageError(`--args must be a JSON array, e.g. --args '[1, "a"]'; got ${value}`);
  return parsed;
}

export function dbPathFrom(parsed: ParsedArguments, io: CliIo): string {
  const db = stringFlag(parsed, 'db');
  if (db === ':memory:') return db;
  return resolve(io.cwd, db ?? DEFAULT_DB_RELATIVE_PATH);
}

export async function runCommand(parsed: ParsedArguments, io: CliIo, prestarted?: Prestarted): Promise<number> {
  const file = parsed.positionals[1];
  if (!file) throw new UsageError('run needs a FILE: snowpark-local run handler.py [--handler NAME]');
  if (parsed.positionals.length > 2) throw new UsageError(`unexpected argument ${parsed.positionals[2]}`);
  const asJson = parsed.flags.has('json');
  const warehouseType = parseWarehouse(stringFlag(parsed, 'warehouse'));
  const args = parseArgsJson(stringFlag(parsed, 'args'));
  const workersFlag = stringFlag(parsed, 'workers');
  const workers = workersFlag === undefined ? undefined : Number(workersFlag);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError('--workers must be a whole number ≥ 1');

  const snowflake = await engineFromConnectionFlag(parsed, io);
  io = snowflake.io;
  const runtime = await SnowparkRuntime.open({
    dbPath: dbPathFrom(parsed, io),
    python: stringFlag(parsed, 'python'),
    warehouseType,
    workers,
    engine: snowflake.engine,
    session: snowflake.engine?.sessionContext,
  });
  try {
    let target;
    try {
      target = resolveTarget(
        { file: resolve(io.cwd, file), handler: stringFlag(parsed, 'handler'), procedure: stringFlag(parsed, 'procedure'), args },
        runtime.catalog,
      );
    } catch (error) {
      if (error instanceof TargetError) throw new UsageError(error.message);
      throw error;
    }
    // With --json, stdout carries exactly one JSON object, so the handler's prints go to stderr.
    runtime.runner.onOutput((output) => (output.stream === 'stdout' && !asJson ? io.stdout(output.text) : io.stderr(output.text)));
    const python = target.request.python ?? stringFlag(parsed, 'python');
    const fits = prestarted && prestarted.cwd === target.request.cwd && prestarted.python === python && !target.request.env;
    const handle = runtime.runner.start(target.request, fits ? await prestarted.process : undefined);
    const stopOnInterrupt = (): void => void handle.cancel();
    io.onInterrupt(stopOnInterrupt);
    const outcome = await handle.outcome;
    if (asJson) {
      const summary = {
        error: outcome.error
          ? {
              kind: outcome.error.kind,
              message: outcome.error.message,
              location: outcome.error.location ? `${outcome.error.location.file}:${outcome.error.location.line}` : undefined,
              traceback: outcome.error.traceback,
            }
          : null,
        durationMs: outcome.durationMs,
        jobs: jobsSummary(runtime.jobs),
        ...extraSummaries(runtime),
      };
      const passThrough = outcome.ok && !outcome.table ? jsonTextOf(outcome.value) : undefined;
      if (passThrough?.exact) {
        // The value's JSON text is what JSON.stringify would print: written as Python sent it.
        io.stdout('{"result":');
        io.stdoutBytes(passThrough.parts);
        io.stdout(`,${JSON.stringify(summary).slice(1)}\n`);
      } else {
        const result = !outcome.ok ? null : outcome.table ? rowsAsObjects(outcome.table) : untag(outcome.value ?? null);
        io.stdout(JSON.stringify({ result, ...summary }) + '\n');
      }
    } else if (outcome.ok) {
      // Only for the table: with --json, building it (a VARIANT as indented text) is wasted work.
      const table = outcomeTable(outcome, target.resultName, target.request.returnType);
      if (table) io.stdout(formatTable(table) + '\n');
    } else if (outcome.error) {
      io.stderr(describeFailure(outcome));
    }
    if (!asJson && outcome.cancelledChildren.length) {
      io.stderr(`note: ${outcome.cancelledChildren.length} child job(s) still running when the handler returned were cancelled, as Snowflake does: ${outcome.cancelledChildren.join(', ')}\n`);
    }
    return outcome.ok ? 0 : outcome.error?.kind === 'cancelled' ? 130 : 1;
  } finally {
    await runtime.dispose();
  }
}

/** Other parts (parallel tasks) add their own sections to --json. */
function extraSummaries(runtime: SnowparkRuntime): Record<string, unknown> {
  const tasks = runtime.jobs.list({ kind: 'task' }).map((task) => ({
    batch: task.parentId,
    // joblib's own batch: the chunk of calls one worker ran together (process backends only).
    chunk: task.detail.chunk ?? null,
    index: task.detail.index,
    function: task.label,
    worker: task.detail.worker,
    status: task.status,
    durationMs: (task.detail.durationMs as number | undefined) ?? (task.endedMs !== undefined && isTerminal(task.status) ? task.endedMs - task.startedMs : null),
  }));
  return tasks.length ? { tasks } : {};
}

export function describeFailure(outcome: RunOutcome): string {
  const error = outcome.error!;
  const lines: string[] = [];
  if (error.traceback && error.kind === 'handler') lines.push(error.traceback.trimEnd());
  const where = error.location ? ` at ${error.location.file}:${error.location.line}` : '';
  lines.push(`error: ${error.message.split('\n')[0]}${where}`);
  if (error.kind !== 'handler' && error.message.includes('\n')) lines.push(error.message.split('\n').slice(1).join('\n'));
  if (error.kind === 'handler') lines.push('Fix the handler at that line and run again.');
  return lines.join('\n') + '\n';
}
