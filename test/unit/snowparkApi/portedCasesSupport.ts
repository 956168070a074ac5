import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { untag } from '../../../src/core/runner/taggedValues';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';

export interface PortedRunTarget {
  /** Appears in each describe title: which engine the cases ran on. */
  label: string;
  open(): Promise<{ runtime: SnowparkRuntime; close(): Promise<void> }>;
  /** Module file names to run; all of them when absent. */
  modules?: string[];
}

// snowpark-python's own integration tests, ported to test/snowpark_api/cases/test_<area>.py
// (each case says which upstream test it comes from). Every module runs once, in one handler
// run (test/snowpark_api/run_cases.py) on a fresh in-memory DuckDB database, and each of its
// cases becomes one `it` here. Cases marked @known_difference("…") still run and are reported
// as pending with their reason, until one passes: then its test fails until the marker goes. PORTED_CASES=test_column,test_function runs only those modules.

const repoRoot = join(__dirname, '..', '..', '..', '..');
const casesDir = join(repoRoot, 'test', 'snowpark_api', 'cases');
const runner = join(repoRoot, 'test', 'snowpark_api', 'run_cases.py');

interface CaseSpec {
  name: string;
  knownDifference?: string;
}

type CaseOutcome = null | string | { skipped: string } | { known_difference: string; error: string | null };

/** The cases of a module, in source order, read synchronously so that mocha can declare them. */
export function casesOf(source: string): CaseSpec[] {
  const cases: CaseSpec[] = [];
  let pendingReason: string | undefined;
  for (const line of source.split(/\r?\n/)) {
    const marked = /^@known_difference\(\s*(?:r?"((?:[^"\\]|\\.)*)"|r?'((?:[^'\\]|\\.)*)')/.exec(line);
    if (marked) {
      pendingReason = marked[1] ?? marked[2];
      continue;
    }
    const defined = /^def (test_\w+)\(/.exec(line);
    if (defined) {
      cases.push({ name: defined[1], knownDifference: pendingReason });
      pendingReason = undefined;
    } else if (!line.startsWith('@') && line.trim() !== '' && !line.startsWith('#')) {
      pendingReason = undefined;
    }
  }
  return cases;
}

const onlyFromEnv = (process.env.PORTED_CASES ?? '')
  .split(',')
  .map((name) => name.trim().replace(/\.py$/, ''))
  .filter(Boolean);
function moduleFiles(only: string[]): string[] {
  return existsSync(casesDir)
    ? readdirSync(casesDir)
        .filter((file) => /^test_\w+\.py$/.test(file))
        .filter((file) => only.length === 0 || only.includes(file.replace(/\.py$/, '')))
        .sort()
    : [];
}

/** One describe per module, one it per case, on the runtime the target opens. */
export function declarePortedCases(target: PortedRunTarget): void {
for (const file of moduleFiles(onlyFromEnv.length ? onlyFromEnv : (target.modules ?? []))) {
  const modulePath = join(casesDir, file);
  const cases = casesOf(readFileSync(modulePath, 'utf8'));

  describe(`ported snowpark-python cases${target.label}: ${file}`, function () {
    this.timeout(60_000);
    let runtime: SnowparkRuntime | undefined;
    let close: (() => Promise<void>) | undefined;
    let results: Record<string, CaseOutcome> = {};
    let runFailure: string | undefined;

    before(async function () {
      this.timeout(20 * 60_000);
      ({ runtime, close } = await target.open());
      const outcome = await runtime.runner.start({
        handler: 'main',
        module: { kind: 'file', path: runner },
        args: [modulePath],
        returnType: 'VARIANT',
      }).outcome;
      if (!outcome.ok) {
        runFailure = `the case runner failed: ${outcome.error?.message}\n${outcome.error?.traceback ?? ''}`;
        return;
      }
      results = (untag(outcome.value ?? null) ?? {}) as Record<string, CaseOutcome>;
      const importError = results.__import__;
      if (typeof importError === 'string') runFailure = `${file} did not import:\n${importError}`;
    });

    after(() => close?.());

    for (const spec of cases) {
      it(spec.name, function () {
        if (runFailure) throw new Error(runFailure);
        if (!(spec.name in results)) throw new Error(`${spec.name} did not run (not a top-level function of ${file}?)`);
        const outcome = results[spec.name];
        // A known difference still runs: once it passes, its marker must go, so the fix shows.
        if (outcome !== null && typeof outcome === 'object' && 'known_difference' in outcome && outcome.error === null) {
          throw new Error(`${spec.name} now passes; remove its @known_difference marker (${outcome.known_difference})`);
        }
        if (spec.knownDifference !== undefined) {
          this.test!.title = `${spec.name} — known difference: ${spec.knownDifference}`;
          this.skip();
        }
        if (outcome === null) return;
        if (typeof outcome === 'string') {
          const error = new Error(`${file}::${spec.name} failed`);
          error.stack = `${file}::${spec.name}\n${outcome}`;
          throw error;
        }
        if ('skipped' in outcome) {
          this.test!.title = `${spec.name} — skipped: ${outcome.skipped}`;
          this.skip();
        }
        if ('known_difference' in outcome) {
          this.test!.title = `${spec.name} — known difference: ${outcome.known_difference}`;
          this.skip();
        }
      });
    }
  });
}
}

