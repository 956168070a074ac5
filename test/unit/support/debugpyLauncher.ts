import { debugpyLaunchArguments } from '../../../src/core/runner/debugpyLaunch';
import { ExternalLaunch, LaunchedProcess } from '../../../src/core/runner/runTypes';
import { DapClient } from './dapClient';

// A runner launch hook that does what the editor does for a Snowpark Local debug session:
// start debugpy's adapter from the run's interpreter, send it the same launch arguments,
// set breakpoints, and end the run when the session ends. The test drives the session.

export interface DebugSessionUnderTest {
  client: DapClient;
  /** Resolves once the debuggee is launched and configured. */
  ready: Promise<void>;
  /** Ends the session as the Stop button does (disconnect, terminating the debuggee). */
  stop(): Promise<void>;
}

export function debugpyLaunchHook(breakpoints: Record<string, number[]>, onSession: (session: DebugSessionUnderTest) => void): ExternalLaunch {
  return async (command): Promise<LaunchedProcess> => {
    const client = new DapClient(command.python);
    let debuggeeEnded = false;
    let endedByDebugger = false;
    await client.request('initialize', { clientID: 'snowpark-local-tests', adapterID: 'snowpark-local', pathFormat: 'path', linesStartAt1: true, columnsStartAt1: true });
    const launched = client.request('launch', debugpyLaunchArguments(command, { name: 'test' }));
    const ready = (async () => {
      await client.waitForEvent('initialized');
      for (const [path, lines] of Object.entries(breakpoints)) {
        const set = await client.request('setBreakpoints', { source: { path }, breakpoints: lines.map((line) => ({ line })) });
        const verified = (set.breakpoints as Array<{ verified: boolean }>).map((breakpoint) => breakpoint.verified);
        if (verified.some((ok) => !ok)) throw new Error(`debugpy did not accept the breakpoints in ${path}: ${JSON.stringify(set)}`);
      }
      await client.request('configurationDone');
      await launched;
    })();
    const exited = (async () => {
      await client.waitForEvent('terminated', () => true, 600_000);
      debuggeeEnded = true;
      return { code: null, signal: null, endedByDebugger };
    })();
    const stop = async (): Promise<void> => {
      if (!debuggeeEnded) endedByDebugger = true;
      await client.request('disconnect', { terminateDebuggee: true }).catch(() => undefined);
    };
    onSession({ client, ready, stop });
    await ready;
    void exited.finally(() => setTimeout(() => client.kill(), 2000).unref());
    return { exited, stop: () => void stop() };
  };
}
