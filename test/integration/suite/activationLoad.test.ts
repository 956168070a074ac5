// What activation loads, in the real extension host: only dist/extension.js. The run
// support (dist/runsPart.js: the core, the SQL translator), DuckDB's native binding and
// snowflake-sdk (trusted/snowflakeTarget.test.ts) load on first use. Runs in every launch
// mode (trusted and restricted).
import * as assert from 'assert';
import * as path from 'path';
import * as vscode from 'vscode';
import { activeExtension, extensionApi } from './helpers';

describe('activation loads only what the first paint needs', () => {
  it('has only dist/extension.js of this extension loaded when activate() returns', async () => {
    const api = await extensionApi();
    assert.deepStrictEqual(api.loadedAtActivation, ['dist/extension.js']);
  });

  it('loads the run support with the first command (so the list above would show it)', async () => {
    const root = (await activeExtension()).extensionPath;
    await vscode.commands.executeCommand('snowparkLocal.showOutput');
    const loaded = Object.keys(require.cache).filter((file) => file.startsWith(root + path.sep));
    assert.ok(loaded.includes(path.join(root, 'dist', 'runsPart.js')), `loaded: ${loaded.join(', ')}`);
  });
});
