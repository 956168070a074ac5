// Launched with workspace trust disabled (or the folder trusted): full mode.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('trusted workspace', () => {
  it('reports the workspace as trusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, true);
  });
});
