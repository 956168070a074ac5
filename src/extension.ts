// Entry point: activate() builds the one root object (SnowparkLocalExtension) that owns
// everything; deactivate() disposes it. Activation stays cheap: no runtime, no DuckDB,
// no Python until the first run.
import * as vscode from 'vscode';
import { SnowparkLocalExtension } from './vscode/snowparkLocalExtension';
import type { SnowparkLocalApi } from './vscode/testApi';

let root: SnowparkLocalExtension | undefined;

export function activate(context: vscode.ExtensionContext): SnowparkLocalApi {
  const started = Date.now();
  root = new SnowparkLocalExtension(context, started);
  if (process.env.SNOWPARK_LOCAL_TEST_MODE === 'integration') startIntegrationSuite(context);
  return root.api;
}

export async function deactivate(): Promise<void> {
  const current = root;
  root = undefined;
  await current?.dispose();
}

// Loaded lazily and after activate() has returned, so the tests see an active extension.
function startIntegrationSuite(context: vscode.ExtensionContext): void {
  setTimeout(() => {
    void import('./vscode/testMode/runIntegrationSuite').then((m) => m.runIntegrationSuiteFromEnv(context.extensionPath));
  }, 0);
}
