import type { SnowparkDebugConfigurations } from './debug/launchConfigurations';
import type { JobsTreeProvider } from './jobs/jobsTreeProvider';
import type { RunOutput } from './output/runOutput';
import type { RunDiagnostics } from './output/runDiagnostics';
import type { ResultPanel } from './results/resultPanel';
import type { RunController } from './runs/runController';
import type { WorkspaceRuntimes } from './runtime/workspaceRuntimes';
import type { SavedRunTestController } from './savedRuns/testsPart';
import type { SnowparkStatusBar } from './statusBar';

/**
 * What activate() returns. runs, output, diagnostics and results load the run support
 * (dist/runsPart.js) when first read, as the first command does. The integration tests read the extension's state through it
 * (the tree's children, the output, the last result shown) instead of scraping the UI.
 */
export interface SnowparkLocalApi {
  readonly jobsTree: JobsTreeProvider;
  readonly runtimes: WorkspaceRuntimes;
  readonly runs: RunController;
  readonly output: RunOutput;
  readonly diagnostics: RunDiagnostics;
  readonly results: ResultPanel;
  /** launch.json support: the configurations offered for the open handler. */
  readonly debugConfigurations: SnowparkDebugConfigurations;
  readonly statusBar: SnowparkStatusBar;
  /** The Test Explorer's saved runs, once a runs.json has been found (dist/testsPart.js). */
  readonly savedRunTests: SavedRunTestController | undefined;
  /** Messages of failed commands, newest last (what the person was shown). */
  readonly commandFailures: Array<{ command: string; message: string }>;
  /** Cumulative ms at each step of activate(), to see where its time goes. */
  readonly activationSteps: Array<[string, number]>;
  /** How long activate() took, in ms. */
  readonly activationMs: number;
  /**
   * This extension's files that Node had loaded when activate() returned (relative to the
   * extension folder, e.g. dist/extension.js), so a test can tell that DuckDB, snowflake-sdk
   * and the run support are not loaded during activation.
   */
  readonly loadedAtActivation: string[];
}
