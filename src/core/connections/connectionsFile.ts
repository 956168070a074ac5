import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { snowflakeConfigDirectoryFor } from '../platform/platformPaths';
import { isTable, parseToml, TomlError, TomlTable, TomlValue } from './toml';

// Finds connections the way Snowflake's own tools (Snowflake CLI, the Python connector,
// snowflake-sdk) do, so a developer's existing ~/.snowflake setup just works:
//   $SNOWFLAKE_HOME (default ~/.snowflake, else the OS's config folder)/connections.toml,
//   whose tables are connections;
//   else config.toml's [connections.<name>] tables;
//   the default name from $SNOWFLAKE_DEFAULT_CONNECTION_NAME, then config.toml's
//   default_connection_name, then "default";
//   $SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> overriding (or supplying) single keys.

export type ConnectionValue = string | number | boolean | string[];

export interface ConnectionEntry {
  name: string;
  /** snake_case keys as written in the file (account, user, password, …), overrides applied. */
  values: Record<string, ConnectionValue>;
  /** The file it came from, or 'environment' when only environment variables define it. */
  source: string;
  /** Keys that came from SNOWFLAKE_CONNECTIONS_* variables (names only). */
  overriddenKeys: string[];
}

export interface ConnectionsCatalog {
  home: string;
  /** The file the connections were read from, if any. */
  file?: string;
  connections: Map<string, ConnectionEntry>;
  defaultName: string;
  /** Where the default name came from, for `connections list`. */
  defaultSource: 'environment' | 'config.toml' | 'built-in';
  /** Things a person should fix (file permissions), never containing a value. */
  warnings: string[];
}

export class ConnectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConnectionError';
  }
}

export interface LoadOptions {
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  platform?: NodeJS.Platform;
}

const ENV_PREFIX = 'SNOWFLAKE_CONNECTIONS_';

/** The folder of connections.toml / config.toml (see snowflakeConfigDirectoryFor for the rules). */
export function snowflakeHome(env: NodeJS.ProcessEnv = process.env, homeDir: string = homedir(), platform: NodeJS.Platform = process.platform): string {
  return snowflakeConfigDirectoryFor({ platform, env, home: homeDir });
}

export function loadConnections(options: LoadOptions = {}): ConnectionsCatalog {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const home = snowflakeHome(env, options.homeDir, platform);
  const warnings: string[] = [];
  const connectionsPath = join(home, 'connections.toml');
  const configPath = join(home, 'config.toml');

  const config = existsSync(configPath) ? readToml(configPath, platform, warnings) : undefined;
  let file: string | undefined;
  let tables: TomlTable = {};
  if (existsSync(connectionsPath)) {
    file = connectionsPath;
    tables = connectionsIn(readToml(connectionsPath, platform, warnings), true);
  } else if (config) {
    file = configPath;
    tables = connectionsIn(config, false);
  }

  const connections = new Map<string, ConnectionEntry>();
  for (const [name, table] of Object.entries(tables)) {
    if (!isTable(table)) continue;
    connections.set(name, { name, values: flatValues(table, name, file!), source: file!, overriddenKeys: [] });
  }
  applyEnvironmentOverrides(connections, env);

  let defaultName = 'default';
  let defaultSource: ConnectionsCatalog['defaultSource'] = 'built-in';
  const fromEnv = env.SNOWFLAKE_DEFAULT_CONNECTION_NAME?.trim();
  const fromConfig = config?.default_connection_name;
  if (fromEnv) {
    defaultName = fromEnv;
    defaultSource = 'environment';
  } else if (typeof fromConfig === 'string' && fromConfig) {
    defaultName = fromConfig;
    defaultSource = 'config.toml';
  }
  return { home, file, connections, defaultName, defaultSource, warnings };
}

/** The named connection (or the default one); the error says where we looked and what to do. */
export function findConnection(catalog: ConnectionsCatalog, name?: string): ConnectionEntry {
  const wanted = name ?? catalog.defaultName;
  const entry = catalog.connections.get(wanted);
  if (entry) return entry;
  const known = [...catalog.connections.keys()];
  const where = catalog.file ?? `${join(catalog.home, 'connections.toml')} (not found)`;
  throw new ConnectionError(
    `No connection named '${wanted}' in ${where}. ` +
      (known.length ? `Known connections: ${known.join(', ')}. ` : '') +
      `Add a [${wanted}] table to ${join(catalog.home, 'connections.toml')} (or set SNOWFLAKE_HOME), ` +
      'or run `snowpark-local connections list`.',
  );
}

function readToml(path: string, platform: NodeJS.Platform, warnings: string[]): TomlTable {
  const permissionWarning = checkPermissions(path, platform);
  if (permissionWarning) warnings.push(permissionWarning);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConnectionError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}.`);
  }
  try {
    return parseToml(text);
  } catch (error) {
    if (error instanceof TomlError) throw new ConnectionError(`${path}:${error.line}: not valid TOML: ${error.message.replace(/^line \d+: /, '')}.`);
    throw error;
  }
}

/** Snowflake's tools warn when a file holding credentials is open to other users. */
export function checkPermissions(path: string, platform: NodeJS.Platform = process.platform): string | undefined {
  if (platform === 'win32') return undefined;
  let mode: number;
  try {
    mode = statSync(path).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  const octal = (mode & 0o777).toString(8).padStart(4, '0');
  return `Bad permissions on ${path} (${octal}): it can be read or changed by other users. Run: chmod 0600 "${path}"`;
}

/**
 * connections.toml holds connections as top-level tables; config.toml under [connections].
 * A connections.toml written as [connections.NAME] (a common copy-paste) is read too.
 */
function connectionsIn(document: TomlTable, isConnectionsFile: boolean): TomlTable {
  const nested = document.connections;
  if (!isConnectionsFile) return isTable(nested) ? nested : {};
  const keys = Object.keys(document);
  if (keys.length === 1 && isTable(nested) && Object.values(nested).every(isTable)) return nested;
  return document;
}

function flatValues(table: TomlTable, name: string, file: string): Record<string, ConnectionValue> {
  const values: Record<string, ConnectionValue> = {};
  for (const [key, value] of Object.entries(table)) {
    const plain = plainValue(value);
    if (plain === undefined) {
      throw new ConnectionError(`${file}: connection '${name}' key '${key}' must be a string, number, boolean or array of strings.`);
    }
    values[key.toLowerCase()] = plain;
  }
  return values;
}

function plainValue(value: TomlValue): ConnectionValue | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/**
 * SNOWFLAKE_CONNECTIONS_<NAME>_<KEY>=value. Names may hold underscores, so the longest
 * known connection name that prefixes the variable wins; a variable naming no known
 * connection defines one (NAME lower-cased), so CI can work from the environment alone.
 */
function applyEnvironmentOverrides(connections: Map<string, ConnectionEntry>, env: NodeJS.ProcessEnv): void {
  const names = [...connections.keys()].sort((a, b) => b.length - a.length);
  for (const [variable, value] of Object.entries(env)) {
    if (!variable.startsWith(ENV_PREFIX) || value === undefined) continue;
    const rest = variable.slice(ENV_PREFIX.length);
    let name = names.find((candidate) => rest.toUpperCase().startsWith(`${candidate.toUpperCase()}_`) && rest.length > candidate.length + 1);
    let key: string;
    if (name !== undefined) {
      key = rest.slice(name.length + 1).toLowerCase();
    } else {
      const split = rest.indexOf('_');
      if (split <= 0 || split === rest.length - 1) continue;
      name = rest.slice(0, split).toLowerCase();
      key = rest.slice(split + 1).toLowerCase();
      if (!connections.has(name)) {
        connections.set(name, { name, values: {}, source: 'environment', overriddenKeys: [] });
        names.push(name);
        names.sort((a, b) => b.length - a.length);
      }
    }
    const entry = connections.get(name)!;
    entry.values[key] = key === 'port' && /^\d+$/.test(value) ? Number(value) : value;
    if (!entry.overriddenKeys.includes(key)) entry.overriddenKeys.push(key);
  }
}
