// CodeLens positions on the fixture files; runs in both trust modes (lenses are shown in
// Restricted Mode too: it is running them that is refused).
import * as assert from 'assert';
import * as vscode from 'vscode';
import { codeLensesOf, fixtureUri, lensMap } from './helpers';

describe('CodeLens', () => {
  it('puts Run / Run with arguments… / Debug above each handler def in a .py file', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('jobs.py'));
    const lenses = await codeLensesOf(document.uri, 15);
    const titles = ['▶ Run locally', 'Run with arguments…', 'Debug'];
    const expected = [5, 11, 16, 21, 25].flatMap((line) => titles.map((title): [number, string] => [line, title]));
    assert.deepStrictEqual(lensMap(lenses), expected.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1])));
    const run = lenses.find((lens) => lens.range.start.line === 5 && lens.command?.title === '▶ Run locally')!;
    assert.strictEqual(run.command?.command, 'snowparkLocal.runHandler');
    assert.deepStrictEqual(run.command?.arguments?.[0], { file: document.uri.fsPath, handler: 'slow_insert' });
  });

  it('puts lenses above CREATE PROCEDURE, the handler def inside $$ and each CALL in a .sql file', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('async_child_jobs.sql'));
    assert.strictEqual(document.languageId, 'sql');
    const lenses = await codeLensesOf(document.uri, 20);
    const byLine = lensMap(lenses);
    const text = document.getText().split('\n');
    const lineOf = (pattern: RegExp, from = 0): number => text.findIndex((line, index) => index >= from && pattern.test(line));
    const create = lineOf(/^CREATE OR REPLACE PROCEDURE checkStatus/);
    const def = lineOf(/^def async_handler/, create);
    const call = lineOf(/^CALL checkStatus/);
    assert.ok(byLine.some(([line, title]) => line === create && title === '▶ Run locally'), `Run above CREATE PROCEDURE (line ${create})`);
    assert.ok(byLine.some(([line, title]) => line === create && title === 'Run with arguments…'));
    assert.ok(byLine.some(([line, title]) => line === create && title === 'Debug'), `Debug above CREATE PROCEDURE (line ${create})`);
    assert.ok(byLine.some(([line, title]) => line === def && title === 'Debug'), `Debug above the def inside $$ (line ${def})`);
    assert.ok(byLine.some(([line, title]) => line === def && title === '▶ Run locally'), `Run above the def inside $$ (line ${def})`);
    assert.ok(byLine.some(([line, title]) => line === call && title === '▶ Run CALL'), `Run CALL above CALL (line ${call})`);
    // Five procedures: two lenses above each CREATE and two above each def; six CALL statements? count them.
    const calls = text.filter((line) => /^CALL /.test(line)).length;
    assert.strictEqual(byLine.filter(([, title]) => title === '▶ Run CALL').length, calls);
    assert.strictEqual(byLine.filter(([, title]) => title === '▶ Run locally').length, 10);
    // No lens for the plain CREATE TABLE / SELECT statements.
    const table = lineOf(/^CREATE OR REPLACE TABLE/);
    assert.ok(!byLine.some(([line]) => line === table));
  });

  it('hides every lens when snowparkLocal.codeLens.enabled is false', async () => {
    const config = vscode.workspace.getConfiguration('snowparkLocal');
    await config.update('codeLens.enabled', false, vscode.ConfigurationTarget.Workspace);
    try {
      const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', fixtureUri('jobs.py'))) ?? [];
      assert.strictEqual(lenses.filter((lens) => lens.command?.command.startsWith('snowparkLocal.')).length, 0);
    } finally {
      await config.update('codeLens.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });
});
