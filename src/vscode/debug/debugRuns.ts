import * as vscode from 'vscode';
import type { LaunchedProcess } from '../../core/runner/runTypes';
import type { LaunchOverrides } from '../runs/runController';

// The runs that are being debugged, by debug run id (derived from the run's channel token;
// the debug configuration carries it). The debug adapter (debugpyProxyAdapter.ts) reports what it sees of each: which
// session launched it, whether the person stopped it, when it ended; the runner's launch hook
// (runs/debugLauncher.ts) turns that into the run's end.

export { DEBUG_TYPE } from './debugType';

/** What a debug configuration carries so that Restart can start the same run afresh. */
export const TARGET_KEY = 'snowparkLocalTarget';

export interface DebugRunTarget {
  file: string;
  handler?: string;
  procedure?: string;
  args: unknown[];
  launch?: LaunchOverrides;
}

type Exit = Awaited<LaunchedProcess['exited']>;

interface DebugRunSlot {
  resolveExit: (exit: Exit) => void;
  stopRequested: boolean;
  session?: vscode.DebugSession;
}

export class DebugRuns {
  private readonly slots = new Map<string, DebugRunSlot>();
  /** Starts the run a restarted session asks for again; set by whoever can start runs. */
  relaunch: (folder: vscode.WorkspaceFolder | undefined, target: DebugRunTarget) => Promise<vscode.DebugConfiguration | undefined> = async () => undefined;

  /** A run about to be debugged; `exited` settles when its session ends it. */
  register(runId: string): Promise<Exit> {
    return new Promise((resolve) => this.slots.set(runId, { resolveExit: resolve, stopRequested: false }));
  }

  /** A run registered and not launched yet; any other run id in a launch request is a restart's. */
  awaitsLaunch(runId: string): boolean {
    const slot = this.slots.get(runId);
    return slot !== undefined && slot.session === undefined;
  }

  // ---- reported by the adapter

  launching(runId: string, session: vscode.DebugSession): void {
    const slot = this.slots.get(runId);
    if (slot) slot.session = session;
  }

  /** Stop, Disconnect or Restart arrived before the handler's process ended by itself. */
  stopping(runId: string): void {
    const slot = this.slots.get(runId);
    if (slot) slot.stopRequested = true;
  }

  ended(runId: string): void {
    const slot = this.slots.get(runId);
    if (!slot) return;
    this.slots.delete(runId);
    slot.resolveExit({ code: null, signal: null, endedByDebugger: slot.stopRequested });
  }

  // ---- asked by the run

  /** Cancel Run on a run being debugged: stop its session (or give up on one never started). */
  stop(runId: string): void {
    const slot = this.slots.get(runId);
    if (!slot) return;
    slot.stopRequested = true;
    if (slot.session) void vscode.debug.stopDebugging(slot.session);
    else this.ended(runId);
  }
}
