import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { repoRoot } from '../support/cliProcess';

// The shim's own unittest suite (test/python), under every interpreter a user may have:
// the one on PATH and Debian's, which carries joblib and cloudpickle.
const interpreters = ['python3', '/usr/bin/python3'].filter((python) => python === 'python3' || existsSync(python));

describe('Python shim unittest suite', function () {
  this.timeout(180_000);
  for (const python of interpreters) {
    it(`passes under ${python}`, () => {
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
  }
});
