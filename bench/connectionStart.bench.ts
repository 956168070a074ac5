import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SnowflakeStandin } from '../test/standin/snowflakeStandin';
import { median, report } from './benchSupport';

// `snowpark-local run --connection NAME` against the LOCAL STAND-IN (not a real account):
// the time from starting the CLI to the first query the stand-in receives over
// snowflake-sdk's protocol (the session-context query right after login), against a bare
// `node -e 0` started the same way in the same run. The difference is our overhead before
// the first query: the CLI bundle, snowflake-sdk, connections.toml and the login round trip.
// Goal: ≤ 300 ms. SNOWPARK_LOCAL_BENCH_CLI=path/to/cli.js measures another build (before/after).
const RUNS = 7;
const GOAL_MS = 300;
const cli = process.env.SNOWPARK_LOCAL_BENCH_CLI ?? join(__dirname, '..', '..', 'dist', 'cli.js');

/** Spawns and waits; `firstQueryMs` is when the stand-in saw the first query-request, from spawn. */
function timed(args: string[], env: NodeJS.ProcessEnv, standin?: SnowflakeStandin): Promise<{ exitMs: number; firstQueryMs?: number }> {
  const seen = standin?.requests.length ?? 0;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    child.once('error', reject);
    child.once('close', (code) => {
      const exitMs = performance.now() - started;
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      if (!standin) return resolve({ exitMs });
      const index = standin.requests.findIndex((line, i) => i >= seen && line === 'POST /queries/v1/query-request');
      if (index < 0) return reject(new Error('the stand-in received no query'));
      resolve({ exitMs, firstQueryMs: standin.requestedAt[index] - started });
    });
  });
}

async function main(): Promise<void> {
  const standin = await SnowflakeStandin.start({ users: { dev: { password: 'bench-password' } } });
  try {
    const home = mkdtempSync(join(tmpdir(), 'snowpark-local-bench-sf-'));
    mkdirSync(join(home, 'sf'), { mode: 0o700 });
    writeFileSync(
      join(home, 'sf', 'connections.toml'),
      `[standin]\naccount = "standin"\nhost = "127.0.0.1"\nport = ${standin.port}\nprotocol = "http"\nuser = "dev"\npassword = "bench-password"\ndatabase = "LOCAL_DB"\nschema = "PUBLIC"\n`,
      { mode: 0o600 },
    );
    const handler = join(home, 'handler.py');
    writeFileSync(handler, 'def main(session):\n    return session.sql("select 1 as one").collect()[0][0]\n');
    const env = { SNOWFLAKE_HOME: join(home, 'sf'), SNOWFLAKE_DEFAULT_CONNECTION_NAME: '' };
    const runArgs = [cli, 'run', handler, '--connection', 'standin', '--db', ':memory:'];
    await timed(runArgs, env, standin); // warm the file cache
    const ours: number[] = [];
    const wholeRun: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await timed(runArgs, env, standin);
      ours.push(run.firstQueryMs!);
      wholeRun.push(run.exitMs);
      bare.push((await timed(['-e', '0'], {})).exitMs);
    }
    const overhead = median(ours) - median(bare);
    report(
      'CLI start to first query, --connection (local stand-in)',
      `median ${median(ours).toFixed(0)} ms (whole run ${median(wholeRun).toFixed(0)} ms; overhead over bare node ${overhead.toFixed(0)} ms)`,
      `bare \`node -e 0\` median ${median(bare).toFixed(0)} ms`,
      median(ours) / median(bare),
      `overhead ≤ ${GOAL_MS} ms`,
      overhead <= GOAL_MS,
    );
  } finally {
    await standin.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
