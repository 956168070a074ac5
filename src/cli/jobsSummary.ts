import { JobManager } from '../core/jobs/jobManager';

/** The child jobs of everything this invocation ran, in start order, for --json. */
export function jobsSummary(jobs: JobManager): Array<{ queryId: string; query: string; status: string; startedMs: number; endedMs: number | null }> {
  return jobs
    .list({ kind: 'query' })
    .sort((a, b) => a.startedMs - b.startedMs)
    .map((job) => ({ queryId: job.id, query: job.label, status: job.status, startedMs: job.startedMs, endedMs: job.endedMs ?? null }));
}
