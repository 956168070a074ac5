// Launched with workspace trust on and a fresh profile: restricted mode. Handler code
// must never run here; for now this pins down that the launch really is untrusted.
import * as assert from 'assert';
import * as vscode from 'vscode';

describe('untrusted workspace', () => {
  it('reports the workspace as untrusted', () => {
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });
});
