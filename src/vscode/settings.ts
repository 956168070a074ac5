import * as vscode from 'vscode';
import { WarehouseType } from '../core/runner/protocol';

// All of the extension's settings, read in one place so names never drift.

export const SETTINGS_SECTION = 'snowparkLocal';
export const LOCAL_TARGET = 'local';

export interface SnowparkLocalSettings {
  pythonPath: string | undefined;
  warehouseType: WarehouseType;
  workers: number | undefined;
  /** As written: empty for the default, relative to the workspace folder, or ':memory:'. */
  databasePath: string;
  codeLensEnabled: boolean;
  /** Keep a Python process started ahead of the next run (warmInterpreters.ts). */
  warmInterpreterEnabled: boolean;
  /** 'local' or a connection name from connections.toml. */
  target: string;
}

export function readSettings(scope?: vscode.ConfigurationScope): SnowparkLocalSettings {
  // null, not undefined, when there is no resource: "any resource" for resource-scoped keys.
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, scope ?? null);
  const workers = config.get<number | null>('workers');
  return {
    pythonPath: config.get<string>('pythonPath')?.trim() || undefined,
    warehouseType: config.get<string>('warehouseType') === 'snowpark-optimized' ? 'snowpark-optimized' : 'standard',
    workers: typeof workers === 'number' && workers > 0 ? Math.floor(workers) : undefined,
    databasePath: config.get<string>('databasePath')?.trim() ?? '',
    codeLensEnabled: config.get<boolean>('codeLens.enabled') ?? true,
    warmInterpreterEnabled: config.get<boolean>('warmInterpreter.enabled') ?? true,
    target: config.get<string>('target')?.trim() || LOCAL_TARGET,
  };
}

export async function updateSetting(key: string, value: unknown): Promise<void> {
  // Workspace scope when a folder is open: the target belongs to the project, not the user.
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update(key, value, target);
}
