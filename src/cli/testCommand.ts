import { existsSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { readSavedRuns, SavedRunsError } from '../core/savedRuns/readSavedRuns';
import { runSavedRunTest, SavedRunResult } from '../core/savedRuns/runSavedRun';
import { savedRunsPathIn } from '../core/savedRuns/savedRunsFormat';
import { ParsedArguments, stringFlag, UsageError } from './cliArguments';
import { CliIo } from './cliIo';
import { junitXml } from './junitXml';
import { parseWarehouse } from './runCommand';
import { describeResult } from './testReport';

// `snowpark-local test [PATH]`: every saved run with an expectation, each in a fresh
// database, as the editor's Test Explorer runs them. Exit 0 all passed, 1 any failed or
// errored, 2 bad usage or a runs.json that does not validate.

export async function testCommand(parsed: ParsedArguments, io: CliIo): Promise<number> {
  if (parsed.positionals.length > 2) throw new UsageError(`unexpected argument ${parsed.positionals[2]}`);
  const { folder, file } = locateRunsFile(resolve(io.cwd, parsed.positionals[1] ?? '.'));
  let runs;
  try {
    runs = readSavedRuns(file);
  } catch (error) {
    // Exit 2 as for bad usage, but without the usage text: it is the file that needs fixing.
    if (!(error instanceof SavedRunsError)) throw error;
    io.stderr(`snowpark-local test: ${error.message}\n`);
    return 2;
  }
  if (!runs) {
    io.stderr(`snowpark-local test: no saved runs: ${file} does not exist. Save a run from "Run with arguments…" in the editor, or write the file (README, "Saved runs and tests").\n`);
    return 2;
  }
  const asJson = parsed.flags.has('json');
  const junit = stringFlag(parsed, 'junit');
  const workersFlag = stringFlag(parsed, 'workers');
  const workers = workersFlag === undefined ? undefined : Number(workersFlag);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new UsageError('--workers must be a whole number ≥ 1');
  const warehouseType = parseWarehouse(stringFlag(parsed, 'warehouse'));
  const db = stringFlag(parsed, 'db');
  const abort = new AbortController();
  io.onInterrupt(() => abort.abort());

  const tests = runs.runs.filter((run) => run.expect);
  const results: Array<SavedRunResult & { output: string }> = [];
  for (const run of tests) {
    if (abort.signal.aborted) break;
    let output = '';
    const result = await runSavedRunTest(run, {
      folder,
      python: stringFlag(parsed, 'python'),
      warehouseType,
      workers,
      workspaceDbPath: db ? resolve(io.cwd, db) : undefined,
      signal: abort.signal,
      onOutput: (text) => (output += text),
    });
    results.push({ ...result, output });
    if (!asJson) io.stdout(describeResult(result));
  }
  const count = (status: string): number => results.filter((result) => result.status === status).length;
  const summary = `${results.length} test(s): ${count('passed')} passed, ${count('failed')} failed, ${count('errored')} errored${tests.length < runs.runs.length ? ` (${runs.runs.length - tests.length} saved run(s) without "expect" are not tests)` : ''}`;
  if (asJson) {
    io.stdout(
      JSON.stringify({
        file,
        passed: count('passed'),
        failed: count('failed'),
        errored: count('errored'),
        tests: results.map((result) => ({
          name: result.run.name,
          handler: result.run.handler ?? null,
          procedure: result.run.procedure ?? null,
          status: result.status,
          durationMs: result.durationMs,
          differences: result.check?.differences ?? [],
          expected: result.check ? JSON.parse(result.check.expectedText) : null,
          actual: result.check ? JSON.parse(result.check.actualText) : null,
          problem: result.problem ?? null,
        })),
      }) + '\n',
    );
  } else {
    io.stdout(`\n${summary}\n`);
  }
  if (junit) {
    const target = resolve(io.cwd, junit);
    writeFileSync(target, junitXml(folder, results));
    if (!asJson) io.stdout(`JUnit XML: ${target}\n`);
  }
  if (abort.signal.aborted) return 130;
  return results.every((result) => result.status === 'passed') ? 0 : 1;
}

/** PATH is a workspace folder (its .snowpark-local/runs.json) or a runs.json itself. */
function locateRunsFile(path: string): { folder: string; file: string } {
  if (existsSync(path) && statSync(path).isDirectory()) return { folder: path, file: savedRunsPathIn(path) };
  if (!path.toLowerCase().endsWith('.json')) throw new UsageError(`${path} is neither a folder nor a runs.json file.`);
  const parent = dirname(path);
  // Paths in runs.json are relative to the workspace folder: the parent of .snowpark-local/.
  return { folder: basename(parent) === '.snowpark-local' ? dirname(parent) : parent, file: path };
}
