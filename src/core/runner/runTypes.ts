import { HandlerModule, QueryResult, SessionContext, TaggedValue, WarehouseType } from './protocol';

// What a run is asked to do and what it answers: shared by the runner, the procedure
// router, the CLI and the extension.

export interface RunRequest {
  handler: string;
  module: HandlerModule;
  args: TaggedValue[];
  returnType: string | null;
  packages?: string[];
  importPaths?: string[];
  warehouseType?: WarehouseType;
  workers?: number;
  /** Interpreter command or path; default python3. */
  python?: string;
  cwd?: string;
  /** What the tree shows for the run, e.g. `CHECKSTATUS()` or `handler.py:main`. */
  label?: string;
  /** A nested run (session.call) records its parent so the tree nests it. */
  parent?: { runId: string; queryId: string; sessionId?: string };
  session?: Partial<SessionContext>;
  /** Extra environment for the Python process (tests, debugger). */
  env?: NodeJS.ProcessEnv;
  /**
   * Starts the bootstrap some other way (the editor's Python debugger) instead of spawning
   * it: the runner still owns the channel, the job records and the outcome.
   */
  launch?: ExternalLaunch;
}

/** What an external launcher gets: the command the runner would have spawned. */
export interface LaunchCommand {
  python: string;
  args: string[];
  /** Only the variables the bootstrap needs (PYTHONPATH, channel address, run token, …). */
  env: Record<string, string>;
  cwd?: string;
}

export interface LaunchedProcess {
  /**
   * Resolves when the process has gone. `endedByDebugger`: the debug session was stopped,
   * restarted or disconnected before the process ended by itself (the run is cancelled).
   */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; endedByDebugger?: boolean }>;
  /** Stops the process (cancel); `exited` resolves once it has gone. */
  stop(): void;
}

export type ExternalLaunch = (command: LaunchCommand) => Promise<LaunchedProcess>;

export type RunFailureKind = 'handler' | 'startup' | 'cancelled' | 'crashed';

export interface RunFailure {
  kind: RunFailureKind;
  message: string;
  /** file:line in the user's code, when known. */
  location?: { file: string; line: number };
  traceback?: string;
  errorType?: string;
}

export interface RunOutcome {
  runId: string;
  ok: boolean;
  /** Scalar return value, as the shim encoded it. */
  value?: TaggedValue;
  /** A returned DataFrame / RETURNS TABLE result. */
  table?: QueryResult;
  error?: RunFailure;
  durationMs: number;
  /** Child jobs still running when the handler ended, cancelled as Snowflake does. */
  cancelledChildren: string[];
}

export interface RunOutput {
  runId: string;
  stream: 'stdout' | 'stderr';
  text: string;
}

export interface RunHandle {
  readonly runId: string;
  readonly outcome: Promise<RunOutcome>;
  cancel(): Promise<void>;
}

/** Extra channel methods (parallel tasks) plug in here without the runner knowing them. */
export type ChannelExtension = (
  method: string,
  params: unknown,
  run: { runId: string; request: RunRequest },
) => Promise<unknown> | undefined;

