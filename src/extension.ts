// Entry point: activate() builds the one root object (SnowparkLocalExtension) that owns
// everything; deactivate() disposes it. Activation stays cheap: this bundle holds only the
// views and command stubs; the run support, the core, DuckDB, snowflake-sdk and Python
// load on first use (scripts/build.mjs, PARTS).
import * as path from 'path';
import * as vscode from 'vscode';
import { SnowparkLocalExtension } from './vscode/snowparkLocalExtension';
import type { SnowparkLocalApi } from './vscode/testApi';

let root: SnowparkLocalExtension | undefined;

export function activate(context: vscode.ExtensionContext): SnowparkLocalApi {
  const started = Date.now();
  root = new SnowparkLocalExtension(context, started);
  root.api.loadedAtActivation.push(...filesLoadedFrom(context.extensionPath));
  if (process.env.SNOWPARK_LOCAL_TEST_MODE === 'integration') startIntegrationSuite(context);
  return root.api;
}

export async function deactivate(): Promise<void> {
  const current = root;
  root = undefined;
  await current?.dispose();
}

/** This extension's files in Node's module cache; a few hundred keys to scan, well under 1 ms. */
function filesLoadedFrom(folder: string): string[] {
  const prefix = folder + path.sep;
  return Object.keys(require.cache)
    .filter((file) => file.startsWith(prefix))
    .map((file) => path.relative(folder, file).split(path.sep).join('/'));
}

// Loaded lazily and after activate() has returned, so the tests see an active extension.
function startIntegrationSuite(context: vscode.ExtensionContext): void {
  setTimeout(() => {
    void import('./vscode/testMode/runIntegrationSuite').then((m) => m.runIntegrationSuiteFromEnv(context.extensionPath));
  }, 0);
}
