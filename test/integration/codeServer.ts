// Starts and stops a real VS Code (code-server). Shared by the integration launcher, the
// Playwright UI tests and `npm start`. Binds to 127.0.0.1 only, lives in a temp dir, and
// is killed by process group on every exit path.
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { logTail } from './logs';
import { onInterrupt, sleep, trackGroup } from './processGroups';

/** /work/main: compiled files live in out/test/integration, three levels down. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
/** The fixture folder both the integration suite and the UI tests open. */
export const FIXTURE_WORKSPACE = path.join(REPO_ROOT, 'test', 'workspaces', 'basic');
// Re-exported so callers need one import.
export { openWorkbench, Workbench } from './browser';
export { onInterrupt, sleep } from './processGroups';


export interface StartOptions {
  workspace: string;
  /** false: keep workspace trust on, so the folder opens in restricted mode. */
  trusted: boolean;
  /** Extra environment for the server, which the extension host inherits. */
  env?: Record<string, string>;
  /** A fixed port (npm start); a free one is picked otherwise. */
  port?: number;
  /** User settings on top of the quiet defaults (e.g. the interpreter a test needs). */
  settings?: Record<string, unknown>;
}

export interface CodeServer {
  port: number;
  /** Workbench URL that opens the workspace folder. */
  url: string;
  tempDir: string;
  userDataDir: string;
  logFile: string;
  /** The last lines of code-server's own log and of the extension host log. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/** Runs scripts/code-server/ensure.sh (a no-op once installed) and returns the entry. */
export function ensureCodeServer(): string {
  const fromEnv = process.env.SNOWPARK_LOCAL_CODE_SERVER;
  if (fromEnv) return fromEnv;
  const script = path.join(REPO_ROOT, 'scripts', 'code-server', 'ensure.sh');
  const result = spawnSync('bash', [script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const entry = result.stdout.trim().split('\n').pop() ?? '';
  if (result.status !== 0 || !fs.existsSync(entry)) {
    throw new Error(`${script} failed (exit ${result.status}); run it by hand to see why`);
  }
  return entry;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startCodeServer(options: StartOptions): Promise<CodeServer> {
  const entry = ensureCodeServer();
  const port = options.port ?? (await freePort());
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'snowpark-local-cs-'));
  const userDataDir = path.join(tempDir, 'user-data');
  const extensionsDir = path.join(tempDir, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // Empty: no extension installed in ~/.local/share/code-server can leak into a test.
  fs.mkdirSync(extensionsDir);
  // The extension host leaves vscode-ipc-*.sock files in TMPDIR when it is killed:
  // a private TMPDIR goes away with the rest of the temp dir.
  const tmp = path.join(tempDir, 'tmp');
  fs.mkdirSync(tmp);
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  const logFile = path.join(tempDir, 'code-server.log');
  const log = fs.openSync(logFile, 'a');

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    // Its own config file, so nothing is written to ~/.config/code-server.
    '--config', path.join(tempDir, 'config.yaml'),
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.trusted ? ['--disable-workspace-trust'] : []),
    options.workspace,
  ];
  // detached: code-server becomes a process-group leader, so one kill(-pid) also ends
  // the extension host, pty host and file watcher it forks.
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', log, log],
    env: { ...process.env, TMPDIR: tmp, ...options.env },
  });
  fs.closeSync(log);
  const stopGroup = trackGroup(child);
  const server: CodeServer = {
    port,
    url: workbenchUrl(port, options.workspace),
    tempDir,
    userDataDir,
    logFile,
    logTail: (lines = 40) => logTail(logFile, userDataDir, lines),
    stop: async () => {
      unregister();
      await stopGroup();
      fs.rmSync(tempDir, { recursive: true, force: true });
    },
  };
  // Ctrl-C stops the server and removes its temp dir even if the caller has no hook.
  const unregister = onInterrupt(() => server.stop());
  try {
    await waitForHealthy(port, child, 60_000);
  } catch (err) {
    const tail = server.logTail();
    await server.stop();
    throw new Error(`${(err as Error).message}\n--- code-server log ---\n${tail}`);
  }
  return server;
}

/**
 * The workbench URL. The extension is loaded as a development extension named in the
 * URL's payload (what `--extensionDevelopmentPath` does for desktop VS Code; code-server
 * refuses that flag). Not symlinked into --extensions-dir: VS Code's startup clean-up
 * writes `__metadata` (the folder's size, after walking all of node_modules) into every
 * user extension's package.json, which through a symlink is the repository's own.
 */
export function workbenchUrl(port: number, workspace: string): string {
  const remote = `vscode-remote://127.0.0.1:${port}`;
  const payload = JSON.stringify([['extensionDevelopmentPath', `${remote}${REPO_ROOT}`]]);
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
}

// Settings that keep a fresh profile from opening welcome pages, asking for trust at
// startup, or reaching for the marketplace.
const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'security.workspace.trust.startupPrompt': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'workbench.enableExperiments': false,
  'git.enabled': false,
  // code-server's remote extension host otherwise scans /proc for ports to forward every
  // few seconds (`ls -l /proc/*/fd`, `ps`, each a spawn): a 30–100 ms stall of the extension
  // host's event loop of its own, measured on this machine, that desktop VS Code never runs
  // and that would hide ours in the performance figures. code-server registers a tunnel
  // provider, so only the "output" source stops the scan.
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
};

async function waitForHealthy(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`code-server exited early (${child.exitCode ?? child.signalCode})`);
    }
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs / 1000} s`);
}
