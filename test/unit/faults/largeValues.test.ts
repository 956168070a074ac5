import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { runCli } from '../support/cliProcess';
import { faultConfig } from '../support/faultConfig';
import { useTempDirectory } from '../support/tempDirectory';

// Values of 1–64 MB through the CLI (issue 10 item 5 was quadratic framing): as a bind
// parameter, as a procedure's argument and its return, and as the handler's return value
// printed by --json. The handler builds the value itself: a command-line argument cannot
// carry it (Linux caps one argv string at 128 KiB).

const HANDLER = [
  'import hashlib',
  'def main(session, mb: int):',
  '    unit = "".join(chr(0x20 + (i * 7) % 95) for i in range(1021)) + "é✓"',
  '    value = (unit * (mb * 1024 * 1024 // len(unit) + 1))[: mb * 1024 * 1024]',
  '    bound = session.sql("select ? as v", params=[value]).collect()[0][0]',
  "    session.sql(\"create or replace procedure echo(s string) returns string language python runtime_version='3.11' handler='f' as $$\\ndef f(session, s):\\n    return s\\n$$\").collect()",
  '    called = session.call("echo", value)',
  '    assert bound == value, "the bind parameter changed"',
  '    assert called == value, "the procedure argument changed"',
  '    return value',
  '',
].join('\n');

function expected(mb: number): string {
  let unit = '';
  for (let i = 0; i < 1021; i++) unit += String.fromCharCode(0x20 + ((i * 7) % 95));
  unit += 'é✓';
  return unit.repeat(Math.floor((mb * 1024 * 1024) / unit.length) + 1).slice(0, mb * 1024 * 1024);
}

describe('faults: values of 1–64 MB as a parameter and a return value through the CLI', function () {
  const config = faultConfig();
  this.timeout(60_000 + config.valueSizesMb.reduce((sum, mb) => sum + mb * 2_000, 0));
  const files = useTempDirectory('snowpark-local-values-');

  for (const mb of config.valueSizesMb) {
    it(`${mb} MB arrives byte for byte`, async () => {
      const file = files.write('values.py', HANDLER);
      const result = await runCli(['run', file, '--db', ':memory:', '--json', '--args', JSON.stringify([mb])]);
      assert.equal(result.code, 0, result.stderr.slice(0, 2_000));
      const value = JSON.parse(result.stdout).result as string;
      const want = expected(mb);
      assert.equal(value.length, want.length);
      assert.equal(createHash('sha256').update(value).digest('hex'), createHash('sha256').update(want).digest('hex'));
      console.log(`      ${mb} MB: ${result.elapsedMs} ms`);
    });
  }
});
