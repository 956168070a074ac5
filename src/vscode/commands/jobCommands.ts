import * as vscode from 'vscode';
import type { JobRecord } from '../../core/jobs/jobManager';
import { isTerminal } from '../../core/jobs/jobStatus';
import type { QueryResult } from '../../core/runner/protocol';
import { COMMANDS } from '../commandIds';
import { JobResults } from '../jobs/jobResults';
import { ResultPanel } from '../results/resultPanel';
import { RunController } from '../runs/runController';
import { WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { UserFacingError } from '../userError';
import { CommandTable } from './commandTable';
import { JobArgument, jobTarget, JobTarget } from './jobPicker';

// Commands on jobs, from tree rows (inline and context menu) or the palette: Cancel Run,
// Cancel All, Cancel Job, Await Job, Show Job Result, Copy Query ID, Clear Finished.

export function jobCommands(runtimes: WorkspaceRuntimes, controller: RunController, results: JobResults, panel: ResultPanel): CommandTable {
  const cancel = async (target: JobTarget): Promise<JobRecord> => {
    const { job, owner } = target;
    if (isTerminal(job.status)) return job;
    if (job.kind === 'run') {
      if (!(await controller.cancelRun(job.id))) throw new UserFacingError(`Run ${job.id} is no longer active, so there is nothing to cancel.`);
    } else if (job.kind === 'query') {
      await owner.runtime.executor.cancel(job.id);
    } else if (!owner.runtime.parallel.cancel(job.id)) {
      // Not a live batch/task any more (its run is ending): cancelling the run covers it.
      await controller.cancelRun(job.runId);
    }
    return owner.runtime.jobs.get(job.id) ?? job;
  };
  const show = (target: JobTarget, result: QueryResult): QueryResult => {
    panel.show({ title: `Result of ${target.job.id}`, result, source: target.job.kind === 'query' ? target.job.label.replace(/\s+/g, ' ').slice(0, 100) : target.job.label });
    return result;
  };
  return {
    [COMMANDS.cancelRun]: async (argument: JobArgument) => {
      const target = await jobTarget(runtimes, argument, { kinds: ['run'], running: true }, 'cancel');
      if (!target) return undefined;
      const run = target.job.kind === 'run' ? target : { ...target, job: target.owner.runtime.jobs.get(target.job.runId) ?? target.job };
      return (await cancel(run)).status;
    },
    [COMMANDS.cancelJob]: async (argument: JobArgument) => {
      const target = await jobTarget(runtimes, argument, { running: true }, 'cancel');
      return target ? (await cancel(target)).status : undefined;
    },
    [COMMANDS.cancelAll]: async () => {
      await controller.cancelAll();
      return runtimes.all.reduce((count, entry) => count + entry.runtime.jobs.running().length, 0);
    },
    [COMMANDS.awaitJob]: async (argument: JobArgument) => {
      const target = await jobTarget(runtimes, argument, { kinds: ['query', 'run'], running: true }, 'await');
      if (!target) return undefined;
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Waiting for ${target.job.id}`, cancellable: true },
        (_progress, token) => awaitJob(target, results, token),
      );
      if (!result) return undefined;
      return show(target, result);
    },
    [COMMANDS.showJobResult]: async (argument: JobArgument) => {
      const target = await jobTarget(runtimes, argument, { finished: true }, 'show the result of');
      if (!target) return undefined;
      const result = results.get(target.job.id);
      if (!result) {
        const why = target.job.error
          ? `it ended ${target.job.status}: ${target.job.error.message}`
          : target.job.status !== 'SUCCESS'
            ? `it ended ${target.job.status}`
            : 'its result is no longer kept (only the latest 500 are)';
        throw new UserFacingError(`Job ${target.job.id} has no result to show: ${why}.`);
      }
      return show(target, result);
    },
    [COMMANDS.copyQueryId]: async (argument: JobArgument) => {
      const target = await jobTarget(runtimes, argument, {}, 'copy the id of');
      if (!target) return undefined;
      await vscode.env.clipboard.writeText(target.job.id);
      void vscode.window.setStatusBarMessage(`Copied query id ${target.job.id}`, 3000);
      return target.job.id;
    },
    [COMMANDS.clearFinished]: () => {
      let removed = 0;
      for (const entry of runtimes.all) {
        for (const job of entry.runtime.jobs.list()) if (isTerminal(job.status)) results.forget(job.id);
        removed += entry.runtime.jobs.clearFinished();
      }
      return removed;
    },
  };
}

/** Waits for a job's end without blocking anything; the progress's Cancel stops waiting only. */
async function awaitJob(target: JobTarget, results: JobResults, token: vscode.CancellationToken): Promise<QueryResult | undefined> {
  const { job, owner } = target;
  const ended = new Promise<void>((resolve) => {
    if (isTerminal(job.status)) return resolve();
    const subscription = owner.runtime.jobs.onDidChange((event) => {
      if (event.job.id === job.id && isTerminal(event.job.status)) {
        subscription.dispose();
        resolve();
      }
    });
    token.onCancellationRequested(() => {
      subscription.dispose();
      resolve();
    });
  });
  // A query's result comes from the executor while it is still held there.
  const direct = job.kind === 'query' ? owner.runtime.executor.wait(job.id).catch(() => undefined) : undefined;
  await ended;
  if (token.isCancellationRequested) return undefined;
  const record = owner.runtime.jobs.get(job.id) ?? job;
  // The run's own result is recorded by the controller once its outcome is reported.
  for (let i = 0; i < 20 && !results.has(job.id) && record.status === 'SUCCESS'; i++) {
    const fromExecutor = direct ? await direct : undefined;
    if (fromExecutor) results.set(job.id, fromExecutor);
    else await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const result = results.get(job.id);
  if (result) return result;
  const error = record.error;
  const detail = error ? `${error.errorCode ? `${error.errorCode} (${error.sqlState}): ` : ''}${error.message}` : record.status;
  throw new UserFacingError(`Job ${job.id} ended ${record.status} without a result: ${detail}${error?.location ? ` at ${error.location}` : ''}.`);
}
