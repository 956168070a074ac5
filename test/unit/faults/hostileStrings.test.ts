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

  // Every string is its own argument of one CALL (13 arguments, each bound on its own), so
  // a run starts 3 procedure processes, not 26: the test took 12–29 s one call per string.
  it('session.call, call_nowait, session.sql binds and run --args return each string unchanged', async () => {
    const params = HOSTILE_STRINGS.map((_, i) => `s${i} string`).join(', ');
    const names = HOSTILE_STRINGS.map((_, i) => `s${i}`).join(', ');
    const file = files.write(
      'echo.py',
      [
        'import json',
        'def main(session, values: list):',
        '    session.sql("create or replace table audit (a int)").collect()',
        `    session.sql("create or replace procedure echo_all(${params}) returns array language python runtime_version='3.11' handler='f' as $$\\ndef f(session, ${names}):\\n    return [${names}]\\n$$").collect()`,
        "    session.sql(\"create or replace procedure echo(s string) returns string language python runtime_version='3.11' handler='f' as $$\\ndef f(session, s):\\n    return s\\n$$\").collect()",
        '    job = session.call_nowait("echo_all", *values)  # side by side with the blocking call',
        '    called = session.call("echo_all", *values)',
        '    nowait = job.result()[0][0]',
        '    nowait = json.loads(nowait) if isinstance(nowait, str) else nowait',
        '    called = json.loads(called) if isinstance(called, str) else called',
        '    joined = session.call("echo", "|".join(values))  # a STRING return carries them all',
        '    bound = [session.sql("select ? as v", params=[s]).collect()[0][0] for s in values]',
        '    session.sql("select count(*) from audit").collect()  # still there',
        '    return [[called[i], nowait[i], bound[i]] for i in range(len(values))] + [joined]',
        '',
      ].join('\n'),
    );
    const result = await runCli(['run', file, '--db', ':memory:', '--json', '--args', JSON.stringify([HOSTILE_STRINGS])]);
    assert.equal(result.code, 0, result.stderr);
    const rows = JSON.parse(result.stdout).result as unknown[];
    assert.deepEqual(rows.slice(0, -1), HOSTILE_STRINGS.map((s) => [s, s, s]));
    assert.equal(rows[rows.length - 1], HOSTILE_STRINGS.join('|'));
  });

  it('a procedure name that is not a name is refused, naming what to pass', async () => {
    const file = files.write('badname.py', 'def main(session):\n    return session.call("echo(1); drop table audit; --")\n');
    const result = await runCli(['run', file, '--db', ':memory:', '--json']);
    assert.equal(result.code, 1);
    assert.match(JSON.parse(result.stdout).error.message, /not a procedure name/);
  });
});
