// Proves the harness: runs in every launch mode (trusted and restricted).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, codeLensesOf, fixtureUri, workspaceFolder } from './helpers';

describe('harness smoke', () => {
  it('activates the extension', async () => {
    const extension = await activeExtension();
    assert.strictEqual(extension.isActive, true);
  });

  it('runs a command the extension registers', async () => {
    const version = await vscode.commands.executeCommand<string>('snowparkLocal.showVersion');
    assert.strictEqual(version, (await activeExtension()).packageJSON.version);
  });

  it('opens the fixture workspace', () => {
    assert.strictEqual(path.basename(workspaceFolder().uri.fsPath), 'basic');
  });

  it('offers a CodeLens above each handler in a .py file', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('handlers.py'));
    await vscode.window.showTextDocument(document);
    assert.strictEqual(document.languageId, 'python');
    const lenses = (await codeLensesOf(document.uri, 6)).filter((lens) => lens.command?.title === '▶ Run locally');
    const lines = lenses.map((lens) => lens.range.start.line).sort((a, b) => a - b);
    assert.deepStrictEqual(lines, [4, 8], 'one Run lens per def NAME(session ...), none for helper()');
    assert.ok(lenses.every((lens) => lens.command?.command === 'snowparkLocal.runHandler'));
  });
});
