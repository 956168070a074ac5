import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cliPath, runCli } from '../support/cliProcess';
import { useTempDirectory } from '../support/tempDirectory';

// Issue 10 item 9: each failure says what happened, where and what to do, with the exit code
// the README promises (0 ok, 1 failed, 2 usage, 130 cancelled), and --json always prints.
describe('faults: exit codes and messages', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-local-exits-');

  it('a worksheet cancelled by SIGINT exits 130, its running statement cancelled', async () => {
    const file = files.write('wait.sql', 'select 1 as one;\nselect system$wait(30);\nselect 3;\n');
    const cli = spawn(process.execPath, [cliPath, 'sql', file, '--db', ':memory:', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    const code = new Promise<number | null>((resolve) => cli.once('close', resolve));
    // Wait for the state we need: the first statement has printed, so the wait is next.
    await new Promise<void>((resolve) =>
      cli.stdout.setEncoding('utf8').on('data', (text: string) => {
        stdout += text;
        if (stdout.includes('\n')) resolve();
      }),
    );
    const signalledAt = Date.now();
    cli.kill('SIGINT');
    assert.equal(await code, 130);
    assert.ok(Date.now() - signalledAt < 10_000, 'the wait was cancelled, not waited out');
    const statements = stdout.trim().split('\n').map((line) => JSON.parse(line));
    assert.deepEqual(statements[0].rows, [{ ONE: 1 }]);
    assert.ok(!statements.some((statement) => statement.statement === 'select 3'), 'nothing after the cancel ran');
  });

  it('a lone surrogate in a return value is the handler\'s error, not a crash of the shim', async () => {
    const file = files.write('surrogate.py', 'def main(session):\n    return "bad \\udc00 text"\n');
    const result = await runCli(['run', file, '--db', ':memory:', '--json']);
    assert.equal(result.code, 1);
    const { error } = JSON.parse(result.stdout);
    assert.equal(error.kind, 'handler');
    assert.match(error.message, /return value cannot be sent: a string holds the lone surrogate '\\udc00'/);
    assert.match(error.message, /errors='replace'/, 'says what to do');
    assert.doesNotMatch(result.stderr + result.stdout, /before the handler returned|bootstrap\.py/);
  });

  it('a lone surrogate passed to session.sql is raised at the handler\'s line', async () => {
    const file = files.write('surrogate_param.py', 'def main(session):\n    x = "\\udc00"\n    return session.sql("select ?", params=[x]).collect()\n');
    const result = await runCli(['run', file, '--db', ':memory:']);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /lone surrogate/);
    assert.match(result.stderr, /surrogate_param\.py:3/);
  });

  for (const argv of [['run', '--json'], ['sql', '--json'], ['run', 'x.py', '--bogus', '--json'], ['sql', '-e', 'select 1', '--connection', 'nosuch', '--json']]) {
    it(`--json prints its object even for ${argv.join(' ')}`, async () => {
      const result = await runCli(argv, { env: { SNOWFLAKE_HOME: '/nonexistent-snowflake-home' } });
      assert.ok(result.code === 1 || result.code === 2, `exit ${result.code}`);
      const printed = JSON.parse(result.stdout);
      assert.equal(printed.error.kind, result.code === 2 ? 'usage' : 'startup');
      assert.ok(printed.error.message.length > 10);
    });
  }
});
