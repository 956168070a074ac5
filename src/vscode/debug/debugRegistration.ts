import * as vscode from 'vscode';
import type { RunsPart } from '../parts/runsPart';
import { DEBUG_TYPE } from './debugType';

// Registered at activation (a debug session may be the first thing asked of the extension),
// doing nothing until used: each call loads the runs part, where the work is.

export function registerDebugging(part: () => RunsPart): vscode.Disposable[] {
  const configurations = (): RunsPart['debugConfigurations'] => part().debugConfigurations;
  return [
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      {
        provideDebugConfigurations: (folder) => configurations().provide(folder),
        resolveDebugConfiguration: (folder, configuration) => configurations().resolve(folder, configuration),
        resolveDebugConfigurationWithSubstitutedVariables: (folder, configuration) => configurations().resolveWithSubstitutedVariables(folder, configuration),
      },
      vscode.DebugConfigurationProviderTriggerKind.Initial,
    ),
    // The Run and Debug view's dropdown offers these without a launch.json.
    vscode.debug.registerDebugConfigurationProvider(
      DEBUG_TYPE,
      { provideDebugConfigurations: (folder) => configurations().provide(folder) },
      vscode.DebugConfigurationProviderTriggerKind.Dynamic,
    ),
    vscode.debug.registerDebugAdapterDescriptorFactory(DEBUG_TYPE, { createDebugAdapterDescriptor: (session) => part().createDebugAdapter(session) }),
  ];
}
