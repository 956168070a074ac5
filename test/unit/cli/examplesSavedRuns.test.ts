import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, runCli } from '../support/cliProcess';

// The bundled examples carry saved runs with expectations (the Testing view shows them under
// `npm start`, `npm run demo` runs them): they must keep passing as the examples change.
describe('the examples\' saved runs', function () {
  this.timeout(120_000);

  it('all pass through snowpark-local test', async () => {
    const result = await runCli(['test', join(repoRoot, 'examples'), '--json']);
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    const summary = JSON.parse(result.stdout) as { passed: number; failed: number; errored: number; tests: Array<{ name: string; status: string }> };
    assert.deepEqual(
      summary.tests.map((test) => [test.name, test.status]),
      [
        ['orders above 10', 'passed'],
        ['orders above 50', 'passed'],
        ['top 2 customers', 'passed'],
        ['one-second wait', 'passed'],
        ['division by zero', 'passed'],
      ],
    );
  });
});
