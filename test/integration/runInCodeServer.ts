// Runs the integration suite inside a real VS Code extension host (code-server), once per
// workspace-trust mode, and prints mocha's report. Usage:
//   node out/test/integration/runInCodeServer.js [--mode trusted|untrusted|both] [--grep RE]
// The extension runs the suite itself when SNOWPARK_LOCAL_TEST_MODE=integration (see
// src/vscode/testMode), because the extension host's stdout is not ours to read.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeServer, FIXTURE_WORKSPACE, REPO_ROOT, Workbench, onInterrupt, openWorkbench, sleep, startCodeServer,
} from './codeServer';

type Mode = 'trusted' | 'untrusted';

const SUITE_DIR = path.join(REPO_ROOT, 'out', 'test', 'integration', 'suite');
/** Mode-neutral tests run in both launches; trusted/ and untrusted/ in their own. */
const GLOBS: Record<Mode, string> = {
  trusted: `${SUITE_DIR}/{*,trusted/**/*}.test.js`,
  untrusted: `${SUITE_DIR}/{*,untrusted/**/*}.test.js`,
};
// Generous: the trusted suite takes 1–2 minutes on a quiet 2-core machine, several when it is busy.
const TIMEOUT_MS = Number(process.env.SNOWPARK_LOCAL_TEST_TIMEOUT_MS ?? 480_000);

interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  failureDetails: { title: string; message: string }[];
  report: string;
  error?: string;
}

async function runMode(mode: Mode, grep: string | undefined): Promise<SuiteResults> {
  assertRestrictedModeSupported(mode);
  const started = Date.now();
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  // The extension host learns where to write from the environment it inherits.
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), `snowpark-local-results-${mode}-`));
  const resultsFile = path.join(resultsDir, 'results.json');
  const stopAll = async (): Promise<void> => {
    await workbench?.close();
    await server?.stop();
    fs.rmSync(resultsDir, { recursive: true, force: true });
  };
  const unregister = onInterrupt(stopAll);
  try {
    server = await startCodeServer({
      workspace: FIXTURE_WORKSPACE,
      trusted: mode === 'trusted',
      env: testEnv(mode, resultsFile, grep),
    });
    const serverUp = Date.now();
    workbench = await openWorkbench(server);
    const results = await waitForResults(resultsFile, server);
    const done = Date.now();
    console.log(
      `[${mode}] code-server up in ${ms(serverUp - started)}, ` +
        `start to results ${ms(done - started)} (browser to results ${ms(done - serverUp)})`,
    );
    return results;
  } finally {
    unregister();
    await stopAll();
  }
}

function testEnv(mode: Mode, resultsFile: string, grep: string | undefined): Record<string, string> {
  return {
    SNOWPARK_LOCAL_TEST_MODE: 'integration',
    SNOWPARK_LOCAL_TEST_RESULTS: resultsFile,
    SNOWPARK_LOCAL_TEST_GLOB: GLOBS[mode],
    ...(grep ? { SNOWPARK_LOCAL_TEST_GREP: grep } : {}),
  };
}

async function waitForResults(file: string, server: CodeServer): Promise<SuiteResults> {
  const deadline = Date.now() + TIMEOUT_MS;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) {
      throw new Error(
        `No test results after ${TIMEOUT_MS / 1000} s (${file}). Did the extension activate ` +
          `and see SNOWPARK_LOCAL_TEST_MODE=integration?\n--- log tail ---\n${server.logTail()}`,
      );
    }
    await sleep(250);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SuiteResults;
}

// An installed extension without capabilities.untrustedWorkspaces is disabled in
// restricted mode. The development extension loaded here is activated regardless, which
// would hide that mistake: check the manifest instead.
function assertRestrictedModeSupported(mode: Mode): void {
  if (mode !== 'untrusted') return;
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const supported = manifest.capabilities?.untrustedWorkspaces?.supported;
  if (supported !== true && supported !== 'limited') {
    throw new Error(
      'package.json lacks "capabilities": {"untrustedWorkspaces": {"supported": "limited", ...}}: ' +
        'an installed extension would never activate in an untrusted workspace.',
    );
  }
}

function ms(n: number): string {
  return `${(n / 1000).toFixed(1)} s`;
}

function parseArgs(argv: string[]): { modes: Mode[]; grep?: string } {
  let mode = 'both';
  let grep: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--mode') mode = argv[++i] ?? '';
    else if (argv[i] === '--grep') grep = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  if (mode === 'both') return { modes: ['trusted', 'untrusted'], grep };
  if (mode === 'trusted' || mode === 'untrusted') return { modes: [mode], grep };
  throw new Error(`--mode must be trusted, untrusted or both, not ${mode}`);
}

async function main(): Promise<number> {
  const started = Date.now();
  const { modes, grep } = parseArgs(process.argv.slice(2));
  let passes = 0;
  let failures = 0;
  for (const mode of modes) {
    console.log(`\n=== integration suite, ${mode} workspace ===`);
    try {
      const results = await runMode(mode, grep);
      console.log(results.report);
      if (results.error) console.log(`  suite error: ${results.error}`);
      passes += results.passes;
      failures += results.failures;
    } catch (err) {
      console.log(`  ${mode} launch failed: ${(err as Error).message}`);
      failures += 1;
    }
  }
  // A combined summary in mocha's form, so the last lines read like a single mocha run.
  console.log(`\n  ${passes} passing (${ms(Date.now() - started)} wall, ${modes.join(' + ')})`);
  if (failures > 0) console.log(`  ${failures} failing`);
  return failures > 0 ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
