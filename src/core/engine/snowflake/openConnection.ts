import { ConnectionEntry, findConnection, loadConnections, LoadOptions } from '../../connections/connectionsFile';
import { toSdkOptions } from '../../connections/sdkOptions';
import { Redactor } from '../../connections/secrets';
import { SnowflakeEngine, SnowflakeEngineOptions } from './snowflakeEngine';

export interface OpenedConnection {
  entry: ConnectionEntry;
  /** Scrubs this connection's secrets from any text about to be shown. */
  redactor: Redactor;
  /** Opens the engine (logs in). Throws a secret-free SqlError when the login fails. */
  connect(options?: SnowflakeEngineOptions): Promise<SnowflakeEngine>;
}

/**
 * The one way in for the CLI and the extension: find the named (or default) connection in
 * connections.toml, report file warnings, and map it for snowflake-sdk before anything
 * talks to the network, so a missing key is a clear error, not a driver stack trace.
 */
export function prepareConnection(name: string | undefined, onWarning: (text: string) => void, load: LoadOptions = {}): OpenedConnection {
  const catalog = loadConnections(load);
  for (const warning of catalog.warnings) onWarning(warning);
  const entry = findConnection(catalog, name);
  const mapped = toSdkOptions(entry);
  return {
    entry,
    redactor: mapped.redactor,
    connect: (options) => SnowflakeEngine.openMapped(entry.name, mapped, options),
  };
}
