import * as path from 'path';
import * as vscode from 'vscode';
import type { ConnectionsCatalog } from '../../core/connections/connectionsFile';
import type { SnowflakeEngine } from '../../core/engine/snowflake/snowflakeEngine';

// The Snowflake side of "Select Target": connection names from connections.toml, and the
// engine for one of them. A password typed here lives in SecretStorage (never settings,
// never the output channel); connections.toml stays the user's own file.

export function passwordSecretKey(connection: string): string {
  return `snowparkLocal.password.${connection}`;
}

export interface ConnectionListing {
  names: string[];
  /** Where we looked, for "No connections.toml found at …". */
  file: string;
  found: boolean;
  defaultName: string;
  warnings: string[];
}

export async function listConnections(): Promise<ConnectionListing> {
  const { loadConnections } = await import('../../core/connections/connectionsFile');
  const catalog: ConnectionsCatalog = loadConnections();
  return {
    names: [...catalog.connections.keys()],
    file: catalog.file ?? path.join(catalog.home, 'connections.toml'),
    found: catalog.file !== undefined,
    defaultName: catalog.defaultName,
    warnings: catalog.warnings,
  };
}

export async function openSnowflakeEngine(name: string, secrets: vscode.SecretStorage): Promise<SnowflakeEngine> {
  const { loadConnections, findConnection } = await import('../../core/connections/connectionsFile');
  const { authenticatorOf } = await import('../../core/connections/sdkOptions');
  const entry = findConnection(loadConnections(), name);
  const values = { ...entry.values };
  if (authenticatorOf(entry) === 'SNOWFLAKE' && values.password === undefined) {
    let password = await secrets.get(passwordSecretKey(name));
    if (!password) {
      password = await vscode.window.showInputBox({
        title: `Snowpark Local: password for Snowflake connection '${name}'`,
        prompt: `connections.toml has no password for '${name}'. It will be kept in VS Code's secret storage, not in settings.`,
        password: true,
        ignoreFocusOut: true,
      });
      if (!password) throw new Error(`No password for Snowflake connection '${name}': run again and type it, or select the Local (DuckDB) target.`);
      await secrets.store(passwordSecretKey(name), password);
    }
    values.password = password;
  }
  const { SnowflakeEngine } = await import('../../core/engine/snowflake/snowflakeEngine');
  return SnowflakeEngine.open({ ...entry, values });
}
