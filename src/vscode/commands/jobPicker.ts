import * as vscode from 'vscode';
import type { JobKind, JobRecord } from '../../core/jobs/jobManager';
import { isTerminal } from '../../core/jobs/jobStatus';
import { jobDescription, jobLabel } from '../jobs/jobPresentation';
import type { JobNode } from '../jobs/jobsTreeProvider';
import type { FolderRuntime, WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { UserFacingError } from '../userError';

// A job command's target: the tree row it was invoked on, a job id (tests, other
// commands), or, from the palette, a quick pick of the jobs that fit.

export interface JobTarget {
  job: JobRecord;
  owner: FolderRuntime;
}

export type JobArgument = JobNode | string | { id: string } | undefined;

export async function jobTarget(
  runtimes: WorkspaceRuntimes,
  argument: JobArgument,
  filter: { kinds?: JobKind[]; running?: boolean; finished?: boolean },
  action: string,
): Promise<JobTarget | undefined> {
  const id = typeof argument === 'string' ? argument : argument?.id;
  if (id) {
    const owner = runtimes.find(id);
    const job = owner?.runtime.jobs.get(id);
    if (!owner || !job) throw new UserFacingError(`No job ${id} in Snowpark Jobs (it may have been cleared). Pick one from the Snowpark Jobs view.`);
    return { job, owner };
  }
  const candidates: JobTarget[] = [];
  for (const owner of runtimes.all) {
    for (const job of owner.runtime.jobs.list()) {
      if (filter.kinds && !filter.kinds.includes(job.kind)) continue;
      if (filter.running && isTerminal(job.status)) continue;
      if (filter.finished && !isTerminal(job.status)) continue;
      candidates.push({ job, owner });
    }
  }
  if (candidates.length === 0) {
    const what = filter.running ? 'running' : filter.finished ? 'finished' : '';
    throw new UserFacingError(`Nothing to ${action}: there is no ${what} ${filter.kinds?.join(' or ') ?? 'job'} in Snowpark Jobs. Run a handler or a worksheet first.`);
  }
  candidates.sort((a, b) => b.job.startedMs - a.job.startedMs);
  const chosen = await vscode.window.showQuickPick(
    candidates.map((candidate) => ({ label: jobLabel(candidate.job), description: jobDescription(candidate.job), candidate })),
    { title: `Snowpark Local: ${action} which job?`, matchOnDescription: true },
  );
  return chosen?.candidate;
}
