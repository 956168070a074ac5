import assert from 'node:assert/strict';
import { SessionState } from '../../../src/core/jobs/queryExecutor';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { runCli } from '../support/cliProcess';
import { openMemoryRuntime, onlyCell, runSql } from '../support/runtimeFixture';
import { useTempDirectory } from '../support/tempDirectory';

describe('faults: one complete statement per call', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  const files = useTempDirectory('snowpark-local-guards-');
  before(async () => (runtime = await openMemoryRuntime()));
  after(async () => runtime.dispose());

  // Issue 10 item 6: `x'; drop table audit; select '1` formatted into SQL dropped `audit`.
  it('refuses several statements in one call with Snowflake 000008, running none of them', async () => {
    await runSql(runtime, 'create or replace table audit (a int); insert into audit values (1)');
    const x = "x'; drop table audit; select '1";
    // A handler's session.sql sends the formatted text whole (a worksheet would split it).
    const session = runtime.runner.sessionContext;
    const id = runtime.executor.submit({ runId: 'r', parentId: 'r', sql: `select '${x}'`, session: new SessionState(session), async: false });
    await assert.rejects(runtime.executor.wait(id), (error: Error & { errorCode?: string; sqlState?: string }) => {
      assert.equal(error.errorCode, '000008');
      assert.equal(error.sqlState, '0A000');
      assert.match(error.message, /Actual statement count 3 did not match the desired statement count 1/);
      assert.match(error.message, /once per statement/);
      return true;
    });
    assert.equal(runtime.executor.status(id), 'FAILED_WITH_ERROR');
    assert.equal(onlyCell((await runSql(runtime, 'select count(*) from audit'))[0]), 1, 'audit is still there');
  });

  it('accepts one statement with a trailing semicolon and semicolons inside literals and comments', async () => {
    const result = await runtime.executor.run({
      runId: 'r',
      parentId: 'r',
      sql: "select 'a;b' as x /* ; */ -- ;\n;",
      session: new SessionState(runtime.runner.sessionContext),
    });
    assert.equal(result.data[0][0], 'a;b');
  });

  // Issue 10 items 7 and 9: an unterminated $$ swallowed the rest of the file and exited 0;
  // an unterminated string was reported as `syntax error at or near "AS"`.
  const unterminated: Array<[string, string, RegExp]> = [
    ['dollar', "select 1;\n\ncreate or replace procedure p() returns int language python runtime_version='3.11' handler='f' as $$\ndef f(s):\n    return 1\n;select 2;\n", /Unterminated \$\$ block starting at .*dollar\.sql:3.*Close it with \$\$/s],
    ['quote', "select 1;\nselect 'abc as x;\nselect 3;\n", /Unterminated string literal starting at .*quote\.sql:2.*Close it with '/s],
    ['comment', 'select 1;\nselect 2 /* a comment\nselect 3;\n', /Unterminated \/\* comment starting at .*comment\.sql:2.*Close it with \*\//s],
    ['ident', 'select 1;\n\n\nselect "abc from t;\n', /Unterminated quoted identifier starting at .*ident\.sql:4/s],
  ];
  for (const [name, text, message] of unterminated) {
    it(`an unterminated ${name} fails the worksheet at the line it starts, after what came before ran`, async () => {
      const file = files.write(`${name}.sql`, text);
      const result = await runCli(['sql', file, '--db', ':memory:', '--json']);
      assert.equal(result.code, 1, result.stderr);
      const statements = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
      const last = statements.pop();
      assert.ok(statements.length >= 1 && statements.every((statement) => statement.error === null), 'what came before ran');
      assert.equal(last.error.errorCode, '001003');
      assert.match(last.error.message, message);
    });
  }
});
