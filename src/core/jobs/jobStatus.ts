// Snowflake's query status names (snowflake.connector QueryStatus), used for runs,
// child jobs, batches and tasks alike so the UI needs one vocabulary.

export type JobStatus =
  | 'QUEUED'
  | 'RUNNING'
  | 'ABORTING'
  | 'SUCCESS'
  | 'FAILED_WITH_ERROR'
  | 'ABORTED';

const TERMINAL: ReadonlySet<JobStatus> = new Set(['SUCCESS', 'FAILED_WITH_ERROR', 'ABORTED']);

export function isTerminal(status: JobStatus): boolean {
  return TERMINAL.has(status);
}

/** Which moves are legal; anything else is a bug in the caller, so it throws. */
const ALLOWED: Record<JobStatus, readonly JobStatus[]> = {
  QUEUED: ['RUNNING', 'ABORTING', 'ABORTED', 'FAILED_WITH_ERROR'],
  RUNNING: ['SUCCESS', 'FAILED_WITH_ERROR', 'ABORTING', 'ABORTED'],
  ABORTING: ['ABORTED', 'SUCCESS', 'FAILED_WITH_ERROR'],
  SUCCESS: [],
  FAILED_WITH_ERROR: [],
  ABORTED: [],
};

export function canMove(from: JobStatus, to: JobStatus): boolean {
  return ALLOWED[from].includes(to);
}
