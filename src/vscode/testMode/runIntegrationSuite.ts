// TEST-ONLY. Runs the compiled integration suite with mocha inside whatever VS Code hosts
// the extension (code-server here, @vscode/test-electron elsewhere) and reports the outcome
// as a JSON file, because a browser-hosted extension host has no stdout anyone can read.
// Nothing here runs unless SNOWPARK_LOCAL_TEST_MODE=integration.
import * as fs from 'fs';
import * as path from 'path';
import { createRequire } from 'module';
import { format } from 'util';
import { findFiles } from './miniGlob';

export interface SuiteResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  failureDetails: { title: string; message: string }[];
  /** The spec reporter's text, exactly as mocha would print it. */
  report: string;
  /** Set when the suite could not run at all (no files, mocha missing, crash). */
  error?: string;
}

export interface SuiteOptions {
  /** Folder whose node_modules holds mocha (the extension folder). */
  extensionRoot: string;
  /** Absolute glob(s) of compiled test files, separated by ';'. */
  glob: string;
  grep?: string;
  timeoutMs?: number;
}

type ConsoleLog = (...args: unknown[]) => void;

const FIGURES_SUITES = '(figures)';

export async function runMochaSuite(options: SuiteOptions): Promise<SuiteResults> {
  // A computed require keeps esbuild from bundling mocha: it is loaded from the
  // extension folder's node_modules at run time, and only in test mode.
  const requireFromExtension = createRequire(path.join(options.extensionRoot, 'package.json'));
  const MochaClass = requireFromExtension('mocha') as typeof Mocha;
  const base = MochaClass.reporters.Base as unknown as { consoleLog: ConsoleLog };
  const lines: string[] = [];
  const originalLog = base.consoleLog;
  base.consoleLog = (...args: unknown[]) => lines.push(format(...args));

  const mocha = new MochaClass({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: options.timeoutMs ?? 20_000,
    // Without a grep, the "(figures)" suites (benchmarks: bench/extensionHost, clickToFirstLine)
    // stay out: they measure, assert no speed, and take minutes on a loaded machine.
    grep: options.grep ?? FIGURES_SUITES,
    invert: options.grep === undefined,
  });
  const files = findFiles(options.glob);
  files.forEach((file) => mocha.addFile(file));
  const started = Date.now();
  try {
    if (files.length === 0) throw new Error(`no test files match ${options.glob}`);
    const failureDetails: SuiteResults['failureDetails'] = [];
    const stats = await new Promise<Mocha.Stats>((resolve) => {
      const runner = mocha.run(() => resolve(runner.stats ?? emptyStats()));
      runner.on('fail', (test, err: Error) =>
        failureDetails.push({ title: test.fullTitle(), message: String(err?.message ?? err) }),
      );
    });
    return {
      passes: stats.passes,
      failures: stats.failures,
      pending: stats.pending,
      durationMs: Date.now() - started,
      failureDetails,
      report: lines.join('\n'),
    };
  } catch (err) {
    const message = err instanceof Error ? err.stack ?? err.message : String(err);
    return {
      passes: 0,
      failures: 1,
      pending: 0,
      durationMs: Date.now() - started,
      failureDetails: [{ title: 'integration suite', message }],
      report: lines.join('\n'),
      error: message,
    };
  } finally {
    base.consoleLog = originalLog;
  }
}

/** Entry used by activate() in test mode: configuration comes from the environment. */
export async function runIntegrationSuiteFromEnv(extensionRoot: string): Promise<void> {
  const resultsFile = process.env.SNOWPARK_LOCAL_TEST_RESULTS;
  const glob = process.env.SNOWPARK_LOCAL_TEST_GLOB;
  const results: SuiteResults =
    resultsFile && glob
      ? await runMochaSuite({ extensionRoot, glob, grep: process.env.SNOWPARK_LOCAL_TEST_GREP })
      : failedToStart('SNOWPARK_LOCAL_TEST_RESULTS and SNOWPARK_LOCAL_TEST_GLOB must both be set');
  if (!resultsFile) return;
  // Write then rename, so the launcher never reads a half-written file.
  const partial = `${resultsFile}.partial`;
  fs.writeFileSync(partial, JSON.stringify(results, null, 2));
  fs.renameSync(partial, resultsFile);
}

function failedToStart(error: string): SuiteResults {
  return {
    passes: 0, failures: 1, pending: 0, durationMs: 0,
    failureDetails: [{ title: 'integration suite', message: error }], report: '', error,
  };
}

function emptyStats(): Mocha.Stats {
  return { suites: 0, tests: 0, passes: 0, pending: 0, failures: 0 };
}
