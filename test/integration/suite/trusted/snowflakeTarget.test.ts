// The Snowflake target in the real extension host, against the LOCAL STAND-IN (not a real
// account): the handler's SQL goes through the bundled snowflake-sdk (dist/snowflakeSdk.js),
// which loads only now.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import type { RunOutcome } from '../../../../src/core/runner/runTypes';
import { SnowflakeStandin } from '../../../standin/snowflakeStandin';
import { activeExtension, extensionApi, fixtureUri, waitFor } from '../helpers';

describe('Snowflake target (local stand-in)', function () {
  this.timeout(120_000);
  let standin: SnowflakeStandin | undefined;
  let home: string | undefined;

  after(async () => {
    await vscode.commands.executeCommand('snowparkLocal.selectTarget', 'local');
    delete process.env.SNOWFLAKE_HOME;
    await standin?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('runs a handler whose queries go to the stand-in through the bundled snowflake-sdk', async () => {
    const api = await extensionApi();
    const root = (await activeExtension()).extensionPath;
    standin = await SnowflakeStandin.start({ users: { dev: { password: 'standin-password' } } });
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'snowpark-local-standin-home-'));
    fs.writeFileSync(
      path.join(home, 'connections.toml'),
      `[standin]\naccount = "standin"\nhost = "127.0.0.1"\nport = ${standin.port}\nprotocol = "http"\nuser = "dev"\npassword = "standin-password"\ndatabase = "LOCAL_DB"\nschema = "PUBLIC"\n`,
      { mode: 0o600 },
    );
    process.env.SNOWFLAKE_HOME = home;
    assert.strictEqual(await vscode.commands.executeCommand('snowparkLocal.selectTarget', 'standin'), 'standin');
    await waitFor('the status bar to show the target', () => api.statusBar.text.includes('standin'));

    const outcome = await vscode.commands.executeCommand<RunOutcome>('snowparkLocal.runHandler', { file: fixtureUri('jobs.py').fsPath, handler: 'await_child' });
    assert.strictEqual(outcome?.ok, true, outcome?.error?.message ?? JSON.stringify(api.commandFailures));
    assert.strictEqual(outcome.value, '42');
    assert.ok(standin.count('/session/v1/login-request') >= 1, 'logged in at the stand-in');
    assert.ok(standin.count('/queries/v1/query-request') >= 2, 'the context query and the handler\'s query went to the stand-in');
    assert.ok(require.cache[path.join(root, 'dist', 'snowflakeSdk.js')], 'the bundled snowflake-sdk is what loaded');
    assert.ok(!Object.keys(require.cache).some((file) => file.includes(`node_modules${path.sep}snowflake-sdk${path.sep}`)), 'not the package from node_modules');
  });
});
