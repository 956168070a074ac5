import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { DuckDbEngine } from '../../../src/core/engine/duckdb/duckdbEngine';
import { JobManager } from '../../../src/core/jobs/jobManager';
import { QueryExecutor, SessionState } from '../../../src/core/jobs/queryExecutor';
import { cliPath } from '../support/cliProcess';
import { faultConfig, seededRandom } from '../support/faultConfig';
import { processesWithEnv, waitUntil } from '../support/processTable';
import { useTempDirectory } from '../support/tempDirectory';

// SIGINT, SIGTERM and SIGKILL sent to the CLI at seeded random points of a run that writes
// (issue 10, the fault suite). Each trial checks the table in the workspace file against the
// write's final status where the CLI could still say it (SIGINT/SIGTERM print --json), that
// a write is never half there (SIGKILL too), and that no process carrying the trial's marker
// survives. FAULT_SEED replays a run.

const MARKER = 'SNOWPARK_LOCAL_FAULT_MARKER';
const ROWS = 10_000_000;
const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGKILL'];
const HANDLER = [
  'def main(session):',
  '    session.sql("create or replace table w (a bigint)").collect()',
  '    print("WRITING", flush=True)',
  `    session.sql("insert into w select range from range(${ROWS})").collect()`,
  '    return 1',
  '',
].join('\n');

interface Trial {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** ms from spawn until the handler said it was writing (undefined if it never did). */
  writingAfterMs?: number;
}

/** Runs the CLI; `signalAt` chooses when (if ever) to send what, once the handler is writing or from spawn. */
function runTrial(file: string, db: string, marker: string, signalAt?: { signal: NodeJS.Signals; phase: 'startup' | 'write'; delayMs: number }): Promise<Trial> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const cli = spawn(process.execPath, [cliPath, 'run', file, '--db', db, '--json'], { env: { ...process.env, [MARKER]: marker }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let writingAfterMs: number | undefined;
    const send = (): void => void setTimeout(() => cli.kill(signalAt!.signal), signalAt!.delayMs);
    const watch = (text: string): void => {
      if (writingAfterMs === undefined && text.includes('WRITING')) {
        writingAfterMs = Date.now() - started;
        if (signalAt?.phase === 'write') send();
      }
    };
    cli.stdout.setEncoding('utf8').on('data', (text: string) => ((stdout += text), watch(stdout)));
    let stderr = '';
    cli.stderr.setEncoding('utf8').on('data', (text: string) => ((stderr += text), watch(stderr)));
    if (signalAt?.phase === 'startup') send();
    cli.once('error', reject);
    cli.once('close', (code, signal) => resolve({ code, signal, stdout, writingAfterMs }));
  });
}

/** 'absent', 'none', 'all' or 'partial': what the workspace file holds of the write. */
async function observe(db: string): Promise<string> {
  const engine = await DuckDbEngine.open({ path: db });
  try {
    const executor = new QueryExecutor(engine, new JobManager());
    const session = new SessionState({ database: 'LOCAL_DB', schema: 'PUBLIC', role: 'R', warehouse: 'W', queryTag: null });
    const ask = async (sql: string): Promise<unknown> => (await executor.run({ runId: 'o', parentId: 'o', sql, session })).data[0][0];
    if (!(await ask("select count(*) from information_schema.tables where upper(table_name) = 'W'"))) return 'absent';
    return String(await ask(`select case count(*) when 0 then 'none' when ${ROWS} then 'all' else 'partial' end from w`));
  } finally {
    await engine.close();
  }
}

function insertStatus(stdout: string): string | undefined {
  try {
    const printed = JSON.parse(stdout) as { jobs?: Array<{ query: string; status: string }> };
    return printed.jobs?.find((job) => job.query.startsWith('insert into w'))?.status ?? 'not started';
  } catch {
    return undefined;
  }
}

describe('faults: signals to the CLI at random points of a writing run', function () {
  const config = faultConfig();
  this.timeout(60_000 + config.signalTrials * 20_000);
  const files = useTempDirectory('snowpark-local-signals-');

  it(`${config.signalTrials} trials of SIGINT, SIGTERM and SIGKILL: the table agrees with the status, nothing survives (seed ${config.seed})`, async () => {
    const random = seededRandom(config.seed);
    const file = files.write('writes.py', HANDLER);
    // One uncancelled run times the start and the write, so signal points cover both.
    const calibration = await runTrial(file, files.path('calibrate.duckdb'), randomUUID());
    assert.equal(calibration.code, 0, calibration.stdout);
    const writeMs = (() => {
      const job = (JSON.parse(calibration.stdout) as { jobs: Array<{ query: string; startedMs: number; endedMs: number }> }).jobs.find((j) => j.query.startsWith('insert'))!;
      return job.endedMs - job.startedMs;
    })();
    const startupMs = calibration.writingAfterMs!;
    const violations: string[] = [];
    const tally: Record<string, number> = {};
    for (let trial = 0; trial < config.signalTrials; trial++) {
      const signal = SIGNALS[trial % SIGNALS.length];
      const phase = random() < 0.25 ? 'startup' : 'write';
      const delayMs = Math.floor(random() * (phase === 'startup' ? startupMs : writeMs * 1.3));
      const db = files.path(`trial${trial}.duckdb`);
      const marker = randomUUID();
      const outcome = await runTrial(file, db, marker, { signal, phase, delayMs });
      // A signal in the CLI's first moments, before it has started the handler and taken
      // SIGINT/SIGTERM over, ends it by the default action, as for any program: then
      // nothing was written and no --json is owed.
      const killedEarly = outcome.signal === signal && outcome.writingAfterMs === undefined;
      const statusKnown = signal !== 'SIGKILL' && !killedEarly;
      const status = statusKnown ? insertStatus(outcome.stdout) : undefined;
      const seen = await observe(db);
      const survivors = (await waitUntil(() => processesWithEnv(MARKER, marker).length === 0, 3_000, 20)) ? [] : processesWithEnv(MARKER, marker);
      const key = `${signal} ${killedEarly ? 'early' : (status ?? 'unknown')} ${seen}`;
      tally[key] = (tally[key] ?? 0) + 1;
      const where = `trial ${trial} ${signal} ${phase}+${delayMs} ms`;
      if (seen === 'partial') violations.push(`${where}: the table holds part of the write`);
      if (status === 'SUCCESS' && seen !== 'all') violations.push(`${where}: job SUCCESS, table ${seen}`);
      if (status === 'ABORTED' && seen === 'all') violations.push(`${where}: job ABORTED, table ${seen}`);
      // "WRITING" not seen does not prove the handler had not started: its CREATE TABLE can
      // commit a moment before the kill while the print is still on its way through the CLI
      // (seen once in CI: SIGKILL at startup+622 ms of ~650, table created and empty). No row
      // of the insert may be there.
      if (killedEarly && seen !== 'absent' && seen !== 'none') violations.push(`${where}: killed before the handler wrote, yet table ${seen}`);
      if (statusKnown && status === undefined) violations.push(`${where}: --json printed no object (exit ${outcome.code} ${outcome.signal})`);
      if (statusKnown && outcome.code !== 130 && outcome.code !== 0) violations.push(`${where}: exit ${outcome.code} ${outcome.signal}`);
      if (survivors.length) violations.push(`${where}: survivors ${survivors.join(' ')}`);
    }
    console.log(`      seed ${config.seed}: write ${writeMs} ms, start ${startupMs} ms, ${JSON.stringify(tally)}, ${violations.length} violations`);
    assert.deepEqual(violations, [], `seed ${config.seed}`);
  });
});
