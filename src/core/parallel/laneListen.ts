import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransportKind } from '../runner/transport/channelTransport';

// Where a task worker listens for its lanes (the handler's direct connection to a worker
// leased to its joblib batch; src/python/snowpark_local/parallel/lane_listener.py). The
// Python worker binds the socket itself; Node makes the private directory it goes in and
// removes it when the worker ends, since a killed worker cannot clean up after itself.

export const LANE_LISTEN_ENV = 'SNOWPARK_LOCAL_LANE_LISTEN';

export interface LaneListen {
  /** Added to the worker's environment. */
  readonly env: Record<string, string>;
  /** Removes the socket's directory (the worker has ended). */
  release(): void;
}

export function laneListen(kind: TransportKind): LaneListen {
  if (kind === 'tcp') return { env: { [LANE_LISTEN_ENV]: 'tcp' }, release: () => undefined };
  let directory: string | undefined;
  try {
    // mkdtemp makes it 0700: only this user can reach the socket inside.
    directory = mkdtempSync(join(tmpdir(), 'snowpark-lane-'));
  } catch {
    return { env: {}, release: () => undefined }; // no lanes: its chunks are relayed
  }
  return {
    env: { [LANE_LISTEN_ENV]: `unix:${join(directory, 'lane.sock')}` },
    release: () => {
      if (directory) rmSync(directory, { recursive: true, force: true });
      directory = undefined;
    },
  };
}
