import assert from 'node:assert/strict';
import { useTempDirectory } from '../support/tempDirectory';
import { runCli } from '../support/cliProcess';

// Issue 10 item 3: process.exit() ran before stdout drained, so a pipe saw 64 KiB of a
// 1.5 MB --json result (exit code 0) and a 5 MB handler print arrived as 2-3 MB.
describe('faults: every byte of output reaches a pipe before the CLI exits', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-local-flood-');

  it('sql --json of 100,000 rows arrives whole through a pipe', async () => {
    const result = await runCli(['sql', '-e', 'select range from range(100000)', '--db', ':memory:', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 1);
    const statement = JSON.parse(lines[0]);
    assert.equal(statement.rows.length, 100_000);
    assert.deepEqual(statement.rows[99_999], { RANGE: 99_999 });
  });

  it('a 5 MB handler print and the result after it arrive whole and in order', async () => {
    const file = files.write('flood.py', 'def main(session):\n    print("a" * (5 * 1024 * 1024) + "|end-of-print")\n    return "done"\n');
    const result = await runCli(['run', file, '--db', ':memory:']);
    assert.equal(result.code, 0, result.stderr);
    const printed = result.stdout.indexOf('|end-of-print');
    assert.equal(printed, 5 * 1024 * 1024, 'the whole print, nothing lost');
    assert.match(result.stdout.slice(printed), /done/, 'the result follows the print');
  });
});
