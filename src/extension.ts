// Entry point. MINIMAL for now: proves the test harness (a command, a CodeLens) until the
// real root object from the design lands here.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { HandlerCodeLensProvider } from './vscode/handlerCodeLens';

export function activate(context: vscode.ExtensionContext): void {
  registerCommands(context);
  context.subscriptions.push(
    vscode.languages.registerCodeLensProvider({ language: 'python' }, new HandlerCodeLensProvider()),
  );
  if (process.env.SNOWPARK_LOCAL_TEST_MODE === 'integration') startIntegrationSuite(context);
}

export function deactivate(): void {}

// Loaded lazily and after activate() has returned, so the tests see an active extension.
function startIntegrationSuite(context: vscode.ExtensionContext): void {
  setTimeout(() => {
    void import('./vscode/testMode/runIntegrationSuite').then((m) =>
      m.runIntegrationSuiteFromEnv(context.extensionPath),
    );
  }, 0);
}
