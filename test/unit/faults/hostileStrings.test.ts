import assert from 'node:assert/strict';
import { runCli } from '../support/cliProcess';
import { useTempDirectory } from '../support/tempDirectory';

// Strings that broke argument quoting (issue 10 item 8: a trailing backslash, \', quotes
// meant as injection), and other text that must cross every argument path unchanged.
export const HOSTILE_STRINGS = [
  'a\\',
  "it\\'s",
  "x'; drop table audit; select '1",
  '\\\\',
  "''",
  '$$ not a block $$',
  '-- not a comment',
  '/* not a comment',
  '"quoted"',
  'tab\tnewline\nnul\u0000end',
  'é ✓ 𝄞',
  '',
  '?',
];

describe('faults: hostile strings round-trip through every argument path', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-local-hostile-');

  it('session.call, call_nowait, session.sql binds and run --args return each string unchanged', async () => {
    const file = files.write(
      'echo.py',
      [
        'def main(session, values: list):',
        '    session.sql("create or replace table audit (a int)").collect()',
        "    session.sql(\"create or replace procedure echo(s string) returns string language python runtime_version='3.11' handler='f' as $$\\ndef f(session, s):\\n    return s\\n$$\").collect()",
        '    jobs = [session.call_nowait("echo", s) for s in values]  # side by side',
        '    out = []',
        '    for s in values:',
        '        called = session.call("echo", s)',
        '        nowait = jobs.pop(0).result()[0][0]',
        '        bound = session.sql("select ? as v", params=[s]).collect()[0][0]',
        '        out.append([called, nowait, bound])',
        '    session.sql("select count(*) from audit").collect()  # still there',
        '    return out',
        '',
      ].join('\n'),
    );
    const result = await runCli(['run', file, '--db', ':memory:', '--json', '--args', JSON.stringify([HOSTILE_STRINGS])]);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout).result as string[][];
    assert.deepEqual(rows, HOSTILE_STRINGS.map((s) => [s, s, s]));
  });

  it('a procedure name that is not a name is refused, naming what to pass', async () => {
    const file = files.write('badname.py', 'def main(session):\n    return session.call("echo(1); drop table audit; --")\n');
    const result = await runCli(['run', file, '--db', ':memory:', '--json']);
    assert.equal(result.code, 1);
    assert.match(JSON.parse(result.stdout).error.message, /not a procedure name/);
  });
});
