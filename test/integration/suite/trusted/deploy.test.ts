// Deploy Procedure: the statement it would send, and the clear refusal without a connection.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DeployPlan } from '../../../../src/core/engine/snowflake/deploySql';
import { extensionApi, fixtureUri } from '../helpers';

describe('Deploy Procedure (trusted workspace)', function () {
  this.timeout(60_000);

  it('builds CREATE OR REPLACE PROCEDURE from a worksheet procedure, body and PACKAGES included', async () => {
    const plan = await vscode.commands.executeCommand<DeployPlan>('snowparkLocal.deployProcedure', {
      uri: fixtureUri('async_child_jobs.sql'),
      procedure: 'checkStatus',
      dryRun: true,
    });
    assert.ok(plan, 'a plan');
    assert.match(plan.sql, /^CREATE OR REPLACE PROCEDURE checkStatus\(\)/);
    assert.match(plan.sql, /AS \$\$\ndef async_handler\(session\):/);
    assert.deepStrictEqual(plan.packages, ['snowflake-snowpark-python']);
  });

  it('builds one from a .py handler, with its signature and snowflake-snowpark-python', async () => {
    const plan = await vscode.commands.executeCommand<DeployPlan>('snowparkLocal.deployProcedure', {
      uri: fixtureUri('jobs.py'),
      handler: 'many_jobs',
      procedure: 'MANY_JOBS',
      dryRun: true,
    });
    assert.ok(plan, 'a plan');
    assert.match(plan.sql, /CREATE OR REPLACE PROCEDURE MANY_JOBS\(n INT\)/);
    assert.match(plan.sql, /HANDLER = 'many_jobs'/);
  });

  it('says what to do when no Snowflake connection is configured', async () => {
    const api = await extensionApi();
    const before = api.commandFailures.length;
    process.env.SNOWFLAKE_HOME = fixtureUri('no-such-snowflake-home').fsPath;
    try {
      await vscode.commands.executeCommand('snowparkLocal.deployProcedure', { uri: fixtureUri('async_child_jobs.sql'), procedure: 'checkStatus' });
    } finally {
      delete process.env.SNOWFLAKE_HOME;
    }
    assert.match(api.commandFailures[before]?.message ?? '', /no connections\.toml at .*no-such-snowflake-home.*--dry-run/s);
  });
});
