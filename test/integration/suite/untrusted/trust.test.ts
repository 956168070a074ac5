// Launched with workspace trust on and a fresh profile: restricted mode. Handler code and
// worksheets must never run here; every run command says why.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { extensionApi, fixtureUri } from '../helpers';

describe('untrusted workspace', () => {
  it('reports the workspace as untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });

  const refusals: Array<[string, unknown[]]> = [
    ['snowparkLocal.runHandler', [{ file: 'JOBS', handler: 'await_child' }]],
    ['snowparkLocal.runHandlerWithArguments', [{ file: 'JOBS', handler: 'many_jobs', args: [1] }]],
    ['snowparkLocal.debugHandler', [{ file: 'JOBS', handler: 'await_child' }]],
    ['snowparkLocal.runWorksheet', ['WORKSHEET']],
    ['snowparkLocal.runCallStatement', [{ file: 'WORKSHEET', statement: 'CALL leaveJobs()', line: 72 }]],
    ['snowparkLocal.rerunLastRun', []],
    ['snowparkLocal.openLocalDatabase', ['select 1']],
  ];
  for (const [command, rawArgs] of refusals) {
    it(`${command} refuses and explains Restricted Mode; nothing runs`, async () => {
      const api = await extensionApi();
      const args = rawArgs.map((arg) => {
        const fix = (value: unknown): unknown => (value === 'JOBS' ? fixtureUri('jobs.py').fsPath : value === 'WORKSHEET' ? fixtureUri('async_child_jobs.sql') : value);
        if (arg && typeof arg === 'object') return Object.fromEntries(Object.entries(arg).map(([key, value]) => [key, key === 'file' && value === 'WORKSHEET' ? fixtureUri('async_child_jobs.sql').fsPath : fix(value)]));
        return fix(arg);
      });
      const before = api.commandFailures.length;
      const result = await vscode.commands.executeCommand(command, ...args);
      assert.strictEqual(result, undefined);
      assert.match(api.commandFailures[before]?.message ?? '', /untrusted workspace \(Restricted Mode\)/);
      assert.strictEqual(api.runtimes.all.length, 0, 'no runtime (no DuckDB, no Python) was opened');
      assert.strictEqual(api.jobsTree.getChildren().length, 0);
    });
  }

  it('starts no warm interpreter, even for an open Python file', async () => {
    const api = await extensionApi();
    const document = await vscode.workspace.openTextDocument(fixtureUri('warm_start.py'));
    await vscode.window.showTextDocument(document);
    await api.runs.warm.prepareFor(document);
    assert.strictEqual(await api.runs.warm.waitingProcess(), undefined);
    assert.strictEqual(await api.runs.warm.take({ python: undefined, cwd: fixtureUri('.').fsPath }), undefined);
    assert.strictEqual(await api.runs.warm.waitingProcess(), undefined);
  });

  it('still shows the jobs view and the status bar', async () => {
    const api = await extensionApi();
    assert.match(api.statusBar.text, /Local \(DuckDB\)/);
  });
});
