import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../support/cliProcess';

// The shim's own unittest suite (test/python) and one real run, under every Python that
// Snowflake offers (3.9–3.13) found on this machine — pyenv's versions, Debian's
// /usr/bin/python3 (which carries joblib, cloudpickle and pandas) and python3 on PATH.
const SNOWFLAKE_MINORS = [9, 10, 11, 12, 13];

function pythonsHere(): string[] {
  const pyenvVersions = join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions');
  const pyenv = existsSync(pyenvVersions)
    ? readdirSync(pyenvVersions)
        .filter((version) => SNOWFLAKE_MINORS.some((minor) => version.startsWith(`3.${minor}.`)))
        .map((version) => join(pyenvVersions, version, 'bin', 'python3'))
        .filter((path) => existsSync(path))
    : [];
  const candidates = ['python3', '/usr/bin/python3', ...pyenv].filter((python) => python === 'python3' || existsSync(python));
  // pyenv's python3 may be one of its versions: run each interpreter once.
  const seen = new Set<string>();
  return candidates.filter((python) => {
    const real = python === 'python3' ? realPython('python3') : realpathSync(python);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

function realPython(command: string): string {
  const probe = spawnSync(command, ['-c', 'import os, sys; print(os.path.realpath(sys.executable))'], { encoding: 'utf8' });
  return probe.stdout.trim() || command;
}

function versionOf(python: string): string {
  return spawnSync(python, ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' }).stdout.trim();
}

describe('Python shim under every Snowflake Python version here', function () {
  this.timeout(180_000);
  const pythons = pythonsHere();

  it('finds more than one interpreter to test with (pyenv keeps 3.9–3.13 on these machines)', function () {
    if (!existsSync(join(process.env.PYENV_ROOT || join(homedir(), '.pyenv'), 'versions'))) this.skip();
    const versions = new Set(pythons.map(versionOf));
    assert.ok(versions.size >= 3, `versions found: ${[...versions].join(', ')}`);
  });

  for (const python of pythons) {
    const label = `${python} (${versionOf(python)})`;

    it(`unittest suite passes under ${label}`, () => {
      const result = spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'test/python', '-t', '.'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
      });
      const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-25).join('\n');
      assert.equal(result.status, 0, tail);
      assert.match(result.stderr, /^Ran [1-9]\d* tests?/m, 'the suite ran tests');
      assert.match(result.stderr, /^OK/m, tail);
    });

    it(`runs a DataFrame handler end to end under ${label}`, async () => {
      const run = await runCli(['run', join(repoRoot, 'examples', 'handlers', 'dataframe_orders.py'), '--args', '[10]', '--db', ':memory:', '--python', python, '--json']);
      assert.equal(run.code, 0, run.stderr);
      const summary = JSON.parse(run.stdout) as { result: unknown; error: unknown };
      assert.equal(summary.error, null);
      assert.equal(summary.result, "3 customers above 10");
    });
  }
});
