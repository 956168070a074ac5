import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnowflakeStandin } from '../../standin/snowflakeStandin';
import { CliResult, runCli } from '../support/cliProcess';

// The CLI's Snowflake paths against the LOCAL STAND-IN (not a real account), with a
// sentinel password: whatever happens (listing, a good and a failing login, failing
// queries, --json), the sentinel never reaches stdout or stderr.
const SENTINEL = 'S3ntinel-Pa55w0rd-XYZ';

describe('snowpark-local connections / --connection / deploy against the local stand-in (not a real account)', function () {
  this.timeout(120_000);
  let standin: SnowflakeStandin;
  let home: string;
  const outputs: Array<{ args: string[]; result: CliResult }> = [];

  const run = async (args: string[], cwd = home): Promise<CliResult> => {
    const result = await runCli(args, { cwd, env: { SNOWFLAKE_HOME: join(home, 'sf'), SNOWFLAKE_DEFAULT_CONNECTION_NAME: '' } });
    outputs.push({ args, result });
    return result;
  };

  before(async () => {
    standin = await SnowflakeStandin.start({ users: { dev: { password: SENTINEL } }, echoPasswordOnFailedLogin: true });
    home = mkdtempSync(join(tmpdir(), 'snowpark-local-sf-'));
    const sf = join(home, 'sf');
    require('node:fs').mkdirSync(sf);
    const common = `account = "standin"\nhost = "127.0.0.1"\nport = ${standin.port}\nprotocol = "http"\ndatabase = "LOCAL_DB"\nschema = "PUBLIC"\n`;
    writeFileSync(
      join(sf, 'connections.toml'),
      `[standin]\n${common}user = "dev"\npassword = "${SENTINEL}"\nwarehouse = "DEV_WH"\nrole = "DEV_ROLE"\n\n` +
        `[wrong]\n${common}user = "nobody"\npassword = "${SENTINEL}"\n`,
    );
    chmodSync(join(sf, 'connections.toml'), 0o644); // so the permission warning path runs too
    writeFileSync(
      join(home, 'handler.py'),
      '# packages: snowflake-snowpark-python\n' +
        'def main(session, n: int) -> str:\n' +
        '    job = session.sql("select system$wait(1)").collect_nowait()\n' +
        '    rows = session.sql(f"select {n} * 2 as doubled").collect()\n' +
        '    return f"{rows[0][\'DOUBLED\']} {job.result()[0][0]}"\n',
    );
    writeFileSync(join(home, 'failing.py'), 'def main(session):\n    return session.sql("select * from no_such_table").collect()\n');
  });
  after(async () => {
    await standin?.close();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('connections list shows names, accounts and users, and warns about file permissions', async () => {
    const text = await run(['connections', 'list']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /standin\s+standin\s+dev/);
    assert.match(text.stdout, /wrong\s+standin\s+nobody/);
    assert.match(text.stderr, /Bad permissions .*chmod 0600/);
    const json = await run(['connections', 'list', '--json']);
    const listed = JSON.parse(json.stdout);
    assert.deepEqual(listed.connections.map((c: { name: string; user: string }) => [c.name, c.user]), [['standin', 'dev'], ['wrong', 'nobody']]);
  });

  it('connections test logs in and reports the session; a failing login exits 1 with the service error', async () => {
    const ok = await run(['connections', 'test', 'standin']);
    assert.equal(ok.code, 0, ok.stderr);
    assert.match(ok.stdout, /Connection 'standin' works: .*role DEV_ROLE, warehouse DEV_WH/);
    const okJson = JSON.parse((await run(['connections', 'test', 'standin', '--json'])).stdout);
    assert.equal(okJson.ok, true);
    assert.equal(okJson.session.warehouse, 'DEV_WH');

    const failed = await run(['connections', 'test', 'wrong']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /390100 \(08004\): Incorrect username or password was specified/);
    assert.match(failed.stderr, /\*\*\*/, 'the password the service echoed back is scrubbed');
    const failedJson = JSON.parse((await run(['connections', 'test', 'wrong', '--json'])).stdout);
    assert.equal(failedJson.ok, false);
    assert.equal(failedJson.error.errorCode, '390100');
  });

  it('sql --connection runs on the stand-in; a failing query reports Snowflake code and the real query id', async () => {
    const ok = await run(['sql', '-e', 'select 40 + 2 as answer', '--connection', 'standin', '--json']);
    assert.equal(ok.code, 0, ok.stderr);
    const [line] = ok.stdout.trim().split('\n').map((text) => JSON.parse(text));
    assert.deepEqual(line.rows, [{ ANSWER: 42 }]);
    assert.ok(standin.jobs.get(line.queryId), 'the printed query id is the service’s own');

    const failed = await run(['sql', '-e', `select * from "${SENTINEL}"`, '--connection', 'standin']);
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /\d{6} \([0-9A-Z]{5}\)/);
    const failedJson = await run(['sql', '-e', 'select * from no_such_table', '--connection', 'standin', '--json']);
    assert.equal(failedJson.code, 1);
    assert.ok(JSON.parse(failedJson.stdout.trim()).error.errorCode);
  });

  it('run --connection runs a handler whose SQL goes to the stand-in, with real query ids in --json', async () => {
    const ok = await run(['run', 'handler.py', '--args', '[21]', '--connection', 'standin', '--json', '--db', ':memory:']);
    assert.equal(ok.code, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout);
    assert.equal(summary.result, '42 waited 1 seconds');
    for (const job of summary.jobs) assert.ok(standin.jobs.get(job.queryId), `${job.queryId} is a stand-in query id`);
    const failed = await run(['run', 'failing.py', '--connection', 'standin', '--db', ':memory:']);
    assert.equal(failed.code, 1);
    const failedJson = await run(['run', 'failing.py', '--connection', 'standin', '--db', ':memory:', '--json']);
    assert.equal(failedJson.code, 1);
    assert.match(JSON.parse(failedJson.stdout).error.message, /\d{6} \([0-9A-Z]{5}\)/);
    const badLogin = await run(['run', 'handler.py', '--args', '[1]', '--connection', 'wrong', '--db', ':memory:']);
    assert.equal(badLogin.code, 1);
    assert.match(badLogin.stderr, /Cannot connect with 'wrong'/);
  });

  it('a login through the bundled SDK sends no minicore_error telemetry (a stack trace with local paths)', () => {
    // The logins of the tests above went through dist/snowflakeSdk.js, which cannot load the
    // SDK's native minicore; each used to report that failure with its stack.
    assert.ok(standin.count('/session/v1/login-request') >= 3);
    assert.ok(standin.telemetryTypes.length > 0, 'the driver still sends its other telemetry');
    assert.deepEqual(standin.telemetryTypes.filter((type) => type === 'minicore_error'), []);
  });

  it('deploy --dry-run prints the procedure; deploy --connection creates it on the account', async () => {
    const dry = await run(['deploy', 'handler.py', '--procedure', 'DOUBLE_IT', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^CREATE OR REPLACE PROCEDURE DOUBLE_IT\(n INT\)\nRETURNS VARCHAR\nLANGUAGE PYTHON/);
    assert.match(dry.stdout, /HANDLER = 'main'\nAS \$\$\n# packages/);
    const deployed = await run(['deploy', 'handler.py', '--procedure', 'DOUBLE_IT', '--connection', 'standin', '--json']);
    assert.equal(deployed.code, 0, deployed.stderr);
    const answer = JSON.parse(deployed.stdout);
    assert.equal(answer.deployed, true);
    assert.match(answer.status, /DOUBLE_IT successfully created/);
    const failed = await run(['deploy', 'handler.py', '--procedure', 'DOUBLE_IT', '--connection', 'wrong']);
    assert.equal(failed.code, 1);
  });

  it('the sentinel password appeared in no output of any of the runs above', () => {
    assert.ok(outputs.length >= 15, `ran ${outputs.length} commands`);
    for (const { args, result } of outputs) {
      assert.ok(!result.stdout.includes(SENTINEL), `stdout of ${args.join(' ')} leaked the password`);
      assert.ok(!result.stderr.includes(SENTINEL), `stderr of ${args.join(' ')} leaked the password`);
    }
  });
});
